import type {Descriptor} from './store.js';
import type {Session} from './session.js';
import {describeNetworkInterface, describeSubnet, describeVpcModel, listVpcs, type LocatedInterface, type VpcModelRecord, type VpcSummary} from './ec2.js';
import type {Subnet} from '../domain/network/types.js';

/**
 * Cache descriptors of the EC2 reads behind the network view. One VPC's model is one entry
 * (its twelve calls run together), so the diagnosis, the network screen and the VPC overview
 * share a single load. Keys live under `<account>/<region>/ec2/` so a refresh of the region
 * reaches them; lookups that only locate things (ENI, subnet) have their own small entries.
 */

type Scoped = Pick<Session, 'scope' | 'clients'>;

const MINUTE = 60_000;

/** Network configuration changes rarely; a few minutes keeps screens and diagnosis in step. */
export const NETWORK_TTL_MS = 3 * MINUTE;

/** Prefix of every cached EC2 entry of a session. */
export function ec2Prefix(session: Pick<Session, 'scope'>): string {
	return `${session.scope}/ec2/`;
}

export function vpcsResource(session: Scoped): Descriptor<VpcSummary[]> {
	return {
		key: `${ec2Prefix(session)}describeVpcs`,
		ttlMs: NETWORK_TTL_MS,
		what: 'Listing VPCs (ec2:DescribeVpcs)',
		load: ({signal}) => listVpcs(session.clients, signal),
	};
}

export function vpcModelKey(session: Pick<Session, 'scope'>, vpcId: string): string {
	return `${ec2Prefix(session)}vpc/${vpcId}/model`;
}

export function vpcModelResource(session: Scoped, vpcId: string): Descriptor<VpcModelRecord> {
	return {
		key: vpcModelKey(session, vpcId),
		ttlMs: NETWORK_TTL_MS,
		what: `Reading the network of ${vpcId} (ec2:DescribeSubnets, DescribeRouteTables, DescribeVpcEndpoints, ...)`,
		load: ({signal}) => describeVpcModel(session.clients, vpcId, signal),
	};
}

/** A task ENI: short-lived, so a shorter TTL; `null` once Fargate has deleted it. */
export function networkInterfaceResource(session: Scoped, eniId: string): Descriptor<LocatedInterface | null> {
	return {
		key: `${ec2Prefix(session)}eni/${eniId}`,
		ttlMs: MINUTE,
		what: `Reading network interface ${eniId} (ec2:DescribeNetworkInterfaces)`,
		load: async ({signal}) => (await describeNetworkInterface(session.clients, eniId, signal)) ?? null,
	};
}

export function subnetKey(session: Pick<Session, 'scope'>, subnetId: string): string {
	return `${ec2Prefix(session)}subnet/${subnetId}`;
}

/** One subnet and so its VPC; `null` when it does not exist. Filled for free by VPC model loads. */
export function subnetResource(session: Scoped, subnetId: string): Descriptor<Subnet | null> {
	return {
		key: subnetKey(session, subnetId),
		ttlMs: NETWORK_TTL_MS,
		what: `Reading subnet ${subnetId} (ec2:DescribeSubnets)`,
		load: async ({signal}) => (await describeSubnet(session.clients, subnetId, signal)) ?? null,
	};
}
