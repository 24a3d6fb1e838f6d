import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {fit, inert, safe, truncate, width} from '../../../source/domain/format/text.js';

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('inert: escape sequences are removed', () => {
	const cases: [string, string, string][] = [
		['SGR colour', `${ESC}[31mred${ESC}[0m`, 'red'],
		['clear screen', `a${ESC}[2Jb`, 'ab'],
		['cursor position', `${ESC}[10;20Hx`, 'x'],
		['cursor up and erase line', `ok${ESC}[1A${ESC}[2Kfake`, 'okfake'],
		['alternate screen (private mode)', `${ESC}[?1049hx${ESC}[?1049l`, 'x'],
		['CSI with intermediate byte', `${ESC}[1 qx`, 'x'],
		['window title, BEL-terminated', `${ESC}]0;pwned${BEL}v1.2`, 'v1.2'],
		['window title, ST-terminated', `${ESC}]2;pwned${ST}v1.2`, 'v1.2'],
		['OSC 52 clipboard write', `${ESC}]52;c;Y3VybCBldmlsLnNoIHwgc2g=${BEL}latest`, 'latest'],
		['OSC 8 hyperlink keeps the visible text only', `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`, 'click'],
		['unterminated OSC eats the rest', `tag${ESC}]0;title`, 'tag'],
		['C1 CSI (U+009B)', `a\u009B2Jb`, 'ab'],
		['C1 CSI with parameters', `\u009B31;1mbold`, 'bold'],
		['ESC 7 / ESC 8 save and restore cursor', `a${ESC}7b${ESC}8c`, 'a7b8c'.replace('7', '\uFFFD7').replace('8', '\uFFFD8')],
		['two-byte ESC sequence (index)', `a${ESC}Db`, 'ab'],
		['DCS introducer and terminator', `${ESC}Pq${ST}`, 'q'],
	];
	for (const [name, input, expected] of cases) {
		test(name, () => {
			const output = inert(input);
			assert.equal(output, expected);
			assert.doesNotMatch(output, CONTROL);
		});
	}
});

describe('inert: control characters', () => {
	const cases: [string, string, string][] = [
		['newline, tab and carriage return become spaces', 'a\nb\tc\rd', 'a b c d'],
		['CRLF', 'line1\r\nline2', 'line1  line2'],
		['NUL', 'a\u0000b', 'a\uFFFDb'],
		['BEL alone', `ding${BEL}`, 'ding\uFFFD'],
		['backspace (overwrites the previous cell)', 'prod\b\b\b\bdev', 'prod\uFFFD\uFFFD\uFFFD\uFFFDdev'],
		['DEL', 'a\u007Fb', 'a\uFFFDb'],
		['C1 NEL', 'a\u0085b', 'a\uFFFDb'],
		['C1 OSC introducer (U+009D)', '\u009D0;title', '\uFFFD0;title'],
		['C1 string terminator', 'x\u009C', 'x\uFFFD'],
		['lone ESC at the end', `tag${ESC}`, 'tag\uFFFD'],
		['ESC before a character that starts no sequence', `${ESC}(0x`, '\uFFFD(0x'],
		['RIS (ESC c)', `${ESC}c`, '\uFFFDc'],
	];
	for (const [name, input, expected] of cases) {
		test(name, () => {
			const output = inert(input);
			assert.equal(output, expected);
			assert.doesNotMatch(output, CONTROL);
		});
	}

	test('no control character survives any single code point from U+0000 to U+00A0', () => {
		for (let code = 0; code <= 0xa0; code++) {
			// The right neighbour is not ASCII, so it cannot complete an escape sequence.
			const output = inert(`a${String.fromCharCode(code)}漢`);
			assert.doesNotMatch(output, CONTROL, `U+${code.toString(16).padStart(4, '0')}`);
			assert.ok(output.startsWith('a') && output.endsWith('漢'), `U+${code.toString(16)} keeps its neighbours`);
		}
	});
});

describe('inert: printable text is kept', () => {
	const cases = ['plain-tag_1.2.3', 'café', '漢字かな', 'rocket 🚀', '❤️', '👨‍👩‍👧', '🇯🇵', 'e\u0301', 'Ünïcödé ✓ → ≠', 'sha256:0123abcdef', '[brackets] and ;semicolons; and ]', ''];
	for (const text of cases) {
		test(JSON.stringify(text), () => assert.equal(inert(text), text));
	}
	test('unicode between escapes', () => assert.equal(inert(`${ESC}[1m漢字${ESC}[0m 🚀`), '漢字 🚀'));
});

