import {SimError} from '../errors.js';
import {page} from '../paging.js';
import type {Tags} from '../world/ec2.js';
import {applyFilters, readFilters, type FilterTable} from './ec2-filters.js';

/**
 * The common skeleton of the EC2 Describe* operations: an optional id list (`SubnetId.N`),
 * `Filter.N`, and `MaxResults`/`NextToken` paging with the ranges of the EC2 model
 * (aws-semantics.md D.5). Without MaxResults, EC2 returns everything in one page.
 */
export type DescribeSpec<T> = {
	/** The operation, used to scope paging tokens. */
	operation: string;
	/** Wire name of the id list (`SubnetId` for `SubnetId.1`...). */
	idParam: string;
	/** Wire name of the list element in the response (`subnetSet`). */
	listElement: string;
	items: readonly T[];
	idOf: (item: T) => string;
	notFound: (id: string) => SimError;
	filters: FilterTable<T>;
	tagsOf: (item: T) => Tags;
	/**
	 * MaxResults bounds from the model. `clampAbove` is for members typed as a plain Integer
	 * whose documentation says larger values return at most that many (DescribeVpcEndpoints).
	 */
	maxResults: {min: number; max: number} | {clampAbove: number};
	/** Set where the model says MaxResults and the id list are mutually exclusive; the name used in the message. */
	idsExcludePaging?: string;
	shape: (item: T) => unknown;
};

/** Parses MaxResults, rejecting values outside the model's range with EC2's InvalidParameterValue. */
export function readMaxResults(input: Record<string, unknown>, bounds: DescribeSpec<unknown>['maxResults']): number | undefined {
	const raw = input.MaxResults;
	if (raw === undefined) return undefined;
	const value = Number(raw);
	if (!Number.isInteger(value)) throw new SimError('InvalidParameterValue', `Invalid value '${String(raw)}' for maxResults`);
	if ('clampAbove' in bounds) {
		// [INF] the model leaves the minimum unset; a non-positive page size cannot be honoured.
		if (value < 1) throw new SimError('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than 0.`);
		return Math.min(value, bounds.clampAbove);
	}
	// Wording [OBS] from a DescribeInstances error quoted in public logs ("Expecting a value greater than 5."
	// even though 5 is accepted); the upper-bound wording mirrors it [INF].
	if (value < bounds.min) throw new SimError('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than ${bounds.min}.`);
	if (value > bounds.max) throw new SimError('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value less than or equal to ${bounds.max}.`);
	return value;
}

/** Reads an id list such as `SubnetId.1..N`; a single unnumbered value is accepted too. */
export function readIdList(input: Record<string, unknown>, param: string): string[] | undefined {
	const raw = input[param];
	if (raw === undefined) return undefined;
	return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/** Runs one Describe* request against `spec`, returning `{[listElement]: [...], nextToken}`. */
export function describe<T>(spec: DescribeSpec<T>, input: Record<string, unknown>): Record<string, unknown> {
	const ids = readIdList(input, spec.idParam);
	if (ids && spec.idsExcludePaging && (input.MaxResults !== undefined || input.NextToken !== undefined)) {
		// The model: "You cannot specify this parameter and the ... IDs parameter in the same request."
		throw new SimError('InvalidParameterCombination', `The parameter ${spec.idsExcludePaging} cannot be used with the parameter maxResults`);
	}
	const maxResults = readMaxResults(input, spec.maxResults as DescribeSpec<unknown>['maxResults']);
	let items = spec.items;
	if (ids) {
		const byId = new Map(items.map(item => [spec.idOf(item), item]));
		const missing = ids.find(id => !byId.has(id));
		// AWS names the missing ids; with several it lists them, the simulator names the first [INF].
		if (missing !== undefined) throw spec.notFound(missing);
		const wanted = new Set(ids);
		items = items.filter(item => wanted.has(spec.idOf(item)));
	}
	const filtered = applyFilters(items, readFilters(input), spec.filters, spec.tagsOf);
	const size = maxResults ?? Math.max(filtered.length, 1);
	const result = page(spec.operation, filtered, input.NextToken, size, () => new SimError('InvalidNextToken', 'The specified token is not valid.'));
	return {[spec.listElement]: result.items.map(spec.shape), nextToken: result.nextToken};
}

/** EC2's DryRun: a request that would succeed answers DryRunOperation (HTTP 412) [DOC EC2 API, DryRun]. */
export function checkDryRun(input: Record<string, unknown>): void {
	if (input.DryRun === 'true' || input.DryRun === true) {
		throw new SimError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
	}
}
