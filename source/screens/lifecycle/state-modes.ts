// The mode-specific parts of the reducer: the rule form, the template picker, arrow keys by
// mode, and one-key fixes.

import {editorReducer} from '../../components/text-editor-model.js';
import {clampCursor, moveCursor, type Move} from '../../components/table/list-state.js';
import {formatPolicyText, LIFECYCLE_TEMPLATES, validatePolicyText} from '../../domain/lifecycle/index.js';
import {ruleRows} from './rule-edit.js';
import {cycleField, FIELD_IDS, fieldText, ruleFields, setFieldText} from './rule-fields.js';
import {defaults, pickerText} from './templates.js';
import {draftText, parsedValue, replaceText, ruleCount, type ScreenAction, type ScreenState} from './state-core.js';

/** Rule form actions (field moves, choices, typed values). */
export function formReducer(state: ScreenState, action: ScreenAction): ScreenState {
	const form = state.form;
	if (!form) return state;
	const parsed = parsedValue(state);
	if (!parsed.ok) return {...state, form: undefined};
	const fields = ruleFields(parsed.value, state.ruleCursor);
	if (!fields) return {...state, form: undefined};
	const field = fields[form.field];
	switch (action.type) {
		case 'form-move':
			return {...state, form: {field: Math.max(0, Math.min(FIELD_IDS.length - 1, form.field + action.step))}, notice: undefined};
		case 'form-cycle': {
			if (!field || (field.kind !== 'choice' && field.kind !== 'number')) return {...state, notice: {kind: 'info', text: field?.kind === 'text' ? 'Enter to type this field' : `${field?.label ?? 'this field'} is set by the others: ${field?.note ?? ''}`}};
			const policy = cycleField(parsed.value, state.ruleCursor, field.id, action.step);
			const moved = field.id === 'rulePriority' ? positionOf(policy, state, parsed.value) : state.ruleCursor;
			return {...replaceText(state, formatPolicyText(policy)), ruleCursor: moved};
		}
		case 'form-edit-start':
			if (!field || (field.kind !== 'text' && field.kind !== 'number')) return formReducer(state, {type: 'form-cycle', step: 1});
			return {...state, form: {...form, editing: fieldText(parsed.value, state.ruleCursor, field.id)}, notice: undefined};
		case 'form-edit-insert':
			return form.editing === undefined ? state : {...state, form: {...form, editing: form.editing + action.text.replace(/[\u0000-\u001F\u007F]/g, '')}};
		case 'form-edit-backspace':
			return form.editing === undefined ? state : {...state, form: {...form, editing: [...form.editing].slice(0, -1).join('')}};
		case 'form-edit-cancel':
			return {...state, form: {field: form.field}};
		case 'form-edit-commit': {
			if (form.editing === undefined || !field) return state;
			const result = setFieldText(parsed.value, state.ruleCursor, field.id, form.editing);
			if ('error' in result) return {...state, notice: {kind: 'error', text: result.error}};
			const moved = field.id === 'rulePriority' ? positionOf(result.policy, state, parsed.value) : state.ruleCursor;
			return {...replaceText({...state, form: {field: form.field}}, formatPolicyText(result.policy)), ruleCursor: moved};
		}
		default:
			return state;
	}
}

/** Where the rule under the cursor sits after its priority changed (the list is in priority order). */
function positionOf(policy: unknown, state: ScreenState, before: unknown): number {
	const old = ruleRows(before);
	const now = ruleRows(policy);
	if (!('rows' in old) || !('rows' in now)) return state.ruleCursor;
	const index = old.rows[state.ruleCursor]?.index;
	const found = now.rows.findIndex(row => row.index === index);
	return found >= 0 ? found : state.ruleCursor;
}

