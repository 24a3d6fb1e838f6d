// The template picker's pure side: parameter values as typed, and the policy a template
// builds with them, either as the whole policy or added to the current rules.

import {formatPolicyText, LIFECYCLE_TEMPLATES, type LifecycleTemplate} from '../../domain/lifecycle/index.js';
import {addRule, ruleRows} from './rule-edit.js';

/** Picker state: which template, which step, typed parameter values, replace or add. */
export interface PickerState {
	readonly index: number;
	readonly step: 'choose' | 'params';
	/** Selected parameter (params step). */
	readonly param: number;
	/** Typed values by parameter key (as text). */
	readonly values: Readonly<Record<string, string>>;
	/** Replace the policy, or add the template's rules to it. */
	readonly mode: 'replace' | 'add';
}

/** A picker on the first template, with every parameter at its default. */
export function openPicker(index = 0): PickerState {
	return {index, step: 'choose', param: 0, values: defaults(LIFECYCLE_TEMPLATES[index]), mode: 'replace'};
}

/** Default values of a template's parameters, as text. */
export function defaults(template: LifecycleTemplate | undefined): Record<string, string> {
	return Object.fromEntries((template?.parameters ?? []).map(parameter => [parameter.key, String(parameter.defaultValue)]));
}

/** Typed text to the values `build` takes: whole numbers for counts and days, text for patterns. */
export function parameterValues(template: LifecycleTemplate, values: Readonly<Record<string, string>>): Record<string, number | string> {
	const out: Record<string, number | string> = {};
	for (const parameter of template.parameters) {
		const text = (values[parameter.key] ?? '').trim();
		if (parameter.kind === 'pattern') out[parameter.key] = text;
		else if (/^\d{1,6}$/.test(text)) out[parameter.key] = Number(text);
	}
	return out;
}

/** Whether a typed value is acceptable (the template would otherwise use its default). */
export function parameterProblem(kind: 'count' | 'days' | 'pattern', text: string): string | undefined {
	if (kind === 'pattern') return text.trim() === '' ? 'empty: the default is used' : undefined;
	return /^\d{1,6}$/.test(text.trim()) && Number(text) >= 1 ? undefined : 'a whole number ≥ 1 (else the default)';
}

/** The policy value the picker would insert, given the current policy value (for `add`). */
export function pickerPolicy(picker: PickerState, current: unknown): unknown {
	const template = LIFECYCLE_TEMPLATES[picker.index];
	if (!template) return current;
	const built = template.build(parameterValues(template, picker.values));
	if (picker.mode === 'replace') return built;
	const rows = ruleRows(current);
	let policy: unknown = 'rows' in rows ? current : {rules: []};
	let position = ('rows' in rows ? rows.rows.length : 0) - 1;
	for (const rule of built.rules) {
		const added = addRule(policy, position, {...rule});
		policy = added.policy;
		position = added.position;
	}
	return policy;
}

/** The draft text the picker would insert. */
export function pickerText(picker: PickerState, current: unknown): string {
	return formatPolicyText(pickerPolicy(picker, current));
}
