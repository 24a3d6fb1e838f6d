// The S3 path for image layers: through the S3 gateway endpoint when this route table carries
// its prefix-list route (the prefix list is more specific than 0.0.0.0/0), otherwise out by the
// default route. With the gateway endpoint the task's security groups must allow 443 to the S3
// prefix list (or 0.0.0.0/0) [DOC ECR vpc-endpoints; aws-semantics.md D.2, D.3].
import type {PathContext} from './context.js';
import {findS3GatewayEndpoint, isAvailable, layerBucket} from './endpoints.js';
import {addRouteTableToGatewayEndpoint, createS3GatewayEndpoint} from './fixes.js';
import {naclHop, outboundFlows, taskEgressHop} from './filters.js';
import {makeHop} from './hops.js';
import {internetTarget, policyHop, serviceHop} from './path-parts.js';
import {viaInternet} from './path-interface.js';
import {findRoute, routeDestinationText, type RouteTableLookup} from './routes.js';
import type {DependencyPath, Hop} from './types.js';

/** The S3 (layer download) path. */
export function s3Path(ctx: PathContext, lookup: RouteTableLookup, start: Hop[]): Omit<DependencyPath, 'host' | 'status'> {
	const rtb = lookup.table.routeTableId;
	const gateway = findS3GatewayEndpoint(ctx.model.vpcEndpoints, lookup.table, ctx.task.region, ctx.model.vpc.vpcId);
	const match = findRoute(lookup.table, {kind: 'internet', prefixListId: ctx.s3PrefixListId}, ctx.model.prefixLists);
	const endpoint = gateway.onTable;
	if (endpoint !== undefined && (match === undefined || match.target.kind === 'gateway-endpoint' || gateway.route === undefined)) {
		const id = endpoint.vpcEndpointId;
		const route = gateway.route;
		const dropped = route?.state === 'blackhole';
		const hops: Hop[] = [
			makeHop('s3', 'route', {
				label: `${rtb} ${route?.destinationPrefixListId ?? 'S3 prefix list'}`, kind: 'route', resourceId: rtb,
				status: dropped ? 'fail' : route === undefined ? 'warn' : 'pass',
				evidence: route === undefined ? `${id} lists ${rtb} but no prefix-list route was found in it` : `${routeDestinationText(route)} -> ${id} (${route.state}, prefix-list)`,
				reason: dropped ? `the S3 gateway endpoint route in ${rtb} is a blackhole` : route === undefined ? `cannot verify the S3 gateway endpoint route in ${rtb}` : `${rtb} sends S3 traffic to ${id}`,
			}),
			makeHop('s3', 'endpoint', {
				label: `${id} s3 (Gateway)`, kind: 'endpoint', resourceId: id, status: isAvailable(endpoint.state) ? 'pass' : 'fail',
				evidence: `${id} State=${endpoint.state}, route tables ${endpoint.routeTableIds.join(', ') || 'none'}`,
				reason: isAvailable(endpoint.state) ? `S3 gateway endpoint ${id} is available` : `S3 gateway endpoint ${id} is ${endpoint.state}, not available`,
			}),
		];
		const target = internetTarget(ctx, true);
		hops.push(taskEgressHop(ctx, 's3', [target]));
		hops.push(naclHop({dependency: 's3', step: 'nacl', acl: ctx.nacl, subnetId: ctx.task.subnetId, flows: outboundFlows(target)}));
		hops.push(policyHop(ctx, 's3', endpoint));
		return {dependency: 's3', via: 'gateway-endpoint', viaId: id, hops: [...start, ...hops, serviceHop(ctx, 's3')]};
	}
	const branch = viaInternet(ctx, lookup, 's3', true);
	if (branch.kind === 'none') {
		const other = gateway.elsewhere[0];
		branch.hops = branch.hops.map(hop => hop.id === 's3.route' ? {
			...hop,
			reason: other === undefined
				? `no S3 gateway endpoint on ${rtb} and no NAT — image layers cannot download`
				: `S3 gateway endpoint ${other.vpcEndpointId} is not associated with ${rtb} and there is no NAT — image layers cannot download`,
			evidence: `${hop.evidence}; layers come from ${layerBucket(ctx.task.region)}`,
			fix: other === undefined ? createS3GatewayEndpoint(ctx.model.vpc.vpcId, ctx.task.region, [rtb]) : addRouteTableToGatewayEndpoint(other.vpcEndpointId, rtb),
		} : hop);
	}
	return {dependency: 's3', via: branch.via, viaId: branch.viaId, hops: [...start, ...branch.hops, serviceHop(ctx, 's3')]};
}