/** Template picker actions. */
export function pickerReducer(state: ScreenState, action: ScreenAction): ScreenState {
	const picker = state.picker;
	if (!picker) return state;
	const template = LIFECYCLE_TEMPLATES[picker.index];
	const parameter = template?.parameters[picker.param];
	switch (action.type) {
		case 'picker-close':
			return {...state, picker: undefined};
		case 'picker-move': {
			const index = (picker.index + action.step + LIFECYCLE_TEMPLATES.length) % LIFECYCLE_TEMPLATES.length;
			return {...state, picker: {...picker, index, param: 0, values: defaults(LIFECYCLE_TEMPLATES[index])}};
		}
		case 'picker-params':
			return {...state, picker: {...picker, step: 'params', param: 0}};
		case 'picker-back':
			return picker.step === 'params' ? {...state, picker: {...picker, step: 'choose'}} : {...state, picker: undefined};
		case 'picker-param':
			return {...state, picker: {...picker, param: Math.max(0, Math.min((template?.parameters.length ?? 1) - 1, picker.param + action.step))}};
		case 'picker-insert-text': {
			if (!parameter) return state;
			const clean = action.text.replace(/[\u0000-\u001F\u007F]/g, '');
			const text = parameter.kind === 'pattern' ? clean : clean.replace(/\D/g, '');
			return {...state, picker: {...picker, values: {...picker.values, [parameter.key]: (picker.values[parameter.key] ?? '') + text}}};
		}
		case 'picker-backspace':
			if (!parameter) return state;
			return {...state, picker: {...picker, values: {...picker.values, [parameter.key]: [...(picker.values[parameter.key] ?? '')].slice(0, -1).join('')}}};
		case 'picker-mode':
			return {...state, picker: {...picker, mode: picker.mode === 'replace' ? 'add' : 'replace'}};
		case 'picker-apply': {
			const parsed = parsedValue(state);
			if (picker.mode === 'add' && !parsed.ok) return {...state, notice: {kind: 'warn', text: 'The JSON does not parse, so rules cannot be added to it; use replace (Tab).'}};
			const text = pickerText(picker, parsed.ok ? parsed.value : undefined);
			const name = template?.name ?? 'template';
			return {...replaceText({...state, picker: undefined, ruleCursor: 0}, text, {kind: 'info', text: `${picker.mode === 'replace' ? 'Policy replaced by' : 'Rules added from'} "${name}" (u undoes).`})};
		}
		default:
			return state;
	}
}

/** Arrow and page keys, by mode: the rule form, the rules list, the JSON text, or the preview list. */
export function navigate(state: ScreenState, move: Move | 'left' | 'right', page: number, previewCount: number): ScreenState {
	if (state.focus === 'preview') {
		if (move === 'left' || move === 'right') return state;
		return {...state, previewCursor: moveCursor(clampCursor(state.previewCursor, previewCount), move, previewCount, page)};
	}
	if (state.view === 'json') {
		const to = move === 'page-up' || move === 'page-down' || move === 'left' || move === 'right' || move === 'up' || move === 'down' ? move : move === 'home' ? 'doc-start' : 'doc-end';
		return {...state, editor: editorReducer(state.editor, {type: 'move', to, page})};
	}
	if (state.form) {
		if (move === 'left' || move === 'right') return formReducer(state, {type: 'form-cycle', step: move === 'left' ? -1 : 1});
		const last = FIELD_IDS.length - 1;
		const target = moveCursor(state.form.field, move, last + 1, page);
		return formReducer(state, {type: 'form-move', step: target - state.form.field});
	}
	if (move === 'left' || move === 'right') return state;
	return {...state, ruleCursor: moveCursor(state.ruleCursor, move, ruleCount(state), page)};
}

/** Applies the first fix of the selected problem (or of the first problem that has one). */
export function fix(state: ScreenState): ScreenState {
	const validation = validatePolicyText(draftText(state));
	const problems = validation.problems;
	const selected = problems[state.problem];
	const target = selected?.fixes?.length ? selected : problems.find(problem => problem.fixes?.length);
	const first = target?.fixes?.[0];
	if (!target || !first || validation.value === undefined) {
		return {...state, notice: {kind: 'warn', text: problems.length === 0 ? 'Nothing to fix.' : 'No automatic fix for these problems: edit the policy (the hint says how).'}};
	}
	const fixed = first.apply(validation.value);
	return replaceText(state, formatPolicyText(fixed), {kind: 'info', text: `Fixed: ${first.title} (u undoes).`});
}
