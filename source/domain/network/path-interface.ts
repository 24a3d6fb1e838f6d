// The path of a dependency served by an interface endpoint (ecr.api, ecr.dkr, logs, ...):
// through the endpoint when its private DNS name takes effect (the task dials the public
// hostname, so only private DNS diverts it), otherwise out by the default route [DOC D.2, D.6].
import type {PathContext} from './context.js';
import {assessEgress, workingNatId} from './egress.js';
import {INTERFACE_SUFFIX, endpointTargets, findInterfaceEndpoint, isAvailable, privateDnsState, type EndpointTarget} from './endpoints.js';
import {createInterfaceEndpoint, createRouteToNat, enablePrivateDns, enableVpcDnsAttribute} from './fixes.js';
import {endpointIngressHop, inboundFlows, naclHop, outboundFlows, taskEgressHop, type FlowTarget} from './filters.js';
import {makeHop} from './hops.js';
import {naclForSubnet} from './nacls.js';
import {internetTarget, policyHop, serviceHop} from './path-parts.js';
import {findRoute, routeDestinationText, type RouteTableLookup} from './routes.js';
import type {Dependency, DependencyPath, Hop, PathVia, VpcEndpoint} from './types.js';

type Branch = {hops: Hop[]; via: PathVia; viaId?: string};

function endpointFlowTarget(endpoint: VpcEndpoint, target: EndpointTarget): FlowTarget {
	const where = target.ip ?? `${target.subnetId} ${target.cidr}`;
	return {
		text: `${endpoint.vpcEndpointId} (${where})`,
		sg: {kind: 'address', cidr: target.cidr, groupIds: endpoint.groupIds},
		nacl: {kind: 'cidr', cidr: target.cidr},
		fixTarget: endpoint.groupIds[0] !== undefined ? {groupId: endpoint.groupIds[0]} : {cidr: target.cidr},
		fixCidr: target.cidr,
	};
}

