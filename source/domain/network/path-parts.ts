// Hops every path shares: the task ENI, its subnet and route table at the start, the
// endpoint policy and the service at the end; plus the public-destination target.
import type {PathContext} from './context.js';
import {evaluateEndpointPolicy} from './endpoint-policy.js';
import {layerBucket, policyNeeds} from './endpoints.js';
import {resetEndpointPolicy} from './fixes.js';
import type {FlowTarget} from './filters.js';
import {makeHop} from './hops.js';
import type {Dependency, Hop, HopStatus, VpcEndpoint} from './types.js';

/** The hostname the task dials for each dependency [DOC ECR vpc-endpoints]. */
export function hostFor(dependency: Dependency, region: string, accountId: string): string {
	switch (dependency) {
		case 'ecr-api':
			return `api.ecr.${region}.amazonaws.com`;
		case 'ecr-dkr':
			return `${accountId}.dkr.ecr.${region}.amazonaws.com`;
		case 's3':
			return `${layerBucket(region)}.s3.${region}.amazonaws.com`;
		default:
			return `${dependency}.${region}.amazonaws.com`;
	}
}

/** ENI, subnet and route table: where every path starts. */
export function startHops(ctx: PathContext, dependency: Dependency): Hop[] {
	const {task, subnet, lookup} = ctx;
	const eniId = task.eniId ?? 'task ENI';
	const hops: Hop[] = [
		makeHop(dependency, 'eni', {
			label: `${eniId} ${ctx.taskIp ?? ''}`.trim(), kind: 'eni', resourceId: eniId, status: 'pass',
			evidence: `private IP ${ctx.taskIp ?? 'unknown'}, public IP ${ctx.publicIp.address ?? (ctx.publicIp.has ? 'assigned' : 'none')}, groups ${task.securityGroupIds.join(', ') || 'none'}`,
			reason: 'the task ENI',
		}),
	];
	if (subnet === undefined) {
		hops.push(makeHop(dependency, 'subnet', {label: task.subnetId, kind: 'subnet', resourceId: task.subnetId, status: 'warn', evidence: `${task.subnetId} not found in the VPC data`, reason: `cannot verify: subnet ${task.subnetId} is not in the VPC data`}));
		return hops;
	}
	hops.push(makeHop(dependency, 'subnet', {label: `${subnet.subnetId} ${subnet.availabilityZone}`, kind: 'subnet', resourceId: subnet.subnetId, status: 'pass', evidence: `${subnet.cidrBlock}, ${subnet.availableIpAddressCount} free IPs`, reason: `subnet ${subnet.subnetId}`}));
	if (lookup === undefined) {
		hops.push(makeHop(dependency, 'route-table', {label: 'no route table', kind: 'route-table', resourceId: subnet.subnetId, status: 'warn', evidence: `no explicit association and no main route table in the data`, reason: `cannot verify: no route table found for ${subnet.subnetId}`}));
		return hops;
	}
	const rtb = lookup.table.routeTableId;
	hops.push(makeHop(dependency, 'route-table', {
		label: `${rtb} (${lookup.association})`, kind: 'route-table', resourceId: rtb, status: 'pass',
		evidence: lookup.association === 'explicit' ? `${subnet.subnetId} is explicitly associated with ${rtb}` : `${subnet.subnetId} has no explicit association, so it uses the main route table ${rtb}`,
		reason: `route table ${rtb}`,
	}));
	return hops;
}

/** The destination service at the end of the path. */
export function serviceHop(ctx: PathContext, dependency: Dependency): Hop {
	const host = hostFor(dependency, ctx.task.region, ctx.task.accountId);
	return makeHop(dependency, 'service', {label: host, kind: 'service', resourceId: host, status: 'pass', evidence: `${host} (Region ${ctx.task.region})`, reason: host});
}

/** "Some public address of the service", optionally narrowed to the S3 prefix list. */
export function internetTarget(ctx: PathContext, s3: boolean): FlowTarget {
	if (s3 && ctx.s3PrefixListId !== undefined) {
		const cidrs = ctx.s3Cidrs;
		return {
			text: `S3 (${ctx.s3PrefixListId})`,
			sg: {kind: 'internet', prefixListId: ctx.s3PrefixListId, cidrs, excluded: ctx.excluded},
			nacl: {kind: 'internet', cidrs, excluded: ctx.excluded},
			fixTarget: {prefixListId: ctx.s3PrefixListId},
			fixCidr: '0.0.0.0/0',
		};
	}
	return {
		text: '0.0.0.0/0',
		sg: {kind: 'internet', excluded: ctx.excluded},
		nacl: {kind: 'internet', excluded: ctx.excluded},
		fixTarget: {cidr: '0.0.0.0/0'},
		fixCidr: '0.0.0.0/0',
	};
}

/** The endpoint policy must allow what the task does through it [DOC D.6 step 6]. */
export function policyHop(ctx: PathContext, dependency: Dependency, endpoint: VpcEndpoint): Hop {
	const needs = policyNeeds(dependency, ctx.task);
	const result = evaluateEndpointPolicy(endpoint.policyDocument, needs.requests, ctx.task.executionRoleArn);
	let status: HopStatus;
	switch (result.outcome) {
		case 'allowed':
			status = 'pass';
			break;
		case 'explicit-deny':
			status = 'fail';
			break;
		case 'implicit-deny':
			// With placeholder resources a miss may only mean the policy names exact ARNs.
			status = needs.exact ? 'fail' : 'warn';
			break;
		default:
			status = 'warn';
	}
	const id = endpoint.vpcEndpointId;
	const needed = [...new Set(needs.requests.map(r => r.action))].join(', ');
	const reason = status === 'pass'
		? `the policy of ${id} allows ${needed}`
		: status === 'fail'
			? `the endpoint policy of ${id} ${result.outcome === 'explicit-deny' ? 'denies' : 'does not allow'} ${result.request?.action ?? needed}${dependency === 's3' ? ` on ${layerBucket(ctx.task.region)}` : ''}`
			: `cannot verify the endpoint policy of ${id} (${result.evidence})`;
	return makeHop(dependency, 'policy', {label: `${id} policy`, kind: 'policy', resourceId: id, status, evidence: result.evidence, reason, fix: status === 'pass' ? undefined : resetEndpointPolicy(id, needed)});
}
