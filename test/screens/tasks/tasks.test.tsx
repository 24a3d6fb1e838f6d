import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KEYS, renderApp} from '../../helpers/render-app.js';
import type {Simulator} from '../../../source/sim/server.js';
import type {VirtualClock} from '../../../source/sim/clock.js';
import {ecsStateOf, findTaskDefinition} from '../../../source/sim/world/ecs.js';
import {addService} from '../../../source/sim/services/ecs-setup.js';
import {DEMO_NETWORK} from '../../../source/sim/scenarios/demo-network.js';
import {closeTaskHistories} from '../../../source/data/task-history.js';
import {useSimulator} from '../../helpers/sim.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ecrtui-tasks-'));
const live = {refreshIntervalMs: 150};

/** A one-task service in `staging` whose task fails to start the way `family`'s do. */
function addProbe(sim: Simulator, name: string, family: string): void {
	const state = ecsStateOf(sim.world, '123456789012', 'us-east-1');
	addService(sim.world, '123456789012', 'us-east-1', state.clusters.get('staging')!, {
		name,
		definition: findTaskDefinition(state, family)!,
		desiredCount: 1,
		network: {subnets: [DEMO_NETWORK.subnets.privateA], securityGroups: [DEMO_NETWORK.securityGroups.searchIndexer], assignPublicIp: false},
		deployedAt: sim.clock.now(),
	});
}

test('clusters -> services -> tasks: counts, rollout, failures in the last hour, stopped tasks with reasons', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'tasks'}, configDir: fresh()});
	let frame = await app.waitFor(/prod\s+ACTIVE\s+9/);
	assert.match(frame, /staging\s+ACTIVE\s+2/);
	await app.press(KEYS.enter);
	frame = await app.waitFor(/✗ orders\s+2\s+0\s+0 ✗ FAILED\s+✗ \d+/);
	assert.match(frame, /● payments\s+3\s+3\s+0 ● COMPLETED\s+0/);
	assert.match(frame, /✗ 7 failing/);
	assert.match(frame, /payments:3/, 'the task definition column fits at 120 columns');
	await app.press(KEYS.enter);
	frame = await app.waitFor('no running tasks (x shows');
	assert.match(frame, /orders · desired 2 · running 0 · pending 0 · ✗ FAILED/);
	await app.press('x');
	frame = await app.waitFor(/✗ STOPPED\s+[0-9a-f]{8}\s+\d+m \d+s orders:1 .*TaskFailedToStart Execution role may not/);
	await app.press('e');
	frame = await app.waitFor('events: orders');
	assert.match(frame, /was unable to place a task/);
	await app.press(KEYS.escape, 'd');
	frame = await app.waitFor('Timestamps');
	assert.match(frame, /stopped reason\s+ResourceInitializationError/);
	await app.press(KEYS.escape);
	await app.waitFor('TaskFailedToStart');
});

test('a task crossing the stall threshold turns from ◐ starting to ⚠ STALLED, with its likely phase', async t => {
	const sim = await useSimulator({}, t);
	addProbe(sim, 'probe', 'search');
	const clock = sim.clock as VirtualClock;
	const app = await renderApp({sim, t, width: 160, height: 24, route: {screen: 'tasks', cluster: 'staging', service: 'probe'}, settings: {...live, stallThresholdMs: 60_000}, configDir: fresh()});
	clock.advance(35_000);
	let frame = await app.waitFor(/◐ PENDING .*starting: registry auth \/ secrets/);
	assert.doesNotMatch(frame, /STALLED/);
	clock.advance(60_000);
	frame = await app.waitFor(/⚠ PENDING .*STALLED in registry auth \/ secrets/);
	assert.match(frame, /⚠ 1 STALLED/);
	await app.press('d');
	frame = await app.waitFor('STALLED in');
	assert.match(frame, /likely\s+registry auth \(api\.ecr\)/);
	await app.press(KEYS.escape);
	// Fargate gives up: the task stops and leaves the running list.
	clock.advance(90_000);
	frame = await app.waitFor(/no running tasks|◐ PROVISIONING/);
	await app.press('x');
	await app.waitFor(/↓ DEPROVISIONING .*Cannot reach ECR to get registry auth/);
	clock.advance(40_000);
	await app.waitFor(/✗ STOPPED .*Cannot reach ECR to get registry auth/);
});

test('Ctrl-Z keeps only stalled or failed tasks; x switches between running and stopped', async t => {
	const sim = await useSimulator({}, t);
	// The demo's ledger tasks started 54 s before the scenario's "now"; 30 s later they are stalled.
	(sim.clock as VirtualClock).advance(30_000);
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'tasks', cluster: 'prod', service: '*'}, settings: live, configDir: fresh()});
	let frame = await app.waitFor(/⚠ PENDING .*ledger/);
	assert.match(frame, /● RUNNING .*payments/);
	await app.press(KEYS.ctrl('z'));
	frame = await app.waitFor('[only stalled/failed: Ctrl-Z]');
	assert.doesNotMatch(frame, /● RUNNING/);
	assert.match(frame, /⚠ PENDING/);
	await app.press('x');
	frame = await app.waitFor(/stopped: \d+ \(\d+ failed/);
	assert.match(frame, /✗ STOPPED/);
	await app.press(KEYS.ctrl('z'));
	frame = await app.waitFor(frame => !frame.includes('[only stalled/failed'));
	await app.press('x');
	await app.waitFor(/● RUNNING .*payments/);
});

