// The rule form: each field of one rule with the choices that are valid given the rule's
// other fields (and, for tagStatus, the other rules of its storage class). Choosing a value
// adjusts the fields that depend on it (countUnit, storageClass, targetStorageClass, tag
// lists), so the form can only produce combinations AWS accepts [aws-semantics.md §A.1-A.2].

import {ARCHIVE_MINIMUM_DAYS} from '../../domain/lifecycle/index.js';
import {ruleRows} from './rule-edit.js';
import {isRecord} from '../../domain/json.js';

type Json = Record<string, unknown>;

/** The form's fields, in display order. */
export const FIELD_IDS = ['rulePriority', 'description', 'tagStatus', 'listKind', 'tagList', 'storageClass', 'countType', 'countUnit', 'countNumber', 'actionType', 'targetStorageClass'] as const;

export type FieldId = (typeof FIELD_IDS)[number];

/** One line of the form. */
export interface FieldView {
	readonly id: FieldId;
	readonly label: string;
	/** The value as shown (`—` when the field does not apply). */
	readonly value: string;
	/** `choice`: ←/→ cycle `choices`; `number`: ←/→ ±1 or Enter to type; `text`: Enter to type; `fixed`: set by other fields. */
	readonly kind: 'choice' | 'number' | 'text' | 'fixed';
	readonly choices: readonly string[];
	/** Why the value is what it is, or what it does. */
	readonly note: string;
}

function recordOf(value: unknown): Json {
	return isRecord(value) ? value : {};
}

const SINCE = new Set(['sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned']);

interface Located {
	readonly rules: readonly unknown[];
	readonly index: number;
	readonly rule: Json;
	readonly selection: Json;
	readonly action: Json;
}

function locate(policy: unknown, position: number): Located | undefined {
	const result = ruleRows(policy);
	if (!('rows' in result)) return undefined;
	const row = result.rows[position];
	if (row === undefined) return undefined;
	const rules = recordOf(policy).rules as unknown[];
	const rule = recordOf(rules[row.index]);
	return {rules, index: row.index, rule, selection: recordOf(rule.selection), action: recordOf(rule.action)};
}

function withCurrent(choices: readonly string[], current: unknown): string[] {
	const value = typeof current === 'string' ? current : undefined;
	return value === undefined || choices.includes(value) ? [...choices] : [value, ...choices];
}

function storageClassOf(selection: Json): string {
	return selection.storageClass === 'archive' ? 'archive' : 'standard';
}

/** tagStatus values that keep the cross-rule constraints: one untagged rule per storage class, `any` last in it. */
function tagStatusChoices(located: Located): string[] {
	const mine = storageClassOf(located.selection);
	const priority = typeof located.rule.rulePriority === 'number' ? located.rule.rulePriority : 0;
	const others = located.rules.filter((_, index) => index !== located.index).map(recordOf).filter(rule => storageClassOf(recordOf(rule.selection)) === mine);
	const choices = ['tagged'];
	if (!others.some(rule => recordOf(rule.selection).tagStatus === 'untagged')) choices.push('untagged');
	if (!others.some(rule => typeof rule.rulePriority === 'number' && rule.rulePriority > priority)) choices.push('any');
	return withCurrent(choices, located.selection.tagStatus);
}

function countTypeChoices(action: Json, selection: Json): string[] {
	const base = action.type === 'expire'
		? ['imageCountMoreThan', 'sinceImagePushed', 'sinceImageTransitioned']
		: action.type === 'transition'
			? ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled']
			: ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];
	return withCurrent(base, selection.countType);
}

function actionChoices(selection: Json, action: Json): string[] {
	const base = selection.countType === 'sinceImagePulled' ? ['transition'] : selection.countType === 'sinceImageTransitioned' ? ['expire'] : ['expire', 'transition'];
	return withCurrent(base, action.type);
}

function show(value: unknown): string {
	if (value === undefined) return '—';
	if (typeof value === 'string') return value;
	return JSON.stringify(value) ?? String(value);
}

