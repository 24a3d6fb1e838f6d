import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KEYS, renderApp} from '../../helpers/render-app.js';
import {DEMO_VERDICTS, latestStopped, prodCluster} from '../../data/demo-verdicts.js';
import {useSimulator} from '../../helpers/sim.js';

const sim = await useSimulator();
const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-diagnosis-'));
const prod = prodCluster(sim);
/** The panel wraps long lines; compare text with the borders and line breaks taken out. */
const flat = (frame: string) => frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

for (const [service, expected] of Object.entries(DEMO_VERDICTS)) {
	test(`the diagnosis screen names ${service}'s true cause first`, async t => {
		const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'diagnosis', cluster: 'prod', taskArn: latestStopped(sim, service).arn}, configDir});
		const verdict = new RegExp(`✗ ${expected.verdict.source.replace(/^\^/, '')}`);
		const frame = flat(await app.waitFor(frame => verdict.test(flat(frame)), 10_000));
		// Verdict first, then cause, evidence, fix; then the live checks.
		const order = ['✗ ', 'Cause:', 'Evidence:', 'Fix:'].map(word => frame.indexOf(word));
		assert.deepEqual([...order].sort((a, b) => a - b), order, `order of ${order.join(', ')}`);
		assert.ok(order.every(index => index >= 0));
	});
}

test('the checks are listed with pass / FAIL, evidence, fix and the IAM method; n opens the network path', async t => {
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'diagnosis', cluster: 'prod', taskArn: latestStopped(sim, 'orders').arn}, configDir});
	await app.waitFor('Execution role may not call');
	await app.press(KEYS.pageDown);
	let frame = flat(await app.waitFor('Live checks'));
	assert.match(frame, /Execution role arn:aws:iam::123456789012:role\/orders-execution-role · IAM policy simulator \(iam:SimulatePrincipalPolicy\)/);
	assert.match(frame, /✗ FAIL ecr:GetAuthorizationToken on \*/);
	assert.match(frame, /fix: Allow ecr:GetAuthorizationToken on \* for role orders-execution-role/);
	assert.match(frame, /✓ pass orders-worker:1\.7\.0 exists/);
	await app.press(KEYS.pageDown);
	frame = flat(await app.waitFor('press n for the path'));
	assert.match(frame, /Network · subnet-0a1b2c3d4e5f60002/);
	await app.press('n');
	await app.waitFor('network: task');
	await app.press(KEYS.escape);
	await app.waitFor('Live checks');
	await app.press('y');
	await app.waitFor('"confirmedBy"');
});

test('a running task is healthy; the diagnosis says so plainly', async t => {
	const task = [...prod.tasks.values()].find(candidate => candidate.serviceName === 'payments' && candidate.lastStatus === 'RUNNING')!;
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'diagnosis', cluster: 'prod', taskArn: task.arn}, configDir});
	await app.waitFor('✓ No problem: running');
});

test('an unknown task shows what failed, why and what to do', async t => {
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'diagnosis', cluster: 'prod', taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/ffffffffffffffffffffffffffffffff'}, configDir});
	const frame = await app.waitFor('not found in cluster prod');
	assert.match(frame, /ECS keeps stopped tasks for about an hour/);
});
