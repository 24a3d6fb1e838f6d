// Secret values are never displayed: a task definition's `secrets` show their ARN (ECS holds
// only the reference), and environment variables (and log-driver options) whose name or value
// looks secret are masked in every view of the task definition, text and raw JSON, until `v`
// reveals them. Every frame drawn is searched for the values.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp, type AppHarness} from '../helpers/render-app.js';
import type {Simulator} from '../../source/sim/server.js';
import {ecsStateOf, findTaskDefinition} from '../../source/sim/world/ecs.js';
import {looksSecret, maskValue, MASK} from '../../source/domain/ecs/secret-values.js';
import {ACCOUNT, REGION} from './screens.js';
import {useSimulator} from '../helpers/sim.js';

const SECRET_VALUES = {
	PASSWORD: 'hunter2-plain-password',
	DB_SECRET: 's3cr3t-db-value',
	API_TOKEN: 'tok-0123456789abcdef',
	AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY',
	STRIPE_KEY: 'sk_test_abcdef0123456789',
	GITHUB_PAT_VALUE: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
} as const;
const URL_PASSWORD = 'pa55w0rd-in-url';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/db-password-AbCdEf';
const SPLUNK_TOKEN = 'splunk-hec-token-value-42';

/** Gives payments:3 (what the demo's payments service runs) secrets in every form. */
function seed(sim: Simulator): void {
	const state = ecsStateOf(sim.world, ACCOUNT, REGION);
	const definition = findTaskDefinition(state, 'payments:3')!;
	const container = definition.containerDefinitions[0]!;
	container.environment = [
		{name: 'LOG_LEVEL', value: 'debug'},
		...Object.entries(SECRET_VALUES).map(([name, value]) => ({name, value})),
		{name: 'DATABASE_URL', value: `postgres://payments:${URL_PASSWORD}@db.internal:5432/payments`},
	];
	container.secrets = [{name: 'DB_PASSWORD', valueFrom: SECRET_ARN}];
	container.logConfiguration = {logDriver: 'splunk', options: {'splunk-url': 'https://splunk.example.com:8088', 'splunk-token': SPLUNK_TOKEN}};
}

const values = [...Object.values(SECRET_VALUES), URL_PASSWORD, SPLUNK_TOKEN];

function leaked(app: AppHarness, from = 0): string[] {
	return values.filter(value => app.frames().slice(from).some(frame => frame.includes(value)));
}

describe('task-definition secrets', () => {
	test('looksSecret and maskValue: names and shapes that hold secrets', () => {
		for (const name of ['PASSWORD', 'db_password', 'DB_PASS', 'MYSQL_PWD', 'CLIENT_SECRET', 'GITHUB_TOKEN', 'API_KEY', 'apiKey', 'STRIPE_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'PRIVATE_KEY', 'SESSION_COOKIE', 'AUTH', 'SENTRY_DSN', 'splunk-token', 'JWT_SIGNING_KEY']) {
			assert.ok(looksSecret(name), name);
		}
		for (const name of ['LOG_LEVEL', 'PORT', 'AWS_REGION', 'SERVICE_NAME', 'KEYCLOAK_URL', 'MONKEY_MODE']) {
			assert.equal(looksSecret(name), false, name);
		}
		assert.equal(maskValue('GREETING', 'AKIAABCDEFGHIJKLMNOP'), MASK, 'an access key id under any name');
		assert.equal(maskValue('CERT', '-----BEGIN RSA PRIVATE KEY-----\nMII...'), MASK);
		assert.equal(maskValue('DATABASE_URL', 'postgres://app:pw@db:5432/x'), `postgres://app:${MASK}@db:5432/x`);
		assert.equal(maskValue('HOME_URL', 'https://example.com/a@b'), 'https://example.com/a@b');
		assert.equal(maskValue('LOG_LEVEL', 'debug'), 'debug');
	});

	for (const level of ['tasks', 'services'] as const) {
		test(`the ${level} level: t shows the definition masked, y shows masked JSON, v reveals and hides, reopening starts masked`, async t => {
			const sim = await useSimulator({}, t);
			seed(sim);
			const route = level === 'tasks' ? {screen: 'tasks', cluster: 'prod', service: 'payments'} as const : {screen: 'tasks', cluster: 'prod'} as const;
			const app = await renderApp({sim, t, route, width: 140, height: 40, settings: {refreshIntervalMs: 0}});
			if (level === 'tasks') await app.waitFor(/● RUNNING/, 10_000);
			else {
				await app.waitFor(/● payments/, 10_000);
				await app.press('/', ...'payments', KEYS.enter);
			}
			await app.press('t');
			let frame = await app.waitFor(/task definition payments:3/, 10_000);
			frame = await app.waitFor(/LOG_LEVEL=debug/, 5000);
			assert.match(frame, /PASSWORD=••••••••/);
			assert.match(frame, /API_TOKEN=••••••••/);
			assert.match(frame, new RegExp(`DATABASE_URL=postgres://payments:${MASK}@db\\.internal`));
			assert.match(frame, /splunk-token=••••••••/);
			assert.match(frame, /DB_PASSWORD ← arn:aws:secretsmanager:us-east-1:123456789012:secret:payments\/db-password-AbCdEf/, 'secrets show their ARN');
			assert.match(frame, /8 secret-looking values masked \(v reveals\)/);
			assert.deepEqual(leaked(app), [], 'no secret value in any frame so far');

			await app.press('y');
			frame = await app.waitFor(/"environment"/, 5000);
			for (let page = 0; page < 4; page++) await app.press(KEYS.pageDown);
			assert.deepEqual(leaked(app), [], 'nor in the raw JSON');
			assert.ok(app.frames().some(frame => frame.includes(`"value": "${MASK}"`)), 'the JSON holds the mask');
			await app.press(KEYS.escape);

			const before = app.frames().length;
			await app.press('v');
			frame = await app.waitFor(/SHOWN \(v hides them\)/, 5000);
			assert.match(frame, /PASSWORD=hunter2-plain-password/, 'revealed on request');
			await app.press('y');
			await app.waitFor(/hunter2-plain-password/, 5000);
			await app.press(KEYS.escape, 'v');
			await app.waitFor(/masked \(v reveals\)/, 5000);
			assert.ok(leaked(app, before).length > 0, 'the reveal did show them');

			// Closing and opening again starts masked.
			await app.press(KEYS.escape);
			const reopened = app.frames().length;
			await app.press('t');
			await app.waitFor(/LOG_LEVEL=debug/, 5000);
			assert.deepEqual(leaked(app, reopened), [], 'masked again');
			assert.equal(sim.calls.filter(call => call.mutating).length, 0);
		});
	}
});
