import {SimError} from '../errors.js';
import type {Tags} from '../world/ec2.js';

/**
 * EC2 `Filter.N.Name` / `Filter.N.Value.M` filtering as the EC2 API reference describes it:
 * filters are ANDed, the values of one filter are ORed, values may use `*` and `?`
 * wildcards, `tag:<key>` matches a tag's value and `tag-key` a tag's key. An unknown filter
 * name is an `InvalidParameterValue` error. Every Describe* request (including
 * DescribeNatGateways, whose SDK member is `Filter` rather than `Filters`) sends them on the
 * wire as `Filter.N...`.
 */

type Scalar = string | number | boolean | undefined | null;

/** The values an item has for one filter name; a list matches when any element matches. */
export type FilterAccessor<T> = (item: T) => Scalar | readonly Scalar[];

export type FilterTable<T> = Record<string, FilterAccessor<T>>;

export type Ec2Filter = {name: string; values: string[]};

/** Reads `Filter.N` from a parsed query request. */
export function readFilters(input: Record<string, unknown>): Ec2Filter[] {
	const raw = input.Filter;
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) throw new SimError('InvalidParameterValue', 'The filter list is malformed');
	return raw.map(entry => {
		const {Name, Value} = (entry ?? {}) as {Name?: unknown; Value?: unknown};
		if (typeof Name !== 'string' || Name === '') throw new SimError('InvalidParameterValue', 'The filter name must be specified');
		const values = Array.isArray(Value) ? Value.map(String) : Value === undefined ? [] : [String(Value)];
		return {name: Name, values};
	});
}

function escapeRegExp(text: string): string {
	return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** EC2 filter values: `*` any run of characters, `?` one character, `\` escapes either. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
	if (!/[*?]/.test(pattern)) return value => value === pattern;
	let source = '';
	for (let index = 0; index < pattern.length; index++) {
		const char = pattern[index]!;
		if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]!);
		else if (char === '*') source += '.*';
		else if (char === '?') source += '.';
		else source += escapeRegExp(char);
	}
	const regex = new RegExp(`^${source}$`, 's');
	return value => regex.test(value);
}

function asStrings(value: Scalar | readonly Scalar[]): string[] {
	const list = Array.isArray(value) ? value : [value];
	return (list as Scalar[]).filter((item): item is string | number | boolean => item !== undefined && item !== null).map(String);
}

/**
 * Keeps the items that pass every filter. `tagsOf` serves the tag filters; names outside
 * `table` fail the whole request, as AWS fails it.
 */
export function applyFilters<T>(items: readonly T[], filters: readonly Ec2Filter[], table: FilterTable<T>, tagsOf: (item: T) => Tags): T[] {
	if (filters.length === 0) return [...items];
	const predicates = filters.map(filter => {
		const matchers = filter.values.map(wildcardMatcher);
		const any = (values: string[]) => values.some(value => matchers.some(match => match(value)));
		if (filter.name.startsWith('tag:')) {
			const key = filter.name.slice(4);
			return (item: T) => {
				const value = tagsOf(item)[key];
				return value !== undefined && any([value]);
			};
		}
		if (filter.name === 'tag-key') return (item: T) => any(Object.keys(tagsOf(item)));
		const accessor = table[filter.name];
		if (!accessor) throw new SimError('InvalidParameterValue', `The filter '${filter.name}' is invalid`);
		return (item: T) => any(asStrings(accessor(item)));
	});
	return items.filter(item => predicates.every(predicate => predicate(item)));
}

/** Protocol names accepted by NACL and security-group protocol filters, as numbers. */
const protocolNumbers: Record<string, string> = {tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1'};

/** Both spellings of a protocol (`tcp` and `6`), so a filter value of either matches. */
export function protocolAliases(protocol: string): string[] {
	const number = protocolNumbers[protocol] ?? protocol;
	const name = Object.entries(protocolNumbers).find(([, value]) => value === number)?.[0];
	return name ? [number, name] : [number];
}
