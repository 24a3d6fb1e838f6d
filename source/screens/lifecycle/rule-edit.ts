// Rule-by-rule editing of a policy value that may be incomplete or invalid (it is what the
// user is typing). Every function is pure and returns a new value; the screen formats it back
// into the draft text. Choices offered per field follow aws-semantics.md §A.1/§A.2 (countUnit
// only with since* types, archive only with sinceImageTransitioned, targetStorageClass only
// with transition, sinceImagePulled only with transition, one untagged rule and `any` last per
// storage class); test/screens/lifecycle/rule-edit.test.ts checks them against the validator.

import {selectionLabel} from '../../domain/lifecycle/index.js';
import {isRecord} from '../../domain/json.js';

type Json = Record<string, unknown>;

function recordOf(value: unknown): Json {
	return isRecord(value) ? value : {};
}

/** One rule as the rules list shows it. */
export interface RuleRow {
	/** Index in the `rules` array. */
	readonly index: number;
	readonly priority: number | undefined;
	readonly description: string;
	/** `tagged v*`, `untagged`, `any (archive)`. */
	readonly selection: string;
	/** `keep newest 20`, `pushed > 14 d`. */
	readonly count: string;
	/** `expire` or `archive`. */
	readonly action: string;
}

/** The rules of a policy value in the order AWS applies them (priority, then position), or why there are none to show. */
export function ruleRows(policy: unknown): {readonly rows: readonly RuleRow[]} | {readonly reason: string} {
	if (!isRecord(policy)) return {reason: 'The policy is not a JSON object.'};
	const rules = policy.rules;
	if (!Array.isArray(rules)) return {reason: 'The policy has no "rules" list.'};
	const rows = rules.map((rule, index): RuleRow => {
		const record = recordOf(rule);
		const selection = recordOf(record.selection);
		const action = recordOf(record.action);
		const priority = typeof record.rulePriority === 'number' ? record.rulePriority : undefined;
		return {
			index, priority,
			description: typeof record.description === 'string' ? record.description : '',
			selection: isRecord(record.selection) ? selectionLabel(selection) : '(no selection)',
			count: countText(selection),
			action: action.type === 'transition' ? 'archive' : action.type === 'expire' ? 'expire' : String(action.type ?? '?'),
		};
	});
	return {rows: [...rows].sort(byPriority)};
}

function byPriority(a: RuleRow, b: RuleRow): number {
	const pa = a.priority ?? Number.POSITIVE_INFINITY;
	const pb = b.priority ?? Number.POSITIVE_INFINITY;
	return pa === pb ? a.index - b.index : pa < pb ? -1 : 1;
}

function countText(selection: Json): string {
	const n = String(selection.countNumber ?? '?');
	switch (selection.countType) {
		case 'imageCountMoreThan':
			return `keep newest ${n}`;
		case 'sinceImagePushed':
			return `pushed > ${n} d`;
		case 'sinceImagePulled':
			return `not pulled ${n} d`;
		case 'sinceImageTransitioned':
			return `archived > ${n} d`;
		default:
			return String(selection.countType ?? '?');
	}
}

function rulesOf(policy: unknown): unknown[] {
	return Array.isArray(recordOf(policy).rules) ? [...(recordOf(policy).rules as unknown[])] : [];
}

function withRules(policy: unknown, rules: unknown[]): Json {
	return {...recordOf(policy), rules};
}

function storageClassOf(rule: unknown): string {
	return recordOf(recordOf(rule).selection).storageClass === 'archive' ? 'archive' : 'standard';
}

function tagStatusOf(rule: unknown): unknown {
	return recordOf(recordOf(rule).selection).tagStatus;
}

/** A sensible new rule that fits the policy: untagged cleanup when there is none, else a tagged keep-count. */
export function newRule(policy: unknown): Json {
	const rules = rulesOf(policy);
	const hasUntagged = rules.some(rule => tagStatusOf(rule) === 'untagged' && storageClassOf(rule) === 'standard');
	if (!hasUntagged) {
		return {rulePriority: 0, description: 'Expire untagged images after 14 days', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}};
	}
	const lists = new Set(rules.map(rule => JSON.stringify(recordOf(recordOf(rule).selection).tagPatternList ?? null)));
	const pattern = lists.has(JSON.stringify(['*'])) ? 'feature-*' : '*';
	return {rulePriority: 0, description: `Keep the newest 100 ${pattern === '*' ? 'tagged' : pattern} images`, selection: {tagStatus: 'tagged', tagPatternList: [pattern], countType: 'imageCountMoreThan', countNumber: 100}, action: {type: 'expire'}};
}

/**
 * Adds a rule after display position `after` (-1: first), before any `any` rule there (which
 * must stay last), and renumbers. Returns the policy and the new rule's display position.
 */
export function addRule(policy: unknown, after: number, rule: Json = newRule(policy)): {policy: Json; position: number} {
	const result = ruleRows(policy);
	const rows = 'rows' in result ? result.rows : [];
	const rules = rulesOf(policy);
	let position = Math.max(0, Math.min(rows.length, after + 1));
	while (position > 0 && tagStatusOf(rules[rows[position - 1]?.index ?? -1]) === 'any') position--;
	const ordered = rows.map(row => rules[row.index]);
	ordered.splice(position, 0, rule);
	return {policy: withRules(policy, ordered.map((item, k) => (isRecord(item) ? {...item, rulePriority: k + 1} : item))), position};
}

/** Removes the rule at display position `position` (other priorities are left as written). */
export function deleteRule(policy: unknown, position: number): Json {
	const result = ruleRows(policy);
	if (!('rows' in result)) return recordOf(policy);
	const row = result.rows[position];
	if (row === undefined) return recordOf(policy);
	return withRules(policy, rulesOf(policy).filter((_, index) => index !== row.index));
}

/** Moves the rule at display position `position` up (-1) or down (+1) and renumbers 1..n. */
export function moveRule(policy: unknown, position: number, step: -1 | 1): {policy: Json; position: number} {
	const result = ruleRows(policy);
	if (!('rows' in result)) return {policy: recordOf(policy), position};
	const target = position + step;
	if (target < 0 || target >= result.rows.length || position < 0 || position >= result.rows.length) return {policy: recordOf(policy), position};
	const rules = rulesOf(policy);
	const ordered = result.rows.map(row => rules[row.index]);
	const moving = ordered[position];
	ordered[position] = ordered[target];
	ordered[target] = moving;
	return {policy: withRules(policy, ordered.map((item, k) => (isRecord(item) ? {...item, rulePriority: k + 1} : item))), position: target};
}
