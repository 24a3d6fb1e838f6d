import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Key} from 'ink';
import {editorActionFor, sliceCells} from '../../source/components/text-editor.js';

function key(overrides: Partial<Key> = {}): Key {
	return {
		upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
		return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
		super: false, hyper: false, capsLock: false, numLock: false,
		...overrides,
	} as Key;
}

test('Backspace (0x7f) and Delete (ESC [3~) both arrive as `delete`: the raw bytes tell them apart', () => {
	assert.deepEqual(editorActionFor({input: '', key: key({delete: true})}, '\u007F', 10), {type: 'backspace'});
	assert.deepEqual(editorActionFor({input: '', key: key({delete: true})}, '\u001B[3~', 10), {type: 'delete'});
	assert.deepEqual(editorActionFor({input: '', key: key({backspace: true})}, '\b', 10), {type: 'backspace'});
});

test('printable keys are text; Enter, Tab and the arrows edit and move', () => {
	assert.deepEqual(editorActionFor({input: 'q', key: key()}, 'q', 10), {type: 'insert', text: 'q'});
	assert.deepEqual(editorActionFor({input: 'A', key: key({shift: true})}, 'A', 10), {type: 'insert', text: 'A'});
	assert.deepEqual(editorActionFor({input: '{"a": 1}\n', key: key()}, '', 10), {type: 'insert', text: '{"a": 1}\n'});
	assert.deepEqual(editorActionFor({input: '\r', key: key({return: true})}, '\r', 10), {type: 'newline'});
	assert.deepEqual(editorActionFor({input: '', key: key({tab: true})}, '\t', 10), {type: 'tab'});
	assert.equal(editorActionFor({input: '', key: key({tab: true, shift: true})}, '', 10), 'consume');
	assert.deepEqual(editorActionFor({input: '', key: key({pageDown: true})}, '', 7), {type: 'move', to: 'page-down', page: 7});
	assert.deepEqual(editorActionFor({input: '', key: key({leftArrow: true, ctrl: true})}, '', 7), {type: 'move', to: 'word-left'});
	assert.deepEqual(editorActionFor({input: '', key: key({home: true})}, '', 7), {type: 'move', to: 'home'});
});

test('readline Ctrl keys edit; other Ctrl keys go to the screen (Ctrl-S applies)', () => {
	assert.deepEqual(editorActionFor({input: 'k', key: key({ctrl: true})}, '', 10), {type: 'kill-to-end'});
	assert.deepEqual(editorActionFor({input: 'd', key: key({ctrl: true})}, '', 10), {type: 'delete'});
	assert.equal(editorActionFor({input: 's', key: key({ctrl: true})}, '', 10), undefined);
	assert.equal(editorActionFor({input: 'f', key: key({ctrl: true})}, '', 10), undefined);
});

test('sliceCells cuts by terminal cells and never splits a wide character', () => {
	assert.equal(sliceCells('abcdef', 2, 3), 'cde');
	assert.equal(sliceCells('版本-1', 0, 3), '版');
	assert.equal(sliceCells('版本-1', 2, 4), '本-1');
	assert.equal(sliceCells('a😀b', 1, 2), '😀');
});
