import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KEYS, renderApp} from '../../helpers/render-app.js';
import type {Simulator} from '../../../source/sim/server.js';
import type {VirtualClock} from '../../../source/sim/clock.js';
import {ecsStateOf, type SimTask} from '../../../source/sim/world/ecs.js';
import {appendEvents, logEvent, logsStateOf} from '../../../source/sim/world/logs.js';
import {addService, settleEcs} from '../../../source/sim/services/ecs-setup.js';
import {findTaskDefinition} from '../../../source/sim/world/ecs.js';
import {DEMO_NETWORK} from '../../../source/sim/scenarios/demo-network.js';
import {useSimulator} from '../../helpers/sim.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ecrtui-logs-'));
/** Follow polls at min(2 s, the refresh interval): fast here. */
const live = {refreshIntervalMs: 150};

const tasksOf = (sim: Simulator, cluster: string, service: string, status: string): SimTask[] =>
	[...ecsStateOf(sim.world, '123456789012', 'us-east-1').clusters.get(cluster)!.tasks.values()].filter(task => task.serviceName === service && task.lastStatus === status);

/** The frame fits the terminal: no line wider, no more lines than it has. */
function assertFits(frame: string, width: number, height: number): void {
	{
		const lines = frame.split('\n');
		assert.ok(lines.length <= height, `${lines.length} lines > ${height}`);
		for (const line of lines) assert.ok(line.replace(/\u001B\[[0-9;]*m/g, '').length <= width, `too wide: ${line}`);
	}
}

const lastTime = (frame: string) => [...frame.matchAll(/(\d\d:\d\d:\d\d) level=/g)].at(-1)?.[1];

test('l on a running task opens its logs: newest lines at the bottom, the stream named, fits 80x24', async t => {
	const sim = await useSimulator({}, t);
	const [task] = tasksOf(sim, 'prod', 'payments', 'RUNNING');
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'tasks', cluster: 'prod', service: 'payments'}, settings: live, configDir: fresh()});
	await app.waitFor(/● RUNNING/);
	// Down to the row of that task (the cursor on it), so `l` opens its logs.
	const onTask = new RegExp(`› ● RUNNING\\s+${task!.id.slice(0, 8)}`);
	for (let step = 0; step < 20 && !onTask.test(app.frame()); step++) await app.press('j');
	assert.match(app.frame(), onTask, 'the cursor reached the task');
	await app.press('l');
	const frame = await app.waitFor(/\d\d:\d\d:\d\d level=info/);
	assert.match(frame, /logs · task [0-9a-f]{12} · prod\/payments · RUNNING/);
	assert.ok(frame.includes(`logs · task ${task!.id.slice(0, 12)}`), 'the logs of the task under the cursor');
	assert.match(frame, / 1 payments-api\n/);
	assert.match(frame, /\/ecs\/payments-api › ecs\/payments-api\/[0-9a-f]{32} · awslogs/);
	assert.match(frame, /● following/);
	assert.match(frame, /line 500\/500/);
	assertFits(app.frame(), 80, 24);
	await app.press(KEYS.escape);
	await app.waitFor(/● RUNNING/);
});

test('follow mode: new lines appear as the clock moves, one GetLogEvents per poll; f pauses', async t => {
	const sim = await useSimulator({}, t);
	const clock = sim.clock as VirtualClock;
	const [task] = tasksOf(sim, 'prod', 'payments', 'RUNNING');
	const app = await renderApp({sim, t, width: 100, height: 24, route: {screen: 'logs', cluster: 'prod', taskArn: task!.arn}, settings: live, configDir: fresh()});
	const before = lastTime(await app.waitFor(/line 500\/500/))!;
	sim.resetCalls();
	clock.advance(30_000);
	// No key press: the poll reads what was written since.
	const frame = await app.waitFor(current => (lastTime(current) ?? '') > before && /line 50\d\/50\d/.test(current));
	assert.match(frame, /● following/);
	const reads = sim.calls.filter(call => call.service === 'logs');
	assert.ok(reads.length >= 1);
	assert.ok(reads.every(call => call.operation === 'GetLogEvents' && typeof call.input.nextToken === 'string' && call.input.nextToken.startsWith('f/')), 'each poll asks only for what is new');
	// Between clock moves a poll finds nothing new: still exactly one call.
	const polls = () => sim.calls.filter(call => call.operation === 'GetLogEvents').length;
	const seen = polls();
	await app.waitFor(() => polls() >= seen + 2);

	await app.press('f');
	await app.waitFor('○ paused (f follows)');
	const paused = app.frame();
	sim.resetCalls();
	clock.advance(30_000);
	const until = Date.now() + 600;
	await app.waitFor(() => Date.now() > until);
	assert.equal(sim.calls.filter(call => call.operation === 'GetLogEvents').length, 0, 'no polling while paused');
	assert.equal(lastTime(app.frame()), lastTime(paused));
	await app.press('f');
	await app.waitFor(current => (lastTime(current) ?? '') > (lastTime(paused) ?? ''));
});