describe('width', () => {
	const cases: [string, number][] = [
		['', 0],
		['abc', 3],
		['漢字', 4],
		['かなカナ', 8],
		['🚀', 2],
		['a🚀b', 4],
		['é', 1],
		['e\u0301', 1],
	];
	for (const [text, expected] of cases) {
		test(JSON.stringify(text), () => assert.equal(width(text), expected));
	}
});

describe('truncate', () => {
	const cases: [string, number, string][] = [
		['short', 10, 'short'],
		['exact', 5, 'exact'],
		['longer text', 6, 'longe…'],
		['abc', 1, '…'],
		['abc', 0, ''],
		['abc', -3, ''],
		['漢字かな', 8, '漢字かな'],
		['漢字かな', 7, '漢字か…'],
		['漢字かな', 6, '漢字…'],
		['漢字かな', 4, '漢…'], // the second character would need cells 3-4 plus the ellipsis
		['漢字かな', 2, '…'],
		['🚀🚀🚀', 4, '🚀…'],
		['a🚀', 2, 'a…'],
	];
	for (const [text, max, expected] of cases) {
		test(`${JSON.stringify(text)} to ${max}`, () => {
			const output = truncate(text, max);
			assert.equal(output, expected);
			assert.ok(width(output) <= Math.max(0, max));
		});
	}
});

describe('truncate and fit never exceed the width', () => {
	const samples = [
		'hello world',
		'漢字かなカナ漢字',
		'🚀🚀🚀🚀',
		'a漢b字c',
		'❤️❤️❤️❤️', // heart + VS16: emoji presentation, two cells each
		'1️⃣2️⃣3️⃣', // keycaps
		'👨‍👩‍👧👨‍👩‍👧', // ZWJ families
		'🇯🇵🇺🇸🇩🇪', // flags
		'👍🏽👍🏽👍🏽', // skin tones
		'e\u0301e\u0301e\u0301e\u0301', // combining accents
		'mix 漢 🚀 ❤️ 1️⃣ end',
	];
	for (const text of samples) {
		test(JSON.stringify(text), () => {
			for (let max = 0; max <= width(text) + 2; max++) {
				const cut = truncate(text, max);
				assert.ok(width(cut) <= max, `truncate(${JSON.stringify(text)}, ${max}) = ${JSON.stringify(cut)} is ${width(cut)} cells`);
				if (width(text) <= max) assert.equal(cut, text);
				else if (max > 0) assert.ok(cut.endsWith('…'), 'cut text ends with an ellipsis');
				for (const align of ['left', 'right'] as const) {
					const padded = fit(text, max, align);
					assert.equal(width(padded), max, `fit(${JSON.stringify(text)}, ${max}, ${align}) = ${JSON.stringify(padded)}`);
				}
			}
		});
	}
});

describe('fit', () => {
	const cases: [string, number, 'left' | 'right' | undefined, string][] = [
		['ab', 4, undefined, 'ab  '],
		['ab', 4, 'left', 'ab  '],
		['ab', 4, 'right', '  ab'],
		['abcdef', 4, 'left', 'abc…'],
		['abcdef', 4, 'right', 'abc…'],
		['漢字', 5, 'left', '漢字 '],
		['漢字か', 5, 'right', ' 漢字…'.slice(1)],
		['漢字かな', 4, 'left', '漢… '],
		['', 3, 'left', '   '],
		['x', 0, 'left', ''],
	];
	for (const [text, size, align, expected] of cases) {
		test(`${JSON.stringify(text)} in ${size} ${align ?? '(default)'}`, () => {
			const output = align ? fit(text, size, align) : fit(text, size);
			assert.equal(output, expected);
			assert.equal(width(output), size);
		});
	}
});

describe('safe', () => {
	const cases: [string | undefined, number | undefined, string][] = [
		[undefined, undefined, ''],
		['', undefined, ''],
		[`${ESC}]0;x${BEL}v1\n`, undefined, 'v1 '],
		[`${ESC}[31m${'a'.repeat(20)}`, 10, `${'a'.repeat(9)}…`],
		['x'.repeat(2000), undefined, `${'x'.repeat(1023)}…`],
	];
	for (const [input, max, expected] of cases) {
		test(`${JSON.stringify(input)?.slice(0, 30)} max ${max ?? 'default'}`, () => assert.equal(max === undefined ? safe(input) : safe(input, max), expected));
	}
	test('the escape is removed before measuring, so it does not use up width', () => {
		assert.equal(safe(`${ESC}[1m${ESC}[31mabcd`, 4), 'abcd');
	});
});

test('inert drops bidirectional overrides and isolates (no spoofed display order)', () => {
	assert.equal(inert('v1\u202Egpj.exe'), 'v1gpj.exe');
	assert.equal(inert('\u2066tag\u2069'), 'tag');
});
