import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadDiagnosis} from '../../source/data/diagnosis.js';
import {closeTaskHistories, openTaskHistory} from '../../source/data/task-history.js';
import {describeTasks} from '../../source/data/ecs.js';
import type {VirtualClock} from '../../source/sim/clock.js';
import {ecsStateOf, findTaskDefinition, registerTaskDefinition} from '../../source/sim/world/ecs.js';
import {useSimulator, demoSession} from '../helpers/sim.js';
import {DEMO_VERDICTS, latestStopped, prodCluster} from './demo-verdicts.js';

const sim = await useSimulator();
const session = await demoSession(sim);
const prod = prodCluster(sim);

for (const [service, expected] of Object.entries(DEMO_VERDICTS)) {
	test(`${service}: the stopped task is diagnosed to its true cause`, async () => {
		const report = await loadDiagnosis(session, {cluster: 'prod', task: latestStopped(sim, service).id, now: sim.clock.now(), stallThresholdMs: 60_000});
		assert.equal(report.diagnosis.kind, 'problem', JSON.stringify(report.diagnosis));
		if (report.diagnosis.kind !== 'problem') return;
		assert.match(report.diagnosis.verdict, expected.verdict);
		assert.ok(report.diagnosis.confirmedBy.includes(expected.confirmedBy), `${report.diagnosis.confirmedBy.join(', ')}`);
		assert.deepEqual(report.unavailable, []);
		assert.equal(report.role?.method, 'simulated');
		assert.ok(report.network, 'network checks ran');
	});
}

test('healthy running tasks are healthy, and the running digest is what gets looked up', async () => {
	const task = [...prod.tasks.values()].find(candidate => candidate.serviceName === 'payments' && candidate.lastStatus === 'RUNNING')!;
	const report = await loadDiagnosis(session, {cluster: 'prod', task: task.arn, now: sim.clock.now(), stallThresholdMs: 60_000});
	assert.equal(report.diagnosis.kind, 'healthy');
	assert.equal(report.images[0]?.lookedUp, task.containers[0]?.imageDigest);
	assert.equal(report.images[0]?.lookup.kind, 'found');
	assert.ok(report.checks.some(check => check.id === 'image:region' && check.status === 'pass'));
});

test('a task ECS has forgotten is diagnosed from the local history', async () => {
	const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-diag-'));
	const history = openTaskHistory({configDir, accountId: '123456789012', region: 'us-east-1', limit: 500});
	const task = latestStopped(sim, 'batch');
	history.record(await describeTasks(session.clients, 'prod', [task.arn]));
	(sim.clock as VirtualClock).advance(2 * 3_600_000);
	const report = await loadDiagnosis(session, {cluster: 'prod', task: task.id, history, now: sim.clock.now(), stallThresholdMs: 60_000});
	assert.equal(report.source, 'history');
	assert.equal(report.diagnosis.kind === 'problem' && DEMO_VERDICTS.batch!.verdict.test(report.diagnosis.verdict), true);
	await assert.rejects(loadDiagnosis(session, {cluster: 'prod', task: 'ffffffffffffffffffffffffffffffff', history, now: sim.clock.now(), stallThresholdMs: 60_000}), (error: {kind?: string; why?: string}) => {
		assert.equal(error.kind, 'not-found');
		assert.match(error.why ?? '', /nor in the local stopped-task history/);
		return true;
	});
	closeTaskHistories();
});

test('execution-role checks tell Secrets Manager ARNs from SSM parameters in every partition', async () => {
	const state = ecsStateOf(sim.world, '123456789012', 'us-east-1');
	const base = findTaskDefinition(state, 'payments')!;
	const secretArn = 'arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf';
	const parameterArn = 'arn:aws:ssm:us-east-1:123456789012:parameter/app/flag';
	const definition = registerTaskDefinition(state, '123456789012', 'us-east-1', {
		...base,
		family: 'partition-check',
		containerDefinitions: base.containerDefinitions.map(container => ({...container, secrets: [{name: 'DB', valueFrom: secretArn}, {name: 'FLAG', valueFrom: parameterArn}]})),
	});
	const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-diag-'));
	const history = openTaskHistory({configDir, accountId: '123456789012', region: 'us-east-1', limit: 500});
	const [stopped] = await describeTasks(session.clients, 'prod', [latestStopped(sim, 'orders').arn]);
	const id = 'abcdefabcdefabcdefabcdefabcdef12';
	history.record([{...stopped!, taskArn: stopped!.taskArn.replace(/[^/]+$/, id), taskDefinitionArn: definition.arn}]);
	const report = await loadDiagnosis(session, {cluster: 'prod', task: id, history, now: sim.clock.now(), stallThresholdMs: 60_000});
	const checks = report.role?.checks ?? [];
	assert.ok(checks.some(check => check.id === 'iam:secrets' && check.resourceId === secretArn), JSON.stringify(checks.map(check => [check.id, check.resourceId])));
	assert.ok(checks.some(check => check.id === 'iam:ssm' && check.resourceId === parameterArn));
	assert.ok(!checks.some(check => check.id === 'iam:ssm' && check.resourceId === secretArn), 'the GovCloud secret is not taken for an SSM parameter');
	closeTaskHistories();
});
