/**
 * What a search highlights in its results: the parts of a line its filter pattern matched.
 * The terms come from the pattern sent to CloudWatch Logs (quoted phrases, plain terms, `?`
 * alternatives, a `%regex%`), case-sensitive as CloudWatch's matching is; excluded `-terms`
 * and JSON patterns highlight nothing.
 */
export type Segment = {text: string; hit: boolean};

/** The matchers of a filter pattern. */
export function termsOf(pattern: string): RegExp[] {
	const text = pattern.trim();
	if (text.startsWith('{') || text.startsWith('[')) return [];
	if (text.startsWith('%') && text.endsWith('%') && text.length > 2) {
		try {
			return [new RegExp(text.slice(1, -1), 'g')];
		} catch {
			return [];
		}
	}
	const terms: string[] = [];
	const token = /([?-]?)(?:"((?:\\.|[^"\\])*)"|(\S+))/g;
	for (let match = token.exec(text); match; match = token.exec(text)) {
		if (match[1] === '-') continue;
		const term = match[2] === undefined ? match[3] : match[2].replace(/\\(.)/g, '$1');
		if (term) terms.push(term);
	}
	return terms.map(term => new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'));
}

/** Splits a line into matched and unmatched parts (overlapping matches merge). */
export function segments(text: string, terms: readonly RegExp[]): Segment[] {
	if (terms.length === 0 || text === '') return [{text, hit: false}];
	const hits: [number, number][] = [];
	for (const term of terms) {
		term.lastIndex = 0;
		for (let match = term.exec(text); match; match = term.exec(text)) {
			if (match[0] === '') {
				term.lastIndex++;
				continue;
			}
			hits.push([match.index, match.index + match[0].length]);
		}
	}
	if (hits.length === 0) return [{text, hit: false}];
	hits.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const [start, end] of hits) {
		const last = merged.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	const out: Segment[] = [];
	let at = 0;
	for (const [start, end] of merged) {
		if (start > at) out.push({text: text.slice(at, start), hit: false});
		out.push({text: text.slice(start, end), hit: true});
		at = end;
	}
	if (at < text.length) out.push({text: text.slice(at), hit: false});
	return out;
}
