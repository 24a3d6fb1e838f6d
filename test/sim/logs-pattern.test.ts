import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compilePattern} from '../../source/sim/services/logs-pattern.js';
import {SimError} from '../../source/sim/errors.js';

const line = 'level=error method=POST path=/v1/settlements status=502 err="ledger: i/o timeout"';

test('filter patterns match as CloudWatch Logs documents them', () => {
	const cases: [string, string, boolean][] = [
		['', line, true],
		['error', line, true],
		['err', line, true],
		['erro', line, false],
		['POST 502', line, true],
		['POST 404', line, false],
		['"i/o timeout"', line, true],
		['"I/O timeout"', line, false],
		['?404 ?502', line, true],
		['?404 ?503', line, false],
		['POST -settlements', line, false],
		['POST -refunds', line, true],
		['/v1/settlements', line, true],
		['%status=5[0-9]{2}%', line, true],
		['%^level=info%', line, false],
		['{ $.status = 502 }', '{"status":502,"path":"/x"}', true],
		['{ $.status >= 500 && $.path = "/x" }', '{"status":502,"path":"/x"}', true],
		['{ $.status < 500 || $.path = "/y*" }', '{"status":502,"path":"/yes"}', true],
		['{ $.status != 502 }', '{"status":502}', false],
		['{ $.user.name = "ann" }', '{"user":{"name":"ann"}}', true],
		['{ $.status = 502 }', 'not json', false],
	];
	for (const [pattern, message, expected] of cases) assert.equal(compilePattern(pattern)(message), expected, `${pattern} on ${message}`);
});

test('bad patterns are InvalidParameterException; space-delimited ones are refused by name', () => {
	for (const pattern of ['"open', '%(a|b)%', '{ status = 1 }', '?', '[ip, user]']) {
		assert.throws(() => compilePattern(pattern), (error: unknown) => error instanceof SimError && error.code === 'InvalidParameterException', pattern);
	}
});
