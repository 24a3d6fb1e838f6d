import {after} from 'node:test';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {bundleOptions, requireBanner} from '../../scripts/build-options.mjs';

/**
 * The CLI as users run it: bundled from the current source with scripts/build-options.mjs, as
 * scripts/build.mjs does, into a private temporary directory (so a stale dist/ is never tested, and
 * tests running in parallel never rebuild dist/ under each other). Built once per test process.
 */
let built: Promise<string> | undefined;

// A terminal left running after a failed assertion would keep the test file alive for ever.
const running = new Set<ChildProcess>();
after(() => {
	for (const child of running) child.kill('SIGKILL');
});

export function builtCli(): Promise<string> {
	built ??= (async () => {
		const outdir = mkdtempSync(join(tmpdir(), 'ecrtui-cli-'));
		await build({
			...bundleOptions,
			entryPoints: {cli: join(import.meta.dirname, '../../source/cli.tsx')},
			outdir,
			banner: {js: requireBanner.join('\n')},
			logLevel: 'error',
		});
		return join(outdir, 'cli.js');
	})();
	return built;
}

/** An environment with no real AWS configuration or credentials and a private config dir. */
export function cleanEnv(configDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('AWS_') || key === 'NO_COLOR' || key === 'FORCE_COLOR' || key === 'ECRTUI_CONFIG_DIR') continue;
		env[key] = value;
	}
	return {
		...env,
		AWS_CONFIG_FILE: '/nonexistent/ecrtui-test-config',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ecrtui-test-credentials',
		AWS_EC2_METADATA_DISABLED: 'true',
		ECRTUI_CONFIG_DIR: configDir,
		TERM: 'xterm-256color',
		...extra,
	};
}

export type RunResult = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number};

/** Runs the built CLI with pipes (not a terminal); `input` is written to stdin, which is then closed unless `keepStdinOpen`. */
export async function runCli(args: string[], options: {env: NodeJS.ProcessEnv; input?: string | Buffer; keepStdinOpen?: boolean; timeoutMs?: number}): Promise<RunResult> {
	const cli = await builtCli();
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {env: options.env, stdio: ['pipe', 'pipe', 'pipe']});
		running.add(child);
		child.on('exit', () => running.delete(child));
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += String(chunk)));
		child.stderr.on('data', chunk => (stderr += String(chunk)));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`ecrtui ${args.join(' ')} did not exit within ${options.timeoutMs ?? 20_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
		}, options.timeoutMs ?? 20_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr, ms: Date.now() - started});
		});
		if (options.input !== undefined) child.stdin.write(options.input);
		if (!options.keepStdinOpen) child.stdin.end();
	});
}

export const scriptAvailable: string | undefined = spawnSync('script', ['--version'], {encoding: 'utf8'}).status === 0 ? undefined : 'util-linux script(1) is not available to give the CLI a terminal';

export type PtySession = {
	/** Everything the program wrote to its terminal so far (stdout and stderr). */
	output(): string;
	/** Waits until the output written after `from` (a {@link mark}) matches (polling). */
	waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<string>;
	/** The current length of the output, to wait only for what comes next. */
	mark(): number;
	/** Types into the terminal. */
	write(text: string): void;
	/** Resolves with the exit code once the program ends. */
	exited(timeoutMs?: number): Promise<{code: number | null; ms: number}>;
	kill(): void;
};

/**
 * Runs the built CLI in a pseudo-terminal of `columns` x `rows` through util-linux script(1),
 * so it sees a TTY on stdin and stdout like in a real terminal.
 */
export async function runInPty(args: string[], options: {env: NodeJS.ProcessEnv; columns?: number; rows?: number}): Promise<PtySession> {
	const cli = await builtCli();
	const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
	const command = `stty cols ${options.columns ?? 100} rows ${options.rows ?? 30}; exec ${quote(process.execPath)} ${[cli, ...args].map(quote).join(' ')}`;
	const started = Date.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: options.env, stdio: ['pipe', 'pipe', 'pipe']});
	running.add(child);
	child.on('exit', () => running.delete(child));
	let output = '';
	child.stdout.on('data', chunk => (output += String(chunk)));
	child.stderr.on('data', chunk => (output += String(chunk)));
	const exit = new Promise<{code: number | null; ms: number}>(resolve => child.on('close', code => resolve({code, ms: Date.now() - started})));
	return {
		output: () => output,
		async waitFor(pattern, timeoutMs = 15_000, from = 0) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (pattern.test(output.slice(from))) return output.slice(from);
				if (child.exitCode !== null) break;
				await new Promise(resolve => setTimeout(resolve, 50));
			}
			if (pattern.test(output.slice(from))) return output.slice(from);
			throw new Error(`timed out waiting for ${String(pattern)} in the terminal; output so far:\n${output.slice(-3000)}`);
		},
		mark: () => output.length,
		write(text) {
			child.stdin.write(text);
		},
		async exited(timeoutMs = 15_000) {
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					child.kill('SIGKILL');
					reject(new Error(`ecrtui did not exit within ${timeoutMs} ms; output:\n${output.slice(-3000)}`));
				}, timeoutMs);
			});
			try {
				return await Promise.race([exit, timeout]);
			} finally {
				clearTimeout(timer);
			}
		},
		kill() {
			child.kill('SIGKILL');
		},
	};
}
