// The editor screen's state: types, the initial state and the helpers every part of the
// reducer shares. The draft policy is the editor's text, always: the rules view, fixes and
// templates rewrite that text.

import {createEditor, editorReducer, editorText, type EditorAction, type EditorState} from '../../components/text-editor-model.js';
import type {Move} from '../../components/table/list-state.js';
import {formatPolicyText, parseJson} from '../../domain/lifecycle/index.js';
import {ruleRows} from './rule-edit.js';
import type {PickerState} from './templates.js';

/** How the draft is shown: the rules list (and form), or the raw JSON editor. */
export type View = 'rules' | 'json';
/** Which pane the keys move in. */
export type Focus = 'policy' | 'preview';
/** What covers the screen: nothing, a confirmation, the export view, or the AWS comparison (over the preview). */
export type Panel = 'main' | 'apply' | 'delete' | 'export' | 'compare';
/** What the preview's list shows. */
export type ListMode = 'acted' | 'changes' | 'in-use';

/** The list modes in the order `o` cycles them. */
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

/** Everything the screen remembers between keys. */
export interface ScreenState {
	readonly editor: EditorState;
	/** The AWS policy text the draft started from: undefined until read, null when the repository has none. */
	readonly source: string | null | undefined;
	/**
	 * The current policy could not be read (GetLifecyclePolicy denied): `source` is null so the
	 * user can draft and preview, but nothing is compared with it and applying replaces it unseen.
	 */
	readonly sourceUnreadable?: string;
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
	/** Earlier drafts, newest last. */
	readonly undo: readonly string[];
	readonly notice?: Notice;
}

/** What key handlers dispatch; the reducer decides by mode. */
export type ScreenAction =
	| {type: 'loaded'; text: string | null; unreadable?: string}
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
	| {type: 'undo'}
	| {type: 'notice'; notice: Notice | undefined};

/** The draft when the repository has no policy: valid JSON, no rules yet. */
export const EMPTY_POLICY_TEXT = '{\n  "rules": []\n}\n';

/** Drafts kept for undo. */
export const UNDO_LIMIT = 100;

/** The state before the policy has been read. */
export function initialState(): ScreenState {
	return {
		editor: createEditor(''), source: undefined, view: 'rules', focus: 'policy', typing: false, ruleCursor: 0,
		panel: 'main', problem: 0, listMode: 'acted', previewCursor: 0, exportFormat: 0, undo: [],
	};
}

/** The draft policy text. */
export function draftText(state: ScreenState): string {
	return editorText(state.editor);
}

/** The draft parsed, when it is JSON. */
export function parsedValue(state: ScreenState): {ok: true; value: unknown} | {ok: false} {
	const parsed = parseJson(draftText(state), {positions: false});
	return parsed.ok ? {ok: true, value: parsed.value} : {ok: false};
}

/** Sets a new draft text, remembering the old one for undo. */
export function replaceText(state: ScreenState, text: string, notice?: Notice): ScreenState {
	const current = draftText(state);
	if (text === current) return notice ? {...state, notice} : state;
	const undo = [...state.undo, current].slice(-UNDO_LIMIT);
	return {...state, editor: editorReducer(state.editor, {type: 'set-text', text, cursor: 'keep'}), undo, notice, problem: 0};
}

/** Edits the parsed draft and writes it back formatted; refused while the JSON does not parse. */
export function withPolicy(state: ScreenState, edit: (value: unknown) => {policy: unknown; cursor?: number; notice?: Notice}): ScreenState {
	const parsed = parsedValue(state);
	if (!parsed.ok) return {...state, notice: {kind: 'warn', text: 'The JSON does not parse: fix it in the JSON view (v) first.'}};
	const result = edit(parsed.value);
	const next = replaceText(state, formatPolicyText(result.policy), result.notice);
	return result.cursor === undefined ? next : {...next, ruleCursor: result.cursor};
}

/** Rules in the draft (0 when it does not parse). */
export function ruleCount(state: ScreenState): number {
	const parsed = parsedValue(state);
	if (!parsed.ok) return 0;
	const rows = ruleRows(parsed.value);
	return 'rows' in rows ? rows.rows.length : 0;
}
