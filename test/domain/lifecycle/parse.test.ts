import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {lineColumnAt, parseJson, snippetAt} from '../../../source/domain/lifecycle/parse.js';
import {jsonPath} from '../../../source/domain/lifecycle/json-path.js';

function syntaxError(text: string) {
	const result = parseJson(text);
	assert.equal(result.ok, false, `expected a syntax error for ${JSON.stringify(text)}`);
	if (result.ok) throw new Error('unreachable');
	return result.error;
}

describe('parseJson: values', () => {
	const samples = ['{}', '[]', '0', '-1.5e3', '"a\\u00e9\\n\\"b"', 'true', 'false', 'null', '{"a":[1,{"b":null}],"c":"d"}', ' \n\t[ 1 , 2 ] \r\n', '"😀 unicode"'];
	for (const sample of samples) {
		test(`parses ${JSON.stringify(sample)} like JSON.parse`, () => {
			const result = parseJson(sample);
			assert.ok(result.ok);
			assert.deepEqual(result.value, JSON.parse(sample));
		});
	}

	test('a "__proto__" key becomes an own property, as with JSON.parse', () => {
		const result = parseJson('{"__proto__": {"x": 1}}');
		assert.ok(result.ok);
		assert.ok(Object.hasOwn(result.value as object, '__proto__'));
		assert.equal(({} as Record<string, unknown>).x, undefined);
	});

	test('duplicate keys: the last value wins and a warning points at the second key', () => {
		const result = parseJson('{\n  "a": 1,\n  "a": 2\n}');
		assert.ok(result.ok);
		assert.deepEqual(result.value, {a: 2});
		assert.deepEqual(result.warnings.map(w => [w.code, w.path, w.line, w.column]), [['duplicate-key', '$.a', 3, 3]]);
	});

	test('a byte-order mark is skipped with a warning', () => {
		const result = parseJson('\uFEFF{"a": 1}');
		assert.ok(result.ok);
		assert.deepEqual(result.value, {a: 1});
		assert.equal(result.warnings[0]?.code, 'byte-order-mark');
	});
});

describe('parseJson: positions', () => {
	const text = '{\n\t"rules": [\n\t\t{\n\t\t\t"rulePriority": 1.0,\n\t\t\t"odd key": "x"\n\t\t}\n\t]\n}';
	const result = parseJson(text);
	assert.ok(result.ok);
	const {positions} = result;

	test('records the key position of object members (1-based line and column)', () => {
		assert.deepEqual(positions.get('$.rules[0].rulePriority')?.key, {line: 4, column: 4, offset: text.indexOf('"rulePriority"')});
		assert.deepEqual(positions.get('$.rules')?.key?.line, 2);
	});

	test('records value positions for array elements and the root', () => {
		assert.equal(positions.get('$.rules[0]')?.value.line, 3);
		assert.equal(positions.get('$')?.value.line, 1);
	});

	test('keeps number literals so 1.0 can be told from 1', () => {
		assert.equal(positions.get('$.rules[0].rulePriority')?.raw, '1.0');
	});

	test('quotes keys that are not identifiers', () => {
		assert.ok(positions.has('$.rules[0]["odd key"]'));
	});

	test('positions can be turned off', () => {
		const bare = parseJson(text, {positions: false});
		assert.ok(bare.ok);
		assert.equal(bare.positions.size, 0);
	});
});

describe('parseJson: syntax errors with line, column and snippet', () => {
	const cases: [string, string, number, number, RegExp][] = [
		['trailing comma in object', '{\n  "a": 1,\n}', 3, 1, /Trailing comma/],
		['trailing comma in array', '[1, 2,\n]', 2, 1, /Trailing comma/],
		['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /missing comma/],
		['comment', '{\n  // no\n  "a": 1\n}', 2, 3, /Comments are not allowed/],
		['single quotes', "{'a': 1}", 1, 2, /double quotes/],
		['unquoted key', '{a: 1}', 1, 2, /property name in double quotes/],
		['missing colon', '{"a" 1}', 1, 6, /Expected ':'/],
		['unterminated string', '{"a": "abc', 1, 7, /inside a string: the JSON is truncated/],
		['line break in string', '{"a": "ab\nc"}', 1, 10, /line break/],
		['truncated object', '{"rules": [\n  {"a": 1}', 2, 11, /truncated.*opened at line 1, column 11/],
		['empty input', '   ', 1, 4, /Empty input/],
		['text after the value', '{} x', 1, 4, /after the end/],
		['leading zero', '[01]', 1, 2, /Invalid number/],
		['bad escape', '"\\x"', 1, 2, /Invalid escape/],
		['bare word', '{"a": True}', 1, 7, /Unexpected word 'True'/],
		['NaN', '[NaN]', 1, 2, /Unexpected word 'NaN'/],
	];
	for (const [name, text, line, column, message] of cases) {
		test(name, () => {
			const error = syntaxError(text);
			assert.match(error.message, message);
			assert.deepEqual([error.line, error.column], [line, column]);
		});
	}

	test('the snippet shows the line with a caret under the column', () => {
		const error = syntaxError('{\n  "a": 1,\n  "b": 2,\n}');
		assert.equal(error.snippet, '}\n^');
		const inner = syntaxError('{"a": 1 "b": 2}');
		const [line, caret] = inner.snippet.split('\n');
		assert.equal(line, '{"a": 1 "b": 2}');
		assert.equal(caret?.indexOf('^'), inner.column - 1);
	});

	test('long lines are cut around the error', () => {
		const text = `{"a": "${'x'.repeat(500)}", oops}`;
		const error = syntaxError(text);
		assert.ok(error.snippet.split('\n')[0]!.length <= 82);
		assert.match(error.snippet, /…/);
	});
});

describe('parseJson: robustness', () => {
	test('100,000 levels of nesting neither throw nor overflow the stack', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const result = parseJson(deep);
		assert.ok(result.ok);
		const unclosed = parseJson('['.repeat(100_000));
		assert.equal(unclosed.ok, false);
	});

	test('a 30,720-character policy parses, with positions for every rule', () => {
		const build = (length: number) => JSON.stringify({rules: Array.from({length: 50}, (_, k) => ({
			rulePriority: k + 1, description: 'd'.repeat(length),
			selection: {tagStatus: 'tagged', tagPatternList: [`p${k}*`], countType: 'imageCountMoreThan', countNumber: 5}, action: {type: 'expire'},
		}))}, null, 2);
		let length = 0;
		while (build(length + 1).length <= 30_720) length++;
		const text = build(length);
		assert.ok(text.length > 30_600 && text.length <= 30_720);
		const result = parseJson(text);
		assert.ok(result.ok);
		assert.ok(result.positions.has('$.rules[49].selection.countNumber'));
	});

	test('non-string input returns an error instead of throwing', () => {
		assert.equal(parseJson(42 as unknown as string).ok, false);
	});
});

describe('helpers', () => {
	test('lineColumnAt counts lines from 1', () => {
		assert.deepEqual(lineColumnAt('ab\ncd', 4), {line: 2, column: 2});
		assert.deepEqual(lineColumnAt('', 0), {line: 1, column: 1});
	});

	test('snippetAt replaces tabs so the caret lines up', () => {
		assert.equal(snippetAt('\tx', 1), ' x\n ^');
	});

	test('jsonPath quotes keys that are not identifiers', () => {
		const segments = ['rules', 0, 'selection', 'odd "key"', 'tagPatternList', 3];
		const path = jsonPath(segments);
		assert.equal(path, '$.rules[0].selection["odd \\"key\\""].tagPatternList[3]');
	});
});
