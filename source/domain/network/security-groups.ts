// Security groups are stateful allow-lists: a connection is allowed when any rule of any of the
// ENI's groups allows it, and replies are allowed automatically [DOC; aws-semantics.md D.4].
import {relate, relateToInternet, type CidrRelation} from './cidr.js';
import type {PrefixList, SecurityGroup, SecurityGroupPermission} from './types.js';

/**
 * The other end of a connection as a security-group rule sees it: an address or block (with
 * the groups of the ENI behind it, for group references), or a public service address we
 * cannot name (optionally inside a known AWS prefix list such as S3's).
 */
export type SgPeer =
	| {kind: 'address'; cidr: string; groupIds: readonly string[]}
	| {kind: 'internet'; prefixListId?: string; cidrs?: readonly string[]; excluded: readonly string[]};

/** The outcome of checking one direction of one port against a set of groups. */
export type SgDecision = {
	/** `allowed`: a rule surely matches; `uncertain`: a rule might; `denied`: none can. */
	outcome: 'allowed' | 'uncertain' | 'denied';
	groupId?: string;
	/** The rule that decided, in words (`sg-1 egress tcp 443 0.0.0.0/0`). */
	rule?: string;
	/** Why it is uncertain, when it is. */
	note?: string;
};

const RANK: Record<CidrRelation, number> = {none: 0, partial: 1, full: 2};

/**
 * How a rule block relates to a public peer: against the peer's known CIDRs (S3's prefix list)
 * when we have them, otherwise against "some public address".
 */
export function relateRuleToInternet(ruleCidr: string, peer: {cidrs?: readonly string[]; excluded: readonly string[]}): CidrRelation {
	const fromInternet = relateToInternet(ruleCidr, peer.excluded);
	if (fromInternet === 'full' || peer.cidrs === undefined || peer.cidrs.length === 0) return fromInternet;
	const relations = peer.cidrs.map(block => relate(ruleCidr, block));
	if (relations.every(relation => relation === 'full')) return 'full';
	return relations.some(relation => relation !== 'none') ? 'partial' : 'none';
}

function better(a: CidrRelation, b: CidrRelation): CidrRelation {
	return RANK[a] >= RANK[b] ? a : b;
}

/** True when the permission covers TCP `port`; protocol -1 covers every port [MODEL]. */
export function permissionCoversTcpPort(permission: SecurityGroupPermission, port: number): boolean {
	const protocol = permission.ipProtocol.toLowerCase();
	if (protocol === '-1' || protocol === 'all') return true;
	if (protocol !== 'tcp' && protocol !== '6') return false;
	const from = permission.fromPort ?? -1;
	const to = permission.toPort ?? -1;
	if (from === -1 && to === -1) return true;
	return from <= port && port <= to;
}

function relatePrefixList(prefixListId: string, peer: SgPeer, prefixLists: readonly PrefixList[]): CidrRelation {
	if (peer.kind === 'internet' && peer.prefixListId === prefixListId) return 'full';
	const cidrs = prefixLists.find(list => list.prefixListId === prefixListId)?.cidrs;
	// An unresolved customer list might hold the peer; say so rather than guess [INF].
	if (cidrs === undefined) return 'partial';
	let best: CidrRelation = 'none';
	for (const block of cidrs) best = better(best, peer.kind === 'address' ? relate(block, peer.cidr) : relateRuleToInternet(block, peer) === 'none' ? 'none' : 'partial');
	return best;
}

function relatePermission(permission: SecurityGroupPermission, peer: SgPeer, prefixLists: readonly PrefixList[]): {relation: CidrRelation; source: string} {
	let result: {relation: CidrRelation; source: string} = {relation: 'none', source: ''};
	const offer = (relation: CidrRelation, source: string) => {
		if (RANK[relation] > RANK[result.relation]) result = {relation, source};
	};
	for (const range of permission.ipRanges) {
		offer(peer.kind === 'address' ? relate(range.cidrIp, peer.cidr) : relateRuleToInternet(range.cidrIp, peer), range.cidrIp);
	}
	for (const {prefixListId} of permission.prefixListIds) offer(relatePrefixList(prefixListId, peer, prefixLists), prefixListId);
	if (peer.kind === 'address') {
		for (const pair of permission.userIdGroupPairs) if (peer.groupIds.includes(pair.groupId)) offer('full', pair.groupId);
	}
	return result;
}

/**
 * Checks whether `groups` allow TCP `port` in `direction` to/from `peer`. Any allowing rule in
 * any group suffices (groups are unioned) [DOC].
 */
export function evaluateSecurityGroups(
	groups: readonly SecurityGroup[],
	direction: 'egress' | 'ingress',
	peer: SgPeer,
	port: number,
	prefixLists: readonly PrefixList[] = [],
): SgDecision {
	let partial: SgDecision | undefined;
	for (const group of groups) {
		const permissions = direction === 'egress' ? group.ipPermissionsEgress : group.ipPermissions;
		for (const permission of permissions) {
			if (!permissionCoversTcpPort(permission, port)) continue;
			const {relation, source} = relatePermission(permission, peer, prefixLists);
			const rule = `${group.groupId} ${direction} ${describeProtocol(permission)} ${source}`;
			if (relation === 'full') return {outcome: 'allowed', groupId: group.groupId, rule};
			if (relation === 'partial' && partial === undefined) {
				partial = {outcome: 'uncertain', groupId: group.groupId, rule, note: `${source} may not cover the destination`};
			}
		}
	}
	return partial ?? {outcome: 'denied'};
}

/** `tcp 443`, `tcp 0-65535`, `all`. */
export function describeProtocol(permission: SecurityGroupPermission): string {
	const protocol = permission.ipProtocol.toLowerCase();
	if (protocol === '-1' || protocol === 'all') return 'all';
	const name = protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol;
	const from = permission.fromPort;
	const to = permission.toPort;
	if (from === undefined || from === -1) return name;
	return from === to ? `${name} ${from}` : `${name} ${from}-${to ?? from}`;
}
