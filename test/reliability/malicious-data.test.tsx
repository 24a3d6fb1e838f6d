// Malicious-looking data from AWS, seeded straight into the simulator's world: escape sequences
// that clear the screen, move the cursor, set the window title or write the clipboard (OSC 52),
// C1 controls, bidirectional overrides, NULs and backspaces, CJK and emoji, and strings thousands
// of characters long, in repository names, image tags, scan findings, lifecycle rule
// descriptions, stop reasons, container reasons, service events, subnet names, log lines and
// AWS error messages. Every frame of every screen that shows them must be inert text that fits
// the terminal.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {KEYS, renderApp, type AppHarness} from '../helpers/render-app.js';
import type {Simulator} from '../../source/sim/server.js';
import {addImage, addRepository, DAY} from '../../source/sim/scenarios/factory.js';
import {ecsStateOf} from '../../source/sim/world/ecs.js';
import {ec2StateOf} from '../../source/sim/world/ec2.js';
import {appendEvents, logEvent, logsStateOf} from '../../source/sim/world/logs.js';
import {DEMO_NETWORK} from '../../source/sim/scenarios/demo-network.js';
import {ACCOUNT, REGION} from './screens.js';
import {useSimulator} from '../helpers/sim.js';

/** Everything a hostile string can carry; `evil` and the CJK/emoji must survive as text. */
const HOSTILE =
	'evil\u001B[2J\u001B[H\u001B]52;c;cHduZWQ=\u0007\u001B[31m-red\u001B[0m\u202Ertl\u202C\u2066iso\u2069\u001B[10;10H' +
	'\u001B]0;title\u0007\u009B31m-c1\u0000nul\u0008bs\r\ncr\t-漢字🙂❤️-\u001BP+q\u001B\\-\u001B7save\u001B8';
const LONG = `${HOSTILE}${'x'.repeat(3000)}`;
const REPOSITORY = `evil\u001B[2J\u001B]52;c;cHduZWQ=\u0007\u202Erepo-漢字🙂${'r'.repeat(300)}`;
const MISSING_REPOSITORY = `gone\u001B]0;pwned\u0007\u001B[2J-${'g'.repeat(200)}`;

/** Controls, escapes and bidi characters: none may reach the terminal from AWS data. */
const forbidden = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function seed(sim: Simulator): {notifyTaskArn: string; routerTaskArn: string; routerTaskId: string} {
	const now = sim.clock.now();
	const repository = addRepository(sim.world, ACCOUNT, REGION, REPOSITORY, {
		lifecyclePolicy: JSON.stringify({rules: [{rulePriority: 1, description: LONG, selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}}]}),
	});
	addImage(repository, {seed: 'a', tags: [HOSTILE, `v1-${'t'.repeat(120)}`], pushedAt: now - DAY, sizeInBytes: 50_000_000, findings: [{name: `CVE-${HOSTILE}`, severity: 'CRITICAL', description: LONG, package: HOSTILE}]});
	addImage(repository, {seed: 'b', pushedAt: now - 30 * DAY, sizeInBytes: 40_000_000});

	const prod = ecsStateOf(sim.world, ACCOUNT, REGION).clusters.get('prod')!;
	const notify = prod.services.get('notify')!;
	notify.events.unshift({id: 'evil-event', createdAt: now, message: LONG});
	const task = [...prod.tasks.values()].find(candidate => candidate.serviceName === 'notify' && candidate.lastStatus === 'STOPPED')!;
	task.stoppedReason = LONG;
	for (const container of task.containers) container.reason = HOSTILE;

	ec2StateOf(sim.world, ACCOUNT, REGION).subnets.get(DEMO_NETWORK.subnets.privateA)!.tags.Name = `a${HOSTILE}`;

	const staging = ecsStateOf(sim.world, ACCOUNT, REGION).clusters.get('staging')!;
	const router = [...staging.tasks.values()].find(candidate => candidate.serviceName === 'payments' && candidate.lastStatus === 'RUNNING')!;
	return {notifyTaskArn: task.arn, routerTaskArn: router.arn, routerTaskId: router.id};
}

/** Log streams appear as the simulated tasks run: add the hostile lines once the stream exists. */
function seedLogs(sim: Simulator, taskId: string): void {
	const stream = logsStateOf(sim.world, ACCOUNT, REGION).groups.get('/ecs/firelens')!.streams.get(`firelens/log_router/${taskId}`)!;
	appendEvents(stream, [logEvent(sim.clock.now(), LONG), logEvent(sim.clock.now() + 1, HOSTILE)]);
}

/** Every frame drawn so far is inert and fits the terminal. */
function assertInert(app: AppHarness, where: string, columns: number, rows: number, from = 0): void {
	const frames = app.frames().slice(from);
	assert.ok(frames.length > 0);
	for (const frame of frames) {
		const bad = forbidden.exec(frame);
		assert.equal(bad, null, `${where}: a control character U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} reached the terminal near ${JSON.stringify(frame.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 20))}`);
		const lines = frame.split('\n');
		assert.ok(lines.length <= rows, `${where}: ${lines.length} lines in a ${rows}-row terminal`);
		for (const line of lines) assert.ok(stringWidth(line) <= columns, `${where}: a line of ${stringWidth(line)} cells in ${columns} columns: ${line}`);
	}
}

const WIDTH = 100;
const HEIGHT = 30;
const fresh = () => mkdtempSync(join(tmpdir(), 'ecrtui-evil-'));

