import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatTime, hardWrap, heightOf, layoutRows, rowsOfLine, spansDays, windowStart, type LayoutOptions} from '../../../source/screens/logs/log-rows.js';
import type {LogLine} from '../../../source/data/logs.js';

const T = Date.UTC(2026, 10, 29, 8, 59, 58);
const line = (id: number, text: string, timestamp = T + id * 1000): LogLine => ({id: String(id), timestamp, text, message: text, container: 'app'});
const options = (overrides: Partial<LayoutOptions> = {}): LayoutOptions => ({width: 40, wrap: false, timestamps: true, labels: false, terms: [], withDate: false, ...overrides});

test('times are UTC, with the date when the lines span days', () => {
	assert.equal(formatTime(T, false), '08:59:58');
	assert.equal(formatTime(T, true), '11-29 08:59:58');
	assert.equal(spansDays([line(0, 'a'), line(1, 'b')]), false);
	assert.equal(spansDays([line(0, 'a', T - 86_400_000), line(1, 'b')]), true);
});

test('a line is one row cut at the width, or wrapped under its time', () => {
	const long = line(0, 'x'.repeat(70));
	const [cut] = rowsOfLine(long, 0, options());
	assert.equal(cut!.prefix, '08:59:58 ');
	assert.equal(cut!.segments[0]!.text.length, 31);
	assert.ok(cut!.segments[0]!.text.endsWith('…'));
	const wrapped = rowsOfLine(long, 0, options({wrap: true}));
	assert.equal(wrapped.length, 3);
	assert.equal(heightOf(long, options({wrap: true})), 3);
	assert.equal(wrapped[1]!.prefix, ' '.repeat(9));
	assert.equal(wrapped.map(row => row.segments[0]!.text).join(''), 'x'.repeat(70));
	assert.deepEqual(rowsOfLine(line(0, 'hi'), 0, options({timestamps: false, labels: true}))[0]!.prefix, '[app] ');
});

test('log text is made inert before it is measured or shown', () => {
	const [row] = rowsOfLine(line(0, 'a\u001B[2Jb\u001B]0;t\u0007c\td'), 0, options());
	assert.equal(row!.segments.map(segment => segment.text).join(''), 'abc d');
});

test('wrapping breaks at spaces when it can, hard otherwise, and never splits a wide character', () => {
	assert.deepEqual(hardWrap('GET /v1/payments status=201 dur=84ms', 20), ['GET /v1/payments', 'status=201 dur=84ms']);
	assert.deepEqual(hardWrap('https://shop.example.com/static/app.js', 16), ['https://shop.exa', 'mple.com/static/', 'app.js']);
	assert.deepEqual(hardWrap('日本語テキスト', 5), ['日本', '語テ', 'キス', 'ト']);
});

test('the window keeps its first line while the cursor is visible, and follows it otherwise', () => {
	const lines = Array.from({length: 50}, (_, index) => line(index, `line ${index}`));
	assert.equal(windowStart(lines, 49, 0, 10, options()), 40, 'cursor at the newest line: bottom-anchored');
	assert.equal(windowStart(lines, 45, 40, 10, options()), 40, 'still visible: no move');
	assert.equal(windowStart(lines, 30, 40, 10, options()), 30, 'above: it becomes the top');
	assert.deepEqual(layoutRows(lines, 40, 10, options()).map(row => row.line), [40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
	const wrapped = lines.map(item => ({...item, text: 'y'.repeat(60)}));
	assert.equal(windowStart(wrapped, 49, 0, 10, options({wrap: true})), 45, 'two rows a line');
	assert.equal(layoutRows(wrapped, 45, 9, options({wrap: true})).length, 9);
});
