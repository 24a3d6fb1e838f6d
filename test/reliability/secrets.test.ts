// Credentials never leave ecrtui's hands: a full run of the built binary in a terminal, with
// --debug and real-looking credentials (access key, secret key, session token) in the
// environment, through browsing, a delete (audit log), the watcher (stopped-task history), a
// region switch (settings), access denied and expired-token errors and the errors view. Every file
// ecrtui wrote, and everything it printed, is searched for the secret, the token, the access key
// and signing material. The files are readable by the user only.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanEnv, runInPty, scriptAvailable, type PtySession} from '../helpers/built-cli.js';
import {useSimulator} from '../helpers/sim.js';

const ACCESS_KEY_ID = 'AKIAZ7QXSECRETTEST42';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY1SECRETxKEY9';
const SESSION_TOKEN = `IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN${'Zm9vYmFy'.repeat(40)}/TOKENEND==`;
/** Anything that would mean credentials or request signatures were written somewhere. */
const forbidden: [string, RegExp][] = [
	['secret access key', new RegExp(SECRET_ACCESS_KEY.replace(/[/+]/g, '\\$&'))],
	['secret access key (any 12-character piece)', new RegExp(`(${[0, 10, 20, 28].map(start => SECRET_ACCESS_KEY.slice(start, start + 12).replace(/[/+]/g, '\\$&')).join('|')})`)],
	['session token', /EXAMPLESESSIONTOKEN|Zm9vYmFyZm9vYmFy|TOKENEND/],
	['access key id', new RegExp(ACCESS_KEY_ID)],
	['Authorization header', /authorization["']?\s*[:=]|AWS4-HMAC-SHA256|Signature=[0-9a-f]{16}|x-amz-security-token/i],
];

/** Every file under a directory, with its mode. */
function walk(dir: string): {path: string; mode: number; directory: boolean}[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		const stat = statSync(path);
		return stat.isDirectory() ? [{path, mode: stat.mode & 0o777, directory: true}, ...walk(path)] : [{path, mode: stat.mode & 0o777, directory: false}];
	});
}

async function step(pty: PtySession, keys: string, expect: RegExp, timeoutMs = 15_000): Promise<string> {
	const mark = pty.mark();
	for (const key of [...keys]) pty.write(key);
	return pty.waitFor(expect, timeoutMs, mark);
}

test('a full --debug run with credentials in the environment: no secret, token, key or signature in any file or output; files 0600, directories 0700', {skip: scriptAvailable, timeout: 120_000}, async t => {
	const sim = await useSimulator({}, t);
	const configDir = join(mkdtempSync(join(tmpdir(), 'ecrtui-secrets-')), 'config');
	const env = cleanEnv(configDir, {AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: SESSION_TOKEN, AWS_REGION: 'us-east-1'});
	const pty = await runInPty(['--endpoint-url', sim.url, '--debug'], {env, columns: 120, rows: 32});
	await pty.waitFor(/payments-api/, 20_000);

	// Browse into a repository and delete one unused untagged image: the audit log gets written.
	await step(pty, '/payments\r', /filter: payments \(1\/10\)/);
	await step(pty, '\r', /TAGS\s+DIGEST/);
	await step(pty, 'G', /untagged/);
	await step(pty, ' ', /1 marked/);
	await step(pty, '\u0004', /Delete 1 image/);
	await step(pty, '\t\r', /Done\./);
	await step(pty, '\r', /TAGS\s+DIGEST/);

	// The watcher: stopped tasks go to the local history.
	await step(pty, ':tasks\r', /CLUSTER/);
	await step(pty, '\r', /SERVICE/);
	await step(pty, '/notify\r\r', /stopped \(\d+\)|no running tasks/);
	await step(pty, 'x', /STOPPED/);

	// Errors: access denied on the network, expired credentials on a refresh, then the errors view.
	sim.faults.add({kind: 'access-denied', service: 'ec2'});
	await step(pty, ':network\r', /Missing permission/);
	sim.faults.clear();
	sim.faults.add({kind: 'expired-token', service: 'ecs'});
	await step(pty, ':tasks\r', /expired|ExpiredToken|CLUSTER/);
	await step(pty, '\u0012', /expired|ExpiredToken/);
	await step(pty, '!', /errors [1-9]/);
	sim.faults.clear();

	// A region switch: remembered in the settings file.
	await step(pty, ':region us-west-2\r', /us-west-2/);
	pty.write('q');
	const {code} = await pty.exited(15_000);
	assert.equal(code, 0);

	const files = walk(configDir);
	const names = files.map(file => file.path.slice(configDir.length + 1));
	assert.ok(names.includes('settings.json'), `settings written: ${names.join(', ')}`);
	assert.ok(names.includes('audit.log'), 'audit log written');
	assert.ok(names.some(name => /^debug-.*\.log$/.test(name)), 'debug log written');
	assert.ok(names.some(name => name.startsWith('history/') && name.endsWith('.json')), 'stopped-task history written');

	const debugLog = readFileSync(files.find(file => /debug-.*\.log$/.test(file.path))!.path, 'utf8');
	assert.match(debugLog, /"operation":"BatchDeleteImage"/, 'the debug log did record the run');
	assert.match(debugLog, /AccessDenied|UnauthorizedOperation/, 'including its errors');
	assert.match(debugLog, /ExpiredToken/);
	const audit = readFileSync(join(configDir, 'audit.log'), 'utf8');
	assert.match(audit, /"action":"delete-images"/);

	const outputs: [string, string][] = [['terminal output (stdout and stderr)', pty.output()], ...files.filter(file => !file.directory).map(file => [file.path, readFileSync(file.path, 'utf8')] as [string, string])];
	for (const [where, text] of outputs) {
		for (const [what, pattern] of forbidden) assert.doesNotMatch(text, pattern, `${what} found in ${where}`);
	}

	assert.equal(statSync(configDir).mode & 0o777, 0o700, 'the config directory is 0700');
	for (const file of files) assert.equal(file.mode, file.directory ? 0o700 : 0o600, `${file.path} is ${file.mode.toString(8)}`);
});
