// Route table selection and route lookup for a subnet, following the VPC route priority rules:
// longest prefix first; on equal prefixes static beats prefix-list beats propagated
// [DOC route-tables-priority; aws-semantics.md D.3].
import {NON_PUBLIC_IPV4, contains, parseCidr, prefixLength, relateToInternet} from './cidr.js';
import type {PrefixList, Route, RouteTable} from './types.js';

/** What a route sends traffic to, classified by target id prefix [DOC; D.3 step 4]. */
export type RouteTargetKind =
	| 'local'
	| 'igw'
	| 'nat'
	| 'gateway-endpoint'
	| 'gwlb-endpoint'
	| 'tgw'
	| 'pcx'
	| 'vgw'
	| 'eni'
	| 'instance'
	| 'unknown';

/** A classified route target. */
export type RouteTarget = {kind: RouteTargetKind; id: string};

/** Classifies a route's target by which field is set and by id prefix. */
export function classifyTarget(route: Route): RouteTarget {
	if (route.natGatewayId !== undefined) return {kind: 'nat', id: route.natGatewayId};
	if (route.transitGatewayId !== undefined) return {kind: 'tgw', id: route.transitGatewayId};
	if (route.vpcPeeringConnectionId !== undefined) return {kind: 'pcx', id: route.vpcPeeringConnectionId};
	// A NAT instance route carries both the instance and its ENI; the instance is the better name.
	if (route.instanceId !== undefined) return {kind: 'instance', id: route.instanceId};
	if (route.networkInterfaceId !== undefined) return {kind: 'eni', id: route.networkInterfaceId};
	const id = route.gatewayId;
	if (id === undefined) return {kind: 'unknown', id: 'unknown'};
	if (id === 'local') return {kind: 'local', id};
	if (id.startsWith('igw-')) return {kind: 'igw', id};
	if (id.startsWith('vgw-')) return {kind: 'vgw', id};
	if (id.startsWith('nat-')) return {kind: 'nat', id};
	if (id.startsWith('tgw-')) return {kind: 'tgw', id};
	if (id.startsWith('pcx-')) return {kind: 'pcx', id};
	// Gateway endpoints install prefix-list routes; a vpce- target on a CIDR is a GWLB endpoint.
	if (id.startsWith('vpce-')) return {kind: route.destinationPrefixListId === undefined ? 'gwlb-endpoint' : 'gateway-endpoint', id};
	return {kind: 'unknown', id};
}

/** Tie-break class of a route. */
export type RoutePriority = 'static' | 'prefix-list' | 'propagated';

const PRIORITY_RANK: Record<RoutePriority, number> = {static: 0, 'prefix-list': 1, propagated: 2};

/** Static routes beat prefix-list routes, which beat propagated (VGW) routes [DOC]. */
export function routePriority(route: Route): RoutePriority {
	if (route.origin === 'EnableVgwRoutePropagation') return 'propagated';
	if (route.destinationPrefixListId !== undefined) return 'prefix-list';
	return 'static';
}

/** The destination as shown in the console: CIDR, IPv6 CIDR or prefix-list id. */
export function routeDestinationText(route: Route): string {
	return route.destinationCidrBlock ?? route.destinationIpv6CidrBlock ?? route.destinationPrefixListId ?? '?';
}

/** The route table a subnet uses and how it got it. */
export type RouteTableLookup = {table: RouteTable; association: 'explicit' | 'main'};

const DEAD_ASSOCIATION = new Set(['disassociated', 'disassociating', 'failed']);

/**
 * The route table of a subnet: the one explicitly associated with it, else the VPC's main table
 * (implicit association; DescribeRouteTables returns no SubnetId for it) [DOC; D.3 step 1].
 */
export function routeTableForSubnet(routeTables: readonly RouteTable[], subnetId: string, vpcId?: string): RouteTableLookup | undefined {
	const inVpc = routeTables.filter(table => vpcId === undefined || table.vpcId === vpcId);
	const live = (state: string | undefined) => state === undefined || !DEAD_ASSOCIATION.has(state);
	const explicit = inVpc.find(table => table.associations.some(a => a.subnetId === subnetId && live(a.state)));
	if (explicit !== undefined) return {table: explicit, association: 'explicit'};
	const main = inVpc.find(table => table.associations.some(a => a.main));
	return main === undefined ? undefined : {table: main, association: 'main'};
}

/**
 * Where traffic is going: a known address (an endpoint ENI), or a public service whose
 * addresses we cannot name, optionally with the AWS-managed prefix list that holds them (S3).
 */