function viaEndpoint(ctx: PathContext, lookup: RouteTableLookup, dependency: Dependency, endpoint: VpcEndpoint, customDns: boolean): Branch {
	const id = endpoint.vpcEndpointId;
	const rtb = lookup.table.routeTableId;
	const hops: Hop[] = [
		makeHop(dependency, 'dns', {
			label: `private DNS -> ${id}`, kind: 'dns', resourceId: id, status: customDns ? 'warn' : 'pass',
			evidence: `${id} PrivateDnsEnabled=true; VPC enableDnsSupport=true, enableDnsHostnames=true${customDns ? '; DHCP options use custom DNS servers' : ''}`,
			reason: customDns ? `the VPC uses custom DNS servers: they must forward to Amazon DNS for ${id}'s private name (cannot verify)` : `the service name resolves to ${id}`,
		}),
	];
	const targets = endpointTargets(ctx.model, endpoint);
	const first = targets[0];
	const route = first === undefined ? undefined : findRoute(lookup.table, {kind: 'address', address: first.cidr}, ctx.model.prefixLists);
	const isLocal = route !== undefined && route.target.kind === 'local' && !route.dropped;
	hops.push(makeHop(dependency, 'route', {
		label: `${rtb} ${route === undefined ? 'local' : routeDestinationText(route.route)}`, kind: 'route', resourceId: rtb, status: isLocal ? 'pass' : 'warn',
		evidence: route === undefined ? `no route matches ${first?.cidr ?? 'the endpoint'}` : `${routeDestinationText(route.route)} -> ${route.target.id} (${route.route.state})`,
		reason: isLocal ? `the local route reaches ${id}` : `traffic to ${id} does not take the local route — cannot verify`,
	}));
	const inTaskAz = targets.some(t => t.availabilityZone === ctx.subnet?.availabilityZone);
	const available = isAvailable(endpoint.state);
	hops.push(makeHop(dependency, 'endpoint', {
		label: `${id} ${INTERFACE_SUFFIX[dependency as Exclude<Dependency, 's3'>]}`, kind: 'endpoint', resourceId: id,
		status: !available ? 'fail' : inTaskAz ? 'pass' : 'warn',
		evidence: `${id} State=${endpoint.state}, subnets ${endpoint.subnetIds.join(', ') || 'none'}`,
		reason: !available
			? `interface endpoint ${id} is ${endpoint.state}, not available`
			: inTaskAz ? `${id} is available in ${ctx.subnet?.availabilityZone ?? 'the task AZ'}` : `${id} has no subnet in ${ctx.subnet?.availabilityZone ?? 'the task AZ'}; traffic crosses AZs`,
	}));
	const taskSubnetId = ctx.task.subnetId;
	const remote = targets.filter(t => t.subnetId !== taskSubnetId);
	const local = targets.filter(t => t.subnetId === taskSubnetId);
	hops.push(taskEgressHop(ctx, dependency, targets.map(t => endpointFlowTarget(endpoint, t))));
	if (remote.length > 0) {
		hops.push(naclHop({dependency, step: 'nacl', acl: ctx.nacl, subnetId: taskSubnetId, flows: remote.flatMap(t => outboundFlows(endpointFlowTarget(endpoint, t)))}));
		for (const subnetId of [...new Set(remote.map(t => t.subnetId))]) {
			const taskCidr = ctx.taskCidr ?? ctx.subnet?.cidrBlock ?? '0.0.0.0/0';
			hops.push(naclHop({
				dependency, step: `nacl-${subnetId}`, acl: naclForSubnet(ctx.model.networkAcls, subnetId, ctx.model.vpc.vpcId), subnetId,
				flows: inboundFlows({kind: 'cidr', cidr: taskCidr}, `the task (${taskCidr})`, ctx.subnet?.cidrBlock ?? taskCidr),
			}));
		}
	}
	if (local.length > 0) {
		const flows = local.flatMap(t => outboundFlows(endpointFlowTarget(endpoint, t)));
		hops.push(naclHop({dependency, step: 'nacl-same-subnet', acl: ctx.nacl, subnetId: taskSubnetId, flows, sameSubnet: true}));
	}
	hops.push(endpointIngressHop(ctx, dependency, endpoint));
	hops.push(policyHop(ctx, dependency, endpoint));
	return {hops, via: 'interface-endpoint', viaId: id};
}

/** The default-route branch plus the filters on the way out. */
export function viaInternet(ctx: PathContext, lookup: RouteTableLookup, dependency: Dependency, s3: boolean): Branch & {kind: string} {
	const target = internetTarget(ctx, s3);
	const match = findRoute(lookup.table, {kind: 'internet', prefixListId: s3 ? ctx.s3PrefixListId : undefined}, ctx.model.prefixLists);
	const egress = assessEgress({
		model: ctx.model, table: lookup.table, dependency, match, internet: target,
		task: {publicIp: ctx.publicIp, subnetId: ctx.task.subnetId, securityGroupIds: ctx.task.securityGroupIds, taskCidr: ctx.taskCidr, subnetCidr: ctx.subnet?.cidrBlock, clusterName: ctx.task.clusterName, serviceName: ctx.task.serviceName},
	});
	// Route and gateway first (D.6 order), then the task's own filters, then the NAT subnet's ACL.
	const natAcl = egress.hops.filter(h => h.id.endsWith('.nat-nacl'));
	const hops = [
		...egress.hops.filter(h => !natAcl.includes(h)),
		taskEgressHop(ctx, dependency, [target]),
		naclHop({dependency, step: 'nacl', acl: ctx.nacl, subnetId: ctx.task.subnetId, flows: outboundFlows(target)}),
		...natAcl,
	];
	const via: PathVia = egress.kind === 'nat' || egress.kind === 'igw' || egress.kind === 'unverifiable' ? egress.kind : 'none';
	return {hops, via, viaId: egress.targetId, kind: egress.kind};
}

