import type {Route} from '../../source/app/router.js';
import type {Simulator} from '../../source/sim/server.js';
import {ecsStateOf} from '../../source/sim/world/ecs.js';
import {DEMO_NETWORK} from '../../source/sim/scenarios/demo-network.js';

/**
 * Every screen of the app as the reliability suite drives it on the demo scenario: how to open
 * it, the AWS operation its main data cannot do without (the one a fault is aimed at), what
 * it shows once loaded, and, for screens reached by drilling in, the parent and the keys that
 * open it (so Esc has somewhere to go back to).
 */
export type ScreenCase = {
	name: string;
	route(sim: Simulator): Route;
	/** The operation whose failure leaves the screen without its data. */
	fault: {service: string; operation: string};
	/** Shown once the data is on screen. */
	ready: RegExp;
	/** Drill-in: the screen above it and the keys that open this one from there. */
	parent?: {route(sim: Simulator): Route; ready: RegExp; keys: string[]};
};

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** A task of the demo's prod cluster that stopped (notify: blackhole NAT route). */
export function stoppedNotifyTask(sim: Simulator): string {
	const prod = ecsStateOf(sim.world, ACCOUNT, REGION).clusters.get('prod')!;
	const task = [...prod.tasks.values()].find(candidate => candidate.lastStatus === 'STOPPED' && candidate.serviceName === 'notify');
	if (!task) throw new Error('the demo has no stopped notify task');
	return task.arn;
}

/** A running task of the demo's payments service (it writes logs). */
export function runningPaymentsTask(sim: Simulator): string {
	const prod = ecsStateOf(sim.world, ACCOUNT, REGION).clusters.get('prod')!;
	const task = [...prod.tasks.values()].find(candidate => candidate.lastStatus === 'RUNNING' && candidate.serviceName === 'payments');
	if (!task) throw new Error('the demo has no running payments task');
	return task.arn;
}

export const SCREENS: readonly ScreenCase[] = [
	{
		name: 'repositories',
		route: () => ({screen: 'repositories'}),
		fault: {service: 'ecr', operation: 'DescribeRepositories'},
		ready: /payments-api\s+54/,
	},
	{
		name: 'images',
		route: () => ({screen: 'images', repository: 'payments-api'}),
		fault: {service: 'ecr', operation: 'DescribeImages'},
		ready: /v2\.26\.0, latest/,
		parent: {route: () => ({screen: 'repositories'}), ready: /payments-api\s+54/, keys: ['/', ...'payments', '\r', '\r']},
	},
	{
		name: 'clusters',
		route: () => ({screen: 'tasks'}),
		fault: {service: 'ecs', operation: 'ListClusters'},
		ready: /prod\s+ACTIVE\s+9/,
	},
	{
		name: 'services',
		route: () => ({screen: 'tasks', cluster: 'prod'}),
		fault: {service: 'ecs', operation: 'DescribeServices'},
		ready: /● payments\s+3/,
		parent: {route: () => ({screen: 'tasks'}), ready: /prod\s+ACTIVE\s+9/, keys: ['\r']},
	},
	{
		name: 'tasks',
		route: () => ({screen: 'tasks', cluster: 'prod', service: 'payments'}),
		fault: {service: 'ecs', operation: 'ListTasks'},
		ready: /● RUNNING/,
		parent: {route: () => ({screen: 'tasks', cluster: 'prod'}), ready: /● payments\s+3/, keys: ['/', ...'payments', '\r', '\r']},
	},
	{
		name: 'diagnosis',
		route: sim => ({screen: 'diagnosis', cluster: 'prod', taskArn: stoppedNotifyTask(sim)}),
		fault: {service: 'ecs', operation: 'DescribeTasks'},
		ready: /cannot download image layers/,
		parent: {route: () => ({screen: 'tasks', cluster: 'prod', service: 'notify'}), ready: /x: stopped \([1-9]/, keys: ['x', '\r']},
	},
	{
		name: 'network (VPC overview)',
		route: () => ({screen: 'network'}),
		fault: {service: 'ec2', operation: 'DescribeVpcs'},
		ready: /demo-private-a\s+private \(NAT\)/,
	},
	{
		name: 'network (subnet path)',
		route: () => ({screen: 'network', subnetId: DEMO_NETWORK.subnets.privateA}),
		fault: {service: 'ec2', operation: 'DescribeRouteTables'},
		ready: /hypothetical task in demo-private-a/,
	},
	{
		name: 'network (task path)',
		route: sim => ({screen: 'network', cluster: 'prod', taskArn: stoppedNotifyTask(sim)}),
		fault: {service: 'ec2', operation: 'DescribeRouteTables'},
		ready: /cannot pull: the NAT route/,
		parent: {route: () => ({screen: 'tasks', cluster: 'prod', service: 'notify'}), ready: /x: stopped \([1-9]/, keys: ['x', 'n']},
	},
	{
		name: 'logs',
		route: sim => ({screen: 'logs', cluster: 'prod', taskArn: runningPaymentsTask(sim)}),
		fault: {service: 'logs', operation: 'GetLogEvents'},
		ready: /level=info/,
		parent: {route: () => ({screen: 'tasks', cluster: 'prod', service: 'payments'}), ready: /● RUNNING/, keys: ['l']},
	},
	{
		name: 'lifecycle',
		route: () => ({screen: 'lifecycle', repository: 'payments-api'}),
		fault: {service: 'ecr', operation: 'GetLifecyclePolicy'},
		ready: /draft = AWS policy/,
	},
];

/** A frame as one line of words: borders and wrapping removed, so wrapped text still matches. */
export function flat(frame: string): string {
	return frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
}
