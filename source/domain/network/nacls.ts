// Network ACLs are stateless: each direction is checked on its own, rules in ascending rule
// number, first match wins, and an implicit final `*` rule denies [DOC; aws-semantics.md D.4].
// So a TCP connection needs the request allowed one way and the reply (to the client's
// ephemeral port) allowed the other way.
import {relate, type CidrRelation} from './cidr.js';
import {relateRuleToInternet} from './security-groups.js';
import type {NetworkAcl, NetworkAclEntry} from './types.js';

/** The far end of the traffic, as the ACL sees it. */
export type NaclPeer =
	| {kind: 'cidr'; cidr: string}
	| {kind: 'internet'; cidrs?: readonly string[]; excluded: readonly string[]};

/** One direction of traffic to check. */
export type NaclQuery = {
	direction: 'egress' | 'ingress';
	/** The destination ports of the packets (443 for requests, ephemeral for replies). */
	ports: {from: number; to: number};
	peer: NaclPeer;
};

/** The outcome; `uncertain` when a rule before the decisive one might match part of the traffic. */
export type NaclDecision = {
	outcome: 'allowed' | 'denied' | 'uncertain';
	/** The decisive rule; undefined for the implicit deny. */
	rule?: NetworkAclEntry;
	/** Rules that match only part of the traffic (some ports or some addresses). */
	partialRules: NetworkAclEntry[];
	/** `rule 100 allow egress tcp 443 0.0.0.0/0`, or `rule * deny (implicit)`. */
	text: string;
};

/** Client ports for replies. The ECS connectivity doc names 1024-65535 [DOC verify-connectivity]. */
export const EPHEMERAL_PORTS = {from: 1024, to: 65535} as const;

/** The HTTPS port every dependency uses. */
export const HTTPS_PORTS = {from: 443, to: 443} as const;

/** The rule number the API returns for the `*` rule [INF/UNK]. */
export const IMPLICIT_RULE_NUMBER = 32767;

/**
 * The ACL of a subnet: the one listing it, else the VPC's default ACL (every subnet has exactly
 * one ACL; new subnets get the default) [DOC].
 */
export function naclForSubnet(acls: readonly NetworkAcl[], subnetId: string, vpcId?: string): NetworkAcl | undefined {
	const inVpc = acls.filter(acl => vpcId === undefined || acl.vpcId === vpcId);
	return inVpc.find(acl => acl.associations.some(a => a.subnetId === subnetId)) ?? inVpc.find(acl => acl.isDefault);
}

function relatePorts(entry: NetworkAclEntry, ports: {from: number; to: number}): CidrRelation {
	const protocol = entry.protocol.toLowerCase();
	if (protocol === '-1' || protocol === 'all') return 'full';
	if (protocol !== '6' && protocol !== 'tcp') return 'none';
	if (entry.portRange === undefined) return 'full';
	const {from, to} = entry.portRange;
	if (from <= ports.from && ports.to <= to) return 'full';
	return from <= ports.to && ports.from <= to ? 'partial' : 'none';
}

function relatePeer(entry: NetworkAclEntry, peer: NaclPeer): CidrRelation {
	if (entry.cidrBlock === undefined) return 'none';
	return peer.kind === 'cidr' ? relate(entry.cidrBlock, peer.cidr) : relateRuleToInternet(entry.cidrBlock, peer);
}

function weakest(a: CidrRelation, b: CidrRelation): CidrRelation {
	if (a === 'none' || b === 'none') return 'none';
	return a === 'partial' || b === 'partial' ? 'partial' : 'full';
}

/** `rule 100 allow egress tcp 443 0.0.0.0/0`; the `*` rule is shown as `*`. */
export function describeEntry(entry: NetworkAclEntry): string {
	const number = entry.ruleNumber >= IMPLICIT_RULE_NUMBER ? '*' : String(entry.ruleNumber);
	const protocol = entry.protocol === '-1' ? 'all' : entry.protocol === '6' ? 'tcp' : entry.protocol === '17' ? 'udp' : `proto ${entry.protocol}`;
	const ports = entry.portRange === undefined || entry.protocol === '-1' ? '' : ` ${entry.portRange.from === entry.portRange.to ? entry.portRange.from : `${entry.portRange.from}-${entry.portRange.to}`}`;
	return `rule ${number} ${entry.ruleAction} ${entry.egress ? 'egress' : 'ingress'} ${protocol}${ports} ${entry.cidrBlock ?? entry.ipv6CidrBlock ?? ''}`.trimEnd();
}

/** `rule 50 deny`, `rule * deny` (the implicit rule when `entry` is undefined). */
export function shortRule(entry: NetworkAclEntry | undefined): string {
	if (entry === undefined) return 'rule * deny';
	return `rule ${entry.ruleNumber >= IMPLICIT_RULE_NUMBER ? '*' : entry.ruleNumber} ${entry.ruleAction}`;
}

/** Evaluates one direction of TCP traffic against an ACL. */
export function evaluateNacl(acl: NetworkAcl, query: NaclQuery): NaclDecision {
	const entries = acl.entries
		.filter(entry => entry.egress === (query.direction === 'egress'))
		.sort((a, b) => a.ruleNumber - b.ruleNumber);
	const partialRules: NetworkAclEntry[] = [];
	for (const entry of entries) {
		const relation = weakest(relatePorts(entry, query.ports), relatePeer(entry, query.peer));
		if (relation === 'none') continue;
		if (relation === 'partial') {
			partialRules.push(entry);
			continue;
		}
		const action = entry.ruleAction;
		// An earlier partial rule with the other action decides for some packets: cannot call it.
		const contested = partialRules.some(rule => rule.ruleAction !== action);
		return {
			outcome: contested ? 'uncertain' : action === 'allow' ? 'allowed' : 'denied',
			rule: entry,
			partialRules,
			text: describeEntry(entry),
		};
	}
	const contested = partialRules.some(rule => rule.ruleAction === 'allow');
	return {outcome: contested ? 'uncertain' : 'denied', partialRules, text: 'rule * deny (implicit)'};
}
