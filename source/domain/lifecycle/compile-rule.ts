// Turns a policy rule into the small record the evaluator's hot loop needs. Reads fields
// defensively so evaluation never throws, even on a policy that skipped validation; a rule
// that cannot be interpreted is skipped with a reason instead.

import {countReason, selectionLabel} from './reasons.js';
import {compileEntry} from './tag-match.js';
import type {EntryMatcher} from './tag-match.js';
import type {ActionType, CountType} from './types.js';
import {isRecord} from '../json.js';

/** How a rule selects images by tags. */
export type TagFilter =
	| {readonly kind: 'any'}
	| {readonly kind: 'untagged'}
	| {readonly kind: 'tagged'; readonly entries: readonly EntryMatcher[]; readonly mask: number};

/** A rule ready for evaluation. */
export interface CompiledRule {
	/** Position in `policy.rules`. */
	readonly index: number;
	readonly priority: number;
	readonly description?: string;
	/** 0 = standard, 1 = archive. */
	readonly storageClass: 0 | 1;
	readonly filter: TagFilter;
	readonly countType: CountType;
	readonly countNumber: number;
	readonly action: ActionType;
	/** `tagged prod*` etc., for reasons. */
	readonly label: string;
	/** The count reason, built once per rule: `beyond the newest 5 of tagged prod*`. */
	readonly countReason: string;
}

/** A rule the evaluator could not interpret. */
export interface SkippedRule {
	readonly index: number;
	readonly reason: string;
}

const COUNT_TYPES = new Set<unknown>(['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned']);

function stringList(value: unknown): readonly string[] | undefined {
	return Array.isArray(value) && value.every(item => typeof item === 'string') ? (value as string[]) : undefined;
}

/** Bit of a tag's first character in the image's `firstMask` (a cheap pre-filter before real matching). */
export function firstCharacterBit(text: string): number {
	return text.length === 0 ? 0 : 1 << (text.charCodeAt(0) & 31);
}

/** Bits every matching image must have: each list entry that starts with a literal needs a tag starting with it. */
function requiredFirstCharacters(list: readonly string[]): number {
	let mask = 0;
	for (const entry of list) if (!entry.startsWith('*')) mask |= firstCharacterBit(entry);
	return mask;
}

/** Compiles one rule, or says why it cannot be evaluated. */
export function compileRule(rule: unknown, index: number): CompiledRule | SkippedRule {
	if (!isRecord(rule)) return {index, reason: 'not an object'};
	const {selection, action} = rule;
	if (!isRecord(selection) || !isRecord(action)) return {index, reason: 'selection or action missing'};
	const priority = rule.rulePriority;
	if (typeof priority !== 'number' || !Number.isFinite(priority)) return {index, reason: 'rulePriority is not a number'};
	const countType = selection.countType;
	if (!COUNT_TYPES.has(countType)) return {index, reason: 'unknown countType'};
	const countNumber = selection.countNumber;
	if (typeof countNumber !== 'number' || !(countNumber >= 0)) return {index, reason: 'countNumber is not a number'};
	if (action.type !== 'expire' && action.type !== 'transition') return {index, reason: 'unknown action type'};
	let filter: TagFilter;
	if (selection.tagStatus === 'any') filter = {kind: 'any'};
	else if (selection.tagStatus === 'untagged') filter = {kind: 'untagged'};
	else if (selection.tagStatus === 'tagged') {
		const patterns = stringList(selection.tagPatternList);
		const prefixes = stringList(selection.tagPrefixList);
		const list = patterns ?? prefixes;
		if (list === undefined || list.length === 0) return {index, reason: 'tagged rule without a tag list'};
		const kind = patterns === undefined ? 'prefix' : 'pattern';
		filter = {kind: 'tagged', entries: list.map(entry => compileEntry(entry, kind)), mask: requiredFirstCharacters(list)};
	} else return {index, reason: 'unknown tagStatus'};
	return {
		index,
		priority,
		description: typeof rule.description === 'string' ? rule.description : undefined,
		storageClass: selection.storageClass === 'archive' ? 1 : 0,
		filter,
		countType: countType as CountType,
		countNumber,
		action: action.type,
		label: selectionLabel(selection),
		countReason: countReason(countNumber, selectionLabel(selection)),
	};
}

/** Compiles every rule and orders them by priority (document order breaks ties). */
export function compileRules(policy: unknown): {rules: CompiledRule[]; skipped: SkippedRule[]} {
	const list = isRecord(policy) && Array.isArray(policy.rules) ? (policy.rules as unknown[]) : [];
	const rules: CompiledRule[] = [];
	const skipped: SkippedRule[] = [];
	list.forEach((rule, index) => {
		const compiled = compileRule(rule, index);
		if ('priority' in compiled) rules.push(compiled);
		else skipped.push(compiled);
	});
	rules.sort((a, b) => a.priority - b.priority || a.index - b.index);
	return {rules, skipped};
}
