// Keystroke-to-preview timing of the lifecycle editor, run as users run it: production React
// (npm run bench sets NODE_ENV=production; development React adds per-render bookkeeping that
// costs seconds with 100,000 rows in props). Production React has no act(), so this drives
// ink-testing-library directly and polls frames.
import {KEYS} from '../helpers/render-app.js';
import {openSession} from '../../source/data/session.js';
import {DEMO_ACCESS_KEY} from '../../source/sim/scenarios/index.js';
import {startSimProcess} from './processes.js';
import {percentile, type BenchRow} from './harness.js';
import {renderBenchApp} from './app.js';


const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** The app on the simulator without act(): keys are written to stdin and frames polled every 2 ms. */
async function openApp(endpoint: string, repository: string) {
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
	// The simulator runs in its own process, as AWS would: its 100,000 images must not weigh on
	// this process's garbage collector.
	const open = () => openSession({endpoint, region: 'us-east-1', readOnly: false, maxAttempts: 1, env: {...process.env, AWS_ACCESS_KEY_ID: DEMO_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'bench'}});
	const opened = await open();
	if (!opened.ok) throw new Error(opened.problem.why);
	const instance = renderBenchApp(opened, {route: {screen: 'lifecycle', repository}, openSession: open, size: {columns: 120, rows: 40}});
	const frame = () => instance.lastFrame() ?? '';
	const waitFor = async (test: (frame: string) => boolean, timeoutMs = 120_000) => {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (test(frame())) return;
			await sleep(2);
		}
		throw new Error(`timed out; last frame:\n${frame()}`);
	};
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await sleep(20);
		}
	};
	return {frame, waitFor, press, write: (key: string) => instance.stdin.write(key), close: () => {
		opened.session.store.cancelAll();
		instance.unmount();
	}};
}

async function appKeystrokes(repository: string, endpoint: string): Promise<number[]> {
	const app = await openApp(endpoint, repository);
	try {
		await app.waitFor(frame => frame.includes('Templates · ↑↓ choose'));
		await sleep(300);
		await app.press(KEYS.down);
		await app.waitFor(frame => frame.includes('› Expire untagged images after N days'));
		await app.press(KEYS.enter);
		await app.waitFor(frame => frame.includes('default 14'));
		await app.press(KEYS.enter);
		await app.waitFor(frame => /untagged\s+pushed > 14 d/.test(frame));
		await app.waitFor(frame => /✖ [\d,]+ images expire/.test(frame) && !frame.includes('⟳ ✖'));
		await sleep(300);
		await app.press(KEYS.enter);
		await app.waitFor(frame => frame.includes('Policy rule form'));
		for (let k = 0; k < 8; k++) await app.press(KEYS.down);
		await app.waitFor(frame => /›count number/.test(frame));
		await sleep(200);
		const times: number[] = [];
		for (let n = 0; n < 40; n++) {
			const before = /✖ ([\d,]+) images expire/.exec(app.frame())?.[1];
			const start = performance.now();
			app.write(n % 2 === 0 ? KEYS.right : KEYS.left);
			await app.waitFor(frame => {
				const now = /(⟳ )?✖ ([\d,]+) images expire/.exec(frame);
				return now !== null && now[1] === undefined && now[2] !== before;
			}, 30_000);
			times.push(performance.now() - start);
		}
		return times;
	} finally {
		app.close();
	}
}

/** One keystroke in the editor (a rule's countNumber) to the updated dry run, 1,000 and 100,000 images. */
export async function benchEditor(): Promise<BenchRow[]> {
	const demo = await startSimProcess('demo');
	const big = await startSimProcess('big-repository');
	try {
		const small = await appKeystrokes('data-pipeline', demo.url);
		const large = await appKeystrokes('big', big.url);
		const p95 = percentile(large, 95);
		return [
			{
				name: 'editor: keystroke to updated preview (100,000 images)',
				value: p95,
				unit: 'ms',
				detail: `p50 ${percentile(large, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; data-pipeline (942 images) p50 ${percentile(small, 50).toFixed(0)} ms, p95 ${percentile(small, 95).toFixed(0)} ms; frames polled every 2 ms`,
				target: 'p95 <= 100 ms',
				pass: p95 <= 100,
				data: {large, small},
			},
		];
	} finally {
		demo.child.kill('SIGKILL');
		big.child.kill('SIGKILL');
	}
}