test('Shift-S opens a confirmation focused on Cancel; Enter cancels; confirming stops the task and audits it', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, width: 100, height: 24, route: {screen: 'tasks', cluster: 'staging', service: 'web'}, settings: live, configDir: fresh()});
	await app.waitFor(/● RUNNING/);
	sim.resetCalls();
	await app.press('S');
	let frame = await app.waitFor('Stop task');
	assert.match(frame, /▸\[ Cancel \]/, 'focus starts on Cancel');
	// Polling (every 150 ms here) pauses while the dialog is open.
	sim.resetCalls();
	const until = Date.now() + 700;
	await app.waitFor(() => Date.now() > until);
	assert.deepEqual(sim.calls.map(call => call.operation), [], 'no polling under the dialog');
	await app.press(KEYS.enter);
	frame = await app.waitFor(frame => !frame.includes('▸[ Cancel ]'));
	assert.equal(sim.calls.filter(call => call.mutating).length, 0, 'cancel sends nothing');
	assert.equal(app.audit.entries.length, 0);
	await app.press('S');
	await app.waitFor('▸[ Cancel ]');
	await app.press(KEYS.tab, KEYS.enter);
	await app.waitFor('stopping task');
	assert.deepEqual(sim.calls.filter(call => call.mutating).map(call => call.operation), ['StopTask']);
	assert.deepEqual(app.audit.entries.map(entry => [entry.action, entry.phase, entry.outcome]), [['stop-task', 'intent', undefined], ['stop-task', 'result', 'ok']]);
	await app.waitFor(/↓ STOPPING|no running tasks|◐ PROVISIONING/);
});

test('read-only: stop task is hidden from help, refused with a message, and nothing mutating is sent', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, width: 100, height: 30, readOnly: true, route: {screen: 'tasks', cluster: 'staging', service: 'web'}, settings: live, configDir: fresh()});
	await app.waitFor(/● RUNNING/);
	await app.press('?');
	let frame = await app.waitFor('Show running / stopped tasks');
	assert.doesNotMatch(frame, /Stop task/);
	await app.press(KEYS.escape);
	await app.waitFor(frame => !frame.includes('Show running / stopped tasks'));
	await app.press('S');
	frame = await app.waitFor('read-only mode');
	assert.doesNotMatch(frame, /Cancel \]/);
	assert.equal(sim.calls.filter(call => call.mutating).length, 0);
	assert.equal(app.audit.entries.length, 0);
});

test('enter on a stopped task opens its diagnosis; n jumps to the network path', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'tasks', cluster: 'prod', service: 'batch'}, settings: live, configDir: fresh()});
	await app.waitFor('no running tasks');
	await app.press('x');
	await app.waitFor(/✗ STOPPED/);
	await app.press(KEYS.enter);
	const frame = await app.waitFor('✗ the image tag or digest does not exist: legacy-batch has no image 2024.09');
	assert.match(frame, /diagnosis:/);
	await app.press('n');
	await app.waitFor('network: task');
});

test('stopped tasks are kept locally and outlive ECS\'s hour, across a restart', async t => {
	const sim = await useSimulator({}, t);
	const configDir = fresh();
	const first = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'tasks', cluster: 'prod', service: 'reports'}, settings: live, configDir});
	await first.press('x');
	const seen = await first.waitFor(/stopped: (\d+) \(/);
	const count = Number(/stopped: (\d+) \(/.exec(seen)?.[1]);
	assert.ok(count >= 3);
	await first.unmount();
	closeTaskHistories();
	// Two hours later ECS has forgotten them; the history file has not.
	(sim.clock as VirtualClock).advance(2 * 3_600_000);
	const second = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'tasks', cluster: 'prod', service: 'reports'}, settings: live, configDir});
	await second.press('x');
	const frame = await second.waitFor(/from local history/);
	await second.press('G');
	await second.waitFor(/\[history\] Image tag or/);
	const remembered = Number(/, (\d+) from local history/.exec(frame)?.[1]);
	assert.ok(remembered >= 3 && remembered <= count, `${remembered} remembered of ${count} seen`);
	closeTaskHistories();
});

test('selection, sort and filter survive live refreshes', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'tasks', cluster: 'prod', service: '*'}, settings: live, configDir: fresh()});
	await app.waitFor(/● RUNNING .*payments/);
	await app.press('x');
	await app.waitFor(/✗ STOPPED/);
	await app.press('/');
	await app.type('orders');
	await app.press(KEYS.enter, '2', 'j', 'j');
	const selected = (frame: string) => /› \S+ \S+\s+([0-9a-f]{8})/.exec(frame)?.[1];
	const before = await app.waitFor(frame => selected(frame) !== undefined && frame.includes('filter: orders'));
	sim.resetCalls();
	await app.waitFor(() => sim.calls.filter(call => call.operation === 'ListTasks').length >= 4, 5000);
	const after = app.frame();
	assert.equal(selected(after), selected(before));
	assert.match(after, /filter: orders/);
	assert.doesNotMatch(after, /batch:1|reports:1/);
});

test('a task whose image lives in another Region is flagged in the table and explained in its details', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, width: 220, height: 30, route: {screen: 'tasks', cluster: 'prod', service: 'reports'}, configDir: fresh()});
	await app.press('x');
	const frame = await app.waitFor(/Image tag or digest not found · ⇄ image in us-west-2 · /);
	assert.match(frame, /✗ STOPPED/);
	await app.press('d');
	const details = await app.waitFor(/cross-Region image/);
	assert.match(details.replaceAll(/\s+/g, ' '), /reports pulls from us-west-2: VPC endpoints do not serve it/);
	await app.press(KEYS.escape);
	// Tasks pulling from their own Region carry no flag.
	const web = await renderApp({sim, t, width: 160, height: 30, route: {screen: 'tasks', cluster: 'prod', service: 'web'}, configDir: fresh()});
	const running = await web.waitFor(/● RUNNING/);
	assert.doesNotMatch(running, /⇄/);
});
