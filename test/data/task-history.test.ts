import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {closeTaskHistories, openTaskHistory} from '../../source/data/task-history.js';
import type {TaskRecord} from '../../source/domain/tasks/types.js';

function stopped(id: string, stoppedAt: number, lastStatus = 'STOPPED'): TaskRecord {
	return {taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`, lastStatus, desiredStatus: 'STOPPED', createdAt: stoppedAt - 60_000, stoppedAt, stopCode: 'TaskFailedToStart', stoppedReason: `reason ${id}`, containers: [{name: 'app'}]};
}

test('keeps STOPPED tasks only, newest first, up to the limit, in a 0600 file that survives a restart', () => {
	const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-history-'));
	const history = openTaskHistory({configDir, accountId: '123456789012', region: 'us-east-1', limit: 3});
	assert.equal(history.path, join(configDir, 'history', '123456789012-us-east-1.json'));
	assert.equal(history.record([stopped('a', 1000), stopped('b', 3000), stopped('c', 2000, 'DEPROVISIONING')]), true);
	assert.deepEqual(history.list().map(task => task.taskArn.split('/').pop()), ['b', 'a']);
	assert.equal(history.record([stopped('a', 1000)]), false, 'nothing new, nothing written');
	history.record([stopped('d', 4000), stopped('e', 5000)]);
	assert.deepEqual(history.list().map(task => task.taskArn.split('/').pop()), ['e', 'd', 'b'], 'the oldest beyond the limit is dropped');
	assert.equal(statSync(history.path).mode & 0o777, 0o600);
	assert.equal(statSync(join(configDir, 'history')).mode & 0o777, 0o700);
	closeTaskHistories();
	const reopened = openTaskHistory({configDir, accountId: '123456789012', region: 'us-east-1', limit: 3});
	assert.deepEqual(reopened.list().map(task => task.taskArn.split('/').pop()), ['e', 'd', 'b']);
	assert.equal(reopened.get(stopped('d', 4000).taskArn)?.stoppedReason, 'reason d');
	assert.equal(JSON.parse(readFileSync(history.path, 'utf8')).account, '123456789012');
	closeTaskHistories();
});

test('a damaged history file is ignored and replaced on the next change', () => {
	const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-history-'));
	mkdirSync(join(configDir, 'history'));
	writeFileSync(join(configDir, 'history', '123456789012-eu-west-1.json'), '{not json');
	const history = openTaskHistory({configDir, accountId: '123456789012', region: 'eu-west-1', limit: 10});
	assert.deepEqual(history.list(), []);
	history.record([stopped('x', 1)]);
	assert.equal(JSON.parse(readFileSync(history.path, 'utf8')).tasks.length, 1);
	closeTaskHistories();
});
