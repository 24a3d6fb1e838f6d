import {after} from 'node:test';
import assert from 'node:assert/strict';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../source/sim/server.js';
import {DEMO_ACCESS_KEY} from '../../source/sim/scenarios/index.js';
import {openSession, type Session} from '../../source/data/session.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * Starts a simulator and closes it when the test `t` ends, or without `t` when the current
 * test file's tests end.
 */
export async function useSimulator(options: SimulatorOptions = {}, t?: {after(fn: () => unknown): void}): Promise<Simulator> {
	const sim = await startSimulator(options);
	if (t) t.after(() => sim.close());
	else after(() => sim.close());
	return sim;
}

/** SDK client configuration pointing at a simulator, with retries off unless a test wants them. */
export function clientConfig(sim: Simulator, overrides: {region?: string; maxAttempts?: number} = {}) {
	return {
		endpoint: sim.url,
		region: overrides.region ?? 'us-east-1',
		credentials: {accessKeyId: DEMO_ACCESS_KEY, secretAccessKey: 'demo-secret'},
		maxAttempts: overrides.maxAttempts ?? 1,
	};
}

/** A session on a simulator's demo account (read-only and without retries unless asked). */
export async function demoSession(sim: Simulator, options: {readOnly?: boolean; maxAttempts?: number} = {}): Promise<Session> {
	const opened = await openSession({demo: {simulator: sim, accessKeyId: DEMO_ACCESS_KEY}, readOnly: options.readOnly ?? true, maxAttempts: options.maxAttempts ?? 1});
	if (!opened.ok) throw new Error(`session failed: ${opened.problem.why}`);
	return opened.session;
}

/** Asserts an SDK call fails with AWS's error `name`, and the exact message (or a pattern) and HTTP status when given. */
export async function rejectsWith(promise: Promise<unknown>, name: string, message?: string | RegExp, status?: number): Promise<void> {
	await assert.rejects(promise, (error: Error & {$metadata?: {httpStatusCode?: number}}) => {
		assert.equal(error.name, name);
		if (typeof message === 'string') assert.equal(error.message, message);
		else if (message) assert.match(error.message, message);
		if (status) assert.equal(error.$metadata?.httpStatusCode, status);
		return true;
	});
}