describe('hostile strings from AWS are rendered inert and truncated on every screen', () => {
	test('repositories, images, image detail, raw JSON, help, lifecycle editor', async t => {
		const sim = await useSimulator({}, t);
		seed(sim);
		const app = await renderApp({sim, t, width: WIDTH, height: HEIGHT, configDir: fresh()});
		await app.waitFor(/evil.*repo-漢字🙂/, 10_000);
		await app.press('/', ...'evil', KEYS.enter, KEYS.enter);
		let frame = await app.waitFor(/evil.*-red/, 10_000);
		assert.match(frame, /images: evil/, 'the title shows the name, made inert');
		await app.press('d');
		frame = await app.waitFor(/CRITICAL/, 5000);
		assert.match(frame, /CVE-evil/);
		await app.press('y');
		await app.waitFor(/"inUseBy"/, 5000);
		await app.press(KEYS.escape, '?');
		await app.waitFor(/Esc or \? closes/, 5000);
		await app.press(KEYS.escape, 'p');
		await app.waitFor(/evil-red/, 10_000);
		await app.press('v');
		await app.waitFor(/Policy JSON/, 5000);
		await app.press(KEYS.escape, KEYS.escape);
		assertInert(app, 'registry screens', WIDTH, HEIGHT);
		assert.ok(app.frames().some(frame => frame.includes('漢字') && frame.includes('🙂')), 'unicode is kept');
	});

	test('services, service events, tasks, task details and JSON, diagnosis and its JSON', async t => {
		const sim = await useSimulator({}, t);
		seed(sim);
		const app = await renderApp({sim, t, width: WIDTH, height: HEIGHT, route: {screen: 'tasks', cluster: 'prod'}, settings: {refreshIntervalMs: 0}, configDir: fresh()});
		await app.waitFor(/✗ notify/, 10_000);
		await app.press('/', ...'notify', KEYS.enter);
		await app.waitFor(/evil-red/, 5000);
		await app.press('e');
		await app.waitFor(/events: notify[^]*evil-red/, 5000);
		await app.press(KEYS.escape, 'd', KEYS.escape, 'y', KEYS.escape, KEYS.enter);
		await app.waitFor(/no running tasks|STATE/, 5000);
		await app.press('x');
		await app.waitFor(/evil-red/, 5000);
		await app.press('d');
		await app.waitFor(/Timestamps/, 5000);
		await app.press(KEYS.escape, 'y');
		await app.waitFor(/\(JSON\)/, 5000);
		await app.press(KEYS.escape);
		// The task with the hostile reason is the newest stopped one: sort by creation and open it.
		await app.press('3', KEYS.enter);
		await app.waitFor(/task [0-9a-f]{12} · prod\/notify/, 10_000);
		await app.press('G');
		await app.press('y');
		await app.waitFor(/\(JSON\)/, 5000);
		await app.press(KEYS.escape);
		assertInert(app, 'watcher and diagnosis', WIDTH, HEIGHT);
		assert.ok(app.frames().some(frame => /evil/.test(frame) && /-red/.test(frame)), 'the reason is shown, as text');
	});

	test('the diagnosis of the task with the hostile reason, at 80x24', async t => {
		const sim = await useSimulator({}, t);
		const {notifyTaskArn} = seed(sim);
		const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'diagnosis', cluster: 'prod', taskArn: notifyTaskArn}, configDir: fresh()});
		// Frames drawn before the harness set the terminal to 80x24 were 100 columns wide.
		const sized = app.frames().length;
		await app.waitFor(/evil-red/, 10_000);
		for (let page = 0; page < 6; page++) await app.press(KEYS.pageDown);
		await app.press('y', KEYS.pageDown, KEYS.pageDown, KEYS.escape);
		assertInert(app, 'diagnosis', 80, 24, sized);
	});

	test('network overview and subnet path with a hostile subnet name', async t => {
		const sim = await useSimulator({}, t);
		seed(sim);
		const app = await renderApp({sim, t, width: WIDTH, height: HEIGHT, route: {screen: 'network'}, configDir: fresh()});
		await app.waitFor(/aevil-red/, 10_000);
		await app.press('/', ...'aevil', KEYS.enter, 'y', KEYS.escape, KEYS.enter);
		await app.waitFor(/hypothetical task in aevil/, 10_000);
		await app.press(KEYS.enter, KEYS.escape, 'y', KEYS.escape);
		assertInert(app, 'network', WIDTH, HEIGHT);
	});

	test('log lines', async t => {
		const sim = await useSimulator({}, t);
		const {routerTaskArn, routerTaskId} = seed(sim);
		const app = await renderApp({sim, t, width: WIDTH, height: HEIGHT, route: {screen: 'logs', cluster: 'staging', taskArn: routerTaskArn}, settings: {refreshIntervalMs: 150}, configDir: fresh()});
		await app.waitFor(/level=info/, 10_000);
		seedLogs(sim, routerTaskId);
		await app.press(KEYS.tab);
		await app.waitFor(/evil-red/, 10_000);
		await app.press('w');
		await app.waitFor(/xxxxxxxx/, 5000);
		await app.press('G', 'w');
		assertInert(app, 'logs', WIDTH, HEIGHT);
	});

	test('an AWS error message carrying the hostile name: error panel, header, recent errors', async t => {
		const sim = await useSimulator({}, t);
		const app = await renderApp({sim, t, width: WIDTH, height: HEIGHT, route: {screen: 'images', repository: MISSING_REPOSITORY}, configDir: fresh()});
		const frame = await app.waitFor(/does not exist|not found|NotFound/i, 10_000);
		assert.match(frame, /gone/);
		await app.press('!');
		await app.waitFor(/RepositoryNotFound/, 5000);
		await app.press('?');
		await app.waitFor(/Esc or \? closes/, 5000);
		assertInert(app, 'errors', WIDTH, HEIGHT);
	});
});
