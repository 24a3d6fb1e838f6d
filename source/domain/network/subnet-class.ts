// A per-subnet overview for the VPC: what the default route leads to, which endpoints serve the
// subnet, and whether a Fargate task placed there could pull from ECR. Routing and endpoints
// only: security groups belong to a task, so they are judged per task in `paths.ts` [INF].
import {isAttached, natProblem} from './egress.js';
import {INTERFACE_SUFFIX, findInterfaceEndpoint, findS3GatewayEndpoint, isAvailable, isInterfaceEndpointUsable, privateDnsState} from './endpoints.js';
import {findRoute, routeDestinationText, routeTableForSubnet} from './routes.js';
import type {VpcModel} from './types.js';

/** How a subnet reaches (or does not reach) the outside. */
export type SubnetClass = 'public' | 'nat' | 'endpoint-only' | 'isolated' | 'blackhole' | 'unverifiable';

/** Whether a Fargate task in the subnet can pull from ECR. */
export type CanPull = 'yes' | 'only-with-public-ip' | 'no' | 'unknown';

/** One endpoint relevant to Fargate that serves the subnet. */
export type SubnetEndpoint = {service: string; endpointId: string; usable: boolean; note?: string};

/** A row of the subnet overview. */
export type SubnetOverview = {
	subnetId: string;
	name?: string;
	availabilityZone: string;
	cidrBlock: string;
	availableIpAddressCount: number;
	routeTableId?: string;
	association?: 'explicit' | 'main';
	class: SubnetClass;
	/** e.g. `0.0.0.0/0 -> nat-1 (active)` */
	defaultRoute?: string;
	endpoints: SubnetEndpoint[];
	canPull: CanPull;
	/** Why, in plain words. */
	reason: string;
};

const INTERFACE_SUFFIXES = Object.values(INTERFACE_SUFFIX);

function endpointsFor(model: VpcModel, region: string, tableId: string | undefined): SubnetEndpoint[] {
	const list: SubnetEndpoint[] = [];
	for (const suffix of INTERFACE_SUFFIXES) {
		const endpoint = findInterfaceEndpoint(model.vpcEndpoints, region, suffix, model.vpc.vpcId);
		if (endpoint === undefined) continue;
		const usable = isInterfaceEndpointUsable(model.vpc, endpoint);
		const dns = privateDnsState(model.vpc, endpoint);
		const note = !isAvailable(endpoint.state) ? `state ${endpoint.state}` : dns.inEffect ? undefined : dns.problem;
		list.push(note === undefined ? {service: suffix, endpointId: endpoint.vpcEndpointId, usable} : {service: suffix, endpointId: endpoint.vpcEndpointId, usable, note});
	}
	const table = model.routeTables.find(t => t.routeTableId === tableId);
	const s3 = findS3GatewayEndpoint(model.vpcEndpoints, table, region, model.vpc.vpcId).onTable;
	if (s3 !== undefined) {
		const usable = isAvailable(s3.state);
		list.push(usable ? {service: 's3', endpointId: s3.vpcEndpointId, usable} : {service: 's3', endpointId: s3.vpcEndpointId, usable, note: `state ${s3.state}`});
	}
	return list;
}

function missingForPull(endpoints: readonly SubnetEndpoint[]): string[] {
	return ['ecr.api', 'ecr.dkr', 's3'].filter(service => !endpoints.some(e => e.service === service && e.usable));
}

/**
 * Classifies every subnet of the VPC. `endpoint-only` needs usable ecr.api and ecr.dkr interface
 * endpoints (private DNS in effect) and the S3 gateway endpoint on the subnet's route table [DOC D.2].
 */
export function classifySubnets(input: {model: VpcModel; region: string}): SubnetOverview[] {
	const {model, region} = input;
	return model.subnets
		.filter(subnet => subnet.vpcId === model.vpc.vpcId)
		.map(subnet => {
			const base = {
				subnetId: subnet.subnetId,
				availabilityZone: subnet.availabilityZone,
				cidrBlock: subnet.cidrBlock,
				availableIpAddressCount: subnet.availableIpAddressCount,
				...(subnet.tags?.['Name'] === undefined ? {} : {name: subnet.tags['Name']}),
			};
			const lookup = routeTableForSubnet(model.routeTables, subnet.subnetId, model.vpc.vpcId);
			if (lookup === undefined) {
				return {...base, class: 'isolated', endpoints: endpointsFor(model, region, undefined), canPull: 'unknown', reason: 'no route table found for this subnet'} satisfies SubnetOverview;
			}
			const table = lookup.table;
			const endpoints = endpointsFor(model, region, table.routeTableId);
			const missing = missingForPull(endpoints);
			const viaEndpoints = missing.length === 0;
			const withTable = {...base, routeTableId: table.routeTableId, association: lookup.association, endpoints};
			const match = findRoute(table, {kind: 'internet'}, model.prefixLists);
			if (match === undefined) {
				return viaEndpoints
					? {...withTable, class: 'endpoint-only', canPull: 'yes', reason: 'no default route; pulls through the ecr.api, ecr.dkr and S3 gateway endpoints'} satisfies SubnetOverview
					: {...withTable, class: 'isolated', canPull: 'no', reason: `no default route and no usable ${missing.join(', ')} endpoint${missing.length > 1 ? 's' : ''}`} satisfies SubnetOverview;
			}
			const defaultRoute = `${routeDestinationText(match.route)} -> ${match.target.id} (${match.route.state})`;
			const broken = (why: string): SubnetOverview => ({
				...withTable, defaultRoute, class: 'blackhole',
				canPull: viaEndpoints ? 'yes' : 'no',
				reason: viaEndpoints ? `${why}; pulls still work through the ECR and S3 endpoints` : why,
			});
			if (match.dropped) return broken(`the default route to ${match.target.id} is a blackhole`);
			if (match.target.kind === 'igw') {
				const attached = isAttached(model, match.target.id);
				if (!attached) return broken(`internet gateway ${match.target.id} is not attached to ${model.vpc.vpcId}`);
				return {
					...withTable, defaultRoute, class: 'public',
					canPull: viaEndpoints ? 'yes' : 'only-with-public-ip',
					reason: viaEndpoints ? 'pulls through the endpoints; the internet gateway is also there' : `default route to ${match.target.id}: tasks need assignPublicIp ENABLED`,
				};
			}
			if (match.target.kind === 'nat') {
				const problem = natProblem(model, match.target.id);
				if (problem !== undefined) return broken(problem.reason);
				return {...withTable, defaultRoute, class: 'nat', canPull: 'yes', reason: `default route to ${match.target.id}, which is available`};
			}
			return {
				...withTable, defaultRoute, class: 'unverifiable',
				canPull: viaEndpoints ? 'yes' : 'unknown',
				reason: `egress via ${match.target.id} — cannot verify end to end`,
			};
		});
}