test('moving up pauses follow; ↑ at the top reads older lines; w wraps, t hides times, c copies', async t => {
	const sim = await useSimulator({}, t);
	const [task] = tasksOf(sim, 'prod', 'web', 'RUNNING');
	const app = await renderApp({sim, t, width: 100, height: 24, route: {screen: 'logs', cluster: 'prod', taskArn: task!.arn}, settings: live, configDir: fresh()});
	await app.waitFor(/line 500\/500/);
	await app.press('k');
	let frame = await app.waitFor(/○ paused .*line 499\/500/);
	await app.press('g');
	frame = await app.waitFor(/line 1\/500 · ↑ reads older lines/);
	await app.press(KEYS.up);
	frame = await app.waitFor(/line 501\/1000/);
	assert.match(frame, /read 500 older lines/);
	await app.press('w');
	frame = await app.waitFor(current => /\n\s{10,}\S/.test(current) && current.includes('Safari'));
	await app.press('t');
	frame = await app.waitFor(current => !/\d\d:\d\d:\d\d 10\.0\.0/.test(current) && /›10\.0\.0\.\d+ - -/.test(current));
	await app.press('c');
	frame = await app.waitFor('copied log line: 10.0.0.');
	assert.ok(app.frames().join('').includes('\u001B]52;c;'), 'OSC 52 copy');
});

test('/ searches every container on the server, highlights the hits, Esc clears', async t => {
	const sim = await useSimulator({}, t);
	const [task] = tasksOf(sim, 'prod', 'payments', 'RUNNING');
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'logs', cluster: 'prod', taskArn: task!.arn}, settings: live, configDir: fresh()});
	await app.waitFor(/line 500\/500/);
	sim.resetCalls();
	await app.press('/');
	await app.type('slow query');
	await app.press(KEYS.enter);
	const frame = await app.waitFor(/\/ "slow query": \d+ match/);
	const rows = frame.split('\n').filter(line => /\d\d:\d\d:\d\d level=/.test(line));
	assert.ok(rows.length > 0 && rows.every(line => line.includes('msg="slow query"')));
	// One FilterLogEvents; the tail's polling pauses while the search is typed and shown.
	const reads = sim.calls.filter(call => call.service === 'logs');
	assert.deepEqual(reads.slice(reads.findIndex(call => call.operation === 'FilterLogEvents')).map(call => call.operation), ['FilterLogEvents']);
	const search = sim.calls.find(call => call.operation === 'FilterLogEvents')!;
	assert.equal(search.input.filterPattern, '"slow query"');
	assert.equal(search.input.startFromHead, false);
	assert.deepEqual(search.input.logStreamNames, [`ecs/payments-api/${task!.id}`]);
	await app.press(KEYS.escape);
	await app.waitFor(/line 500\/500/);
	assert.match(app.frame(), /logs · task/, 'Esc cleared the search, not the screen');
});

