// The internet branch of a path: the route the destination takes out of the subnet and the
// gateway behind it. IGW needs a public IP on the task; a NAT gateway must be available and
// public, and a zonal one must sit in a subnet that routes to an attached IGW; anything else
// (TGW, peering, appliances) is reported as "cannot verify end to end", never as a pass
// [DOC; aws-semantics.md D.2, D.3, D.6].
import {attachInternetGateway, createRouteToIgw, createRouteToNat, enableAssignPublicIp, replaceRouteWithNat} from './fixes.js';
import {inboundFlows, naclHop, outboundFlows, type FlowTarget} from './filters.js';
import {makeHop, worst} from './hops.js';
import {naclForSubnet, type NaclPeer} from './nacls.js';
import {findRoute, routeDestinationText, routeTableForSubnet, type RouteMatch, type RouteTargetKind} from './routes.js';
import type {Dependency, Hop, HopKind, HopStatus, RouteTable, VpcModel} from './types.js';

/** What the default route leads to. */
export type EgressKind = 'none' | 'blackhole' | 'igw' | 'nat' | 'unverifiable';

/** The internet branch, as hops. */
export type EgressAssessment = {kind: EgressKind; targetId?: string; hops: Hop[]; status: HopStatus};

/** The task-side facts the branch needs; omit for a subnet overview (no task). */
export type EgressTask = {
	publicIp: {has: boolean; address?: string};
	subnetId: string;
	securityGroupIds: readonly string[];
	taskCidr?: string;
	/** The task subnet's CIDR: what ACL fixes should allow, since task IPs change. */
	subnetCidr?: string;
	clusterName?: string;
	serviceName?: string;
};

/** Input to {@link assessEgress}. */
export type EgressInput = {
	model: VpcModel;
	table: RouteTable;
	dependency: Dependency;
	/** The winning route for the destination (from findRoute), or undefined for none. */
	match: RouteMatch | undefined;
	/** The public destination as ACLs see it, and how to name it. */
	internet: FlowTarget;
	task?: EgressTask;
};

const UNVERIFIABLE_KIND: Partial<Record<RouteTargetKind, HopKind>> = {tgw: 'transit', vgw: 'transit', pcx: 'peering'};

/** Whether internet gateway `igwId` is attached to the model's VPC. */
export function isAttached(model: VpcModel, igwId: string): boolean {
	const igw = model.internetGateways.find(g => g.internetGatewayId === igwId);
	return igw?.attachments.some(a => a.vpcId === model.vpc.vpcId && (a.state === 'available' || a.state === 'attached')) ?? false;
}

function attachedIgwId(model: VpcModel): string | undefined {
	return model.internetGateways.find(g => isAttached(model, g.internetGatewayId))?.internetGatewayId;
}

/** A NAT gateway that would work as a default route target, to suggest in fixes. */
export function workingNatId(model: VpcModel): string | undefined {
	return model.natGateways.find(nat => natProblem(model, nat.natGatewayId) === undefined)?.natGatewayId;
}

/** Why a NAT gateway cannot carry internet traffic, or undefined when it can. */
export function natProblem(model: VpcModel, natId: string): {reason: string; evidence: string; fixTable?: string} | undefined {
	const nat = model.natGateways.find(n => n.natGatewayId === natId);
	if (nat === undefined) return {reason: `NAT gateway ${natId} is not in this VPC's data`, evidence: `${natId} not returned by DescribeNatGateways`};
	if (nat.state !== 'available') {
		return {reason: `NAT gateway ${natId} is ${nat.state}${nat.failureMessage === undefined ? '' : ` (${nat.failureMessage})`}`, evidence: `${natId} State=${nat.state}`};
	}
	if (nat.connectivityType === 'private') return {reason: `${natId} is a private NAT gateway: it gives no internet access`, evidence: `${natId} ConnectivityType=private`};
	if (nat.availabilityMode === 'regional') return undefined;
	const lookup = routeTableForSubnet(model.routeTables, nat.subnetId, model.vpc.vpcId);
	const route = lookup === undefined ? undefined : findRoute(lookup.table, {kind: 'internet'}, model.prefixLists);
	if (lookup !== undefined && route !== undefined && !route.dropped && route.target.kind === 'igw' && isAttached(model, route.target.id)) return undefined;
	const tableId = lookup?.table.routeTableId ?? 'its route table';
	return {
		reason: `${natId} sits in ${nat.subnetId} whose route table ${tableId} has no route to an internet gateway`,
		evidence: route === undefined ? `${tableId}: no 0.0.0.0/0 route` : `${tableId}: ${routeDestinationText(route.route)} -> ${route.target.id} (${route.route.state})`,
		fixTable: lookup?.table.routeTableId,
	};
}

