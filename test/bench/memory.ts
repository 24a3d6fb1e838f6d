import {peakRssMb, startPtyApp, startSimProcess} from './processes.js';
import type {BenchRow} from './harness.js';

/** Peak RSS of the app with a 100,000-image repository open (simulator in its own process). */
export async function benchMemory(): Promise<BenchRow[]> {
	const sim = await startSimProcess('big-repository');
	const app = startPtyApp(`--endpoint-url ${sim.url} --region us-east-1 --read-only`);
	try {
		await app.waitFor(/REPOSITORY[\s\S]*big/);
		app.send(':images big\r');
		await app.waitFor(/100000 images/, 300_000);
		await new Promise(resolve => setTimeout(resolve, 3000));
		const peak = peakRssMb(app.pid());
		return [{name: 'memory: peak RSS, 100,000-image repository open', value: peak, unit: 'MB', detail: 'VmHWM of the ecrtui process; simulator in a separate process', target: '<= 250 MB', pass: peak <= 250}];
	} finally {
		app.stop();
		sim.child.kill('SIGKILL');
	}
}
