import {peakRssMb, startPtyApp, startSimProcess} from './processes.js';
import {median, type BenchRow} from './harness.js';

const runs = 5;

/** One fresh app process: open the 100,000-image repository, let it settle, read VmHWM. */
async function peakOnce(url: string): Promise<number> {
	const app = startPtyApp(`--endpoint-url ${url} --region us-east-1 --read-only`);
	try {
		await app.waitFor(/REPOSITORY[\s\S]*big/);
		app.send(':images big\r');
		await app.waitFor(/100000 images/, 300_000);
		await new Promise(resolve => setTimeout(resolve, 3000));
		return peakRssMb(app.pid());
	} finally {
		app.stop();
	}
}

/** Peak RSS of the app with a 100,000-image repository open (simulator in its own process); median of 5 processes. */
export async function benchMemory(): Promise<BenchRow[]> {
	const sim = await startSimProcess('big-repository');
	try {
		const peaks: number[] = [];
		for (let round = 0; round < runs; round++) peaks.push(await peakOnce(sim.url));
		const peak = median(peaks);
		return [{
			name: 'memory: peak RSS, 100,000-image repository open',
			value: peak,
			unit: 'MB',
			detail: `median of ${runs} processes (${peaks.map(value => value.toFixed(0)).join(', ')} MB); VmHWM of the ecrtui process; simulator in a separate process`,
			target: '<= 250 MB',
			pass: peak <= 250,
			data: {runs: peaks},
		}];
	} finally {
		sim.child.kill('SIGKILL');
	}
}
