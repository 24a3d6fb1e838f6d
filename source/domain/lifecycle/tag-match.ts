// Tag matching for tagPatternList / tagPrefixList, compiled once per rule.
// [DOC] '*' matches any run of characters (including none); max four '*' per pattern;
// several list entries are AND-combined: every entry must be matched by at least one tag.
// [INF] A pattern is anchored at both ends, so a pattern without '*' is an exact match.
// [INF] Matching is case-sensitive (assumption `case-sensitive-tags`).

/** A compiled test for one list entry against one tag. */
export type TagTest = (tag: string) => boolean;

/** Number of `*` in a pattern. */
export function wildcardCount(pattern: string): number {
	let count = 0;
	for (let i = pattern.indexOf('*'); i >= 0; i = pattern.indexOf('*', i + 1)) count++;
	return count;
}

/** Compiles one tagPatternList entry: `*` = any run (incl. empty), the rest literal, anchored. */
export function compilePattern(pattern: string): TagTest {
	if (!pattern.includes('*')) return tag => tag === pattern;
	const parts = pattern.split('*');
	const first = parts[0] ?? '';
	const last = parts[parts.length - 1] ?? '';
	const middle = parts.slice(1, -1).filter(part => part.length > 0);
	if (middle.length === 0) {
		if (first === '' && last === '') return () => true;
		if (last === '') return tag => tag.startsWith(first);
		if (first === '') return tag => tag.endsWith(last);
		const minimum = first.length + last.length;
		return tag => tag.length >= minimum && tag.startsWith(first) && tag.endsWith(last);
	}
	const minimum = parts.reduce((sum, part) => sum + part.length, 0);
	// Greedy left-to-right: with '*' as the only wildcard, taking each middle part at its
	// earliest position never loses a match.
	return tag => {
		if (tag.length < minimum || !tag.startsWith(first) || !tag.endsWith(last)) return false;
		let from = first.length;
		const end = tag.length - last.length;
		for (const part of middle) {
			const at = tag.indexOf(part, from);
			if (at < 0 || at + part.length > end) return false;
			from = at + part.length;
		}
		return true;
	};
}

/** Compiles one tagPrefixList entry. */
export function compilePrefix(prefix: string): TagTest {
	return tag => tag.startsWith(prefix);
}

/**
 * Compiles a whole list into an image-level test: true when every entry is matched by at
 * least one of the image's tags (AND semantics [DOC]). An image without tags never matches.
 */
export function compileTagList(list: readonly string[], kind: 'pattern' | 'prefix'): (tags: readonly string[]) => boolean {
	const tests = list.map(entry => (kind === 'pattern' ? compilePattern(entry) : compilePrefix(entry)));
	if (tests.length === 1) {
		const test = tests[0] as TagTest;
		return tags => {
			for (let i = 0; i < tags.length; i++) if (test(tags[i] as string)) return true;
			return false;
		};
	}
	return tags => {
		if (tags.length === 0) return false;
		for (const test of tests) {
			let hit = false;
			for (let i = 0; i < tags.length; i++) {
				if (test(tags[i] as string)) {
					hit = true;
					break;
				}
			}
			if (!hit) return false;
		}
		return true;
	};
}

/** Characters a Docker/OCI tag may contain: `[A-Za-z0-9_.-]`, at most 128 of them [DOC distribution spec]. */
export const TAG_CHARACTERS = /^[A-Za-z0-9_.-]*$/;
