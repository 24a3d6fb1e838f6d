import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KEYS, renderApp, type AppHarness} from '../../helpers/render-app.js';
import {BIG_CLUSTER} from '../../../source/sim/scenarios/big-cluster.js';
import {useSimulator} from '../../helpers/sim.js';

// One refresh of what is on screen costs the batch minimum: ListTasks pages of 100,
// DescribeTasks by 100, DescribeServices by 10, and nothing that is not on screen.
const sim = await useSimulator({scenario: 'big-cluster'});
const running = BIG_CLUSTER.services * BIG_CLUSTER.runningPerService;
const stopped = BIG_CLUSTER.services * BIG_CLUSTER.stoppedPerService;
const total = running + stopped;
const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-big-'));

async function settled(app: AppHarness): Promise<void> {
	// The refresh is done when nothing is in flight for a few frames in a row.
	let quiet = 0;
	await app.waitFor(() => {
		quiet = app.session.store.busy ? 0 : quiet + 1;
		return quiet >= 5;
	}, 15_000);
}

async function refreshCalls(app: AppHarness): Promise<Record<string, number>> {
	await settled(app);
	sim.resetCalls();
	await app.press(KEYS.ctrl('r'));
	await app.waitFor(() => sim.calls.length > 0, 5000);
	await settled(app);
	const counts: Record<string, number> = {};
	for (const call of sim.calls) counts[`${call.service}:${call.operation}`] = (counts[`${call.service}:${call.operation}`] ?? 0) + 1;
	return counts;
}

test(`one refresh of ${total} tasks in ${BIG_CLUSTER.services} services costs ceil(N/100) ListTasks and DescribeTasks and ceil(S/10) DescribeServices`, {timeout: 60_000}, async t => {
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'tasks', cluster: BIG_CLUSTER.cluster, service: '*'}, settings: {refreshIntervalMs: 0}, configDir});
	await app.waitFor(`running/pending: ${running}`, 15_000);
	const counts = await refreshCalls(app);
	assert.deepEqual(counts, {
		'ecs:ListTasks': Math.ceil(running / 100) + Math.ceil(stopped / 100),
		'ecs:DescribeTasks': Math.ceil(total / 100),
		'ecs:ListServices': 1,
		'ecs:DescribeServices': Math.ceil(BIG_CLUSTER.services / 10),
	});
	assert.equal(counts['ecs:ListTasks'], Math.ceil(total / 100), 'with 900 running and 100 stopped, the two listings together are ceil(N/100) pages');
	// Each batch is full: 100 per DescribeTasks, 10 per DescribeServices.
	for (const call of sim.calls.filter(call => call.operation === 'DescribeTasks')) assert.equal((call.input.tasks as unknown[]).length, 100);
	for (const call of sim.calls.filter(call => call.operation === 'ListTasks')) assert.equal(call.input.maxResults, 100);
});

test('the services level polls the services and the stopped tasks only', {timeout: 60_000}, async t => {
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'tasks', cluster: BIG_CLUSTER.cluster}, settings: {refreshIntervalMs: 0}, configDir});
	await app.waitFor(/load-10\s+90\s+90\s+0/, 15_000);
	const counts = await refreshCalls(app);
	assert.deepEqual(counts, {'ecs:ListServices': 1, 'ecs:DescribeServices': 1, 'ecs:ListTasks': Math.ceil(stopped / 100), 'ecs:DescribeTasks': Math.ceil(stopped / 100)});
});

test('one service: its two listings, one DescribeTasks, one DescribeServices', {timeout: 60_000}, async t => {
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'tasks', cluster: BIG_CLUSTER.cluster, service: 'load-01'}, settings: {refreshIntervalMs: 0}, configDir});
	await app.waitFor(`running/pending: ${BIG_CLUSTER.runningPerService}`, 15_000);
	const counts = await refreshCalls(app);
	assert.deepEqual(counts, {'ecs:ListTasks': 2, 'ecs:DescribeTasks': 1, 'ecs:DescribeServices': 1});
});
