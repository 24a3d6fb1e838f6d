/**
 * The multi-line text editor as a pure model: the text as lines, a cursor, and a reducer of
 * editing operations. The Ink component only maps keys to these actions, so every edit is
 * testable without a terminal and key handlers never read stale state.
 * Columns are UTF-16 offsets into the line; the view converts them to terminal cells.
 */

/** Editor contents and cursor. Treat as immutable. */
export interface EditorState {
	readonly lines: readonly string[];
	/** 0-based line of the cursor. */
	readonly row: number;
	/** 0-based offset of the cursor in its line (may equal the line's length). */
	readonly column: number;
	/** Column that vertical moves try to return to (kept across short lines). */
	readonly goal: number;
	/** Bumped on every change of the text (not on cursor moves), for cheap change checks. */
	readonly version: number;
}

/** Where a move goes. */
export type EditorMove =
	| 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'page-up' | 'page-down'
	| 'doc-start' | 'doc-end' | 'word-left' | 'word-right';

/** Everything the editor can do. */
export type EditorAction =
	/** Typed or pasted text; newlines split lines, tabs become two spaces, control characters are dropped. */
	| {readonly type: 'insert'; readonly text: string}
	/** Enter: splits the line, keeping its indentation (one level more after `{` or `[`). */
	| {readonly type: 'newline'}
	/** Tab: two spaces. */
	| {readonly type: 'tab'}
	| {readonly type: 'backspace'}
	| {readonly type: 'delete'}
	/** Deletes from the cursor to the end of the line (or the line break at its end). */
	| {readonly type: 'kill-to-end'}
	/** Deletes from the start of the line to the cursor. */
	| {readonly type: 'kill-to-start'}
	| {readonly type: 'move'; readonly to: EditorMove; readonly page?: number}
	/** Puts the cursor at a 1-based line and column (clamped). */
	| {readonly type: 'goto'; readonly line: number; readonly column?: number}
	/** Replaces the whole text; the cursor stays on the same line where it can. */
	| {readonly type: 'set-text'; readonly text: string; readonly cursor?: 'keep' | 'start'};

/** Spaces a Tab inserts (the policy JSON is 2-space indented). */
export const TAB_TEXT = '  ';

/** A model holding `text` with the cursor at the start. */
export function createEditor(text = ''): EditorState {
	return {lines: splitLines(text), row: 0, column: 0, goal: 0, version: 0};
}

/** The text of the editor, lines joined with `\n`. */
export function editorText(state: EditorState): string {
	return state.lines.join('\n');
}

/** Splits text into lines, accepting `\r\n` and lone `\r` as line breaks. */
export function splitLines(text: string): string[] {
	return text.replace(/\r\n?/g, '\n').split('\n');
}

// Escape sequences a terminal might pass through in a paste, and other control characters.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])?/g;
const controlCharacter = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** What `insert` keeps of typed or pasted text: line breaks as `\n`, tabs as two spaces, no control characters. */
export function cleanInput(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(escapeSequence, '')
		.replace(/\t/g, TAB_TEXT)
		.replace(controlCharacter, '');
}

function line(state: EditorState, row = state.row): string {
	return state.lines[row] ?? '';
}

function changed(state: EditorState, lines: readonly string[], row: number, column: number): EditorState {
	return {lines, row, column, goal: column, version: state.version + 1};
}

function moved(state: EditorState, row: number, column: number, goal = column): EditorState {
	if (row === state.row && column === state.column && goal === state.goal) return state;
	return {...state, row, column, goal};
}

/** Replaces the text between two positions (row/column pairs, `from` before `to`) with `text`. */
function replaceRange(state: EditorState, fromRow: number, fromColumn: number, toRow: number, toColumn: number, text: string): EditorState {
	const before = line(state, fromRow).slice(0, fromColumn);
	const after = line(state, toRow).slice(toColumn);
	const inserted = text.split('\n');
	const lastIndex = inserted.length - 1;
	const middle = inserted.map((piece, index) => (index === 0 ? before : '') + piece + (index === lastIndex ? after : ''));
	const lines = [...state.lines.slice(0, fromRow), ...middle, ...state.lines.slice(toRow + 1)];
	const row = fromRow + lastIndex;
	const column = (lastIndex === 0 ? before.length : 0) + (inserted[lastIndex] ?? '').length;
	return changed(state, lines, row, column);
}

/** Keeps a column off the second half of a surrogate pair. */
function snap(text: string, column: number): number {
	const clamped = Math.max(0, Math.min(column, text.length));
	const code = text.charCodeAt(clamped);
	return clamped > 0 && code >= 0xdc00 && code <= 0xdfff ? clamped - 1 : clamped;
}

/** Width in UTF-16 units of the character before `column` (2 for an astral character). */
function stepBack(text: string, column: number): number {
	const code = text.charCodeAt(column - 1);
	return column >= 2 && code >= 0xdc00 && code <= 0xdfff ? 2 : 1;
}

function stepForward(text: string, column: number): number {
	const code = text.charCodeAt(column);
	return code >= 0xd800 && code <= 0xdbff && column + 1 < text.length ? 2 : 1;
}

