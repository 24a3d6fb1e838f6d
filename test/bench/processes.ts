import {spawn, execFileSync, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';

/** The built CLI and helpers to run it as a user would: the simulator apart, the app in a pty. */
export const cli = join(process.cwd(), 'dist', 'cli.js');

export function benchEnv(): NodeJS.ProcessEnv {
	return {
		...process.env,
		ECRTUI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ecrtui-bench-')),
		AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
		AWS_CONFIG_FILE: '/nonexistent',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
		AWS_ACCESS_KEY_ID: 'AKIABENCH0000000000',
		AWS_SECRET_ACCESS_KEY: 'bench',
	};
}

/** Starts `ecrtui sim` with a scenario on a free port; resolves with its URL. */
export function startSimProcess(scenario: string): Promise<{url: string; child: ChildProcess}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, 'sim', '--port', '0', '--scenario', scenario], {env: benchEnv(), stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		const timer = setTimeout(() => reject(new Error(`simulator did not start: ${output}`)), 60_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve({url: match[1]!, child});
			}
		});
		child.on('exit', code => reject(new Error(`simulator exited ${code}: ${output}`)));
	});
}

export type PtyApp = {
	child: ChildProcess;
	/** The node process inside the pty. */
	pid(): number;
	send(keys: string): void;
	waitFor(marker: RegExp, timeoutMs?: number): Promise<void>;
	stop(): void;
};

/** Runs the app in a pseudo-terminal (`script`) of the given size. */
export function startPtyApp(args: string, options: {columns?: number; rows?: number} = {}): PtyApp {
	const inner = `stty cols ${options.columns ?? 120} rows ${options.rows ?? 40} 2>/dev/null; exec ${process.execPath} ${cli} ${args}`;
	const child = spawn('script', ['-qfec', inner, '/dev/null'], {env: {...benchEnv(), TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'ignore']});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		output += chunk.toString('utf8');
		if (output.length > 2_000_000) output = output.slice(-500_000);
	});
	const visible = () => output.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
	return {
		child,
		pid() {
			const children = execFileSync('pgrep', ['-P', String(child.pid)]).toString().trim().split('\n').filter(Boolean);
			return Number(children[0]);
		},
		send(keys) {
			child.stdin!.write(keys);
		},
		async waitFor(marker, timeoutMs = 120_000) {
			const deadline = Date.now() + timeoutMs;
			while (!marker.test(visible().slice(-50_000))) {
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${marker}; screen: ${visible().slice(-1500)}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		},
		stop() {
			child.kill('SIGKILL');
		},
	};
}

/** Peak resident set size (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /VmHWM:\s+(\d+) kB/.exec(status);
	return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU time (user + system) of a process so far, in ms. */
export function cpuTimeMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / clockTicks();
}

// Kernel clock ticks per second: constant, so asked once, not on every reading.
let ticksPerSecond: number | undefined;
function clockTicks(): number {
	ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
	return ticksPerSecond;
}
