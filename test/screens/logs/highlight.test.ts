import {test} from 'node:test';
import assert from 'node:assert/strict';
import {segments, termsOf} from '../../../source/screens/logs/highlight.js';

const hits = (pattern: string, text: string) => segments(text, termsOf(pattern)).filter(segment => segment.hit).map(segment => segment.text);

test('the parts a filter pattern matched are the hits, case-sensitive as CloudWatch is', () => {
	assert.deepEqual(hits('"slow query"', 'level=warn msg="slow query" dur=2s'), ['slow query']);
	assert.deepEqual(hits('"Slow query"', 'msg="slow query"'), []);
	assert.deepEqual(hits('GET -health', 'GET /health 200'), ['GET'], 'excluded terms are not highlighted');
	assert.deepEqual(hits('?ERROR ?WARN', 'WARN then ERROR'), ['WARN', 'ERROR']);
	assert.deepEqual(hits('%status=5[0-9]{2}%', 'a status=502 b status=200'), ['status=502']);
	assert.deepEqual(hits('{ $.level = "error" }', '{"level":"error"}'), [], 'JSON patterns highlight nothing');
	assert.deepEqual(hits('"a\\"b"', 'x a"b y'), ['a"b']);
});

test('overlapping matches merge; the text is kept whole and in order', () => {
	const parts = segments('abcabc', termsOf('abc bca'));
	assert.equal(parts.map(part => part.text).join(''), 'abcabc');
	assert.deepEqual(parts.filter(part => part.hit).map(part => part.text), ['abcabc']);
	assert.deepEqual(segments('', termsOf('x')), [{text: '', hit: false}]);
});
