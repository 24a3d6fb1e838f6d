// IPv4/IPv6 addresses and CIDR blocks as exact integers (bigint), so containment and
// longest-prefix match are arithmetic rather than string games. IPv4 and IPv6 never match
// each other: AWS routes them independently [DOC route-tables-priority].

/** An address family. */
export type IpFamily = 'ipv4' | 'ipv6';

/** A parsed CIDR block; `base` has the host bits cleared, as AWS canonicalises it [DOC CreateRoute]. */
export type Cidr = {
	family: IpFamily;
	base: bigint;
	prefixLength: number;
	/** Canonical text, e.g. `10.0.0.0/16`. */
	text: string;
};

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function bits(family: IpFamily): number {
	return family === 'ipv4' ? 32 : 128;
}

/** Parses a dotted-quad IPv4 address strictly (no leading zeros, no shorthand). */
export function parseIpv4(text: string): bigint | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0n;
	for (const part of parts) {
		if (!IPV4_OCTET.test(part)) return undefined;
		value = (value << 8n) | BigInt(Number(part));
	}
	return value;
}

/** Parses an IPv6 address, with `::` compression and an optional trailing dotted IPv4. */
export function parseIpv6(text: string): bigint | undefined {
	if (text.length === 0 || text.split('::').length > 2) return undefined;
	let groups: string[] = [];
	const [head = '', tail] = text.split('::');
	const headGroups = head === '' ? [] : head.split(':');
	const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
	const expandV4 = (list: string[]): string[] | undefined => {
		const last = list[list.length - 1];
		if (last === undefined || !last.includes('.')) return list;
		const v4 = parseIpv4(last);
		if (v4 === undefined) return undefined;
		return [...list.slice(0, -1), (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16)];
	};
	const expandedTail = expandV4(tail === undefined ? headGroups : tailGroups);
	if (expandedTail === undefined) return undefined;
	if (tail === undefined) {
		groups = expandedTail;
		if (groups.length !== 8) return undefined;
	} else {
		const missing = 8 - headGroups.length - expandedTail.length;
		if (missing < 1) return undefined;
		groups = [...headGroups, ...Array<string>(missing).fill('0'), ...expandedTail];
	}
	let value = 0n;
	for (const group of groups) {
		if (!IPV6_GROUP.test(group)) return undefined;
		value = (value << 16n) | BigInt(Number.parseInt(group, 16));
	}
	return value;
}

/** Parses an address of either family. */
export function parseAddress(text: string): {family: IpFamily; value: bigint} | undefined {
	const v4 = parseIpv4(text);
	if (v4 !== undefined) return {family: 'ipv4', value: v4};
	const v6 = text.includes(':') ? parseIpv6(text) : undefined;
	return v6 === undefined ? undefined : {family: 'ipv6', value: v6};
}

function formatIpv4(value: bigint): string {
	return [24n, 16n, 8n, 0n].map(shift => ((value >> shift) & 0xffn).toString()).join('.');
}

function mask(family: IpFamily, prefixLength: number): bigint {
	const width = BigInt(bits(family));
	const all = (1n << width) - 1n;
	return all ^ ((1n << (width - BigInt(prefixLength))) - 1n);
}

/** Parses `a.b.c.d/n` or `x::/n`; a bare address is taken as a host route (/32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
	const slash = text.indexOf('/');
	const addressText = slash === -1 ? text : text.slice(0, slash);
	const address = parseAddress(addressText);
	if (address === undefined) return undefined;
	const width = bits(address.family);
	let prefixLength = width;
	if (slash !== -1) {
		const lengthText = text.slice(slash + 1);
		if (!/^\d{1,3}$/.test(lengthText)) return undefined;
		prefixLength = Number(lengthText);
		if (prefixLength > width) return undefined;
	}
	const base = address.value & mask(address.family, prefixLength);
	const shown = address.family === 'ipv4' ? formatIpv4(base) : addressText;
	return {family: address.family, base, prefixLength, text: `${shown}/${prefixLength}`};
}

/** The prefix length of a CIDR text, or undefined when it does not parse. */
export function prefixLength(text: string): number | undefined {
	return parseCidr(text)?.prefixLength;
}

/** True when `outer` contains every address of `inner` (same family only). */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
	if (outer.family !== inner.family || outer.prefixLength > inner.prefixLength) return false;
	return (inner.base & mask(outer.family, outer.prefixLength)) === outer.base;
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
	return cidrContainsCidr(a, b) || cidrContainsCidr(b, a);
}

/** True when the CIDR text contains the address (or CIDR) text; false when either does not parse. */
export function contains(cidrText: string, addressOrCidr: string): boolean {
	const outer = parseCidr(cidrText);
	const inner = parseCidr(addressOrCidr);
	return outer !== undefined && inner !== undefined && cidrContainsCidr(outer, inner);
}

/** How a rule's block relates to a peer block: covers it, covers part of it, or misses it. */
export type CidrRelation = 'full' | 'partial' | 'none';

/** Relation of `rule` to `peer`; unparseable input is `none`. */
export function relate(ruleText: string, peerText: string): CidrRelation {
	const rule = parseCidr(ruleText);
	const peer = parseCidr(peerText);
	if (rule === undefined || peer === undefined) return 'none';
	if (cidrContainsCidr(rule, peer)) return 'full';
	return cidrsOverlap(rule, peer) ? 'partial' : 'none';
}

/**
 * Address space that can never hold a public AWS service endpoint: RFC 1918, CGNAT, loopback,
 * link-local. A rule limited to these cannot match traffic to ECR/S3 public IPs [INF].
 */
export const NON_PUBLIC_IPV4: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'];

/**
 * How a rule CIDR relates to "some public address we cannot name" (a service's public IPs):
 * `0.0.0.0/0` covers it; a block inside `excluded` (private space, the VPC's own CIDRs) misses
 * it; anything else might or might not cover it.
 */
export function relateToInternet(ruleText: string, excluded: readonly string[]): CidrRelation {
	const rule = parseCidr(ruleText);
	if (rule === undefined || rule.family !== 'ipv4') return 'none';
	if (rule.prefixLength === 0) return 'full';
	return excluded.some(block => contains(block, rule.text)) ? 'none' : 'partial';
}
