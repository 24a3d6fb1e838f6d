// A 10 s answer time on the operation each screen needs: the screen shows a spinner, keys still
// work (help opens and closes), repeated Ctrl-R does not send the request again, and Esc (or the
// palette, on a top-level screen) leaves at once. The latency is real (the simulator holds the
// answer for 10 s of wall time), but no test waits it out: everything is checked while the
// request is still pending, and closing the simulator drops it.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp, type AppHarness} from '../helpers/render-app.js';
import type {Simulator} from '../../source/sim/server.js';
import {SCREENS, flat} from './screens.js';
import {useSimulator} from '../helpers/sim.js';

const LATENCY_MS = 10_000;
const spinner = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

/** Where a parent screen itself needs the delayed operation, its own readiness is looser. */
const parentReady: Record<string, RegExp> = {images: /payments-api/};
/** The diagnosis's parent (the task list) reads DescribeTasks too: delay another of its reads. */
const latencyOperation: Record<string, {service: string; operation: string}> = {diagnosis: {service: 'ecs', operation: 'DescribeTaskDefinition'}};

function callsOf(sim: Simulator, fault: {service: string; operation: string}, repository?: string): number {
	return sim.calls.filter(call => call.service === fault.service && call.operation === fault.operation && (repository === undefined || call.input.repositoryName === repository)).length;
}

/** Polls for a while, so requests a key might have sent have time to show up (no fixed sleep in the app). */
async function settle(app: AppHarness, ms = 300): Promise<void> {
	const until = Date.now() + ms;
	await app.waitFor(() => Date.now() > until, ms + 1000);
}

describe('10 s latency: spinner, keys still work, no pile-up on repeated Ctrl-R, and the screen can be left at once', () => {
	for (const screen of SCREENS) {
		test(screen.name, async t => {
			const sim = await useSimulator({}, t);
			const fault = latencyOperation[screen.name] ?? screen.fault;
			sim.faults.add({kind: 'latency', ...fault, latencyMs: LATENCY_MS});
			const started = Date.now();
			let app: AppHarness;
			if (screen.parent) {
				app = await renderApp({sim, t, route: screen.parent.route(sim), width: 120, height: 30, settings: {refreshIntervalMs: 0}});
				await app.waitFor(parentReady[screen.name] ?? screen.parent.ready, 5000);
				await app.press(...screen.parent.keys);
			} else {
				app = await renderApp({sim, t, route: screen.route(sim), width: 120, height: 30, settings: {refreshIntervalMs: 0}});
			}
			await app.waitFor(() => callsOf(sim, fault) >= 1, 5000);
			let frame = await app.waitFor(spinner, 5000);
			assert.doesNotMatch(frame, screen.ready, 'still loading');

			// Keys still work while the request hangs: help opens and closes.
			await app.press('?');
			await app.waitFor(/Esc or \? closes/, 3000);
			await app.press(KEYS.escape);
			frame = await app.waitFor(spinner, 3000);

			// Ctrl-R five times: the request in flight is joined, not sent again.
			const before = callsOf(sim, fault);
			for (let press = 0; press < 5; press++) await app.press(KEYS.ctrl('r'));
			await settle(app);
			assert.equal(callsOf(sim, fault), before, `repeated Ctrl-R sent ${callsOf(sim, fault) - before} more ${fault.operation} calls`);

			// Leaving does not wait for the answer.
			if (screen.parent) {
				await app.press(KEYS.escape);
				await app.waitFor(frame => (parentReady[screen.name] ?? screen.parent!.ready).test(frame) && !spinner.test(frame.split('\n').slice(1).join('\n')), 5000);
			} else {
				await app.press(':', ...'errors', KEYS.enter);
				await app.waitFor(/calls \d+ · errors/, 5000);
			}
			// Only this screen's requests: the repositories list the images screen returns to reads
			// every repository's images for its statistics, and asks once more for payments-api's,
			// whose request was cancelled when the images screen was left.
			const own = screen.name === 'images' ? 'payments-api' : undefined;
			const afterLeaving = callsOf(sim, fault, own);
			await settle(app);
			assert.ok(callsOf(sim, fault, own) - afterLeaving <= (own ? 1 : 0), 'nothing more is sent for the screen that was left');
			assert.ok(Date.now() - started < LATENCY_MS, 'all of it happened while the answer was still pending');
			assert.doesNotMatch(flat(app.frame()), /retries did not get through|Could not reach|cancelled/, 'leaving is not an error');
		});
	}
});

test('throttling while the user types: keys are handled during the backoff and the data arrives', async t => {
	const sim = await useSimulator({}, t);
	sim.faults.add({kind: 'throttle', service: 'ecr', operation: 'DescribeRepositories', times: 2});
	sim.faults.add({kind: 'latency', service: 'ecr', operation: 'DescribeRepositories', latencyMs: 300});
	const app = await renderApp({sim, t, maxAttempts: 3, width: 120, height: 30});
	await app.waitFor(/throttled, retrying/, 5000);
	await app.press('?');
	await app.waitFor(/Esc or \? closes/, 3000);
	await app.press(KEYS.escape);
	await app.waitFor(/payments-api\s+54/, 15_000);
	await app.press('!');
	const frame = await app.waitFor(/DescribeRepositories/, 3000);
	assert.match(frame, /throttled attempts [1-9]/);
	assert.match(frame, /throttled \(recovered\)/);
	// "No lifecycle policy" is ECR's answer for most repositories, not an error: not listed.
	assert.match(frame, /errors 0/);
	assert.doesNotMatch(frame, /LifecyclePolicyNotFound/);
});

