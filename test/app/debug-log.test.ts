import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openDebugLog} from '../../source/app/debug-log.js';
import {CallRecorder} from '../../source/data/recorder.js';
import {toProblem} from '../../source/data/problems.js';

test('--debug: AWS calls and internal errors (with their stacks) go to a private JSON-lines file; secrets are masked', () => {
	const dir = mkdtempSync(join(tmpdir(), 'ecrtui-debug-'));
	const recorder = new CallRecorder();
	const log = openDebugLog(recorder, {ECRTUI_CONFIG_DIR: dir});
	const call = recorder.start('ecr', 'DescribeRepositories', {maxResults: 1000});
	recorder.finish(call, 'ok');
	// A TypeError is no AWS answer: the problem says "unknown" and the log keeps the stack.
	const problem = toProblem(new TypeError('cannot read properties of undefined (reading \'imageIds\')'), {what: 'Listing images of web'});
	assert.equal(problem.kind, 'unknown');
	log.write('note', {text: 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and AKIAIOSFODNN7EXAMPLE'});
	const lines = readFileSync(log.path, 'utf8').trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
	assert.deepEqual(lines.map(line => line.kind), ['aws-call', 'internal-error', 'note']);
	assert.equal(lines[0]?.operation, 'DescribeRepositories');
	assert.equal(lines[1]?.context, 'Listing images of web');
	assert.match(String(lines[1]?.stack), /TypeError: cannot read properties of undefined/);
	assert.doesNotMatch(JSON.stringify(lines[2]), /wJalrXUtnFEMI|IOSFODNN7EXAMPLE/);
	assert.equal(statSync(log.path).mode & 0o777, 0o600);
});

test('AWS errors are answers, not internal errors: they are not logged as such', () => {
	const dir = mkdtempSync(join(tmpdir(), 'ecrtui-debug-'));
	const log = openDebugLog(new CallRecorder(), {ECRTUI_CONFIG_DIR: dir});
	toProblem(Object.assign(new Error('Rate exceeded'), {name: 'ThrottlingException'}), {what: 'Listing repositories'});
	toProblem(Object.assign(new Error('User is not authorized'), {name: 'AccessDeniedException', $metadata: {httpStatusCode: 400}}), {what: 'Listing repositories'});
	assert.equal(readFileSync(log.path, 'utf8'), '');
});
