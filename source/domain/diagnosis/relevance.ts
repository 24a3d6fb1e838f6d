/**
 * Which live checks bear on a catalog entry or a stall phase. Ids are matched by prefix so
 * producers can add detail (`network:ecr-api:dns`), and path-level network checks (route,
 * NAT, security group, NACL, DNS...) bear on every destination: a blackhole default route
 * blocks ECR, S3 and CloudWatch alike. A check about a *different* destination does not
 * (a missing S3 endpoint does not explain a timeout on api.ecr). [INF from D.2–D.6]
 */
import {NETWORK_DESTINATIONS, type Check, type CheckId} from './types.js';

/** How directly a check bears on what is being explained. */
export type Relevance = 'direct' | 'path';

/** A check together with how it relates to the wanted ids. */
export type RelevantCheck = {readonly check: Check; readonly relevance: Relevance; readonly rank: number};

/** True when `id` is `wanted` or a refinement of it (`wanted:...`, `wanted/...`). */
export function checkIdMatches(id: string, wanted: string): boolean {
	return id === wanted || id.startsWith(`${wanted}:`) || id.startsWith(`${wanted}/`);
}

/** True for a `network:` check that is not about one destination (route, NAT, SG...). */
export function isPathCheck(id: string): boolean {
	if (!id.startsWith('network:')) return false;
	const name = id.slice('network:'.length).split(/[:/]/)[0] ?? '';
	return !(NETWORK_DESTINATIONS as readonly string[]).includes(name);
}

/**
 * The checks relevant to `wanted`, best first: direct matches in the order of `wanted`
 * (catalog entries list their most explanatory check first), then path-level network
 * checks when any wanted id is a network destination.
 */
export function relevantChecks(checks: readonly Check[], wanted: readonly CheckId[]): RelevantCheck[] {
	const wantsNetwork = wanted.some(id => id.startsWith('network:'));
	const result: RelevantCheck[] = [];
	for (const check of checks) {
		const index = wanted.findIndex(id => checkIdMatches(check.id, id));
		if (index >= 0) result.push({check, relevance: 'direct', rank: index});
		else if (wantsNetwork && isPathCheck(check.id)) result.push({check, relevance: 'path', rank: wanted.length});
	}
	// Stable sort keeps the producers' order among equals (e.g. the network path order).
	return result.sort((a, b) => a.rank - b.rank);
}

/** Ids of checks, de-duplicated, in order. */
export function idsOf(checks: readonly RelevantCheck[]): string[] {
	return [...new Set(checks.map(entry => entry.check.id))];
}