const DNS_FIX = {
	'private-dns-off': (_ctx: PathContext, e: VpcEndpoint) => enablePrivateDns(e.vpcEndpointId),
	'dns-support-off': (ctx: PathContext) => enableVpcDnsAttribute(ctx.model.vpc.vpcId, 'enableDnsSupport'),
	'dns-hostnames-off': (ctx: PathContext) => enableVpcDnsAttribute(ctx.model.vpc.vpcId, 'enableDnsHostnames'),
} as const;

const DNS_WHY = {
	'private-dns-off': 'private DNS is off',
	'dns-support-off': 'VPC enableDnsSupport is off',
	'dns-hostnames-off': 'VPC enableDnsHostnames is off',
} as const;

/** The path of one interface-endpoint dependency (everything except S3). */
export function interfacePath(ctx: PathContext, lookup: RouteTableLookup, dependency: Exclude<Dependency, 's3'>, start: Hop[]): Omit<DependencyPath, 'host' | 'status'> {
	const suffix = INTERFACE_SUFFIX[dependency];
	const endpoint = findInterfaceEndpoint(ctx.model.vpcEndpoints, ctx.task.region, suffix, ctx.model.vpc.vpcId);
	if (endpoint !== undefined) {
		const dns = privateDnsState(ctx.model.vpc, endpoint);
		if (dns.inEffect) {
			const branch = viaEndpoint(ctx, lookup, dependency, endpoint, dns.customDns);
			return {dependency, ...branch, hops: [...start, ...branch.hops, serviceHop(ctx, dependency)]};
		}
		// The endpoint exists but its name does not resolve to it: traffic goes out by the
		// default route. Whether that works decides if this is a warning or the failure.
		const fallback = viaInternet(ctx, lookup, dependency, false);
		const routeWorks = fallback.kind === 'nat' || fallback.kind === 'igw' || fallback.kind === 'unverifiable';
		const dnsHop = makeHop(dependency, 'dns', {
			label: `${endpoint.vpcEndpointId} private DNS`, kind: 'dns', resourceId: endpoint.vpcEndpointId, status: routeWorks ? 'warn' : 'fail',
			evidence: `${endpoint.vpcEndpointId} PrivateDnsEnabled=${endpoint.privateDnsEnabled}; VPC enableDnsSupport=${ctx.model.vpc.enableDnsSupport}, enableDnsHostnames=${ctx.model.vpc.enableDnsHostnames}`,
			reason: `${endpoint.vpcEndpointId} (${suffix}) is not used because ${DNS_WHY[dns.problem]}${routeWorks ? `; traffic takes the default route instead` : ''}`,
			fix: DNS_FIX[dns.problem](ctx, endpoint),
		});
		return {dependency, via: fallback.via, viaId: fallback.viaId, hops: [...start, dnsHop, ...fallback.hops, serviceHop(ctx, dependency)]};
	}
	const branch = viaInternet(ctx, lookup, dependency, false);
	if (branch.kind === 'none') {
		const rtb = lookup.table.routeTableId;
		const ecrEndpointsInUse = ctx.model.vpcEndpoints.some(e => e.vpcEndpointType === 'Interface');
		const subnetIds = [ctx.task.subnetId];
		branch.hops = branch.hops.map(hop => hop.id === `${dependency}.route` ? {
			...hop,
			reason: `no ${suffix} interface endpoint and no route to 0.0.0.0/0 in ${rtb} (no NAT or internet gateway)`,
			fix: ecrEndpointsInUse
				? createInterfaceEndpoint({vpcId: ctx.model.vpc.vpcId, region: ctx.task.region, suffix, subnetIds, securityGroupIds: ['<endpoint-security-group-id>']})
				: createRouteToNat(rtb, workingNatId(ctx.model)),
		} : hop);
	}
	return {dependency, via: branch.via, viaId: branch.viaId, hops: [...start, ...branch.hops, serviceHop(ctx, dependency)]};
}