export type RouteDestination = {kind: 'address'; address: string} | {kind: 'internet'; prefixListId?: string};

/** The route that carries traffic to a destination. */
export type RouteMatch = {
	route: Route;
	target: RouteTarget;
	/** The matched prefix length (for a prefix-list route, that of the matching entry). */
	prefixLength: number;
	priority: RoutePriority;
	/** A blackhole route still wins the lookup and drops the traffic [DOC route State; INF]. */
	dropped: boolean;
	/** Routes that might be more specific for some of the service's addresses; we cannot tell. */
	ambiguous: Route[];
};

type Candidate = {route: Route; length: number};

function prefixListCidrs(prefixLists: readonly PrefixList[], id: string): string[] | undefined {
	return prefixLists.find(list => list.prefixListId === id)?.cidrs;
}

function matchAddress(route: Route, address: string, prefixLists: readonly PrefixList[]): number | 'unknown' | undefined {
	const cidr = route.destinationCidrBlock ?? route.destinationIpv6CidrBlock;
	if (cidr !== undefined) return contains(cidr, address) ? prefixLength(cidr) : undefined;
	if (route.destinationPrefixListId === undefined) return undefined;
	const cidrs = prefixListCidrs(prefixLists, route.destinationPrefixListId);
	if (cidrs === undefined) return 'unknown';
	const lengths = cidrs.filter(block => contains(block, address)).map(block => prefixLength(block) ?? 0);
	return lengths.length === 0 ? undefined : Math.max(...lengths);
}

function matchInternet(route: Route, prefixListId: string | undefined, excluded: readonly string[], prefixLists: readonly PrefixList[]): number | 'unknown' | undefined {
	if (route.destinationCidrBlock !== undefined) {
		if (parseCidr(route.destinationCidrBlock)?.prefixLength === 0) return 0;
		return relateToInternet(route.destinationCidrBlock, excluded) === 'none' ? undefined : 'unknown';
	}
	if (route.destinationPrefixListId === undefined) return undefined;
	const cidrs = prefixListCidrs(prefixLists, route.destinationPrefixListId);
	if (route.destinationPrefixListId === prefixListId) {
		// Any entry of the service's own list is more specific than 0.0.0.0/0; with the CIDRs
		// unknown, /1 stands for "beats only the default route" [INF].
		const lengths = (cidrs ?? []).map(block => prefixLength(block) ?? 1);
		return lengths.length === 0 ? 1 : Math.max(1, Math.min(...lengths));
	}
	// A gateway endpoint's list holds only its own service's (S3/DynamoDB) addresses [DOC].
	if (route.gatewayId?.startsWith('vpce-') === true) return undefined;
	if (cidrs !== undefined && cidrs.every(block => relateToInternet(block, excluded) === 'none')) return undefined;
	return 'unknown';
}

/**
 * The route that wins for `destination` in `table`. Filtered routes are not installed and are
 * skipped [UNK: the `filtered` state is undocumented beyond the enum]; blackhole routes take
 * part and drop the traffic. IPv4 and IPv6 routes never compete [DOC].
 */
export function findRoute(table: RouteTable, destination: RouteDestination, prefixLists: readonly PrefixList[] = []): RouteMatch | undefined {
	const localBlocks = table.routes.filter(route => route.gatewayId === 'local' && route.destinationCidrBlock !== undefined).map(route => route.destinationCidrBlock as string);
	const excluded = [...NON_PUBLIC_IPV4, ...localBlocks];
	const candidates: Candidate[] = [];
	const unsure: Route[] = [];
	for (const route of table.routes) {
		if (route.state === 'filtered') continue;
		const length = destination.kind === 'address'
			? matchAddress(route, destination.address, prefixLists)
			: matchInternet(route, destination.prefixListId, excluded, prefixLists);
		if (length === 'unknown') unsure.push(route);
		else if (length !== undefined) candidates.push({route, length});
	}
	candidates.sort((a, b) => b.length - a.length || PRIORITY_RANK[routePriority(a.route)] - PRIORITY_RANK[routePriority(b.route)]);
	const best = candidates[0];
	if (best === undefined) return undefined;
	return {
		route: best.route,
		target: classifyTarget(best.route),
		prefixLength: best.length,
		priority: routePriority(best.route),
		dropped: best.route.state === 'blackhole',
		ambiguous: unsure,
	};
}

/** The prefix list id AWS names after a service, e.g. `com.amazonaws.us-east-1.s3`. */
export function prefixListIdForService(prefixLists: readonly PrefixList[], serviceName: string): string | undefined {
	return prefixLists.find(list => list.prefixListName === serviceName)?.prefixListId;
}
