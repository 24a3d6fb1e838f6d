import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanInput, createEditor, editorReducer, editorText, splitLines, type EditorAction, type EditorState} from '../../source/components/text-editor-model.js';

function run(text: string, ...actions: EditorAction[]): EditorState {
	return actions.reduce(editorReducer, createEditor(text));
}

function at(state: EditorState): [number, number] {
	return [state.row, state.column];
}

test('typing inserts at the cursor and moves it', () => {
	const state = run('ac', {type: 'move', to: 'right'}, {type: 'insert', text: 'b'});
	assert.equal(editorText(state), 'abc');
	assert.deepEqual(at(state), [0, 2]);
	assert.equal(state.version, 1);
});

test('a paste of many characters splits lines, converts tabs and CRLF, drops control characters', () => {
	const state = run('', {type: 'insert', text: '{\r\n\t"a": 1,\r\u0007"b": 2\n}'});
	assert.deepEqual(state.lines, ['{', '  "a": 1,', '"b": 2', '}']);
	assert.deepEqual(at(state), [3, 1]);
	assert.equal(cleanInput('x\u001B[31my'), 'xy');
	assert.deepEqual(splitLines('a\r\nb\rc'), ['a', 'b', 'c']);
});

test('Enter keeps the indentation and indents after an opening bracket', () => {
	let state = run('  "rules": [', {type: 'move', to: 'end'}, {type: 'newline'});
	assert.deepEqual(state.lines, ['  "rules": [', '    ']);
	assert.deepEqual(at(state), [1, 4]);
	state = run('  "a": 1', {type: 'move', to: 'end'}, {type: 'newline'});
	assert.deepEqual(state.lines, ['  "a": 1', '  ']);
});

test('Enter between brackets puts the closing bracket on its own line', () => {
	const state = run('{}', {type: 'move', to: 'right'}, {type: 'newline'});
	assert.deepEqual(state.lines, ['{', '  ', '}']);
	assert.deepEqual(at(state), [1, 2]);
});

test('Tab inserts two spaces', () => {
	assert.equal(editorText(run('x', {type: 'tab'})), '  x');
});

test('Backspace deletes back, joins lines at a line start, removes indentation by two', () => {
	assert.equal(editorText(run('ab', {type: 'move', to: 'end'}, {type: 'backspace'})), 'a');
	const joined = run('ab\ncd', {type: 'move', to: 'down'}, {type: 'move', to: 'home'}, {type: 'move', to: 'home'}, {type: 'backspace'});
	assert.equal(editorText(joined), 'abcd');
	assert.deepEqual(at(joined), [0, 2]);
	const indent = run('    x', {type: 'move', to: 'home'}, {type: 'backspace'});
	assert.equal(editorText(indent), '  x');
	assert.equal(run('a', {type: 'backspace'}).version, 0, 'nothing before the start');
});

test('Delete deletes forward and joins with the next line at a line end', () => {
	assert.equal(editorText(run('ab', {type: 'delete'})), 'b');
	assert.equal(editorText(run('ab\ncd', {type: 'move', to: 'end'}, {type: 'delete'})), 'abcd');
	assert.equal(run('ab', {type: 'move', to: 'end'}, {type: 'delete'}).version, 0);
});

test('astral characters are one step for moves, Backspace and Delete', () => {
	let state = run('a😀b', {type: 'move', to: 'end'}, {type: 'move', to: 'left'}, {type: 'move', to: 'left'});
	assert.deepEqual(at(state), [0, 1]);
	state = editorReducer(state, {type: 'delete'});
	assert.equal(editorText(state), 'ab');
	state = run('a😀', {type: 'move', to: 'end'}, {type: 'backspace'});
	assert.equal(editorText(state), 'a');
});

test('up and down keep the goal column across short lines', () => {
	let state = run('abcdef\nab\nabcdef', {type: 'move', to: 'end'});
	state = editorReducer(state, {type: 'move', to: 'down'});
	assert.deepEqual(at(state), [1, 2]);
	state = editorReducer(state, {type: 'move', to: 'down'});
	assert.deepEqual(at(state), [2, 6]);
	state = editorReducer(state, {type: 'move', to: 'down'});
	assert.deepEqual(at(state), [2, 6], 'last line: end');
	state = editorReducer(createEditor('abc'), {type: 'move', to: 'up'});
	assert.deepEqual(at(state), [0, 0]);
});

test('Home toggles between the first non-blank and the line start; End goes to the end', () => {
	let state = run('   x = 1', {type: 'move', to: 'end'});
	assert.deepEqual(at(state), [0, 8]);
	state = editorReducer(state, {type: 'move', to: 'home'});
	assert.deepEqual(at(state), [0, 3]);
	state = editorReducer(state, {type: 'move', to: 'home'});
	assert.deepEqual(at(state), [0, 0]);
});

test('PgUp and PgDn move by a page; left and right cross line breaks', () => {
	const text = Array.from({length: 30}, (_, k) => `line ${k}`).join('\n');
	let state = run(text, {type: 'move', to: 'page-down', page: 10});
	assert.equal(state.row, 10);
	state = editorReducer(state, {type: 'move', to: 'page-down', page: 100});
	assert.equal(state.row, 29);
	state = editorReducer(state, {type: 'move', to: 'page-up', page: 10});
	assert.equal(state.row, 19);
	state = run('ab\ncd', {type: 'move', to: 'end'}, {type: 'move', to: 'right'});
	assert.deepEqual(at(state), [1, 0]);
	state = editorReducer(state, {type: 'move', to: 'left'});
	assert.deepEqual(at(state), [0, 2]);
});

test('word moves, kill to end and to start, goto, set-text', () => {
	let state = run('"countNumber": 20', {type: 'move', to: 'word-right'});
	assert.deepEqual(at(state), [0, 12]);
	state = editorReducer(state, {type: 'kill-to-end'});
	assert.equal(editorText(state), '"countNumber');
	state = editorReducer(state, {type: 'kill-to-start'});
	assert.equal(editorText(state), '');
	state = run('a\nbcd\ne', {type: 'goto', line: 2, column: 3});
	assert.deepEqual(at(state), [1, 2]);
	state = editorReducer(state, {type: 'set-text', text: 'x\ny'});
	assert.deepEqual(at(state), [1, 1], 'cursor kept, clamped');
	state = editorReducer(state, {type: 'set-text', text: 'z', cursor: 'start'});
	assert.deepEqual(at(state), [0, 0]);
	assert.equal(editorText(state), 'z');
});

test('cursor moves do not change the version; edits do', () => {
	const moved = run('abc', {type: 'move', to: 'end'});
	assert.equal(moved.version, 0);
	assert.equal(editorReducer(moved, {type: 'insert', text: ''}), moved, 'empty insert is a no-op');
	assert.equal(editorReducer(moved, {type: 'insert', text: 'd'}).version, 1);
});
