import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {CallRecorder, stableStringify, type RecorderEvent} from '../../source/data/recorder.js';

describe('stableStringify', () => {
	const cases: [string, unknown, string][] = [
		['keys sorted', {b: 1, a: 2}, '{"a":2,"b":1}'],
		['nested keys sorted', {z: {y: 1, x: [{d: 1, c: 2}]}, a: null}, '{"a":null,"z":{"x":[{"c":2,"d":1}],"y":1}}'],
		['undefined values dropped', {a: undefined, b: 1}, '{"b":1}'],
		['abortSignal dropped', {repositoryName: 'web', abortSignal: new AbortController().signal}, '{"repositoryName":"web"}'],
		['dates as ISO strings', {since: new Date(Date.UTC(2026, 10, 29, 12))}, '{"since":"2026-11-29T12:00:00.000Z"}'],
		['array order kept', [3, 1, 2], '[3,1,2]'],
		['strings escaped', {tag: 'a"b\n'}, '{"tag":"a\\"b\\n"}'],
		['primitives', 42, '42'],
		['null', null, 'null'],
		['undefined', undefined, 'undefined'],
		['empty object', {}, '{}'],
		['upper-case keys sort before lower-case (code unit order)', {b: 1, B: 2, a: 3}, '{"B":2,"a":3,"b":1}'],
	];
	for (const [name, value, expected] of cases) {
		test(name, () => assert.equal(stableStringify(value), expected));
	}

	test('equal inputs built in different key orders give equal text', () => {
		const one = {repositoryName: 'web', filter: {tagStatus: 'UNTAGGED', imageStatus: 'ANY'}, maxResults: 1000};
		const two = {maxResults: 1000, filter: {imageStatus: 'ANY', tagStatus: 'UNTAGGED'}, repositoryName: 'web'};
		assert.equal(stableStringify(one), stableStringify(two));
	});
});

