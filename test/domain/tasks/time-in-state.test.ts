import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {formatDuration, timeInState, type TimeBasis} from '../../../source/domain/tasks/time-in-state.js';
import {asStopCode, asTaskStatus, taskLocation, type TaskRecord} from '../../../source/domain/tasks/types.js';
import {aTask, at} from './task-builder.js';

describe('timeInState', () => {
	const cases: Array<{name: string; task: TaskRecord; now: number; basis: TimeBasis; durationMs: number}> = [
		{name: 'PROVISIONING uses createdAt', task: aTask(), now: at(90), basis: 'createdAt', durationMs: 90_000},
		{
			name: 'PENDING before any pull uses createdAt',
			task: aTask({lastStatus: 'PENDING', connectivityAt: at(20)}),
			now: at(200),
			basis: 'createdAt',
			durationMs: 200_000,
		},
		{
			name: 'PENDING while pulling still counts from createdAt (no PENDING timestamp of its own)',
			task: aTask({lastStatus: 'PENDING', pullStartedAt: at(30)}),
			now: at(100),
			basis: 'createdAt',
			durationMs: 100_000,
		},
		{
			name: 'ACTIVATING uses pullStoppedAt',
			task: aTask({lastStatus: 'ACTIVATING', pullStartedAt: at(30), pullStoppedAt: at(50)}),
			now: at(80),
			basis: 'pullStoppedAt',
			durationMs: 30_000,
		},
		{
			name: 'RUNNING uses startedAt',
			task: aTask({lastStatus: 'RUNNING', pullStartedAt: at(30), pullStoppedAt: at(50), startedAt: at(60)}),
			now: at(3660),
			basis: 'startedAt',
			durationMs: 3_600_000,
		},
		{
			name: 'RUNNING without startedAt falls back to pullStoppedAt',
			task: aTask({lastStatus: 'RUNNING', pullStoppedAt: at(50)}),
			now: at(60),
			basis: 'pullStoppedAt',
			durationMs: 10_000,
		},
		{
			name: 'DEACTIVATING before stoppingAt falls back to startedAt',
			task: aTask({lastStatus: 'DEACTIVATING', startedAt: at(60), desiredStatus: 'STOPPED'}),
			now: at(120),
			basis: 'startedAt',
			durationMs: 60_000,
		},
		{
			name: 'STOPPING uses stoppingAt',
			task: aTask({lastStatus: 'STOPPING', startedAt: at(60), stoppingAt: at(100), desiredStatus: 'STOPPED'}),
			now: at(130),
			basis: 'stoppingAt',
			durationMs: 30_000,
		},
		{
			name: 'DEPROVISIONING uses executionStoppedAt',
			task: aTask({lastStatus: 'DEPROVISIONING', stoppingAt: at(100), executionStoppedAt: at(110)}),
			now: at(130),
			basis: 'executionStoppedAt',
			durationMs: 20_000,
		},
		{
			name: 'STOPPED uses stoppedAt',
			task: aTask({lastStatus: 'STOPPED', stoppingAt: at(170), executionStoppedAt: at(175), stoppedAt: at(185)}),
			now: at(300),
			basis: 'stoppedAt',
			durationMs: 115_000,
		},
		{
			name: 'STOPPED task that never started falls back along the chain',
			task: aTask({lastStatus: 'STOPPED', stoppingAt: at(180)}),
			now: at(240),
			basis: 'stoppingAt',
			durationMs: 60_000,
		},
		{
			name: 'STOPPED with no stop timestamps at all still answers from createdAt',
			task: aTask({lastStatus: 'STOPPED'}),
			now: at(240),
			basis: 'createdAt',
			durationMs: 240_000,
		},
		{name: 'unknown status uses createdAt', task: aTask({lastStatus: 'HIBERNATING'}), now: at(5), basis: 'createdAt', durationMs: 5000},
		{name: 'clock skew clamps to zero', task: aTask({lastStatus: 'PENDING'}), now: at(-3), basis: 'createdAt', durationMs: 0},
	];
	for (const {name, task, now, basis, durationMs} of cases) {
		test(name, () => {
			const result = timeInState({task, now});
			assert.equal(result.basis, basis);
			assert.equal(result.durationMs, durationMs);
			assert.equal(result.since, task[basis]);
		});
	}

	test('unknown status reports state undefined', () => {
		assert.equal(timeInState({task: aTask({lastStatus: 'HIBERNATING'}), now: at(1)}).state, undefined);
		assert.equal(timeInState({task: aTask({lastStatus: 'PENDING'}), now: at(1)}).state, 'PENDING');
	});
});

describe('formatDuration', () => {
	const cases: Array<[number, string]> = [
		[0, '0s'],
		[-5, '0s'],
		[45_000, '45s'],
		[185_000, '3m 05s'],
		[7_800_000, '2h 10m'],
		[273_600_000, '3d 4h'],
	];
	for (const [ms, text] of cases) test(`${ms} -> ${text}`, () => assert.equal(formatDuration(ms), text));
});

describe('task types helpers', () => {
	test('asTaskStatus / asStopCode narrow known values only', () => {
		assert.equal(asTaskStatus('RUNNING'), 'RUNNING');
		assert.equal(asTaskStatus('running'), undefined);
		assert.equal(asTaskStatus(undefined), undefined);
		assert.equal(asStopCode('SpotInterruption'), 'SpotInterruption');
		assert.equal(asStopCode('Something'), undefined);
	});

	test('taskLocation reads region and account from the ARN', () => {
		assert.deepEqual(taskLocation('arn:aws:ecs:eu-west-1:123456789012:task/c/abc'), {region: 'eu-west-1', account: '123456789012'});
		assert.deepEqual(taskLocation('arn:aws-cn:ecs:cn-north-1:123456789012:task/abc'), {region: 'cn-north-1', account: '123456789012'});
		assert.deepEqual(taskLocation('not-an-arn'), {});
	});
});
