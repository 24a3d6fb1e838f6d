// A keyboard crawl of every screen in read-only mode: every key its help lists (from the same
// action tables the keys are bound from), the global keys, and the destructive keys pressed
// anyway, with Tab/Enter after them as if a dialog had opened. The simulator records every
// request; not one of them may change anything.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KEYS, renderApp, type AppHarness} from '../helpers/render-app.js';
import type {Simulator} from '../../source/sim/server.js';
import type {Route} from '../../source/app/router.js';
import type {ActionSpec} from '../../source/app/keys/actions.js';
import {globalActions} from '../../source/app/keys/global-keys.js';
import {listMoves} from '../../source/components/table/list-keys.js';
import {repositoriesActions} from '../../source/screens/repositories/keymap.js';
import {imagesActions} from '../../source/screens/images/keymap.js';
import {clusterActions, serviceActions, taskActions} from '../../source/screens/tasks/keymap.js';
import {diagnosisActions} from '../../source/screens/diagnosis/keymap.js';
import {overviewActions, pathActions, subnetActions} from '../../source/screens/network/keymap.js';
import {lifecycleActions} from '../../source/screens/lifecycle/keymap.js';
import {logActions} from '../../source/screens/logs/keymap.js';
import {DEMO_NETWORK} from '../../source/sim/scenarios/demo-network.js';
import {deleteImages} from '../../source/data/delete-images.js';
import {putLifecyclePolicy, deleteLifecyclePolicy} from '../../source/data/lifecycle.js';
import {stopTaskAudited} from '../../source/data/ecs-resources.js';
import {memoryAuditLog} from '../../source/config/audit.js';
import {runningPaymentsTask, stoppedNotifyTask} from './screens.js';
import {useSimulator, demoSession} from '../helpers/sim.js';

const named: Record<string, string> = {
	enter: KEYS.enter, esc: KEYS.escape, tab: KEYS.tab, 'shift+tab': KEYS.shiftTab, up: KEYS.up, down: KEYS.down, left: KEYS.left, right: KEYS.right,
	pageup: KEYS.pageUp, pagedown: KEYS.pageDown, home: KEYS.home, end: KEYS.end, space: KEYS.space, backspace: KEYS.backspace,
};

/** The bytes a terminal sends for a binding as the action tables write it. */
function keystroke(binding: string): string {
	if (named[binding]) return named[binding];
	if (binding === 'ctrl+\\') return '\u001C';
	if (binding.startsWith('ctrl+')) return KEYS.ctrl(binding.slice(5));
	return binding;
}

/** Destructive keys, pressed on every screen whatever its table says, then Tab and Enter. */
const destructive = ['ctrl+d', 'S', 'A', 'ctrl+s'];

type Crawl = {name: string; route(sim: Simulator): Route; ready: RegExp; actions: readonly ActionSpec[]; prepare?: string[]};

const CRAWLS: readonly Crawl[] = [
	{name: 'repositories', route: () => ({screen: 'repositories'}), ready: /REPOSITORY\s+IMAGES[^\n]*\n(?:.*\n){3}/, actions: [...repositoriesActions, ...listMoves]},
	// Marks first (space, m u) so Ctrl-D has something to delete.
	{name: 'images', route: () => ({screen: 'images', repository: 'payments-api'}), ready: /TAGS\s+DIGEST/, actions: [...imagesActions, ...listMoves], prepare: [' ', 'm', 'u']},
	{name: 'clusters', route: () => ({screen: 'tasks'}), ready: /CLUSTER\s+STATUS/, actions: [...clusterActions, ...listMoves]},
	{name: 'services', route: () => ({screen: 'tasks', cluster: 'prod'}), ready: /SERVICE\s+DESIRED/, actions: [...serviceActions, ...listMoves]},
	{name: 'tasks', route: () => ({screen: 'tasks', cluster: 'prod', service: 'payments'}), ready: /STATE\s+TASK/, actions: [...taskActions, ...listMoves]},
	{name: 'diagnosis', route: sim => ({screen: 'diagnosis', cluster: 'prod', taskArn: stoppedNotifyTask(sim)}), ready: /cannot download image layers/, actions: diagnosisActions},
	{name: 'network (VPC overview)', route: () => ({screen: 'network'}), ready: /SUBNET\s+CLASS/, actions: [...overviewActions, ...listMoves]},
	{name: 'network (subnet path)', route: () => ({screen: 'network', subnetId: DEMO_NETWORK.subnets.privateA}), ready: /hypothetical task/, actions: [...pathActions, ...subnetActions]},
	{name: 'network (task path)', route: sim => ({screen: 'network', cluster: 'prod', taskArn: stoppedNotifyTask(sim)}), ready: /cannot pull/, actions: pathActions},
	{name: 'lifecycle', route: () => ({screen: 'lifecycle', repository: 'payments-api'}), ready: /draft = AWS policy|Policy rules/, actions: lifecycleActions},
	{name: 'logs', route: sim => ({screen: 'logs', cluster: 'prod', taskArn: runningPaymentsTask(sim)}), ready: /level=info/, actions: logActions},
	{name: 'errors', route: () => ({screen: 'errors'}), ready: /calls \d+ · errors/, actions: []},
];

