// Plain http to a host that is not this machine sends requests signed with the user's
// credentials in clear text: ecrtui warns, on stderr for every command and inside the TUI for as
// long as it runs. Loopback (the simulator, moto, LocalStack on this machine) and https do not warn.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {networkInterfaces} from 'node:os';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {insecureEndpointWarning} from '../../source/data/session.js';
import {cleanEnv, runCli, runInPty, scriptAvailable} from '../helpers/built-cli.js';
import {useSimulator} from '../helpers/sim.js';

/** This machine's first non-loopback IPv4 address: reaching the simulator through it is "remote". */
const external = Object.values(networkInterfaces()).flat().find(address => address && address.family === 'IPv4' && !address.internal)?.address;
const noExternal = external ? undefined : 'this machine has no non-loopback IPv4 address';

const credentials = {AWS_ACCESS_KEY_ID: 'AKIAENDPOINTWARN0001', AWS_SECRET_ACCESS_KEY: 'endpoint-warning-test', AWS_REGION: 'us-east-1'};
const env = () => cleanEnv(mkdtempSync(join(tmpdir(), 'ecrtui-endpoint-')), credentials);

describe('insecureEndpointWarning', () => {
	const warns = ['http://10.0.0.5:4566', 'http://localstack.internal:4566', 'http://example.com', 'http://127.attacker.example:4566', 'http://127.0.0.1.nip.io:4566', 'http://localhost.attacker.example', 'http://[fd00::2]:4566', 'HTTP://Example.COM'];
	const quiet = ['http://127.0.0.1:4566', 'http://127.1.2.3:1', 'http://localhost:4566', 'http://LOCALHOST:4566', 'http://[::1]:4566', 'https://ecr.example.com', 'https://10.0.0.5:4566'];
	for (const url of warns) test(`warns: ${url}`, () => assert.match(insecureEndpointWarning(url) ?? '', /plain http to a non-loopback host/));
	for (const url of quiet) test(`quiet: ${url}`, () => assert.equal(insecureEndpointWarning(url), undefined));
	test('no endpoint, no warning', () => assert.equal(insecureEndpointWarning(undefined), undefined));
});

describe('the built binary', () => {
	test('diagnose through a non-loopback http endpoint warns on stderr; through loopback it does not', {skip: noExternal}, async t => {
		const sim = await useSimulator({host: '0.0.0.0'}, t);
		const remote = await runCli(['diagnose', '--endpoint-url', `http://${external}:${sim.port}`, '--cluster', 'prod', '--task', 'nope'], {env: env()});
		assert.match(remote.stderr, new RegExp(`warning: --endpoint-url http://${external!.replace(/\./g, '\\.')}:${sim.port} is plain http to a non-loopback host`));
		assert.ok(sim.calls.length > 0, 'the commands did reach the endpoint');
		const local = await runCli(['diagnose', '--endpoint-url', `http://127.0.0.1:${sim.port}`, '--cluster', 'prod', '--task', 'nope'], {env: env()});
		assert.doesNotMatch(local.stderr, /plain http/);
	});

	test('the TUI through a non-loopback http endpoint keeps the warning on screen; through loopback it does not', {skip: noExternal ?? scriptAvailable}, async t => {
		const sim = await useSimulator({host: '0.0.0.0'}, t);
		for (const [host, warned] of [[external!, true], ['127.0.0.1', false]] as const) {
			const pty = await runInPty(['--endpoint-url', `http://${host}:${sim.port}`], {env: env(), columns: 120, rows: 30});
			t.after(() => pty.kill());
			const screen = await pty.waitFor(/payments-api/, 20_000);
			// What is on the alternate screen, where the TUI runs (stderr printed before it is hidden).
			const tui = screen.slice(screen.indexOf('\u001B[?1049h'));
			if (warned) assert.match(tui, /PLAIN HTTP/, `${host}: the header says the endpoint is unencrypted`);
			else assert.doesNotMatch(tui, /PLAIN HTTP/, host);
			pty.write('q');
			const {code} = await pty.exited(10_000);
			assert.equal(code, 0);
			if (warned) assert.match(pty.output(), /plain http to a non-loopback host/, 'and stderr has the full warning');
		}
	});
});
