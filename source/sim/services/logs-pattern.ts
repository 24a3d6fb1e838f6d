import {SimError} from '../errors.js';

/**
 * CloudWatch Logs filter patterns (FilterLogEvents `filterPattern`), as the simulator
 * understands them [DOC FilterAndPatternSyntax]:
 *
 * - empty: every event;
 * - terms, all of which must appear (`ERROR timeout`); case-sensitive;
 * - `"exact phrase"` (a substring, spaces and punctuation included; `\"` escapes a quote);
 * - `?term ?term`: any of them; `-term`: none of these;
 * - `%regex%`: a standalone regular expression (AWS's subset: no groups);
 * - `{ $.field = value }` JSON patterns with `=`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`.
 *
 * An unquoted word matches a whole word (`fail` does not match `failed`), an unquoted term
 * with punctuation a substring [INF: AWS tokenises unquoted terms]. Space-delimited patterns
 * (`[ip, user, ...]`) are not implemented and are refused with a message that says so.
 */
export type Matcher = (message: string) => boolean;

const invalid = (detail: string) => new SimError('InvalidParameterException', `Invalid filter pattern: ${detail}`);

/** Compiles a pattern once per request; throws InvalidParameterException for bad syntax. */
export function compilePattern(pattern: string | undefined): Matcher {
	const text = (pattern ?? '').trim();
	if (text === '') return () => true;
	if (text.startsWith('%')) return regexMatcher(text);
	if (text.startsWith('{')) return jsonMatcher(text);
	if (text.startsWith('[')) throw new SimError('InvalidParameterException', 'The simulator does not implement space-delimited filter patterns ([...]); use terms, "phrases", %regex% or { $.json } patterns.');
	return termMatcher(text);
}

function regexMatcher(text: string): Matcher {
	if (!text.endsWith('%') || text.length < 3) throw invalid('a regular expression must be enclosed in %');
	const body = text.slice(1, -1);
	if (/[()]/.test(body)) throw invalid('( and ) are not supported in regular expressions');
	try {
		const regex = new RegExp(body);
		return message => regex.test(message);
	} catch {
		throw invalid(`bad regular expression ${body}`);
	}
}

type Term = {kind: 'all' | 'any' | 'none'; test: Matcher};

function wordTest(term: string): Matcher {
	if (/^\w+$/.test(term)) {
		const regex = new RegExp(`(?<![A-Za-z0-9_])${term}(?![A-Za-z0-9_])`);
		return message => regex.test(message);
	}
	return message => message.includes(term);
}

function termMatcher(text: string): Matcher {
	const terms: Term[] = [];
	let index = 0;
	while (index < text.length) {
		while (text[index] === ' ') index++;
		if (index >= text.length) break;
		let kind: Term['kind'] = 'all';
		if (text[index] === '?') kind = 'any';
		else if (text[index] === '-') kind = 'none';
		if (kind !== 'all') index++;
		if (text[index] === '"') {
			let phrase = '';
			index++;
			while (index < text.length && text[index] !== '"') {
				if (text[index] === '\\' && index + 1 < text.length) index++;
				phrase += text[index];
				index++;
			}
			if (text[index] !== '"') throw invalid('unterminated quoted phrase');
			index++;
			terms.push({kind, test: message => message.includes(phrase)});
		} else {
			const end = text.indexOf(' ', index);
			const word = text.slice(index, end === -1 ? text.length : end);
			index = end === -1 ? text.length : end;
			if (word === '') throw invalid(`a lone ${kind === 'any' ? '?' : '-'}`);
			terms.push({kind, test: wordTest(word)});
		}
	}
	const all = terms.filter(term => term.kind === 'all');
	const any = terms.filter(term => term.kind === 'any');
	const none = terms.filter(term => term.kind === 'none');
	return message => all.every(term => term.test(message)) && !none.some(term => term.test(message)) && (any.length === 0 || any.some(term => term.test(message)));
}

/** `wildcard` is the compiled pattern when the value holds `*` (compiled once, not per event). */
type Comparison = {path: string[]; operator: string; value: string | number | boolean | null; wildcard?: RegExp};

function jsonMatcher(text: string): Matcher {
	if (!text.endsWith('}')) throw invalid('a JSON pattern must end with }');
	const body = text.slice(1, -1).trim();
	// || binds looser than && [DOC]; parentheses are not implemented here.
	const alternatives = body.split('||').map(part => part.split('&&').map(condition => parseComparison(condition.trim())));
	return message => {
		let record: unknown;
		try {
			record = JSON.parse(message);
		} catch {
			return false;
		}
		return alternatives.some(conditions => conditions.every(condition => compare(record, condition)));
	};
}

function parseComparison(text: string): Comparison {
	const match = /^\$((?:\.[A-Za-z0-9_-]+)+)\s*(=|!=|<=|>=|<|>)\s*(.+)$/.exec(text);
	if (!match) throw invalid(`cannot read the JSON condition '${text}'`);
	const raw = match[3]!.trim();
	const quoted = /^"(.*)"$/.exec(raw);
	const value = quoted ? quoted[1]! : raw === 'true' ? true : raw === 'false' ? false : raw === 'NULL' ? null : Number.isNaN(Number(raw)) ? raw : Number(raw);
	const wildcard = typeof value === 'string' && value.includes('*') ? new RegExp(`^${value.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`) : undefined;
	return {path: match[1]!.slice(1).split('.'), operator: match[2]!, value, ...(wildcard ? {wildcard} : {})};
}

function compare(record: unknown, condition: Comparison): boolean {
	let current: unknown = record;
	for (const key of condition.path) {
		if (typeof current !== 'object' || current === null) return false;
		current = (current as Record<string, unknown>)[key];
	}
	if (current === undefined) return false;
	const {operator, value} = condition;
	if (typeof value === 'number' && typeof current === 'number') {
		if (operator === '=') return current === value;
		if (operator === '!=') return current !== value;
		if (operator === '<') return current < value;
		if (operator === '<=') return current <= value;
		if (operator === '>') return current > value;
		return current >= value;
	}
	const equal = condition.wildcard && typeof current === 'string' ? condition.wildcard.test(current) : current === value || String(current) === String(value);
	if (operator === '=') return equal;
	if (operator === '!=') return !equal;
	return false;
}
