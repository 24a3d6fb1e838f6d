import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	FARGATE_START_TIMEOUT_MS,
	phaseOf,
	stallOf,
	stateFamily,
	taskStateFamily,
	type StallPhase,
	type StateFamily,
	type StateFamilyOptions,
} from '../../../source/domain/tasks/stall.js';
import type {TaskRecord} from '../../../source/domain/tasks/types.js';
import {aTask, at} from './task-builder.js';

const threshold = 120_000;

describe('stallOf', () => {
	const stalled: Array<{name: string; task: TaskRecord; phase: StallPhase; check?: string}> = [
		{name: 'PROVISIONING -> ENI attach / capacity', task: aTask(), phase: 'eni-attach', check: 'network:subnet'},
		{name: 'PENDING without pullStartedAt -> auth / secrets / logs', task: aTask({lastStatus: 'PENDING'}), phase: 'pre-pull', check: 'iam:ecr-auth'},
		{
			name: 'PENDING pulling -> image pull',
			task: aTask({lastStatus: 'PENDING', pullStartedAt: at(20)}),
			phase: 'image-pull',
			check: 'network:s3',
		},
		{
			name: 'PENDING pulled -> container start',
			task: aTask({lastStatus: 'PENDING', pullStartedAt: at(20), pullStoppedAt: at(40)}),
			phase: 'container-start',
			check: 'logs:group-exists',
		},
		{name: 'ACTIVATING -> registration', task: aTask({lastStatus: 'ACTIVATING', pullStoppedAt: at(10)}), phase: 'activating'},
	];
	for (const {name, task, phase, check} of stalled) {
		test(name, () => {
			const result = stallOf({task, now: at(400), thresholdMs: threshold});
			assert.equal(result.kind, 'stalled');
			if (result.kind !== 'stalled') return;
			assert.equal(result.phase.phase, phase);
			assert.ok(result.phase.likely.length > 0);
			if (check !== undefined) assert.ok((result.phase.checks as readonly string[]).includes(check), `${phase} lists ${check}`);
		});
	}

	test('below the threshold the task is only starting', () => {
		const result = stallOf({task: aTask({lastStatus: 'PENDING'}), now: at(60), thresholdMs: threshold});
		assert.equal(result.kind, 'starting');
		if (result.kind === 'starting') assert.equal(result.phase.phase, 'pre-pull');
	});

	test('exactly at the threshold is not yet stalled', () => {
		assert.equal(stallOf({task: aTask(), now: at(120), thresholdMs: threshold}).kind, 'starting');
		assert.equal(stallOf({task: aTask(), now: at(121), thresholdMs: threshold}).kind, 'stalled');
	});

	test('running, stopping and stopped tasks are not starting', () => {
		for (const lastStatus of ['RUNNING', 'STOPPING', 'STOPPED', 'DEPROVISIONING']) {
			assert.equal(stallOf({task: aTask({lastStatus}), now: at(900), thresholdMs: threshold}).kind, 'not-starting', lastStatus);
		}
	});

	test('a PENDING task already told to stop is not stalled', () => {
		const task = aTask({lastStatus: 'PENDING', desiredStatus: 'STOPPED'});
		assert.equal(stallOf({task, now: at(900), thresholdMs: threshold}).kind, 'not-starting');
	});

	test('Fargate timeout context: within and beyond ~3 minutes', () => {
		const early = stallOf({task: aTask({lastStatus: 'PENDING'}), now: at(150), thresholdMs: 60_000});
		assert.equal(early.kind, 'stalled');
		if (early.kind === 'stalled') {
			assert.equal(early.fargateTimeout?.limitMs, FARGATE_START_TIMEOUT_MS);
			assert.equal(early.fargateTimeout?.exceeded, false);
			assert.match(early.fargateTimeout?.note ?? '', /Fargate stops tasks not RUNNING within ~3 min/);
		}
		const late = stallOf({task: aTask({lastStatus: 'PENDING'}), now: at(200), thresholdMs: 60_000});
		assert.equal(late.kind === 'stalled' && late.fargateTimeout?.exceeded, true);
	});

	test('EC2 tasks get no Fargate timeout context', () => {
		const result = stallOf({task: aTask({lastStatus: 'PENDING', launchType: 'EC2'}), now: at(400), thresholdMs: threshold});
		assert.equal(result.kind, 'stalled');
		assert.equal(result.kind === 'stalled' ? result.fargateTimeout : 'x', undefined);
	});

	test('phaseOf is undefined once running', () => {
		assert.equal(phaseOf(aTask({lastStatus: 'RUNNING'})), undefined);
	});
});

