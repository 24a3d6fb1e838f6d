// The editor screen's state and its reducer. Key handlers only dispatch these actions, so a
// burst of keys (a paste, fast typing in tmux) never reads stale state. The draft policy is
// the editor's text, always: the rules view, fixes and templates rewrite that text.

import {createEditor, editorReducer, editorText, type EditorAction, type EditorState} from '../../components/text-editor-model.js';
import {clampCursor, moveCursor, type Move} from '../../components/table/list-state.js';
import {formatPolicyText, LIFECYCLE_TEMPLATES, parseJson, validatePolicyText} from '../../domain/lifecycle/index.js';
import {addRule, deleteRule, moveRule, ruleRows} from './rule-edit.js';
import {cycleField, FIELD_IDS, fieldText, ruleFields, setFieldText} from './rule-fields.js';
import {defaults, openPicker, pickerText, type PickerState} from './templates.js';

export type View = 'rules' | 'json';
export type Focus = 'policy' | 'preview';
export type Panel = 'main' | 'apply' | 'delete' | 'export' | 'compare';
/** What the preview's list shows. */
export type ListMode = 'acted' | 'changes' | 'in-use';

export const LIST_MODES: readonly ListMode[] = ['acted', 'changes', 'in-use'];

/** The rule form: which field, and the text being typed into a text or number field. */
export interface FormState {
	readonly field: number;
	readonly editing?: string;
}

/** A short message shown under the policy (a refused edit, what a fix did). */
export interface Notice {
	readonly kind: 'info' | 'warn' | 'error';
	readonly text: string;
}

export interface ScreenState {
	readonly editor: EditorState;
	/** The AWS policy text the draft started from: undefined until read, null when the repository has none. */
	readonly source: string | null | undefined;
	readonly view: View;
	readonly focus: Focus;
	/** The raw JSON editor has the keyboard. */
	readonly typing: boolean;
	/** Display position in the rules list. */
	readonly ruleCursor: number;
	readonly form?: FormState;
	readonly picker?: PickerState;
	readonly panel: Panel;
	/** Selected problem (index into the validation problems). */
	readonly problem: number;
	readonly listMode: ListMode;
	readonly previewCursor: number;
	readonly exportFormat: number;
	readonly exportOffset: number;
	/** Earlier drafts, newest last. */
	readonly undo: readonly string[];
	readonly notice?: Notice;
}

export type ScreenAction =
	| {type: 'loaded'; text: string | null}
	| {type: 'applied'; text: string | null}
	| {type: 'nav'; move: Move | 'left' | 'right'; page: number; previewCount: number}
	| {type: 'enter'}
	| {type: 'escape'}
	| {type: 'edit'; action: EditorAction}
	| {type: 'replace'; text: string; notice?: Notice}
	| {type: 'rule-op'; op: 'add' | 'delete' | 'up' | 'down'}
	| {type: 'toggle-view'}
	| {type: 'toggle-focus'}
	| {type: 'typing'; on: boolean}
	| {type: 'form-open'}
	| {type: 'form-close'}
	| {type: 'form-move'; step: number}
	| {type: 'form-cycle'; step: 1 | -1}
	| {type: 'form-edit-start'}
	| {type: 'form-edit-insert'; text: string}
	| {type: 'form-edit-backspace'}
	| {type: 'form-edit-commit'}
	| {type: 'form-edit-cancel'}
	| {type: 'picker-open'}
	| {type: 'picker-close'}
	| {type: 'picker-move'; step: number}
	| {type: 'picker-params'}
	| {type: 'picker-back'}
	| {type: 'picker-param'; step: number}
	| {type: 'picker-insert-text'; text: string}
	| {type: 'picker-backspace'}
	| {type: 'picker-mode'}
	| {type: 'picker-apply'}
	| {type: 'fix'}
	| {type: 'problem-next'; step: 1 | -1}
	| {type: 'list-mode'}
	| {type: 'panel'; panel: Panel}
	| {type: 'export-format'; step: 1 | -1; count: number}
	| {type: 'export-scroll'; delta: number; max: number}
	| {type: 'undo'}
	| {type: 'notice'; notice: Notice | undefined};

/** The draft when the repository has no policy: valid JSON, no rules yet. */
export const EMPTY_POLICY_TEXT = '{\n  "rules": []\n}\n';