function routeHop(input: EgressInput): Hop {
	const {table, dependency, match, model} = input;
	const rtb = table.routeTableId;
	if (match === undefined) {
		return makeHop(dependency, 'route', {
			label: `${rtb} 0.0.0.0/0`, kind: 'route', resourceId: rtb, status: 'fail',
			evidence: `${rtb} has no 0.0.0.0/0 route`,
			reason: `${rtb} has no route to 0.0.0.0/0 (no NAT or internet gateway)`,
			fix: createRouteToNat(rtb, workingNatId(model)),
		});
	}
	const destination = routeDestinationText(match.route);
	const evidence = `${destination} -> ${match.target.id} (${match.route.state}, ${match.priority})`;
	if (match.dropped) {
		const what = match.target.kind === 'nat' ? 'NAT route' : match.target.kind === 'igw' ? 'internet gateway route' : `route to ${match.target.id}`;
		return makeHop(dependency, 'route', {
			label: `${rtb} ${destination}`, kind: 'route', resourceId: rtb, status: 'fail', evidence,
			reason: `the ${what} in ${rtb} is a blackhole`,
			fix: replaceRouteWithNat(rtb, destination, workingNatId(model)),
		});
	}
	const unsure = match.ambiguous.map(routeDestinationText);
	return makeHop(dependency, 'route', {
		label: `${rtb} ${destination}`, kind: 'route', resourceId: rtb, status: unsure.length === 0 ? 'pass' : 'warn',
		evidence: unsure.length === 0 ? evidence : `${evidence}; routes to ${unsure.join(', ')} may be more specific for some addresses`,
		reason: unsure.length === 0 ? `${rtb} sends it to ${match.target.id}` : `routes to ${unsure.join(', ')} in ${rtb} may take part of the traffic`,
	});
}

function natHops(input: EgressInput, natId: string): Hop[] {
	const {model, dependency, task} = input;
	const problem = natProblem(model, natId);
	const nat = model.natGateways.find(n => n.natGatewayId === natId);
	const hops: Hop[] = [];
	if (problem === undefined) {
		const mode = nat?.availabilityMode === 'regional' ? 'regional, needs no public subnet' : `zonal, in ${nat?.subnetId ?? '?'} with an IGW route`;
		hops.push(makeHop(dependency, 'nat', {label: natId, kind: 'nat', resourceId: natId, status: 'pass', evidence: `${natId} available, public, ${mode}`, reason: `${natId} is available`}));
	} else {
		const missing = nat === undefined;
		const fix = problem.fixTable !== undefined ? createRouteToIgw(problem.fixTable, attachedIgwId(model)) : replaceRouteWithNat(input.table.routeTableId, '0.0.0.0/0', workingNatId(model));
		hops.push(makeHop(dependency, 'nat', {label: natId, kind: 'nat', resourceId: natId, status: missing ? 'warn' : 'fail', evidence: problem.evidence, reason: missing ? `cannot verify ${natId}: it is not in the VPC data` : problem.reason, fix: missing ? undefined : fix}));
	}
	// The NAT's own subnet ACL sees the task's request come in and the reply go back [INF].
	if (nat !== undefined && nat.availabilityMode !== 'regional' && task !== undefined && task.taskCidr !== undefined && nat.subnetId !== task.subnetId) {
		const taskPeer: NaclPeer = {kind: 'cidr', cidr: task.taskCidr};
		const flows = [...inboundFlows(taskPeer, `the task (${task.taskCidr})`, task.subnetCidr ?? task.taskCidr), ...outboundFlows(input.internet)];
		hops.push(naclHop({dependency, step: 'nat-nacl', acl: naclForSubnet(model.networkAcls, nat.subnetId, model.vpc.vpcId), subnetId: nat.subnetId, flows}));
	}
	return hops;
}

