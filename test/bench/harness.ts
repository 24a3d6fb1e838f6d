import {spawn} from 'node:child_process';
import {performance} from 'node:perf_hooks';

/** Small statistics and process helpers for the benchmarks. Times are milliseconds. */

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

/** Runs a command in the same pseudo-terminal launcher as `timeUntilScreen`, to completion. */
export function timeInPty(commandLine: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn('script', ['-qfec', `exec ${commandLine}`, '/dev/null'], {env, stdio: ['pipe', 'ignore', 'ignore']});
		child.on('error', reject);
		child.on('exit', () => resolve(performance.now() - started));
	});
}

/** Runs a command to completion and returns its wall time. */
export function timeProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {stdio: 'ignore', env});
		child.on('error', reject);
		child.on('exit', code => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
	});
}

/**
 * Starts a command in a real pseudo-terminal (util-linux `script`) of the given size and
 * resolves with the time until its output contains `marker`; then kills it.
 */
export function timeUntilScreen(commandLine: string, marker: RegExp, options: {columns?: number; rows?: number; env?: NodeJS.ProcessEnv; timeoutMs?: number} = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		// Sized with stty only when asked: the extra process would be counted in the time.
		const inner = options.columns ? `stty cols ${options.columns} rows ${options.rows ?? 30} 2>/dev/null; exec ${commandLine}` : `exec ${commandLine}`;
		const started = performance.now();
		const child = spawn('script', ['-qfec', inner, '/dev/null'], {env: {TERM: 'xterm-256color', ...(options.env ?? process.env)}, stdio: ['pipe', 'pipe', 'ignore']});
		let output = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`timed out waiting for ${marker}; got: ${output.slice(-500)}`));
		}, options.timeoutMs ?? 30_000);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			// Strip escape sequences so the marker matches the visible text.
			const visible = output.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');
			if (marker.test(visible)) {
				const elapsed = performance.now() - started;
				clearTimeout(timer);
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 500).unref();
				resolve(elapsed);
			}
		});
		child.on('error', reject);
	});
}

export type BenchRow = {
	name: string;
	/** The measured value (ms, MB, %, or a count). */
	value: number;
	unit: 'ms' | 'MB' | '%' | 'calls';
	/** Extra figures: p50/p95, baseline, ratio. */
	detail: string;
	target: string;
	pass: boolean;
	data?: Record<string, unknown>;
};
