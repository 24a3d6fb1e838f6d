import {describe, test, after} from 'node:test';
import assert from 'node:assert/strict';
import {appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {memoryAuditLog, openAuditLog, type AuditEntry} from '../../source/config/audit.js';

const root = mkdtempSync(join(tmpdir(), 'ecrtui-audit-test-'));
after(() => rmSync(root, {recursive: true, force: true}));
let counter = 0;
function logPath(): string {
	return join(root, `audit-${++counter}.log`);
}

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
function ticking(start = T0) {
	let time = start;
	return () => (time += 1000);
}

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

function intent(runId: string): Omit<AuditEntry, 'time'> {
	return {
		phase: 'intent',
		runId,
		action: 'delete-images',
		account: '123456789012',
		region: 'us-east-1',
		repository: 'web',
		items: [
			{digest: DIGEST_A, tags: ['v1'], sizeInBytes: 1000},
			{digest: DIGEST_B, tags: [], sizeInBytes: 2000},
		],
	};
}

function result(runId: string): Omit<AuditEntry, 'time'> {
	return {
		phase: 'result',
		runId,
		action: 'delete-images',
		account: '123456789012',
		region: 'us-east-1',
		repository: 'web',
		items: [
			{digest: DIGEST_A, result: 'deleted'},
			{digest: DIGEST_B, result: 'failed', failureCode: 'ImageReferencedByManifestList', failureReason: 'Requested image referenced by manifest list'},
		],
		outcome: 'partial',
	};
}

describe('openAuditLog', () => {
	test('a missing log reads as empty and is not created by reading', () => {
		const path = logPath();
		const log = openAuditLog(path, ticking());
		assert.deepEqual(log.read(), []);
		assert.equal(existsSync(path), false);
		assert.equal(log.path, path);
	});

	test('entries are appended as one JSON line each, with the time from the clock', () => {
		const path = logPath();
		const log = openAuditLog(path, ticking());
		log.append(intent('run-1'));
		log.append(result('run-1'));
		const lines = readFileSync(path, 'utf8').split('\n');
		assert.equal(lines.length, 3, 'two lines and a final newline');
		assert.equal(lines[2], '');
		const first = JSON.parse(lines[0]!) as AuditEntry;
		assert.equal(first.time, '2026-11-29T12:00:01.000Z');
		assert.equal(first.phase, 'intent');
		assert.equal(Object.keys(first)[0], 'time', 'time comes first in each line');
		assert.equal((JSON.parse(lines[1]!) as AuditEntry).time, '2026-11-29T12:00:02.000Z');
	});

	test('the file is created with mode 0600', {skip: process.platform === 'win32'}, () => {
		const path = logPath();
		openAuditLog(path, ticking()).append(intent('run-1'));
		assert.equal(statSync(path).mode & 0o777, 0o600);
	});

	test('entries read back in order: intent before result, run after run', () => {
		const path = logPath();
		const log = openAuditLog(path, ticking());
		log.append(intent('run-1'));
		log.append(result('run-1'));
		log.append({phase: 'intent', runId: 'run-2', action: 'stop-task', account: '123456789012', region: 'us-east-1', cluster: 'prod', items: [{taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc'}]});
		log.append({phase: 'result', runId: 'run-2', action: 'stop-task', account: '123456789012', region: 'us-east-1', cluster: 'prod', items: [{taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc', result: 'stopped'}], outcome: 'ok'});
		const entries = log.read();
		assert.deepEqual(entries.map(entry => `${entry.runId}:${entry.phase}`), ['run-1:intent', 'run-1:result', 'run-2:intent', 'run-2:result']);
		assert.deepEqual(entries[0], {time: '2026-11-29T12:00:01.000Z', ...intent('run-1')});
		assert.deepEqual(entries[1], {time: '2026-11-29T12:00:02.000Z', ...result('run-1')});
		assert.equal(entries[3]?.outcome, 'ok');
		const times = entries.map(entry => Date.parse(entry.time));
		assert.deepEqual(times, [...times].sort((a, b) => a - b));
	});

	test('a second log object on the same file appends, never truncates', () => {
		const path = logPath();
		openAuditLog(path, ticking()).append(intent('run-1'));
		openAuditLog(path, ticking(T0 + 60_000)).append(result('run-1'));
		const entries = openAuditLog(path).read();
		assert.deepEqual(entries.map(entry => entry.phase), ['intent', 'result']);
	});

	test('an intent without a result (the app was killed) is still there', () => {
		const path = logPath();
		openAuditLog(path, ticking()).append(intent('run-9'));
		const entries = openAuditLog(path).read();
		assert.equal(entries.length, 1);
		assert.equal(entries[0]?.phase, 'intent');
		assert.equal(entries.some(entry => entry.runId === 'run-9' && entry.phase === 'result'), false);
	});

	test('a torn or garbage line is skipped; the others are read', () => {
		const path = logPath();
		const log = openAuditLog(path, ticking());
		log.append(intent('run-1'));
		appendFileSync(path, '{"time":"2026-11-29T12:00:05.000Z","phase":"res\n\n   \nnot json at all\n');
		log.append(result('run-1'));
		assert.deepEqual(log.read().map(entry => entry.phase), ['intent', 'result']);
	});

	test('strings with newlines stay on one line', () => {
		const path = logPath();
		const log = openAuditLog(path, ticking());
		log.append({...result('run-1'), detail: 'line one\nline two'});
		const text = readFileSync(path, 'utf8');
		assert.equal(text.split('\n').filter(Boolean).length, 1);
		assert.equal(log.read()[0]?.detail, 'line one\nline two');
	});
});

describe('memoryAuditLog', () => {
	test('keeps entries in order with a time, read returns a copy', () => {
		const log = memoryAuditLog();
		log.append(intent('run-1'));
		log.append(result('run-1'));
		const read = log.read();
		assert.deepEqual(read.map(entry => entry.phase), ['intent', 'result']);
		assert.ok(read.every(entry => !Number.isNaN(Date.parse(entry.time))));
		read.pop();
		assert.equal(log.entries.length, 2);
		assert.equal(log.path, ':memory:');
	});
});
