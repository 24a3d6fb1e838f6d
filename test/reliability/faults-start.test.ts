// An endpoint that cannot be reached when ecrtui starts: the built binary says so clearly and
// exits with code 1, without hanging, both when nothing listens (connection refused) and when
// something accepts the connection but never answers (the start-up check gives up after 15 s).
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanEnv, runCli, runInPty, scriptAvailable} from '../helpers/built-cli.js';

const configDir = () => mkdtempSync(join(tmpdir(), 'ecrtui-start-'));

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}

/** A server that accepts connections and never answers (a black hole behind a proxy). */
async function silentServer(t: {after(fn: () => unknown): void}): Promise<number> {
	const sockets = new Set<Socket>();
	const server: Server = createServer(socket => {
		sockets.add(socket);
		socket.on('error', () => undefined);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	t.after(() => {
		for (const socket of sockets) socket.destroy();
		server.close();
	});
	return (server.address() as {port: number}).port;
}

// The three run side by side: the 15 s wait costs wall time, not CPU.
describe('endpoint unreachable at start', {concurrency: true}, () => {
	test('the TUI against a closed port: a clear message, exit code 1, within seconds', {skip: scriptAvailable}, async () => {
		const port = await closedPort();
		const pty = await runInPty(['--endpoint-url', `http://127.0.0.1:${port}`, '--region', 'us-east-1'], {env: cleanEnv(configDir())});
		const {code, ms} = await pty.exited(20_000);
		const output = pty.output();
		assert.equal(code, 1);
		assert.match(output, /Checking your AWS identity \(sts:GetCallerIdentity\) failed/);
		assert.match(output, new RegExp(`Could not reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED`));
		assert.match(output, /Check your network, VPN or proxy, and --endpoint-url/);
		assert.doesNotMatch(output, /\n\s+at .*:\d+:\d+/, 'no stack trace');
		assert.ok(ms < 10_000, `took ${ms} ms`);
	});

	test('the TUI against an endpoint that never answers: gives up after 15 s with a clear message and exit code 1', {skip: scriptAvailable, timeout: 40_000}, async t => {
		const port = await silentServer(t);
		const pty = await runInPty(['--endpoint-url', `http://127.0.0.1:${port}`, '--region', 'us-east-1'], {env: cleanEnv(configDir())});
		const {code, ms} = await pty.exited(30_000);
		assert.equal(code, 1);
		assert.match(pty.output(), new RegExp(`No answer from http://127\\.0\\.0\\.1:${port} within 15 s`));
		assert.match(pty.output(), /Check your network, VPN or proxy and --endpoint-url, or try `ecrtui --demo`/);
		assert.ok(ms < 25_000, `took ${ms} ms`);
	});

	test('non-interactive commands against a closed port: a clear message and exit code 1, no hang', async () => {
		const port = await closedPort();
		const env = cleanEnv(configDir());
		const endpoint = ['--endpoint-url', `http://127.0.0.1:${port}`, '--region', 'us-east-1'];
		for (const args of [['diagnose', '--cluster', 'prod', '--task', 'abc', ...endpoint], ['lifecycle', 'preview', '--policy', '/dev/null', '--repository', 'web', ...endpoint]]) {
			const result = await runCli(args, {env, timeoutMs: 20_000});
			assert.ok(result.code === 1 || result.code === 2, `${args[0]}: exit ${result.code}`);
			assert.equal(result.signal, null);
			assert.doesNotMatch(result.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
			if (args[0] === 'diagnose') {
				assert.equal(result.code, 1);
				assert.match(result.stderr, /Could not reach/);
			}
		}
	});
});