const UNDO_LIMIT = 100;

/** The state before the policy has been read. */
export function initialState(): ScreenState {
	return {
		editor: createEditor(''), source: undefined, view: 'rules', focus: 'policy', typing: false, ruleCursor: 0,
		panel: 'main', problem: 0, listMode: 'acted', previewCursor: 0, exportFormat: 0, exportOffset: 0, undo: [],
	};
}

/** The draft policy text. */
export function draftText(state: ScreenState): string {
	return editorText(state.editor);
}

function parsedValue(state: ScreenState): {ok: true; value: unknown} | {ok: false} {
	const parsed = parseJson(draftText(state), {positions: false});
	return parsed.ok ? {ok: true, value: parsed.value} : {ok: false};
}

/** Sets a new draft text, remembering the old one for undo. */
function replaceText(state: ScreenState, text: string, notice?: Notice): ScreenState {
	const current = draftText(state);
	if (text === current) return notice ? {...state, notice} : state;
	const undo = [...state.undo, current].slice(-UNDO_LIMIT);
	return {...state, editor: editorReducer(state.editor, {type: 'set-text', text, cursor: 'keep'}), undo, notice, problem: 0};
}

function withPolicy(state: ScreenState, edit: (value: unknown) => {policy: unknown; cursor?: number; notice?: Notice}): ScreenState {
	const parsed = parsedValue(state);
	if (!parsed.ok) return {...state, notice: {kind: 'warn', text: 'The JSON does not parse: fix it in the JSON view (v) first.'}};
	const result = edit(parsed.value);
	const next = replaceText(state, formatPolicyText(result.policy), result.notice);
	return result.cursor === undefined ? next : {...next, ruleCursor: result.cursor};
}

function ruleCount(state: ScreenState): number {
	const parsed = parsedValue(state);
	if (!parsed.ok) return 0;
	const rows = ruleRows(parsed.value);
	return 'rows' in rows ? rows.rows.length : 0;
}

