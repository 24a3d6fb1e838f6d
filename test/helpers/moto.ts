import {after, before} from 'node:test';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {createServer} from 'node:net';

/**
 * moto (python3 -m moto.server), the independent AWS emulator the contract suites run against.
 * `motoUnavailable` is the skip reason when moto cannot be imported; `useMoto()` starts one
 * server for the test file on a free loopback port and stops it afterwards.
 */
const probe = spawnSync('python3', ['-c', 'import moto'], {encoding: 'utf8'});
export const motoUnavailable: string | undefined =
	probe.status === 0 ? undefined : `moto not available: ${(probe.stderr || probe.error?.message || 'python3 -c "import moto" failed').trim().split('\n').pop()}`;

export const MOTO_ACCOUNT = '123456789012';
export const motoCredentials = {accessKeyId: 'AKIAMOTOCONTRACT0001', secretAccessKey: 'moto'};

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode}`);
		try {
			const response = await fetch(`${url}/moto-api/`);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise(resolve => setTimeout(resolve, 200));
	}
	throw new Error(`moto did not answer on ${url} within ${timeoutMs} ms`);
}

/** Starts moto before the file's tests (unless unavailable); `endpoint()` is its URL. */
export function useMoto(): {endpoint(): string} {
	let moto: ChildProcess | undefined;
	let endpoint = '';
	before(async () => {
		if (motoUnavailable) return;
		const port = await freePort();
		endpoint = `http://127.0.0.1:${port}`;
		moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {stdio: 'ignore'});
		await waitUntilUp(endpoint, moto);
	});
	after(async () => {
		if (!moto || moto.exitCode !== null) return;
		const exited = new Promise(resolve => moto?.once('exit', resolve));
		moto.kill('SIGTERM');
		await exited;
	});
	return {endpoint: () => endpoint};
}
