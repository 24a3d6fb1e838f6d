// Shape checks: the JSON-schema part of AWS's validation (required and unknown keys, types,
// enums, integer ranges, nulls). Produces a per-rule view of the fields that passed, which
// the rule-logic checks in `validate-rules.ts` then use.
// Messages reproduce AWS's JSON-schema validator (java-json-tools style) where observed
// [OBS aws-semantics.md §A.2] and follow the same style where inferred [INF].

import type {PathSegment} from './json-path.js';
import {composeFix, removeKey, removeKeyFix, setKey, setKeyFix} from './fixes.js';
import type {LifecycleProblem, PolicyFix, Wording} from './problems.js';
import {schemaType, showValue} from './problems.js';
import type {ActionType, CountType, PolicyStorageClass, TagStatus} from './types.js';
import {isRecord} from '../json.js';

/** A problem before positions are attached; `segments` is the JSON path. */
export interface Finding extends Omit<LifecycleProblem, 'path' | 'line' | 'column'> {
	readonly segments: readonly PathSegment[];
}

/** The fields of one rule that passed the shape checks (a failed field is undefined). */
export interface RuleView {
	readonly index: number;
	readonly priority?: number;
	readonly description?: string;
	readonly tagStatus?: TagStatus;
	/** Set when the key holds an array of strings (possibly empty). */
	readonly prefixList?: readonly string[];
	readonly patternList?: readonly string[];
	/** Whether the key exists at all, valid or not (so a broken list is not also reported as missing). */
	readonly hasPrefixKey: boolean;
	readonly hasPatternKey: boolean;
	/** `selection.storageClass`; absent means `standard` [DOC]. */
	readonly storageClass: PolicyStorageClass | 'invalid';
	readonly countType?: CountType;
	readonly countUnit: 'absent' | 'days' | 'invalid';
	readonly countNumber?: number;
	readonly actionType?: ActionType;
	readonly target: 'absent' | 'archive' | 'invalid';
	/** False when the rule's selection or action is missing or not an object. */
	readonly complete: boolean;
}

/** Input to the shape checks. */
export interface SchemaInput {
	readonly value: unknown;
	/** Number literal text by path, from the parser, to catch `1.0` and `1e2`. */
	readonly rawNumber: (segments: readonly PathSegment[]) => string | undefined;
}

const TAG_STATUS: readonly TagStatus[] = ['tagged', 'untagged', 'any'];
const COUNT_TYPES: readonly CountType[] = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];
const STORAGE: readonly PolicyStorageClass[] = ['standard', 'archive'];
const ACTIONS: readonly ActionType[] = ['expire', 'transition'];
const INT_MAX = 2_147_483_647; // Java int: AWS maps these fields to int [INF]

const TOP_KEYS = ['rules'];
const RULE_KEYS = ['rulePriority', 'description', 'selection', 'action'];
const SELECTION_KEYS = ['tagStatus', 'tagPatternList', 'tagPrefixList', 'storageClass', 'countType', 'countUnit', 'countNumber'];
const ACTION_KEYS = ['type', 'targetStorageClass'];

/** Observed text for a `oneOf` mismatch, e.g. `"countUnit": null` or `"targetStorageClass": null` [OBS cloudposse/terraform-aws-ecr#132, #158]. */
export const ONE_OF_MISMATCH = 'instance failed to match exactly one schema (matched 0 out of 2)';

/**
 * A key counts as present when it holds a value: `undefined` (possible in a JS object passed
 * to `validatePolicy`) disappears when the policy is serialised, so it counts as absent.
 */
function has(object: Record<string, unknown>, key: string): boolean {
	return Object.hasOwn(object, key) && object[key] !== undefined;
}

function typeMismatch(found: string, allowed: string): string {
	return `instance type (${found}) does not match any allowed primitive type (allowed: ["${allowed}"])`;
}

/** One problem found by a check; the validator adds line and column. */
export function finding(severity: 'error' | 'warning', code: string, segments: readonly PathSegment[], message: string, hint: string, wording: Wording, fixes?: readonly PolicyFix[]): Finding {
	return {severity, code, segments, message, hint, wording, fixes};
}

