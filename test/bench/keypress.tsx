import {performance} from 'node:perf_hooks';
import {closeSession, openSession} from '../../source/data/session.js';
import {percentile, type BenchRow} from './harness.js';
import {renderBenchApp, untilFrame} from './app.js';
import {startSimProcess} from './processes.js';

// Run with NODE_ENV=production (npm run bench does): React's production build, as the bundle
// uses, and no act() — updates are scheduled the way they are for a real user.

type Samples = Record<string, number[]>;

const nextTick = () => new Promise<void>(resolve => setImmediate(resolve));

/** Opens the images screen on an `images`-image repository and times keys until the next frame. */
async function measure(count: number): Promise<{samples: Samples; loadMs: number}> {
	// The simulator runs in its own process, as AWS would: its images must not weigh on this
	// process's garbage collector.
	const sim = await startSimProcess(count === 100_000 ? 'big-repository' : 'big-repository-1k');
	const opened = await openSession({endpoint: sim.url, region: 'us-east-1', readOnly: true, maxAttempts: 1, env: {...process.env, AWS_ACCESS_KEY_ID: 'AKIABENCH0000000000', AWS_SECRET_ACCESS_KEY: 'bench'}});
	if (!opened.ok) throw new Error(opened.problem.why);
	const session = opened.session;
	const started = performance.now();
	const instance = renderBenchApp(opened, {route: {screen: 'images', repository: 'big'}, size: {columns: 120, rows: 40}});
	await untilFrame(instance, frame => frame.includes(`${count} images`), {timeoutMs: 120_000, intervalMs: 20, what: `the images screen did not finish loading ${count} images`});
	// Let background work (usage lookup, index manifests) settle before measuring keys.
	await new Promise<void>(resolve => setTimeout(resolve, 1500));
	const loadMs = performance.now() - started;
	const samples: Samples = {move: [], 'page down': [], 'jump to end': [], filter: []};
	const press = async (key: string): Promise<number> => {
		const before = instance.frames.length;
		const start = performance.now();
		instance.stdin.write(key);
		const limit = start + 5000;
		while (instance.frames.length === before && performance.now() < limit) await nextTick();
		return performance.now() - start;
	};
	for (let index = 0; index < 60; index++) samples.move!.push(await press(index % 2 ? '\u001B[A' : '\u001B[B'));
	for (let index = 0; index < 30; index++) samples['page down']!.push(await press(index % 2 ? '\u001B[5~' : '\u001B[6~'));
	for (let index = 0; index < 20; index++) samples['jump to end']!.push(await press(index % 2 ? 'g' : 'G'));
	await press('/');
	for (let index = 0; index < 30; index++) samples.filter!.push(await press(index % 2 ? '\u007F' : '7'));
	instance.unmount();
	closeSession(session);
	sim.child.kill('SIGKILL');
	return {samples, loadMs};
}

export async function benchKeypress(): Promise<BenchRow[]> {
	const small = await measure(1000);
	const big = await measure(100_000);
	const rows: BenchRow[] = [];
	for (const action of Object.keys(big.samples)) {
		const p50 = percentile(big.samples[action]!, 50);
		const p95 = percentile(big.samples[action]!, 95);
		const p95small = percentile(small.samples[action]!, 95);
		const ratio = p95 / Math.max(0.1, p95small);
		rows.push({
			name: `keypress to frame: ${action} (100,000 images)`,
			value: p95,
			unit: 'ms',
			detail: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; 1,000 images p95 ${p95small.toFixed(1)} ms; ratio ${ratio.toFixed(2)}`,
			target: 'p95 <= 16 ms; 100k/1k <= 1.5',
			pass: p95 <= 16 && ratio <= 1.5,
			data: {big: big.samples[action], small: small.samples[action]},
		});
	}
	rows.push({name: 'images screen load, 100,000 images (simulator apart)', value: big.loadMs, unit: 'ms', detail: `1,000 images: ${small.loadMs.toFixed(0)} ms`, target: 'informational', pass: true});
	return rows;
}
