// The editor screen's reducer. Key handlers only dispatch these actions, so a burst of keys
// (a paste, fast typing in tmux) never reads stale state.

import {createEditor, editorReducer} from '../../components/text-editor-model.js';
import {clampCursor} from '../../components/table/list-state.js';
import {validatePolicyText} from '../../domain/lifecycle/index.js';
import {addRule, deleteRule, moveRule, ruleRows} from './rule-edit.js';
import {openPicker} from './templates.js';
import {draftText, EMPTY_POLICY_TEXT, LIST_MODES, replaceText, ruleCount, UNDO_LIMIT, withPolicy, type ScreenAction, type ScreenState} from './state-core.js';
import {fix, formReducer, navigate, pickerReducer} from './state-modes.js';

export * from './state-core.js';

/** The screen's reducer. Pure. */
export function reduce(state: ScreenState, action: ScreenAction): ScreenState {
	switch (action.type) {
		case 'loaded': {
			// A new read from AWS replaces the draft only when the draft is still what AWS had.
			const untouched = state.source === undefined || draftText(state) === (state.source ?? EMPTY_POLICY_TEXT);
			const unreadable = {sourceUnreadable: action.unreadable};
			if (!untouched) return {...state, source: action.text, ...unreadable};
			const first = state.source === undefined;
			const text = action.text ?? EMPTY_POLICY_TEXT;
			return {
				...state, ...unreadable, source: action.text, ruleCursor: first ? 0 : state.ruleCursor, problem: 0,
				editor: text === draftText(state) ? state.editor : first ? createEditor(text) : editorReducer(state.editor, {type: 'set-text', text, cursor: 'keep'}),
				...(first && action.text === null ? {picker: openPicker()} : {}),
			};
		}
		case 'applied': {
			// After a put or delete succeeded: AWS now has `text`; the draft becomes it.
			const text = action.text ?? EMPTY_POLICY_TEXT;
			const next = replaceText(state, text, {kind: 'info', text: action.text === null ? 'Policy deleted; the draft is empty (u brings the old one back).' : 'Applied: AWS acts within 24 hours.'});
			return {...next, source: action.text, sourceUnreadable: undefined, typing: false, form: undefined, ruleCursor: clampCursor(next.ruleCursor, ruleCount(next))};
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
			return {...state, panel: action.panel};
		case 'export-format':
			return {...state, exportFormat: (state.exportFormat + action.step + action.count) % action.count};
		case 'undo': {
			const previous = state.undo[state.undo.length - 1];
			if (previous === undefined) return {...state, notice: {kind: 'info', text: 'Nothing to undo.'}};
			return {...state, editor: editorReducer(state.editor, {type: 'set-text', text: previous, cursor: 'keep'}), undo: state.undo.slice(0, -1), notice: {kind: 'info', text: 'Undone.'}};
		}
		case 'notice':
			return {...state, notice: action.notice};
	}
}
