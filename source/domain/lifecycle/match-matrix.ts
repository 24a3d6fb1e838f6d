// Which rules' tag selection matches which image, as a bit matrix. Computed in input order
// because that is the order the image objects and tag strings sit in memory: reading them
// in push-time order instead cost a cache miss per image and dominated the evaluation of
// 100,000 images. The evaluator then walks images in push-time order reading only bits.

import type {CompiledRule} from './compile-rule.js';
import type {ImageStates} from './image-states.js';
import {matchesAll, matchesEntry} from './tag-match.js';
import type {EntryMatcher} from './tag-match.js';

/** Bit j of image i's words is set when rule `members[j]` selects image i. */
export interface MatchMatrix {
	/** 32-bit words per image. */
	readonly words: number;
	/** `words` entries per image, indexed by input index. */
	readonly bits: Int32Array;
}

/** Computes the matrix for the rules of one storage class (`members` index `rules`, priority order). */
export function matchMatrix(members: readonly number[], rules: readonly CompiledRule[], state: ImageStates, storageClass: 0 | 1): MatchMatrix {
	const m = members.length;
	const words = Math.max(1, Math.ceil(m / 32));
	const {tags, firstMask} = state;
	const n = tags.length;
	const bits = new Int32Array(n * words);
	const kind = new Int8Array(m); // 0 any, 1 untagged, 2 tagged
	const mask = new Int32Array(m);
	const entries: (readonly EntryMatcher[])[] = [];
	const single: (EntryMatcher | undefined)[] = [];
	for (let j = 0; j < m; j++) {
		const {filter} = rules[members[j] as number] as CompiledRule;
		kind[j] = filter.kind === 'any' ? 0 : filter.kind === 'untagged' ? 1 : 2;
		mask[j] = filter.kind === 'tagged' ? filter.mask : 0;
		const list = filter.kind === 'tagged' ? filter.entries : [];
		entries.push(list);
		// Single-entry lists (the common case) skip the list loop.
		single.push(list.length === 1 ? list[0] : undefined);
	}
	for (let i = 0; i < n; i++) {
		if (state.storageClass[i] !== storageClass) continue;
		const imageTags = tags[i] as readonly string[];
		const tagCount = imageTags.length;
		const first = firstMask[i] as number;
		const base = i * words;
		for (let j = 0; j < m; j++) {
			const ruleKind = kind[j];
			if (ruleKind === 1) {
				if (tagCount !== 0) continue;
			} else if (ruleKind === 2) {
				const required = mask[j] as number;
				// Cheap pre-filter: each entry starting with a literal needs a tag starting with it.
				if (tagCount === 0 || (first & required) !== required) continue;
				const entry = single[j];
				if (entry === undefined) {
					if (!matchesAll(entries[j] as readonly EntryMatcher[], imageTags)) continue;
				} else {
					let hit = false;
					for (let t = 0; t < tagCount; t++) {
						if (matchesEntry(entry, imageTags[t] as string)) {
							hit = true;
							break;
						}
					}
					if (!hit) continue;
				}
			}
			const at = base + (j >>> 5);
			bits[at] = (bits[at] as number) | (1 << (j & 31));
		}
	}
	return {words, bits};
}
