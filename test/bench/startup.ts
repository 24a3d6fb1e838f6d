import {median, timeInPty, timeProcess, timeUntilScreen, type BenchRow} from './harness.js';
import {cli} from './processes.js';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const runs = 5;

/** Cold start to the first frame with repositories, and `--version`, against `node -e ""`. */
export async function benchStartup(): Promise<BenchRow[]> {
	const env = {...process.env, ECRTUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ecrtui-bench-')), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'};
	const baseline: number[] = [];
	const ptyBaseline: number[] = [];
	const version: number[] = [];
	const firstFrame: number[] = [];
	for (let round = 0; round < runs; round++) {
		baseline.push(await timeProcess(process.execPath, ['-e', '']));
		ptyBaseline.push(await timeInPty(`${process.execPath} -e ""`));
		version.push(await timeProcess(process.execPath, [cli, '--version'], env));
		firstFrame.push(await timeUntilScreen(`${process.execPath} ${cli} --demo`, /REPOSITORY[\s\S]*payments-api/, {env}));
	}
	const base = median(baseline);
	// The first frame is timed through a pseudo-terminal (script); its baseline is node -e "" run
	// through the same launcher, so the launcher's own cost is on both sides of the ratio.
	const ptyBase = median(ptyBaseline);
	const frame = median(firstFrame);
	const ver = median(version);
	return [
		{
			name: 'cold start to first frame (--demo, pty)',
			value: frame,
			unit: 'ms',
			detail: `baseline node -e "" in the same pty ${ptyBase.toFixed(0)} ms, ratio ${(frame / ptyBase).toFixed(2)}x (plain node -e "" ${base.toFixed(0)} ms, ${(frame / base).toFixed(2)}x)`,
			target: '<= 4x baseline',
			pass: frame <= 4 * ptyBase,
			data: {runs: firstFrame, baseline: ptyBaseline, plainBaseline: baseline},
		},
		{name: 'ecrtui --version', value: ver, unit: 'ms', detail: `baseline ${base.toFixed(0)} ms, ratio ${(ver / base).toFixed(2)}x`, target: '<= 1.5x baseline', pass: ver <= 1.5 * base, data: {runs: version}},
	];
}