test('a task that never started its containers says so, and Enter opens its diagnosis', async t => {
	const sim = await useSimulator({}, t);
	const task = tasksOf(sim, 'prod', 'orders', 'STOPPED').at(-1)!;
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'logs', cluster: 'prod', taskArn: task.arn}, settings: live, configDir: fresh()});
	const frame = await app.waitFor('no log stream: the task never started its containers');
	assert.match(frame, /ResourceInitializationError/);
	assert.match(frame, /○ paused/, 'a stopped task opens unfollowed');
	assert.equal(sim.calls.filter(call => call.service === 'logs').length, 0, 'nothing to read, nothing asked');
	assertFits(app.frame(), 80, 24);
	await app.press(KEYS.enter);
	await app.waitFor('Evidence:');
	// And back from the diagnosis with l.
	await app.press('l');
	await app.waitFor('no log stream: the task never started its containers');
});

test('following a task that is still starting: no stream yet, then its first lines without a key press', async t => {
	const sim = await useSimulator({}, t);
	const clock = sim.clock as VirtualClock;
	const state = ecsStateOf(sim.world, '123456789012', 'us-east-1');
	addService(sim.world, '123456789012', 'us-east-1', state.clusters.get('staging')!, {
		name: 'probe',
		definition: findTaskDefinition(state, 'web-staging')!,
		desiredCount: 1,
		network: {subnets: [DEMO_NETWORK.subnets.privateA], securityGroups: [DEMO_NETWORK.securityGroups.svcDefault], assignPublicIp: false},
		deployedAt: clock.now(),
	});
	settleEcs(sim.world, clock.now());
	const [task] = tasksOf(sim, 'staging', 'probe', 'PROVISIONING');
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'logs', cluster: 'staging', taskArn: task!.arn}, settings: live, configDir: fresh()});
	await app.waitFor('no log stream yet: the containers have not started (PROVISIONING');
	assert.equal(sim.calls.filter(call => call.service === 'logs').length, 0, 'no stream to read yet');
	clock.advance(60_000);
	const frame = await app.waitFor('Configuration complete; ready for start up');
	assert.match(frame, /logs · task [0-9a-f]{12} · staging\/probe · RUNNING/);
	assert.match(frame, /● following/);
});

test('FireLens: the app and its log router are two tabs in two groups; records show their log field', async t => {
	const sim = await useSimulator({}, t);
	const [task] = tasksOf(sim, 'staging', 'payments', 'RUNNING');
	const app = await renderApp({sim, t, width: 120, height: 30, route: {screen: 'logs', cluster: 'staging', taskArn: task!.arn}, settings: live, configDir: fresh()});
	let frame = await app.waitFor(/\d\d:\d\d:\d\d level=info/);
	assert.match(frame, / 1 payments-api .* 2 log_router /);
	assert.match(frame, new RegExp(`/ecs/payments-staging › app/payments-api-firelens-${task!.id} · FireLens → CloudWatch`));
	assert.doesNotMatch(frame, /container_id/);
	// Something hostile in a log line stays text.
	const router = logsStateOf(sim.world, '123456789012', 'us-east-1').groups.get('/ecs/firelens')!.streams.get(`firelens/log_router/${task!.id}`)!;
	appendEvents(router, [logEvent(sim.clock.now(), 'evil \u001B]0;pwned\u0007title \u001B[2Jclear')]);
	await app.press(KEYS.tab);
	frame = await app.waitFor('Fluent Bit v1.9.10');
	assert.match(frame, /firelens\/log_router\/[0-9a-f]{32} · awslogs/);
	frame = await app.waitFor('evil title clear');
	assert.ok(!app.frames().some(write => write.includes('\u001B]0;pwned') || write.includes('\u001B[2J')));
});

test('without logs:GetLogEvents only this panel says so; the task is still shown', async t => {
	const sim = await useSimulator({}, t);
	sim.faults.add({kind: 'access-denied', service: 'logs'});
	const [task] = tasksOf(sim, 'prod', 'payments', 'RUNNING');
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'logs', cluster: 'prod', taskArn: task!.arn}, settings: live, configDir: fresh()});
	const frame = await app.waitFor('⛔ Missing permission logs:GetLogEvents');
	assert.match(frame, /logs · task [0-9a-f]{12} · prod\/payments · RUNNING/);
	assert.match(frame, /Only this panel needs it/);
	assertFits(app.frame(), 80, 24);
});
