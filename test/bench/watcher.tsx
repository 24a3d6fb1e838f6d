import {closeSession, openSession} from '../../source/data/session.js';
import {startSimulator} from '../../source/sim/server.js';
import {DEMO_ACCESS_KEY} from '../../source/sim/scenarios/index.js';
import {cpuTimeMs, startPtyApp, startSimProcess} from './processes.js';
import {median, type BenchRow} from './harness.js';
import {renderBenchApp, untilFrame} from './app.js';

const settle = async (busy: () => boolean) => {
	const deadline = Date.now() + 60_000;
	// Wait until nothing is in flight for 300 ms.
	let quietSince = Date.now();
	while (Date.now() < deadline) {
		if (busy()) quietSince = Date.now();
		else if (Date.now() - quietSince > 300) return;
		await new Promise(resolve => setTimeout(resolve, 20));
	}
};

/** Calls made by one refresh of the watcher showing all 1,000 tasks of a 10-service cluster. */
async function refreshCalls(): Promise<BenchRow> {
	const sim = await startSimulator({scenario: 'big-cluster'});
	const opened = await openSession({demo: {simulator: sim, accessKeyId: DEMO_ACCESS_KEY}, readOnly: true, maxAttempts: 1});
	if (!opened.ok) throw new Error(opened.problem.why);
	const session = opened.session;
	const instance = renderBenchApp(opened, {route: {screen: 'tasks', cluster: 'big', service: '*'}, settings: {refreshIntervalMs: 0}});
	await untilFrame(instance, frame => /900/.test(frame), {timeoutMs: 60_000, intervalMs: 20, what: 'watcher did not load'});
	await settle(() => session.store.busy);
	const mark = session.recorder.mark();
	const duplicatesBefore = session.recorder.totals.duplicates;
	instance.stdin.write('\u0012');
	await settle(() => session.store.busy);
	const counts = session.recorder.countByOperation(mark);
	const duplicates = session.recorder.totals.duplicates - duplicatesBefore;
	instance.unmount();
	closeSession(session);
	await sim.close();
	const listTasks = counts['ecs.ListTasks'] ?? 0;
	const describeTasks = counts['ecs.DescribeTasks'] ?? 0;
	const describeServices = counts['ecs.DescribeServices'] ?? 0;
	// 900 running + 100 stopped tasks: ceil(900/100) + ceil(100/100) pages, DescribeTasks by 100.
	const pass = listTasks <= 10 && describeTasks <= 10 && describeServices <= 1 && duplicates === 0;
	return {
		name: 'API: one watcher refresh, 1,000 tasks in 10 services',
		value: Object.values(counts).reduce((sum, count) => sum + count, 0),
		unit: 'calls',
		detail: `${JSON.stringify(counts)}; duplicates ${duplicates}; minimum: ListTasks 9+1, DescribeTasks 10, DescribeServices 1`,
		target: 'batch minimum, zero duplicates',
		pass,
		data: counts,
	};
}

/**
 * CPU share of an idle watcher on 1,000 tasks with the default 5 s refresh: five consecutive
 * 15 s windows (three refreshes each), the median window reported, the whole 75 s beside it.
 */
async function idleCpu(): Promise<BenchRow> {
	const sim = await startSimProcess('big-cluster');
	const app = startPtyApp(`--endpoint-url ${sim.url} --region us-east-1 --read-only`);
	try {
		await app.waitFor(/REPOSITORY/);
		app.send(':tasks\r');
		await app.waitFor(/big/);
		app.send('a');
		await app.waitFor(/900/, 120_000);
		await new Promise(resolve => setTimeout(resolve, 5000));
		const pid = app.pid();
		const windowSeconds = 15;
		const shares: number[] = [];
		const start = cpuTimeMs(pid);
		for (let window = 0; window < 5; window++) {
			const before = cpuTimeMs(pid);
			await new Promise(resolve => setTimeout(resolve, windowSeconds * 1000));
			shares.push(((cpuTimeMs(pid) - before) / (windowSeconds * 1000)) * 100);
		}
		const total = ((cpuTimeMs(pid) - start) / (5 * windowSeconds * 1000)) * 100;
		const share = median(shares);
		return {
			name: 'watcher CPU: idle on 1,000 tasks, 5 s refresh',
			value: share,
			unit: '%',
			detail: `median of 5 windows of ${windowSeconds} s (${shares.map(value => value.toFixed(1)).join(', ')} %); ${total.toFixed(1)}% over all ${5 * windowSeconds} s (ecrtui process; simulator apart)`,
			target: '<= 5% of one core',
			pass: share <= 5,
			data: {windows: shares, total},
		};
	} finally {
		app.stop();
		sim.child.kill('SIGKILL');
	}
}

export async function benchWatcher(): Promise<BenchRow[]> {
	return [await refreshCalls(), await idleCpu()];
}