describe('CallRecorder', () => {
	test('records calls with service, operation, stable input and outcome', () => {
		const recorder = new CallRecorder();
		const record = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web', maxResults: 1000});
		recorder.attempt(record);
		recorder.finish(record, 'ok');
		assert.equal(record.id, 1);
		assert.equal(record.service, 'ECR');
		assert.equal(record.operation, 'DescribeImages');
		assert.equal(record.input, '{"maxResults":1000,"repositoryName":"web"}');
		assert.equal(record.outcome, 'ok');
		assert.equal(record.attempts, 1);
		assert.equal(record.duplicate, false);
		assert.equal(typeof record.durationMs, 'number');
		assert.equal(record.errorCode, undefined);
		assert.deepEqual(recorder.totals, {calls: 1, errors: 0, throttles: 0, duplicates: 0});
	});

	test('counts per operation, and only after a mark', () => {
		const recorder = new CallRecorder();
		const calls: [string, string][] = [
			['ECR', 'DescribeRepositories'],
			['ECR', 'DescribeImages'],
			['ECR', 'DescribeImages'],
			['ECS', 'ListClusters'],
		];
		for (const [service, operation] of calls) recorder.finish(recorder.start(service, operation, {}), 'ok');
		assert.deepEqual(recorder.countByOperation(), {'ECR.DescribeRepositories': 1, 'ECR.DescribeImages': 2, 'ECS.ListClusters': 1});
		const mark = recorder.mark();
		assert.equal(mark, 4);
		recorder.finish(recorder.start('ECR', 'DescribeImages', {repositoryName: 'api'}), 'ok');
		assert.deepEqual(recorder.countByOperation(mark), {'ECR.DescribeImages': 1});
		assert.deepEqual(new CallRecorder().countByOperation(), {});
	});

	test('an identical request started while one is in flight is a duplicate', () => {
		const recorder = new CallRecorder();
		const first = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web', maxResults: 1000});
		const same = recorder.start('ECR', 'DescribeImages', {maxResults: 1000, repositoryName: 'web'});
		const otherInput = recorder.start('ECR', 'DescribeImages', {repositoryName: 'api', maxResults: 1000});
		const otherOperation = recorder.start('ECR', 'ListImages', {repositoryName: 'web', maxResults: 1000});
		const otherService = recorder.start('ECS', 'DescribeImages', {repositoryName: 'web', maxResults: 1000});
		const withSignal = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web', maxResults: 1000, abortSignal: new AbortController().signal});
		assert.deepEqual([first, same, otherInput, otherOperation, otherService, withSignal].map(record => record.duplicate), [false, true, false, false, false, true]);
		assert.equal(recorder.totals.duplicates, 2);
		assert.equal(recorder.pending, 6);
	});

	test('once the first finishes, the same request is no longer a duplicate', () => {
		const recorder = new CallRecorder();
		const first = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web'});
		const second = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web'});
		recorder.finish(first, 'ok');
		const third = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web'});
		assert.equal(third.duplicate, true, 'the second is still in flight');
		recorder.finish(second, 'ok');
		recorder.finish(third, 'ok');
		assert.equal(recorder.pending, 0);
		assert.equal(recorder.start('ECR', 'DescribeImages', {repositoryName: 'web'}).duplicate, false);
	});

	test('errors, retries and throttles are counted', () => {
		const recorder = new CallRecorder();
		const record = recorder.start('ECR', 'DescribeImages', {repositoryName: 'web'});
		recorder.attempt(record);
		recorder.retry(record, 'ThrottlingException', true);
		recorder.attempt(record);
		recorder.retry(record, 'InternalFailure', false);
		recorder.attempt(record);
		recorder.finish(record, 'error', {name: 'ThrottlingException', message: 'Rate exceeded'});
		assert.equal(record.attempts, 3);
		assert.equal(record.throttles, 1);
		assert.equal(record.outcome, 'error');
		assert.equal(record.errorCode, 'ThrottlingException');
		assert.equal(record.errorMessage, 'Rate exceeded');
		assert.deepEqual(recorder.totals, {calls: 1, errors: 1, throttles: 1, duplicates: 0});
	});

	test('long inputs and error messages are truncated', () => {
		const recorder = new CallRecorder();
		const record = recorder.start('ECR', 'BatchDeleteImage', {imageIds: Array.from({length: 100}, (_, index) => ({imageDigest: `sha256:${String(index).padStart(64, '0')}`}))});
		assert.equal(record.input.length, 401);
		assert.ok(record.input.endsWith('…'));
		recorder.finish(record, 'error', {name: 'ServerException', message: 'x'.repeat(2000)});
		assert.equal(record.errorMessage?.length, 500);
	});

	test('duplicates are detected on the full input, not the truncated text', () => {
		const recorder = new CallRecorder();
		const prefix = 'p'.repeat(500);
		const one = recorder.start('ECR', 'BatchGetImage', {a: prefix, b: 1});
		const two = recorder.start('ECR', 'BatchGetImage', {a: prefix, b: 2});
		assert.equal(one.input, two.input, 'the shown text is the same');
		assert.equal(two.duplicate, false);
	});

	test('records are trimmed to the limit; totals and ids keep counting', () => {
		const recorder = new CallRecorder(3);
		for (let index = 0; index < 5; index++) recorder.finish(recorder.start('ECR', index % 2 ? 'ListImages' : 'DescribeImages', {index}), 'ok');
		assert.deepEqual(recorder.records.map(record => record.id), [3, 4, 5]);
		assert.equal(recorder.totals.calls, 5);
		assert.equal(recorder.mark(), 5);
		assert.deepEqual(recorder.countByOperation(), {'ECR.DescribeImages': 2, 'ECR.ListImages': 1});
	});

	test('subscribers see start, retry and finish in order, and stop after unsubscribing', () => {
		const recorder = new CallRecorder();
		const events: string[] = [];
		const off = recorder.subscribe((event: RecorderEvent) => {
			events.push(event.type === 'retry' ? `retry:${event.record.operation}:${event.errorCode}:${event.throttled}` : `${event.type}:${event.record.operation}:${event.record.outcome ?? '-'}`);
		});
		const record = recorder.start('ECS', 'DescribeTasks', {cluster: 'prod', tasks: ['a']});
		recorder.retry(record, 'ThrottlingException', true);
		recorder.finish(record, 'ok');
		off();
		recorder.finish(recorder.start('ECS', 'ListTasks', {}), 'ok');
		assert.deepEqual(events, ['start:DescribeTasks:-', 'retry:DescribeTasks:ThrottlingException:true', 'finish:DescribeTasks:ok']);
	});

	test('pending counts calls in flight', () => {
		const recorder = new CallRecorder();
		assert.equal(recorder.pending, 0);
		const a = recorder.start('ECR', 'DescribeImages', {repositoryName: 'a'});
		const b = recorder.start('ECR', 'DescribeImages', {repositoryName: 'b'});
		assert.equal(recorder.pending, 2);
		recorder.finish(a, 'ok');
		assert.equal(recorder.pending, 1);
		recorder.finish(b, 'error', {name: 'X'});
		assert.equal(recorder.pending, 0);
	});
});