/** Global keys, except quitting (q, Ctrl-C end the app; they are pressed last, once). */
const globals = globalActions.filter(action => action.id !== 'app.quit');

function mutatingCalls(sim: Simulator) {
	return sim.calls.filter(call => call.mutating).map(call => `${call.service}:${call.operation}`);
}

async function settle(app: AppHarness, ms = 60): Promise<void> {
	const until = Date.now() + ms;
	await app.waitFor(() => Date.now() > until, ms + 1000);
}

/** Presses every key of a screen (and the destructive ones, confirmed); returns the mutating calls seen. */
async function crawlScreen(crawl: Crawl, t: {after(fn: () => unknown): void}, readOnly: boolean): Promise<string[]> {
	const sim = await useSimulator({}, t);
	const options = {sim, t, route: crawl.route(sim), readOnly, width: 100, height: 26, settings: {refreshIntervalMs: 500}, configDir: mkdtempSync(join(tmpdir(), 'ecrtui-ro-'))} as const;
	let app = await renderApp(options);
	await app.waitFor(crawl.ready, 10_000);
	const bindings = [...new Set([...crawl.actions, ...globals].flatMap(action => action.keys))];
	let restarts = 0;
	const restore = async () => {
		for (let attempt = 0; attempt < 3; attempt++) {
			// A screen a key opened may be loading; give it a moment before pressing Esc again.
			if (await app.waitFor(crawl.ready, 150).then(() => true, () => false)) return;
			await app.press(KEYS.escape);
		}
		if (crawl.ready.test(app.frame())) return;
		// Somewhere Esc does not lead back (a key moved the screen on): start it again.
		restarts++;
		await app.unmount();
		app = await renderApp(options);
		await app.waitFor(crawl.ready, 10_000);
	};
	for (const binding of bindings) {
		await app.press(keystroke(binding), KEYS.escape);
		if (!crawl.ready.test(app.frame())) await restore();
	}
	if (crawl.prepare) await app.press(...crawl.prepare);
	for (const binding of destructive) {
		await app.press(keystroke(binding), KEYS.tab, KEYS.enter, KEYS.tab, KEYS.tab, KEYS.enter);
		await restore();
	}
	// Let anything a key started (loads, polls, a confirmed dialog) reach the simulator.
	await settle(app, 600);
	assert.ok(sim.calls.length > 0, 'the crawl did talk to AWS');
	assert.ok(restarts <= 3, `the crawl stayed on its screen (${restarts} restarts)`);
	await app.press('q');
	return mutatingCalls(sim);
}

describe('read-only mode: a keyboard crawl of every screen sends no mutating call', () => {
	for (const crawl of CRAWLS) {
		test(crawl.name, async t => {
			assert.deepEqual(await crawlScreen(crawl, t, true), [], `${crawl.name}: mutating calls in read-only mode`);
		});
	}
});

test('control: the same crawl without read-only does reach AWS with a change (the crawl can see one)', async t => {
	const images = CRAWLS.find(crawl => crawl.name === 'images')!;
	assert.ok((await crawlScreen(images, t, false)).includes('ecr:BatchDeleteImage'));
});

test('read-only: destructive keys are refused with a message and hidden from help', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'payments-api'}, readOnly: true, width: 120, height: 30});
	await app.waitFor(/v2\.26\.0, latest/, 10_000);
	assert.match(app.frame(), /READ-ONLY/, 'the header says so');
	await app.press(' ', KEYS.ctrl('d'));
	await app.waitFor(/read-only mode: delete marked images \(confirm\) is disabled/, 3000);
	await app.press('?');
	const help = await app.waitFor(/Esc or \? closes/, 3000);
	assert.match(help, /Read-only mode: destructive keys are disabled and hidden/);
	assert.doesNotMatch(help, /Delete marked images/);
	assert.deepEqual(mutatingCalls(sim), []);
});

test('read-only is enforced below the screens too: the data layer refuses to send a mutating call', async t => {
	const sim = await useSimulator({}, t);
	const session = await demoSession(sim);
	const audit = memoryAuditLog();
	const digest = [...sim.world.region('123456789012', 'us-east-1').ecr.repositories.get('payments-api')!.images.keys()][0]!;
	const outcome = await deleteImages({session, repository: 'payments-api', phases: [[{digest, tags: [], sizeInBytes: 1, reason: 'marked'}]], audit, shouldStop: () => false, onProgress: () => undefined});
	assert.equal(outcome.deleted.length, 0);
	assert.equal(outcome.failed[0]?.code, 'ReadOnlyMode');
	await assert.rejects(putLifecyclePolicy(session, 'payments-api', '{"rules":[]}', audit, 'run-1'), /read-only/);
	await assert.rejects(deleteLifecyclePolicy(session, 'payments-api', audit, 'run-2'), /read-only/);
	const stopped = await stopTaskAudited(session, audit, {cluster: 'prod', taskArn: runningPaymentsTask(sim), reason: 'test'});
	assert.equal(stopped.ok, false);
	assert.deepEqual(mutatingCalls(sim), [], 'nothing reached AWS');
});
