import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bootstrap} from '../../source/cli/bootstrap.js';
import {closeSession} from '../../source/data/session.js';

// Each case sets the environment the credential chain reads; this file runs in its own process.
// The SDK caches shared config files by path, so every case gets its own home directory.
let home = '';
function environment(values: Record<string, string | undefined>): void {
	home = mkdtempSync(join(tmpdir(), 'ecrtui-home-'));
	for (const name of ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete process.env[name];
	process.env.HOME = home;
	process.env.AWS_EC2_METADATA_DISABLED = 'true';
	process.env.AWS_CONFIG_FILE = join(home, 'config');
	process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials');
	for (const [name, value] of Object.entries(values)) if (value !== undefined) process.env[name] = value;
}
const options = {demo: false, readOnly: true, debug: false, noColor: true};

test('no region: a clear message naming --region and --demo', async () => {
	environment({});
	const started = await bootstrap(options, {readOnly: true, maxAttempts: 1});
	assert.equal(started.first.ok, false);
	if (started.first.ok) return;
	assert.equal(started.first.problem.kind, 'no-region');
	assert.match(started.first.problem.next, /--region/);
	assert.match(started.first.problem.next, /--demo/);
});

test('no credentials: a clear message naming the ways to get some', async () => {
	environment({AWS_REGION: 'us-east-1'});
	const started = await bootstrap(options, {readOnly: true, maxAttempts: 1});
	assert.equal(started.first.ok, false);
	if (started.first.ok) return;
	assert.equal(started.first.problem.kind, 'no-credentials');
	assert.match(started.first.problem.next, /aws configure|aws sso login/);
	assert.match(started.first.problem.next, /--demo/);
});

test('an SSO profile without a valid token: the fix is `aws sso login --profile X`', async () => {
	environment({});
	writeFileSync(
		join(home, 'config'),
		'[profile prod-sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
	);
	const started = await bootstrap({...options, profile: 'prod-sso'}, {readOnly: true, maxAttempts: 1});
	assert.equal(started.first.ok, false);
	if (started.first.ok) return;
	assert.equal(started.first.problem.kind, 'expired-credentials');
	assert.match(started.first.problem.next, /aws sso login --profile prod-sso/);
});

test('the region comes from the profile when no flag or variable sets it', async () => {
	environment({AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE000000000', AWS_SECRET_ACCESS_KEY: 'x'});
	writeFileSync(join(home, 'config'), '[default]\nregion = ap-southeast-2\n');
	const {startSimulator} = await import('../../source/sim/server.js');
	const sim = await startSimulator({scenario: 'empty'});
	try {
		const started = await bootstrap({...options, endpointUrl: sim.url}, {readOnly: true, maxAttempts: 1});
		assert.equal(started.first.ok, true);
		if (!started.first.ok) return;
		assert.equal(started.first.session.region, 'ap-southeast-2');
		closeSession(started.first.session);
	} finally {
		await sim.close();
	}
});

test('an unreachable endpoint fails fast with a network problem, no hang', async () => {
	environment({AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE000000000', AWS_SECRET_ACCESS_KEY: 'x'});
	const started = Date.now();
	const result = await bootstrap({...options, endpointUrl: 'http://127.0.0.1:9'}, {readOnly: true, maxAttempts: 1});
	assert.equal(result.first.ok, false);
	if (result.first.ok) return;
	assert.equal(result.first.problem.kind, 'network');
	assert.ok(Date.now() - started < 15_000);
});