function formReducer(state: ScreenState, action: ScreenAction): ScreenState {
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

function pickerReducer(state: ScreenState, action: ScreenAction): ScreenState {
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
function navigate(state: ScreenState, move: Move | 'left' | 'right', page: number, previewCount: number): ScreenState {
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

function fix(state: ScreenState): ScreenState {
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

/** The screen's reducer. Pure. */
export function reduce(state: ScreenState, action: ScreenAction): ScreenState {
	switch (action.type) {
		case 'loaded': {
			// A new read from AWS replaces the draft only when the draft is still what AWS had.
			const untouched = state.source === undefined || draftText(state) === (state.source ?? EMPTY_POLICY_TEXT);
			if (!untouched) return {...state, source: action.text};
			const first = state.source === undefined;
			const text = action.text ?? EMPTY_POLICY_TEXT;
			return {
				...state, source: action.text, ruleCursor: first ? 0 : state.ruleCursor, problem: 0,
				editor: text === draftText(state) ? state.editor : first ? createEditor(text) : editorReducer(state.editor, {type: 'set-text', text, cursor: 'keep'}),
				...(first && action.text === null ? {picker: openPicker()} : {}),
			};
		}
		case 'applied': {
			// After a put or delete succeeded: AWS now has `text`; the draft becomes it.
			const text = action.text ?? EMPTY_POLICY_TEXT;
			const next = replaceText(state, text, {kind: 'info', text: action.text === null ? 'Policy deleted; the draft is empty (u brings the old one back).' : 'Applied: AWS acts within 24 hours.'});
			return {...next, source: action.text, typing: false, form: undefined, ruleCursor: clampCursor(next.ruleCursor, ruleCount(next))};
		}
		case 'nav':
			return navigate(state, action.move, action.page, action.previewCount);
		case 'enter':
			if (state.focus === 'preview') return state;
			if (state.view === 'json') return reduce(state, {type: 'typing', on: true});
			return state.form ? formReducer(state, {type: 'form-edit-start'}) : reduce(state, {type: 'form-open'});
		case 'escape':
			if (state.form) return {...state, form: undefined};
			if (state.focus === 'preview') return {...state, focus: 'policy'};
			return state;
		case 'edit': {
			const editor = editorReducer(state.editor, action.action);
			return editor === state.editor ? state : {...state, editor, notice: editor.version === state.editor.version ? state.notice : undefined};
		}
		case 'replace':
			return replaceText(state, action.text, action.notice);
		case 'rule-op':
			return withPolicy(state, value => {
				if (action.op === 'add') {
					const added = addRule(value, state.ruleCursor);
					return {policy: added.policy, cursor: added.position, notice: {kind: 'info', text: 'Rule added; Enter edits it.'}};
				}
				if (action.op === 'delete') {
					const rows = ruleRows(value);
					if (!('rows' in rows) || rows.rows.length === 0) return {policy: value, notice: {kind: 'warn', text: 'No rule to delete.'}};
					return {policy: deleteRule(value, state.ruleCursor), cursor: clampCursor(state.ruleCursor, rows.rows.length - 1), notice: {kind: 'info', text: 'Rule deleted (u undoes).'}};
				}
				const moved = moveRule(value, state.ruleCursor, action.op === 'up' ? -1 : 1);
				return {policy: moved.policy, cursor: moved.position};
			});
		case 'toggle-view':
			return {...state, view: state.view === 'rules' ? 'json' : 'rules', typing: state.view === 'rules', focus: 'policy', form: undefined,
				undo: state.view === 'rules' ? [...state.undo, draftText(state)].slice(-UNDO_LIMIT) : state.undo};
		case 'toggle-focus':
			return {...state, focus: state.focus === 'policy' ? 'preview' : 'policy', typing: false};
		case 'typing':
			return {...state, typing: action.on, focus: 'policy', view: action.on ? 'json' : state.view,
				undo: action.on && !state.typing ? [...state.undo, draftText(state)].slice(-UNDO_LIMIT) : state.undo};
		case 'form-open':
			return ruleCount(state) === 0 ? {...state, notice: {kind: 'info', text: 'No rules yet: a adds one, t picks a template.'}} : {...state, form: {field: 0}, notice: undefined};
		case 'form-close':
			return {...state, form: undefined};
		case 'form-move':
		case 'form-cycle':
		case 'form-edit-start':
		case 'form-edit-insert':
		case 'form-edit-backspace':
		case 'form-edit-commit':
		case 'form-edit-cancel':
			return formReducer(state, action);
		case 'picker-open':
			return {...state, picker: openPicker(state.picker?.index ?? 0), form: undefined, typing: false};
		case 'picker-close':
		case 'picker-move':
		case 'picker-params':
		case 'picker-back':
		case 'picker-param':
		case 'picker-insert-text':
		case 'picker-backspace':
		case 'picker-mode':
		case 'picker-apply':
			return pickerReducer(state, action);
		case 'fix':
			return fix(state);
		case 'problem-next': {
			const validation = validatePolicyText(draftText(state));
			const count = validation.problems.length;
			if (count === 0) return state;
			const problem = (state.problem + action.step + count) % count;
			const line = validation.problems[problem]?.line;
			const editor = line === undefined ? state.editor : editorReducer(state.editor, {type: 'goto', line, column: validation.problems[problem]?.column ?? 1});
			return {...state, problem, editor};
		}
		case 'list-mode':
			return {...state, listMode: LIST_MODES[(LIST_MODES.indexOf(state.listMode) + 1) % LIST_MODES.length] ?? 'acted', previewCursor: 0};
		case 'panel':
			return {...state, panel: action.panel, exportOffset: action.panel === 'export' ? 0 : state.exportOffset};
		case 'export-format':
			return {...state, exportFormat: (state.exportFormat + action.step + action.count) % action.count, exportOffset: 0};
		case 'export-scroll':
			return {...state, exportOffset: Math.max(0, Math.min(action.max, state.exportOffset + action.delta))};
		case 'undo': {
			const previous = state.undo[state.undo.length - 1];
			if (previous === undefined) return {...state, notice: {kind: 'info', text: 'Nothing to undo.'}};
			return {...state, editor: editorReducer(state.editor, {type: 'set-text', text: previous, cursor: 'keep'}), undo: state.undo.slice(0, -1), notice: {kind: 'info', text: 'Undone.'}};
		}
		case 'notice':
			return {...state, notice: action.notice};
	}
}
