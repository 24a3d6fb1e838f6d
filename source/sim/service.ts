import type {Principal, World} from './world/world.js';

/** What a handler knows about the call it is answering. */
export type CallContext = {
	world: World;
	accountId: string;
	region: string;
	principal: Principal;
	/** Simulated time of the call, epoch ms. */
	now: number;
	service: string;
	operation: string;
};

/** Answers one operation: returns the response body (plain data) or throws a SimError. */
export type Handler = (input: Record<string, unknown>, context: CallContext) => unknown;

/**
 * One simulated service. `json` is AWS JSON 1.1 (ECR, ECS, CloudWatch Logs); `ec2` is the
 * EC2 query dialect (`<item>` lists, `requestId`); `query` is the IAM/STS dialect
 * (`<XResult>` wrapper, `<member>` lists).
 */
export type ServiceDefinition =
	| {name: string; protocol: 'json'; targetPrefix: string; handlers: Record<string, Handler>}
	| {name: string; protocol: 'ec2' | 'query'; version: string; xmlns: string; handlers: Record<string, Handler>};

const readPrefixes = ['Describe', 'List', 'Get', 'BatchGet', 'BatchCheck', 'Simulate', 'Filter', 'Lookup', 'StartLifecyclePolicyPreview', 'StartQuery'];

/**
 * Whether an operation changes state. The read-only crawl test asserts the app never sends
 * one of these in read-only mode, so anything not plainly a read counts as mutating.
 */
export function isMutatingOperation(operation: string): boolean {
	return !readPrefixes.some(prefix => operation.startsWith(prefix));
}