function igwHop(input: EgressInput, igwId: string): Hop {
	const {model, dependency, task} = input;
	if (!isAttached(model, igwId)) {
		return makeHop(dependency, 'igw', {label: igwId, kind: 'igw', resourceId: igwId, status: 'fail', evidence: `${igwId} has no attachment to ${model.vpc.vpcId}`, reason: `internet gateway ${igwId} is not attached to ${model.vpc.vpcId}`, fix: attachInternetGateway(igwId, model.vpc.vpcId)});
	}
	if (task === undefined) {
		return makeHop(dependency, 'igw', {label: igwId, kind: 'igw', resourceId: igwId, status: 'pass', evidence: `${igwId} attached to ${model.vpc.vpcId}`, reason: `${igwId} is attached`});
	}
	if (!task.publicIp.has) {
		return makeHop(dependency, 'igw', {
			label: `${igwId} (no public IP)`, kind: 'igw', resourceId: igwId, status: 'fail',
			evidence: `${igwId} attached; task assignPublicIp=DISABLED and its ENI has no public IP`,
			reason: `the task has no public IP (assignPublicIp is DISABLED), so it cannot use internet gateway ${igwId}`,
			fix: enableAssignPublicIp({clusterName: task.clusterName, serviceName: task.serviceName, subnetIds: [task.subnetId], securityGroupIds: task.securityGroupIds}),
		});
	}
	return makeHop(dependency, 'igw', {label: `${igwId} via ${task.publicIp.address ?? 'public IP'}`, kind: 'igw', resourceId: igwId, status: 'pass', evidence: `${igwId} attached; task public IP ${task.publicIp.address ?? '(assignPublicIp=ENABLED)'}`, reason: `${igwId} is attached and the task has a public IP`});
}

/** Builds the route hop and the gateway hops for traffic that leaves the VPC by the default route. */
export function assessEgress(input: EgressInput): EgressAssessment {
	const route = routeHop(input);
	const match = input.match;
	if (match === undefined) return {kind: 'none', hops: [route], status: 'fail'};
	if (match.dropped) return {kind: 'blackhole', targetId: match.target.id, hops: [route], status: 'fail'};
	let kind: EgressKind;
	let gateway: Hop[];
	if (match.target.kind === 'nat') {
		kind = 'nat';
		gateway = natHops(input, match.target.id);
	} else if (match.target.kind === 'igw') {
		kind = 'igw';
		gateway = [igwHop(input, match.target.id)];
	} else {
		kind = 'unverifiable';
		const hopKind = UNVERIFIABLE_KIND[match.target.kind] ?? 'appliance';
		gateway = [makeHop(input.dependency, 'egress', {
			label: match.target.id, kind: hopKind, resourceId: match.target.id, status: 'warn',
			evidence: `${routeDestinationText(match.route)} -> ${match.target.id}: the path continues outside what this VPC's data shows (peering / transit / appliance)`,
			reason: `egress via ${match.target.id} — cannot verify end to end`,
		})];
	}
	const hops = [route, ...gateway];
	return {kind, targetId: match.target.id, hops, status: worst(hops.map(h => h.status))};
}
