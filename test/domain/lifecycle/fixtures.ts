// Builders for lifecycle tests: images by age in days relative to a fixed `NOW`, rules in
// the policy JSON shape, and a tiny seeded PRNG for generated data.

import type {LifecycleImage, LifecyclePolicy, LifecycleRule} from '../../../source/domain/lifecycle/types.js';
import {evaluateLifecycle} from '../../../source/domain/lifecycle/evaluate.js';
import type {EvaluationResult} from '../../../source/domain/lifecycle/evaluate.js';

/** 2026-03-01T00:00:00Z: the "now" of every test. */
export const NOW = Date.UTC(2026, 2, 1);
/** One day in ms. */
export const DAY = 86_400_000;

/** Epoch ms `days` before NOW (fractions allowed). */
export function daysAgo(days: number): number {
	return NOW - Math.round(days * DAY);
}

/** An image named `digest`, pushed `age` days ago (plus `offsetMs` to order same-day pushes). */
export function anImage(digest: string, tags: readonly string[], age: number, extra: Partial<LifecycleImage> & {offsetMs?: number} = {}): LifecycleImage {
	const {offsetMs = 0, ...rest} = extra;
	return {digest, tags, sizeInBytes: 1000, pushedAt: daysAgo(age) + offsetMs, status: 'ACTIVE', ...rest};
}

/** A rule: `keep(1, 'prod')` style helpers below build the common ones. */
export function aRule(priority: number, selection: Record<string, unknown>, action: Record<string, unknown> = {type: 'expire'}): LifecycleRule {
	return {rulePriority: priority, selection, action} as unknown as LifecycleRule;
}

/** A policy from rules. */
export function aPolicy(...rules: LifecycleRule[]): LifecyclePolicy {
	return {rules};
}

/** `tagged` with a prefix list, keep N. */
export function keepPrefix(priority: number, prefixes: string[], keep: number): LifecycleRule {
	return aRule(priority, {tagStatus: 'tagged', tagPrefixList: prefixes, countType: 'imageCountMoreThan', countNumber: keep});
}

/** Evaluates at NOW and returns the acted-on digests, sorted. */
export function actedDigests(result: EvaluationResult, action?: 'expire' | 'transition'): string[] {
	return result.actions.filter(a => action === undefined || a.action === action).map(a => a.digest).sort();
}

/** Evaluates a policy against images at NOW. */
export function run(policy: LifecyclePolicy, images: readonly LifecycleImage[], now = NOW): EvaluationResult {
	return evaluateLifecycle({policy, images, now});
}

/** Mulberry32: a tiny deterministic PRNG returning floats in [0, 1) (the scenarios' own). */
export {prng as seededRandom} from '../../../source/sim/scenarios/factory.js';