/** The form lines of the rule at display position `position`, or undefined when there is no such rule. */
export function ruleFields(policy: unknown, position: number): FieldView[] | undefined {
	const located = locate(policy, position);
	if (!located) return undefined;
	const {rule, selection, action} = located;
	const tagged = selection.tagStatus === 'tagged';
	const kind = Array.isArray(selection.tagPrefixList) && !Array.isArray(selection.tagPatternList) ? 'prefix' : 'pattern';
	const list = kind === 'prefix' ? selection.tagPrefixList : selection.tagPatternList;
	const since = SINCE.has(String(selection.countType));
	const transitioned = selection.countType === 'sinceImageTransitioned';
	return [
		{id: 'rulePriority', label: 'priority', value: show(rule.rulePriority), kind: 'number', choices: [], note: 'lower numbers apply first; unique'},
		{id: 'description', label: 'description', value: show(rule.description), kind: 'text', choices: [], note: 'free text'},
		{id: 'tagStatus', label: 'tag status', value: show(selection.tagStatus), kind: 'choice', choices: tagStatusChoices(located), note: 'one untagged rule per storage class; any must be last'},
		tagged
			? {id: 'listKind', label: 'tag list kind', value: kind, kind: 'choice', choices: ['pattern', 'prefix'], note: kind === 'pattern' ? 'tagPatternList: * wildcards, whole tag' : 'tagPrefixList: tag starts with'}
			: {id: 'listKind', label: 'tag list kind', value: '—', kind: 'fixed', choices: [], note: 'only for tagged rules'},
		tagged
			? {id: 'tagList', label: 'tags', value: Array.isArray(list) ? list.map(String).join(', ') : '—', kind: 'text', choices: [], note: 'comma-separated; an image must match ALL'}
			: {id: 'tagList', label: 'tags', value: '—', kind: 'fixed', choices: [], note: 'only for tagged rules'},
		{id: 'storageClass', label: 'storage class', value: show(selection.storageClass ?? 'standard'), kind: 'fixed', choices: [], note: transitioned ? 'archive: required by sinceImageTransitioned' : 'standard (archive only with sinceImageTransitioned)'},
		{id: 'countType', label: 'count type', value: show(selection.countType), kind: 'choice', choices: countTypeChoices(action, selection), note: countTypeNote(selection.countType)},
		{id: 'countUnit', label: 'count unit', value: since ? 'days' : '—', kind: 'fixed', choices: [], note: since ? 'required with since* types' : 'not used with imageCountMoreThan'},
		{id: 'countNumber', label: 'count number', value: show(selection.countNumber), kind: 'number', choices: [], note: transitioned ? `days in archive, at least ${ARCHIVE_MINIMUM_DAYS}` : since ? 'days' : 'images to keep'},
		{id: 'actionType', label: 'action', value: show(action.type), kind: 'choice', choices: actionChoices(selection, action), note: action.type === 'transition' ? 'move to the archive storage class' : 'delete the image'},
		{id: 'targetStorageClass', label: 'target class', value: action.type === 'transition' ? 'archive' : '—', kind: 'fixed', choices: [], note: action.type === 'transition' ? 'the only target' : 'only for transition'},
	];
}

function countTypeNote(countType: unknown): string {
	switch (countType) {
		case 'imageCountMoreThan':
			return 'keep the newest N (by push time)';
		case 'sinceImagePushed':
			return 'older than N days since push';
		case 'sinceImagePulled':
			return 'not pulled for N days (transition only)';
		case 'sinceImageTransitioned':
			return 'N days in archive (expire, archive only)';
		default:
			return '';
	}
}

function replaceRule(policy: unknown, located: Located, rule: Json): Json {
	const rules = [...located.rules];
	rules[located.index] = rule;
	return {...recordOf(policy), rules};
}

/** Sets the fields that follow from the others: countUnit, storageClass, action for pull/archive types, targetStorageClass, tag lists. */
export function coerceRule(rule: Json, changed?: FieldId): Json {
	const selection = {...recordOf(rule.selection)};
	let action = {...recordOf(rule.action)};
	const countType = selection.countType;
	if (SINCE.has(String(countType))) selection.countUnit = 'days';
	else if (countType === 'imageCountMoreThan') delete selection.countUnit;
	if (countType === 'sinceImageTransitioned') {
		selection.storageClass = 'archive';
		action = {type: 'expire'};
		if (changed === 'countType' && (typeof selection.countNumber !== 'number' || selection.countNumber < ARCHIVE_MINIMUM_DAYS)) selection.countNumber = ARCHIVE_MINIMUM_DAYS;
	} else if (selection.storageClass === 'archive' && typeof countType === 'string') delete selection.storageClass;
	if (countType === 'sinceImagePulled') action.type = 'transition';
	if (action.type === 'transition') action.targetStorageClass = 'archive';
	else if (action.type === 'expire') delete action.targetStorageClass;
	if (selection.tagStatus === 'tagged') {
		if (!Array.isArray(selection.tagPatternList) && !Array.isArray(selection.tagPrefixList)) selection.tagPatternList = ['*'];
	} else if (typeof selection.tagStatus === 'string') {
		delete selection.tagPatternList;
		delete selection.tagPrefixList;
	}
	return {...rule, selection, action};
}