describe('stateFamily', () => {
	const cases: Array<[string, string | undefined, string | undefined, StateFamilyOptions, StateFamily]> = [
		['RUNNING', 'RUNNING', undefined, {}, 'ok'],
		['RUNNING', 'STOPPED', undefined, {}, 'stopping'],
		['PROVISIONING', 'RUNNING', undefined, {}, 'pending'],
		['PENDING', 'RUNNING', undefined, {stalled: true}, 'stalled'],
		['ACTIVATING', 'RUNNING', undefined, {stalled: false}, 'pending'],
		['PENDING', 'STOPPED', undefined, {stalled: true}, 'stopping'],
		['DEACTIVATING', 'STOPPED', undefined, {}, 'stopping'],
		['STOPPING', 'STOPPED', undefined, {}, 'stopping'],
		['DEPROVISIONING', 'STOPPED', 'TaskFailedToStart', {}, 'stopping'],
		['STOPPED', 'STOPPED', 'TaskFailedToStart', {}, 'failed'],
		['STOPPED', 'STOPPED', 'EssentialContainerExited', {exitCodes: [1]}, 'failed'],
		['STOPPED', 'STOPPED', 'EssentialContainerExited', {exitCodes: [undefined]}, 'failed'],
		['STOPPED', 'STOPPED', 'EssentialContainerExited', {exitCodes: [0, 0]}, 'stopped'],
		['STOPPED', 'STOPPED', 'EssentialContainerExited', {}, 'failed'],
		['STOPPED', 'STOPPED', 'UserInitiated', {exitCodes: [143]}, 'stopped'],
		['STOPPED', 'STOPPED', 'ServiceSchedulerInitiated', {stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/123)'}, 'stopped'],
		[
			'STOPPED',
			'STOPPED',
			'ServiceSchedulerInitiated',
			{stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc)'},
			'failed',
		],
		['STOPPED', 'STOPPED', 'SpotInterruption', {}, 'stopped'],
		['STOPPED', 'STOPPED', 'TerminationNotice', {}, 'stopped'],
		['STOPPED', 'STOPPED', 'InfrastructureHealth', {}, 'stopped'],
		['STOPPED', 'STOPPED', undefined, {exitCodes: [0, 2]}, 'failed'],
		['STOPPED', 'STOPPED', undefined, {exitCodes: [0]}, 'stopped'],
		['STOPPED', 'STOPPED', 'SomeFutureCode', {exitCodes: [137]}, 'failed'],
		['DELETED', 'STOPPED', 'UserInitiated', {}, 'stopped'],
		['SOMETHING_NEW', 'RUNNING', undefined, {}, 'pending'],
	];
	for (const [lastStatus, desiredStatus, stopCode, options, expected] of cases) {
		test(`${lastStatus}/${desiredStatus}/${stopCode ?? '-'} ${JSON.stringify(options)} -> ${expected}`, () => {
			assert.equal(stateFamily(lastStatus, desiredStatus, stopCode, options), expected);
		});
	}

	test('taskStateFamily combines stall and exit codes', () => {
		assert.equal(taskStateFamily({task: aTask({lastStatus: 'PENDING'}), now: at(300), thresholdMs: threshold}), 'stalled');
		assert.equal(taskStateFamily({task: aTask({lastStatus: 'PENDING'}), now: at(30), thresholdMs: threshold}), 'pending');
		const exited = aTask({lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stopCode: 'EssentialContainerExited'}, {exitCode: 137});
		assert.equal(taskStateFamily({task: exited, now: at(30), thresholdMs: threshold}), 'failed');
	});
});
