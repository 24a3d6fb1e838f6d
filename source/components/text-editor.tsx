import React, {useEffect, useRef} from 'react';
import {Box, Text, useStdin} from 'ink';
import {useTheme} from '../app/context.js';
import {LAYER, useKeyLayer} from '../app/keys/dispatch.js';
import type {KeyEvent} from '../app/keys/actions.js';
import {scrollOffset} from './table/layout.js';
import {inert, width as cellWidth} from '../domain/format/text.js';
import type {EditorAction, EditorState} from './text-editor-model.js';

export type TextEditorProps = {
	readonly state: EditorState;
	/** Receives every edit; the owner runs `editorReducer` (usually inside its own reducer). */
	readonly dispatch: (action: EditorAction) => void;
	/** Lines on screen. */
	readonly height: number;
	/** Cells on screen, line numbers included. */
	readonly width: number;
	/** Takes the keyboard (on LAYER.input, above every screen key). @default true */
	readonly isActive?: boolean;
	/** Esc: leave the editor. */
	readonly onEscape?: () => void;
	/** 1-based line numbers to flag in the gutter. */
	readonly markers?: ReadonlyMap<number, 'error' | 'warning'>;
	/** Line (1-based) to highlight as the selected problem's. */
	readonly highlightLine?: number;
};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const plain = /^[\u0020-\u007E]*$/;

/** Cuts `text` to the cells [start, start + count), never splitting a wide character. */
export function sliceCells(text: string, start: number, count: number): string {
	if (plain.test(text)) return text.slice(start, start + count);
	let out = '';
	let position = 0;
	for (const {segment} of graphemes.segment(text)) {
		const size = cellWidth(segment);
		if (position >= start && position + size <= start + count) out += segment;
		position += size;
		if (position >= start + count) break;
	}
	return out;
}

/** Key event to editor action; undefined when the editor leaves the key to the screen (Ctrl-S, Ctrl-C). */
export function editorActionFor({input, key}: KeyEvent, raw: string, page: number): EditorAction | 'consume' | undefined {
	if (key.return) return {type: 'newline'};
	if (key.tab) return key.shift ? 'consume' : {type: 'tab'};
	// Ink reports both Backspace (0x7f) and Delete (ESC [3~) as `delete`; the raw bytes tell them apart.
	if (key.delete) return raw.includes('[3~') ? {type: 'delete'} : {type: 'backspace'};
	if (key.backspace) return {type: 'backspace'};
	const word = key.ctrl || key.meta;
	if (key.leftArrow) return {type: 'move', to: word ? 'word-left' : 'left'};
	if (key.rightArrow) return {type: 'move', to: word ? 'word-right' : 'right'};
	if (key.upArrow) return {type: 'move', to: 'up'};
	if (key.downArrow) return {type: 'move', to: 'down'};
	if (key.pageUp) return {type: 'move', to: 'page-up', page};
	if (key.pageDown) return {type: 'move', to: 'page-down', page};
	if (key.home) return {type: 'move', to: word ? 'doc-start' : 'home'};
	if (key.end) return {type: 'move', to: word ? 'doc-end' : 'end'};
	if (key.ctrl) {
		// Readline keys; every other Ctrl key goes to the screen (Ctrl-S applies, Ctrl-C quits).
		if (input === 'a') return {type: 'move', to: 'home'};
		if (input === 'e') return {type: 'move', to: 'end'};
		if (input === 'k') return {type: 'kill-to-end'};
		if (input === 'u') return {type: 'kill-to-start'};
		if (input === 'd') return {type: 'delete'};
		return undefined;
	}
	if (key.meta) return undefined;
	return input === '' ? 'consume' : {type: 'insert', text: input};
}

/**
 * A multi-line text editor with line numbers and scrolling, on the input key layer: while it is
 * active every printable key is text (typing "q" never quits). Arrows, Home/End, PgUp/PgDn,
 * Enter (keeps indentation), Tab (two spaces), Backspace/Delete, pastes of many characters,
 * Ctrl-A/E/K/U/D as in readline; Esc leaves. Lines come from users or AWS and are shown inert.
 */
export function TextEditor({state, dispatch, height, width, isActive = true, onEscape, markers, highlightLine}: TextEditorProps) {
	const theme = useTheme();
	const {internal_eventEmitter: emitter} = useStdin();
	// The raw bytes of the key being handled (see editorActionFor); prepended so it is set first.
	const raw = useRef('');
	useEffect(() => {
		if (!emitter) return;
		const record = (data: string) => {
			raw.current = data;
		};
		emitter.prependListener('input', record);
		return () => {
			emitter.off('input', record);
		};
	}, [emitter]);
	const rows = Math.max(1, height);
	useKeyLayer(
		event => {
			if (event.key.escape) {
				onEscape?.();
				return true;
			}
			const action = editorActionFor(event, raw.current, Math.max(1, rows - 1));
			if (action === undefined) return false;
			if (action !== 'consume') dispatch(action);
			return true;
		},
		{priority: LAYER.input, isActive},
	);

	const numberWidth = Math.max(3, String(state.lines.length).length);
	const gutter = numberWidth + 3;
	const textWidth = Math.max(4, width - gutter);
	const topRef = useRef(0);
	const top = scrollOffset(topRef.current, state.row, rows, state.lines.length);
	topRef.current = top;
	const cursorLine = state.lines[state.row] ?? '';
	const cursorX = cellWidth(inert(cursorLine.slice(0, state.column)));
	const leftRef = useRef(0);
	let left = leftRef.current;
	// Scrolled back left past the window: show half a window of context (a line start when it fits).
	if (cursorX < left) left = Math.max(0, cursorX - Math.floor(textWidth / 2));
	else if (cursorX >= left + textWidth) left = cursorX - textWidth + 1;
	leftRef.current = left;

	const visible = state.lines.slice(top, top + rows);
	return (
		<Box flexDirection="column" width={width} height={rows}>
			{visible.map((text, index) => {
				const row = top + index;
				const marker = markers?.get(row + 1);
				const mark = marker === 'error' ? '✖' : marker === 'warning' ? '⚠' : ' ';
				const markRole = marker === 'error' ? 'status.error' : 'status.warn';
				const number = String(row + 1).padStart(numberWidth);
				const gutterText = (
					<Text color={marker ? theme.color(markRole) : theme.color('text.muted')} bold={row + 1 === highlightLine}>
						{mark}
						{number}│{' '}
					</Text>
				);
				if (row !== state.row || !isActive) {
					return (
						<Text key={row} wrap="truncate" color={row + 1 === highlightLine ? theme.color(markRole) : undefined}>
							{gutterText}
							{sliceCells(inert(text), left, textWidth)}
						</Text>
					);
				}
				const before = inert(text.slice(0, state.column));
				const rest = inert(text.slice(state.column));
				const first = rest === '' ? ' ' : ([...graphemes.segment(rest)][0]?.segment ?? ' ');
				const beforeShown = sliceCells(before, left, textWidth);
				const afterShown = sliceCells(rest.slice(first.length), 0, Math.max(0, textWidth - cellWidth(beforeShown) - cellWidth(first)));
				return (
					<Text key={row} wrap="truncate">
						{gutterText}
						{beforeShown}
						<Text inverse>{first}</Text>
						{afterShown}
					</Text>
				);
			})}
		</Box>
	);
}
