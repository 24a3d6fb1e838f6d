// Faults on every screen, injected by the simulator: throttling bursts, 5xx errors and
// connection resets (retried by the SDK, then a clear error that Ctrl-R recovers from), access
// denied on one operation, and credentials that expire mid-session. Latency is in
// faults-latency.test.tsx; the unreachable endpoint at start in faults-start.test.ts.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp, type AppHarness} from '../helpers/render-app.js';
import type {Simulator} from '../../source/sim/server.js';
import {SCREENS, flat, type ScreenCase} from './screens.js';
import {useSimulator} from '../helpers/sim.js';

// Retries as in production (3 attempts); auto-refresh off so polls do not eat the faults.
const options = {maxAttempts: 3, width: 120, height: 30, settings: {refreshIntervalMs: 0}} as const;

function callsOf(sim: Simulator, screen: ScreenCase): number {
	return sim.calls.filter(call => call.service === screen.fault.service && call.operation === screen.fault.operation).length;
}

/** Whether any frame drawn so far matched (transient states such as "throttled, retrying"). */
function everShown(app: AppHarness, pattern: RegExp): boolean {
	return app.frames().some(frame => pattern.test(frame));
}

describe('5xx and connection resets: retried, then a clear error; Ctrl-R recovers; throttling bursts are retried visibly', () => {
	for (const screen of SCREENS) {
		test(screen.name, async t => {
			const sim = await useSimulator({}, t);
			// Every attempt fails with a 5xx until the fault is lifted.
			let fault = sim.faults.add({kind: 'server-error', ...screen.fault});
			const app = await renderApp({sim, t, route: screen.route(sim), ...options});
			let frame = flat(await app.waitFor(/internal error/, 10_000));
			assert.match(frame, /failed/, 'the panel says what failed');
			assert.match(frame, /retries did not get through/);
			assert.match(frame, /Ctrl-R/, 'and how to retry');
			assert.doesNotMatch(frame, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
			assert.ok(callsOf(sim, screen) >= 3, 'the SDK tried three times');

			// Ctrl-R: now the connection is reset on every attempt.
			sim.faults.remove(fault);
			fault = sim.faults.add({kind: 'reset', ...screen.fault});
			const beforeReset = callsOf(sim, screen);
			await app.press(KEYS.ctrl('r'));
			frame = flat(await app.waitFor(frame => /Could not reach/.test(flat(frame)), 10_000));
			assert.match(frame, /ECONNRESET|socket hang up/);
			assert.match(frame, /Ctrl-R/);
			assert.ok(callsOf(sim, screen) >= beforeReset + 3, 'resets are retried too');

			// Ctrl-R again: AWS is back.
			sim.faults.remove(fault);
			await app.press(KEYS.ctrl('r'));
			await app.waitFor(screen.ready, 10_000);

			// A burst of throttling on a refresh: retried with backoff, shown in the header, data kept.
			sim.faults.add({kind: 'throttle', ...screen.fault, times: 2});
			const before = callsOf(sim, screen);
			await app.press(KEYS.ctrl('r'));
			await app.waitFor(() => callsOf(sim, screen) >= before + 3, 15_000);
			// The data arrives (the header keeps "throttled, retrying" a few seconds after the last one).
			await app.waitFor(frame => screen.ready.test(frame) && !/⟳ refreshing/.test(frame), 15_000);
			assert.ok(everShown(app, /throttled, retrying/), 'the header showed the throttling while it lasted');
			assert.doesNotMatch(flat(app.frame()), /retries did not get through|Could not reach|throttling these requests/);
		});
	}
});

describe('access denied on one operation: only the panel that needs it says so, naming the action and resource', () => {
	test('ecr:GetLifecyclePolicy denied: the LIFECYCLE column says so with the action and resource; sizes, images and tasks work', async t => {
		const sim = await useSimulator({}, t);
		sim.faults.add({kind: 'access-denied', service: 'ecr', operation: 'GetLifecyclePolicy'});
		const app = await renderApp({sim, t, ...options});
		let frame = await app.waitFor(/payments-api\s+54\s+26\s+10\.5 GB/, 10_000);
		frame = await app.waitFor(frame => /ecr:GetLifecyclePolicy/.test(flat(frame)), 10_000);
		assert.match(frame, /payments-api\s+54 .*⛔/, 'the LIFECYCLE cell is marked denied, the other columns are filled');
		assert.match(flat(frame), /ecr:GetLifecyclePolicy on arn:aws:ecr:us-east-1:123456789012:repository\/\*/, 'the missing action and the resource');
		assert.doesNotMatch(frame, /failed\s*$/m, 'no error panel replaces the table');
		// The rest of the app is unaffected: images open, the watcher lists clusters.
		await app.press('/', ...'payments', KEYS.enter, KEYS.enter);
		frame = await app.waitFor(/v2\.26\.0, latest/, 10_000);
		assert.doesNotMatch(flat(frame), /GetLifecyclePolicy|denied|Missing permission/);
		await app.press(':', ...'tasks', KEYS.enter);
		frame = await app.waitFor(/prod\s+ACTIVE\s+9/, 10_000);
		assert.doesNotMatch(flat(frame), /GetLifecyclePolicy|denied|Missing permission/);
	});

	test('ecr:GetLifecyclePolicy denied: the lifecycle screen names the action and resource, and drafting and the dry run still work', async t => {
		const sim = await useSimulator({}, t);
		sim.faults.add({kind: 'access-denied', service: 'ecr', operation: 'GetLifecyclePolicy'});
		const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, ...options});
		let frame = flat(await app.waitFor(frame => /GetLifecyclePolicy/.test(flat(frame)), 10_000));
		assert.match(frame, /ecr:GetLifecyclePolicy on arn:aws:ecr:us-east-1:123456789012:repository\/\*/);
		// The template picker opens on the empty draft; the first template gives a dry run of the images.
		await app.waitFor(frame => /Templates|template/.test(frame), 10_000);
		await app.press(KEYS.enter);
		await app.waitFor(/Enter insert/, 5000);
		await app.press(KEYS.enter);
		frame = flat(await app.waitFor(frame => /draft valid, not applied/.test(flat(frame)) && /no comparison: the current policy cannot be read/.test(flat(frame)), 10_000));
		assert.match(frame, /current policy unreadable/);
		assert.match(frame, /expire|nothing expires/);
		// Applying warns that the unseen policy is replaced.
		await app.press('A');
		frame = flat(await app.waitFor(frame => /Replace the lifecycle policy of payments-api\?/.test(flat(frame)), 5000));
		assert.match(frame, /could not be read .*applying replaces it, whatever it is/);
		await app.press(KEYS.escape);
		assert.equal(sim.calls.filter(call => call.mutating).length, 0, 'nothing was sent');
	});

	test('logs:GetLogEvents denied: the logs screen names the action; the task list above it works', async t => {
		const sim = await useSimulator({}, t);
		sim.faults.add({kind: 'access-denied', service: 'logs', operation: 'GetLogEvents'});
		const app = await renderApp({sim, t, route: {screen: 'tasks', cluster: 'prod', service: 'payments'}, ...options});
		await app.waitFor(/● RUNNING/, 10_000);
		await app.press('l');
		const frame = flat(await app.waitFor(frame => /GetLogEvents/.test(flat(frame)) && !/Reading/.test(frame), 10_000));
		assert.match(frame, /logs:GetLogEvents/);
		await app.press(KEYS.escape);
		assert.doesNotMatch(flat(await app.waitFor(/● RUNNING/, 5000)), /GetLogEvents|denied|Missing permission/);
	});

	test('ec2:DescribeNatGateways denied: the network screens say so; repositories, images and the watcher do not', async t => {
		const sim = await useSimulator({}, t);
		sim.faults.add({kind: 'access-denied', service: 'ec2', operation: 'DescribeNatGateways'});
		const app = await renderApp({sim, t, route: {screen: 'network'}, ...options});
		let frame = flat(await app.waitFor(frame => /DescribeNatGateways/.test(flat(frame)), 10_000));
		assert.match(frame, /Missing permission ec2:DescribeNatGateways on \*/);
		assert.match(frame, /Ask for ec2:DescribeNatGateways/);
		for (const [command, ready] of [['repos', /payments-api\s+54/], ['tasks', /prod\s+ACTIVE\s+9/], ['images payments-api', /v2\.26\.0, latest/]] as const) {
			await app.press(':', ...command, KEYS.enter);
			frame = flat(await app.waitFor(ready, 10_000));
			assert.doesNotMatch(frame, /DescribeNatGateways|denied|Missing permission/, command);
		}
		assert.equal(sim.calls.filter(call => call.operation === 'DescribeNatGateways').length > 0, true);
	});
});

// Screens whose failed refresh is known not to name the fix yet (none at present).
const staleTodo: Record<string, string> = {};

describe('credentials expire mid-session: the data stays, marked stale, and the message names the fix', () => {
	for (const screen of SCREENS) {
		test(screen.name, {...(staleTodo[screen.name] ? {todo: staleTodo[screen.name]} : {})}, async t => {
			const sim = await useSimulator({}, t);
			const app = await renderApp({sim, t, route: screen.route(sim), ...options});
			await app.waitFor(screen.ready, 10_000);
			sim.faults.add({kind: 'expired-token'});
			await app.press(KEYS.ctrl('r'));
			const frame = await app.waitFor(frame => /expired|ExpiredToken/i.test(flat(frame)), 10_000);
			assert.match(frame, screen.ready, 'the data is still on screen');
			assert.match(flat(frame), /aws sso login|renew the session token/, 'the fix is named');
			assert.match(flat(frame), /cached|stale|last (data|result)/i, 'the data is marked stale');
		});
	}
});