function convertList(list: unknown, to: 'pattern' | 'prefix'): string[] {
	const entries = Array.isArray(list) ? list.map(String) : [];
	if (to === 'pattern') return entries.map(entry => (entry.endsWith('*') ? entry : `${entry}*`));
	// "prod*" as a pattern is "prod" as a prefix; anything else is kept for the user to adjust.
	return entries.map(entry => (entry.endsWith('*') && entry.indexOf('*') === entry.length - 1 ? entry.slice(0, -1) : entry));
}

/** Moves a choice field to its next (+1) or previous (-1) valid value, or a number field by ±1. */
export function cycleField(policy: unknown, position: number, id: FieldId, step: 1 | -1): Json {
	const located = locate(policy, position);
	const field = ruleFields(policy, position)?.find(item => item.id === id);
	if (!located || !field) return recordOf(policy);
	const {rule, selection, action} = located;
	if (field.kind === 'number') {
		const current = id === 'rulePriority' ? rule.rulePriority : selection.countNumber;
		const next = Math.max(1, (typeof current === 'number' && Number.isInteger(current) ? current : 0) + step);
		return replaceRule(policy, located, id === 'rulePriority' ? {...rule, rulePriority: next} : {...rule, selection: {...selection, countNumber: next}});
	}
	if (field.kind !== 'choice' || field.choices.length === 0) return recordOf(policy);
	const index = field.choices.indexOf(field.value);
	const value = field.choices[(index + step + field.choices.length) % field.choices.length] as string;
	if (value === field.value) return recordOf(policy);
	let next: Json;
	if (id === 'listKind') {
		const from = field.value === 'prefix' ? selection.tagPrefixList : selection.tagPatternList;
		const {tagPatternList: _pattern, tagPrefixList: _prefix, ...rest} = selection;
		next = {...rule, selection: {...rest, [value === 'prefix' ? 'tagPrefixList' : 'tagPatternList']: convertList(from, value === 'prefix' ? 'prefix' : 'pattern')}};
	} else if (id === 'actionType') next = {...rule, action: {...action, type: value}};
	else next = {...rule, selection: {...selection, [id]: value}};
	return replaceRule(policy, located, coerceRule(next, id));
}

/** The text a text or number field starts with when edited. */
export function fieldText(policy: unknown, position: number, id: FieldId): string {
	const value = ruleFields(policy, position)?.find(item => item.id === id)?.value ?? '';
	return value === '—' ? '' : value;
}

/** Sets a text or number field from what the user typed; an error says what is expected. */
export function setFieldText(policy: unknown, position: number, id: FieldId, text: string): {policy: Json} | {error: string} {
	const located = locate(policy, position);
	if (!located) return {error: 'no rule there'};
	const {rule, selection} = located;
	const trimmed = text.trim();
	switch (id) {
		case 'rulePriority':
		case 'countNumber': {
			if (!/^\d{1,9}$/.test(trimmed) || Number(trimmed) < 1) return {error: `${id} must be a whole number of at least 1`};
			const value = Number(trimmed);
			return {policy: replaceRule(policy, located, id === 'rulePriority' ? {...rule, rulePriority: value} : {...rule, selection: {...selection, countNumber: value}})};
		}
		case 'description': {
			const {description: _old, ...rest} = rule;
			return {policy: replaceRule(policy, located, trimmed === '' ? rest : {...rule, description: text})};
		}
		case 'tagList': {
			if (selection.tagStatus !== 'tagged') return {error: 'tag lists are only for tagged rules'};
			const entries = trimmed === '' ? [] : trimmed.split(',').map(entry => entry.trim()).filter(entry => entry !== '');
			const key = Array.isArray(selection.tagPrefixList) && !Array.isArray(selection.tagPatternList) ? 'tagPrefixList' : 'tagPatternList';
			return {policy: replaceRule(policy, located, {...rule, selection: {...selection, [key]: entries}})};
		}
		default:
			return {error: 'choose this field with ←/→'};
	}
}
