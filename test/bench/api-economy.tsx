import {closeSession, openSession} from '../../source/data/session.js';
import {startSimulator} from '../../source/sim/server.js';
import {DEMO_ACCESS_KEY, type ScenarioName} from '../../source/sim/scenarios/index.js';
import type {Route} from '../../source/app/router.js';
import type {BenchRow} from './harness.js';
import {renderBenchApp, untilFrame} from './app.js';

/** Renders the app on a scenario, waits for a marker, and returns the recorder's counts. */
async function countCalls(scenario: ScenarioName, route: Route, done: (frame: string) => boolean): Promise<{counts: Record<string, number>; duplicates: number}> {
	const sim = await startSimulator({scenario});
	const opened = await openSession({demo: {simulator: sim, accessKeyId: DEMO_ACCESS_KEY}, readOnly: true, maxAttempts: 1});
	if (!opened.ok) throw new Error(opened.problem.why);
	const session = opened.session;
	const mark = session.recorder.mark();
	const instance = renderBenchApp(opened, {route});
	await untilFrame(instance, done, {timeoutMs: 300_000, intervalMs: 50, what: 'timed out'});
	const counts = session.recorder.countByOperation(mark);
	const duplicates = session.recorder.totals.duplicates;
	instance.unmount();
	closeSession(session);
	await sim.close();
	return {counts, duplicates};
}

export async function benchApiEconomy(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const registry = await countCalls('big-registry', {screen: 'repositories'}, frame => /TOTAL \(1000\)/.test(frame) && !/statistics \d+\/1000/.test(frame));
	const describeRepositories = registry.counts['ecr.DescribeRepositories'] ?? 0;
	rows.push({
		name: 'API: open 1,000 repositories (DescribeRepositories)',
		value: describeRepositories,
		unit: 'calls',
		detail: `minimum ceil(1000/1000) = 1; background statistics: DescribeImages ${registry.counts['ecr.DescribeImages'] ?? 0}, GetLifecyclePolicy ${registry.counts['ecr.GetLifecyclePolicy'] ?? 0} (one per repository); duplicates ${registry.duplicates}`,
		target: '= 1, zero duplicates',
		pass: describeRepositories === 1 && registry.duplicates === 0 && (registry.counts['ecr.DescribeImages'] ?? 0) === 1000,
		data: registry.counts,
	});
	const repository = await countCalls('big-repository', {screen: 'images', repository: 'big'}, frame => /100000 images/.test(frame));
	const describeImages = repository.counts['ecr.DescribeImages'] ?? 0;
	rows.push({
		name: 'API: open a 100,000-image repository (DescribeImages)',
		value: describeImages,
		unit: 'calls',
		detail: `minimum ceil(100000/1000) = 100; duplicates ${repository.duplicates}; all calls: ${JSON.stringify(repository.counts)}`,
		target: '= 100, zero duplicates',
		pass: describeImages === 100 && repository.duplicates === 0,
		data: repository.counts,
	});
	return rows;
}