const wordCharacter = /[\p{L}\p{N}_]/u;

function move(state: EditorState, to: EditorMove, page: number): EditorState {
	const current = line(state);
	const last = state.lines.length - 1;
	switch (to) {
		case 'left':
			if (state.column > 0) return moved(state, state.row, state.column - stepBack(current, state.column));
			return state.row > 0 ? moved(state, state.row - 1, line(state, state.row - 1).length) : state;
		case 'right':
			if (state.column < current.length) return moved(state, state.row, state.column + stepForward(current, state.column));
			return state.row < last ? moved(state, state.row + 1, 0) : state;
		case 'up':
		case 'down':
		case 'page-up':
		case 'page-down': {
			const step = to === 'up' ? -1 : to === 'down' ? 1 : to === 'page-up' ? -Math.max(1, page) : Math.max(1, page);
			const row = Math.max(0, Math.min(last, state.row + step));
			// At the first or last line, up/down go to its start or end, as most editors do.
			if (row === state.row) return step < 0 ? moved(state, row, 0) : moved(state, row, current.length);
			return moved(state, row, snap(line(state, row), state.goal), state.goal);
		}
		case 'home': {
			// Home toggles between the first non-blank character and the line start.
			const indent = current.length - current.trimStart().length;
			return moved(state, state.row, state.column === indent ? 0 : indent);
		}
		case 'end':
			return moved(state, state.row, current.length);
		case 'doc-start':
			return moved(state, 0, 0);
		case 'doc-end':
			return moved(state, last, line(state, last).length);
		case 'word-left': {
			if (state.column === 0) return move(state, 'left', page);
			let column = state.column;
			while (column > 0 && !wordCharacter.test(current[column - 1] ?? '')) column--;
			while (column > 0 && wordCharacter.test(current[column - 1] ?? '')) column--;
			return moved(state, state.row, column);
		}
		case 'word-right': {
			if (state.column >= current.length) return move(state, 'right', page);
			let column = state.column;
			while (column < current.length && !wordCharacter.test(current[column] ?? '')) column++;
			while (column < current.length && wordCharacter.test(current[column] ?? '')) column++;
			return moved(state, state.row, column);
		}
	}
}

/** Applies one editing action. Pure: returns a new state (or the same one when nothing changes). */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
	const current = line(state);
	switch (action.type) {
		case 'insert': {
			const text = cleanInput(action.text);
			return text === '' ? state : replaceRange(state, state.row, state.column, state.row, state.column, text);
		}
		case 'newline': {
			const indent = /^[ ]*/.exec(current)?.[0] ?? '';
			const before = current.slice(0, state.column).trimEnd();
			const opens = before.endsWith('{') || before.endsWith('[');
			const next = replaceRange(state, state.row, state.column, state.row, state.column, `\n${indent}${opens ? TAB_TEXT : ''}`);
			// Between a bracket pair ("{|}"), put the closing bracket on its own line below.
			const after = current.slice(state.column).trimStart();
			if (opens && (after.startsWith('}') || after.startsWith(']'))) {
				const split = replaceRange(next, next.row, next.column, next.row, next.column + (line(next).length - next.column - after.length), `\n${indent}`);
				return {...split, row: next.row, column: next.column, goal: next.column};
			}
			return next;
		}
		case 'tab':
			return replaceRange(state, state.row, state.column, state.row, state.column, TAB_TEXT);
		case 'backspace': {
			if (state.column > 0) {
				// In leading spaces, remove back to the previous two-space stop.
				const leading = current.slice(0, state.column);
				const width = leading.trim() === '' && state.column >= 2 ? (state.column % 2 === 0 ? 2 : 1) : stepBack(current, state.column);
				return replaceRange(state, state.row, state.column - width, state.row, state.column, '');
			}
			if (state.row === 0) return state;
			return replaceRange(state, state.row - 1, line(state, state.row - 1).length, state.row, 0, '');
		}
		case 'delete': {
			if (state.column < current.length) return replaceRange(state, state.row, state.column, state.row, state.column + stepForward(current, state.column), '');
			if (state.row >= state.lines.length - 1) return state;
			return replaceRange(state, state.row, state.column, state.row + 1, 0, '');
		}
		case 'kill-to-end':
			if (state.column < current.length) return replaceRange(state, state.row, state.column, state.row, current.length, '');
			return editorReducer(state, {type: 'delete'});
		case 'kill-to-start':
			return state.column === 0 ? state : replaceRange(state, state.row, 0, state.row, state.column, '');
		case 'move':
			return move(state, action.to, action.page ?? 10);
		case 'goto': {
			const row = Math.max(0, Math.min(state.lines.length - 1, Math.floor(action.line) - 1));
			return moved(state, row, snap(line(state, row), Math.floor((action.column ?? 1) - 1)));
		}
		case 'set-text': {
			const lines = splitLines(action.text);
			if (action.cursor === 'start') return {lines, row: 0, column: 0, goal: 0, version: state.version + 1};
			const row = Math.min(state.row, lines.length - 1);
			const column = snap(lines[row] ?? '', state.column);
			return {lines, row, column, goal: column, version: state.version + 1};
		}
	}
}
