import type {ImageRecord} from './types.js';
import type {ImageGraph} from './image-tree.js';
import {compilePattern} from '../lifecycle/tag-match.js';
import {DAY_MS} from '../lifecycle/reasons.js';

/**
 * Bulk selections for keyboard cleanup. Each returns digests of *top-level* images (children
 * of a present index and referrers of a present subject follow their parent, see
 * deletion-plan.ts). Pure; `now` is passed in. Ages are whole days of 24 hours.
 */
function topLevel(images: readonly ImageRecord[], graph: ImageGraph): ImageRecord[] {
	const present = new Set(images.map(image => image.digest));
	return images.filter(image => !graph.parentsOf.has(image.digest) && !(image.subjectDigest && present.has(image.subjectDigest)));
}

/** Untagged images that stand alone (including children whose index is gone). */
export function selectUntagged(images: readonly ImageRecord[], graph: ImageGraph): string[] {
	return topLevel(images, graph)
		.filter(image => image.tags.length === 0)
		.map(image => image.digest);
}

/** Images pushed more than `days` days ago. */
export function selectOlderThan(images: readonly ImageRecord[], graph: ImageGraph, days: number, now: number): string[] {
	return topLevel(images, graph)
		.filter(image => now - image.pushedAt > days * DAY_MS)
		.map(image => image.digest);
}

/** Images not pulled in `days` days (never pulled counts from the push, as lifecycle does). */
export function selectNotPulledIn(images: readonly ImageRecord[], graph: ImageGraph, days: number, now: number): string[] {
	return topLevel(images, graph)
		.filter(image => now - (image.lastPulledAt ?? image.pushedAt) > days * DAY_MS)
		.map(image => image.digest);
}

/**
 * Among images with a tag matching `pattern` (lifecycle wildcard syntax: `*` any run, exact
 * otherwise), everything except the `keep` most recently pushed.
 */
export function selectAllButNewest(images: readonly ImageRecord[], graph: ImageGraph, keep: number, pattern: string): string[] {
	const matches = compilePattern(pattern);
	const candidates = topLevel(images, graph)
		.filter(image => image.tags.some(tag => matches(tag)))
		.sort((a, b) => b.pushedAt - a.pushedAt || (a.digest < b.digest ? -1 : 1));
	return candidates.slice(Math.max(0, keep)).map(image => image.digest);
}

/** Every top-level image not in `marked`. */
export function invertSelection(images: readonly ImageRecord[], graph: ImageGraph, marked: ReadonlySet<string>): string[] {
	return topLevel(images, graph)
		.filter(image => !marked.has(image.digest))
		.map(image => image.digest);
}