function error(code: string, segments: readonly PathSegment[], message: string, hint: string, wording: Wording, fixes?: readonly PolicyFix[]): Finding {
	return finding('error', code, segments, message, hint, wording, fixes);
}

/** Runs the shape checks; never throws. */
export function checkSchema(input: SchemaInput): {findings: Finding[]; rules: RuleView[]; hasRulesArray: boolean} {
	const findings: Finding[] = [];
	const rules: RuleView[] = [];
	const {value} = input;
	if (!isRecord(value)) {
		findings.push(error('policy-not-object', [], 'Could not map policyString into LifecyclePolicy.',
			`The policy must be a JSON object of the form {"rules": [ ... ]}; this is ${describe(value)}.`, 'aws-observed'));
		return {findings, rules, hasRulesArray: false};
	}
	checkKeys(value, [], TOP_KEYS, ['rules'], findings);
	const list = value.rules;
	if (!Array.isArray(list)) {
		if (list === null) {
			findings.push(error('null-value', ['rules'], typeMismatch('null', 'array'), 'Give "rules" a list of rules: "rules": [ { ... } ].', 'aws-inferred'));
		} else if (list !== undefined) {
			findings.push(error('wrong-type', ['rules'], typeMismatch(schemaType(list), 'array'), '"rules" must be a list: "rules": [ { ... } ].', 'aws-inferred'));
		}
		return {findings, rules, hasRulesArray: false};
	}
	for (let index = 0; index < list.length; index++) {
		rules.push(checkRule(list[index], index, input, findings));
	}
	return {findings, rules, hasRulesArray: true};
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

function checkKeys(object: Record<string, unknown>, at: readonly PathSegment[], allowed: readonly string[], required: readonly string[], findings: Finding[]): void {
	const keys = Object.keys(object).filter(key => object[key] !== undefined);
	const missing = required.filter(key => !has(object, key)).sort();
	const unknown = keys.filter(key => !allowed.includes(key));
	if (missing.length > 0) {
		const where = at.length === 0 ? 'the policy' : `"${String(at[at.length - 1])}"`;
		findings.push(error('missing-required-property', at, `object has missing required properties (${JSON.stringify(missing)})`,
			`Add ${missing.map(key => `"${key}"`).join(', ')} to ${where}.`, 'aws-observed'));
	}
	const listed = JSON.stringify([...unknown].sort());
	for (const key of unknown) {
		const near = allowed.find(candidate => candidate.toLowerCase() === key.toLowerCase());
		const fixes: PolicyFix[] = [removeKeyFix(`Remove "${key}"`, at, key)];
		const hint = near === undefined
			? `"${key}" is not a lifecycle policy key here. Allowed keys: ${allowed.join(', ')}. Remove it.`
			: `Key names are case-sensitive: write "${near}", not "${key}".`;
		if (near !== undefined && !has(object, near)) {
			fixes.unshift(composeFix(`Rename "${key}" to "${near}"`, [policy => setKey(policy, at, near, object[key]), policy => removeKey(policy, at, key)]));
		}
		findings.push(error('unknown-property', [...at, key], `object instance has properties which are not allowed by the schema: (${listed})`, hint, 'aws-observed', fixes));
	}
}

function checkRule(rule: unknown, index: number, input: SchemaInput, findings: Finding[]): RuleView {
	const at: PathSegment[] = ['rules', index];
	const empty: RuleView = {index, hasPrefixKey: false, hasPatternKey: false, storageClass: 'standard', countUnit: 'absent', target: 'absent', complete: false};
	if (!isRecord(rule)) {
		findings.push(error(rule === null ? 'null-value' : 'wrong-type', at, typeMismatch(schemaType(rule), 'object'),
			'Each rule must be an object with rulePriority, selection and action.', 'aws-inferred'));
		return empty;
	}
	checkKeys(rule, at, RULE_KEYS, ['action', 'rulePriority', 'selection'], findings);
	const priority = checkInteger(rule, at, 'rulePriority', input, findings, 'rule-priority-too-small');
	let description: string | undefined;
	if (has(rule, 'description')) {
		const text = rule.description;
		if (typeof text === 'string') description = text;
		else findings.push(nullOrType(text, [...at, 'description'], 'string', 'description must be text in double quotes; omit the key if you do not need it.'));
	}
	const selection = checkObject(rule, at, 'selection', findings);
	const action = checkObject(rule, at, 'action', findings);
	let view: RuleView = {...empty, priority, description};
	if (selection !== undefined) view = {...view, ...checkSelection(selection, [...at, 'selection'], input, findings)};
	if (action !== undefined) view = {...view, ...checkAction(action, [...at, 'action'], findings)};
	return {...view, complete: selection !== undefined && action !== undefined};
}

function nullOrType(value: unknown, segments: readonly PathSegment[], allowed: string, hint: string): Finding {
	const key = segments[segments.length - 1];
	const parent = segments.slice(0, -1);
	const fixes = value === null && typeof key === 'string' ? [removeKeyFix(`Remove "${key}": null`, parent, key)] : undefined;
	return error(value === null ? 'null-value' : 'wrong-type', segments, typeMismatch(schemaType(value), allowed),
		value === null ? `AWS rejects null values: omit "${String(key)}" instead of setting it to null. ${hint}` : hint, 'aws-inferred', fixes);
}

function checkObject(parent: Record<string, unknown>, at: readonly PathSegment[], key: string, findings: Finding[]): Record<string, unknown> | undefined {
	if (!has(parent, key)) return undefined;
	const value = parent[key];
	if (isRecord(value)) return value;
	findings.push(nullOrType(value, [...at, key], 'object', `"${key}" must be an object: "${key}": { ... }.`));
	return undefined;
}

function checkInteger(parent: Record<string, unknown>, at: readonly PathSegment[], key: string, input: SchemaInput, findings: Finding[], tooSmallCode: string): number | undefined {
	if (!has(parent, key)) return undefined;
	const value = parent[key];
	const segments = [...at, key];
	if (typeof value !== 'number') {
		const hint = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
			? `Write the number without quotes: "${key}": ${value.trim()}.`
			: `"${key}" must be a whole number such as 1.`;
		const finding = nullOrType(value, segments, 'integer', hint);
		const fixes = typeof value === 'string' && /^\s*\d+\s*$/.test(value) && Number(value) >= 1
			? [setKeyFix(`Use the number ${value.trim()}`, at, key, Number(value))] : finding.fixes;
		findings.push({...finding, fixes});
		return undefined;
	}
	const raw = input.rawNumber(segments);
	if (!Number.isInteger(value) || (raw !== undefined && /[.eE]/.test(raw))) {
		const whole = Number.isFinite(value) && Number.isInteger(value);
		findings.push(error('not-an-integer', segments, typeMismatch('number', 'integer'),
			whole ? `Write ${key} as a plain whole number (${value}), without a decimal point or exponent.` : `${key} must be a whole number; ${showValue(raw ?? value)} has a fraction.`,
			'aws-inferred', whole ? [setKeyFix(`Write ${value}`, at, key, value)] : undefined));
		return undefined;
	}
	if (value < 1) {
		findings.push(error(tooSmallCode, segments, `numeric instance is lower than the required minimum (minimum: 1, found: ${value})`,
			key === 'countNumber' ? 'countNumber must be 1 or more (0 is rejected). To keep nothing, use a since* rule instead.' : `${key} must be 1 or more.`,
			key === 'countNumber' ? 'aws-observed' : 'aws-inferred', [setKeyFix(`Set ${key} to 1`, at, key, 1)]));
		return undefined;
	}
	if (value > INT_MAX) {
		findings.push(error('integer-out-of-range', segments, 'Could not map policyString into LifecyclePolicy.',
			`${key} must be at most ${INT_MAX} (AWS stores it as a 32-bit integer).`, 'aws-inferred'));
		return undefined;
	}
	return value;
}

function checkEnum<T extends string>(parent: Record<string, unknown>, at: readonly PathSegment[], key: string, values: readonly T[], findings: Finding[], nullMessage?: string): T | undefined {
	if (!has(parent, key)) return undefined;
	const value = parent[key];
	const segments = [...at, key];
	if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
	if (value === null && nullMessage !== undefined) {
		findings.push(error('null-value', segments, nullMessage, `AWS rejects null values: omit "${key}" instead of setting it to null.`, 'aws-observed', [removeKeyFix(`Remove "${key}": null`, at, key)]));
		return undefined;
	}
	if (typeof value !== 'string') {
		findings.push(nullOrType(value, segments, 'string', `"${key}" must be one of ${values.map(v => `"${v}"`).join(', ')}.`));
		return undefined;
	}
	const lower = values.find(v => v.toLowerCase() === value.toLowerCase());
	const hint = lower !== undefined
		? `Enum values are case-sensitive and lower-case in the policy JSON (the preview API shows them upper-case): write "${lower}".`
		: `"${key}" must be one of ${values.map(v => `"${v}"`).join(', ')}.`;
	const isCountType = key === 'countType';
	findings.push(error('invalid-enum-value', segments,
		`instance value (${showValue(value)}) not found in enum :(possible values: ${JSON.stringify(values)})`, hint,
		isCountType ? 'local' : 'aws-inferred', lower === undefined ? undefined : [setKeyFix(`Write "${lower}"`, at, key, lower)]));
	return undefined;
}

function checkList(parent: Record<string, unknown>, at: readonly PathSegment[], key: string, findings: Finding[]): readonly string[] | undefined {
	if (!has(parent, key)) return undefined;
	const value = parent[key];
	const segments = [...at, key];
	if (!Array.isArray(value)) {
		const hint = typeof value === 'string' ? `Wrap it in a list: "${key}": [${JSON.stringify(value)}].` : `"${key}" must be a list of strings, e.g. ["prod*"].`;
		const finding = nullOrType(value, segments, 'array', hint);
		const fixes = typeof value === 'string' ? [setKeyFix(`Use [${JSON.stringify(value)}]`, at, key, [value])] : finding.fixes;
		// AWS's wording for the null case is observed [OBS simple-container-com/api#34].
		findings.push({...finding, fixes, wording: value === null ? 'aws-observed' : 'aws-inferred'});
		return undefined;
	}
	let ok = true;
	for (let k = 0; k < value.length; k++) {
		const item: unknown = value[k];
		if (typeof item !== 'string') {
			ok = false;
			findings.push(nullOrType(item, [...segments, k], 'string', 'Each entry must be a tag text in double quotes.'));
		}
	}
	return ok ? (value as string[]) : undefined;
}

function checkSelection(selection: Record<string, unknown>, at: readonly PathSegment[], input: SchemaInput, findings: Finding[]): Partial<RuleView> {
	checkKeys(selection, at, SELECTION_KEYS, ['countNumber', 'countType', 'tagStatus'], findings);
	const tagStatus = checkEnum(selection, at, 'tagStatus', TAG_STATUS, findings);
	const patternList = checkList(selection, at, 'tagPatternList', findings);
	const prefixList = checkList(selection, at, 'tagPrefixList', findings);
	const storageClass = checkEnum(selection, at, 'storageClass', STORAGE, findings);
	const countType = checkEnum(selection, at, 'countType', COUNT_TYPES, findings);
	// countUnit: null is observed to fail the oneOf [OBS cloudposse/terraform-aws-ecr#132].
	const unit = checkEnum(selection, at, 'countUnit', ['days'] as const, findings, ONE_OF_MISMATCH);
	const countNumber = checkInteger(selection, at, 'countNumber', input, findings, 'count-number-too-small');
	return {
		tagStatus, patternList, prefixList, countType, countNumber,
		hasPatternKey: has(selection, 'tagPatternList'),
		hasPrefixKey: has(selection, 'tagPrefixList'),
		storageClass: storageClass ?? (has(selection, 'storageClass') ? 'invalid' : 'standard'),
		countUnit: unit ?? (has(selection, 'countUnit') ? 'invalid' : 'absent'),
	};
}

function checkAction(action: Record<string, unknown>, at: readonly PathSegment[], findings: Finding[]): Partial<RuleView> {
	checkKeys(action, at, ACTION_KEYS, ['type'], findings);
	const actionType = checkEnum(action, at, 'type', ACTIONS, findings);
	// targetStorageClass: null is observed to fail the oneOf [OBS cloudposse/terraform-aws-ecr#158].
	const target = checkEnum(action, at, 'targetStorageClass', ['archive'] as const, findings, ONE_OF_MISMATCH);
	return {actionType, target: target ?? (has(action, 'targetStorageClass') ? 'invalid' : 'absent')};
}
