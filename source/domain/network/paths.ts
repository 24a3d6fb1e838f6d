// Entry point: for each thing a Fargate task needs before it starts, the path its traffic takes
// and where it breaks [INF, assembled from aws-semantics.md D.1-D.6].
import {buildContext, type PathContext} from './context.js';
import {findInterfaceEndpoint, findS3GatewayEndpoint} from './endpoints.js';
import {worst} from './hops.js';
import {hostFor, startHops} from './path-parts.js';
import {interfacePath} from './path-interface.js';
import {s3Path} from './path-s3.js';
import type {Dependency, DependencyPath, TaskNetwork, TaskPaths, VpcModel} from './types.js';

/**
 * True when the platform version calls the ECR API through `ecr.api`: Linux 1.4.0 and later
 * (and LATEST), every Windows version. Linux 1.3.0 and earlier needed only ecr.dkr + S3 [DOC].
 */
export function needsEcrApi(task: Pick<TaskNetwork, 'platformVersion' | 'platformOs'>): boolean {
	if (task.platformOs === 'windows') return true;
	const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(task.platformVersion.trim());
	if (match === null) return true;
	const [major, minor] = [Number(match[1]), Number(match[2])];
	return major > 1 || (major === 1 && minor >= 4);
}

/** The dependencies to trace: ECR (api, dkr, S3 layers) first, then logs, secrets, parameters, KMS. */
export function requiredDependencies(task: TaskNetwork): Dependency[] {
	const list: Dependency[] = [];
	if (task.needs.ecr) {
		if (needsEcrApi(task)) list.push('ecr-api');
		list.push('ecr-dkr', 's3');
	}
	if (task.needs.logs) list.push('logs');
	if (task.needs.secretsManager) list.push('secretsmanager');
	if (task.needs.ssm) list.push('ssm');
	if (task.needs.kms === true) list.push('kms');
	return list;
}

function tracePath(ctx: PathContext, dependency: Dependency): DependencyPath {
	const host = hostFor(dependency, ctx.task.region, ctx.task.accountId);
	const start = startHops(ctx, dependency);
	if (ctx.subnet === undefined || ctx.lookup === undefined) {
		return {dependency, host, via: 'none', hops: start, status: 'unknown'};
	}
	const path = dependency === 's3' ? s3Path(ctx, ctx.lookup, start) : interfacePath(ctx, ctx.lookup, dependency, start);
	return {...path, host, status: worst(path.hops.map(h => h.status))};
}

/** Python's repr of a list/set of strings, as the runbook prints them [OBS D.1]. */
function pythonList(items: readonly string[], brackets: '[]' | '{}'): string {
	return `${brackets[0]}${items.map(item => `'${item}'`).join(', ')}${brackets[1]}`;
}

function runbookFindings(ctx: PathContext, paths: readonly DependencyPath[]): string[] {
	const findings: string[] = [];
	const {task, model, lookup} = ctx;
	if (task.needs.ecr) {
		const present = ['ecr.dkr', 'ecr.api'].filter(suffix => findInterfaceEndpoint(model.vpcEndpoints, task.region, suffix, model.vpc.vpcId) !== undefined);
		const s3 = findS3GatewayEndpoint(model.vpcEndpoints, lookup?.table, task.region, model.vpc.vpcId).onTable !== undefined;
		const missing = ['ecr.dkr', 'ecr.api', 's3'].filter(name => (name === 's3' ? !s3 : !present.includes(name)));
		if (present.length > 0 && missing.length > 0) {
			findings.push(`You have enabled ECR related private endpoints ${pythonList(present, '[]')}, However missing endpoint/s ${pythonList(missing, '{}')}`);
		}
	}
	const noDefault = paths.some(p => p.hops.some(h => h.kind === 'route' && h.status === 'fail' && h.evidence.includes('has no 0.0.0.0/0 route')));
	if (noDefault && lookup !== undefined) {
		findings.push(`The route table ${lookup.table.routeTableId} associated with the task subnet ${task.subnetId} has no route to an internet gateway or NAT gateway (paths through VPC peering or a transit gateway are not checked)`);
	}
	const blockedEgress = paths.filter(p => p.hops.some(h => h.status === 'fail' && h.id.endsWith('.sg-egress'))).map(p => p.dependency);
	if (blockedEgress.length > 0) {
		findings.push(`The task security group(s) ${task.securityGroupIds.join(', ')} do not allow outbound TCP 443 (needed for ${blockedEgress.join(', ')})`);
	}
	for (const path of paths) {
		for (const hop of path.hops) {
			if (hop.status === 'fail' && hop.id.endsWith('.sg-ingress')) {
				findings.push(`The VPC endpoint security group(s) ${hop.label.split(' ')[0]} of ${path.viaId ?? 'the endpoint'} do not allow inbound TCP 443 from the task security group(s) ${task.securityGroupIds.join(', ')}`);
			}
		}
	}
	return findings;
}

/**
 * Traces every dependency of a task through its VPC. Each path is an ordered list of hops with
 * the rule that decided each one; see `verdict.ts` for the one-line summary and checks.
 */
export function resolveTaskPaths(input: {task: TaskNetwork; model: VpcModel}): TaskPaths {
	const ctx = buildContext(input.task, input.model);
	const paths = requiredDependencies(input.task).map(dependency => tracePath(ctx, dependency));
	const result: TaskPaths = {taskSubnetId: input.task.subnetId, paths, findings: runbookFindings(ctx, paths)};
	if (ctx.lookup !== undefined) result.routeTableId = ctx.lookup.table.routeTableId;
	return result;
}
