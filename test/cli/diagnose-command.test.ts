import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runDiagnose} from '../../source/cli/diagnose-command.js';
import {parseArgs} from '../../source/cli/args.js';
import {useSimulator, demoSession} from '../helpers/sim.js';
import {DEMO_VERDICTS, latestStopped, prodCluster} from '../data/demo-verdicts.js';
import {cleanEnv, runCli} from '../helpers/built-cli.js';

const sim = await useSimulator();
const session = await demoSession(sim);
const configDir = mkdtempSync(join(tmpdir(), 'ecrtui-diagnose-'));
const deps = {session, now: () => sim.clock.now(), configDir};
const options = {demo: false, readOnly: true, debug: false, noColor: true};
const prod = prodCluster(sim);

function capture() {
	const output = {out: '', err: ''};
	return {output, io: {out: (text: string) => void (output.out += text), err: (text: string) => void (output.err += text)}};
}

type Json = {verdict: {kind: string; text: string; confirmedBy?: string[]}; exitCode: number; executionRole?: {method: string}; network?: {verdict: {text: string}}; checks: {id: string; status: string}[]};

for (const [service, expected] of Object.entries(DEMO_VERDICTS)) {
	test(`diagnose --json: ${service} exits 1 with its true cause`, async () => {
		const {output, io} = capture();
		const code = await runDiagnose({name: 'diagnose', cluster: 'prod', task: latestStopped(sim, service).arn, json: true}, options, io, deps);
		const json = JSON.parse(output.out) as Json;
		assert.equal(code, 1);
		assert.equal(json.exitCode, 1);
		assert.equal(json.verdict.kind, 'problem');
		assert.match(json.verdict.text, expected.verdict);
		assert.ok(json.verdict.confirmedBy?.includes(expected.confirmedBy));
		assert.equal(json.executionRole?.method, 'simulated');
		assert.ok(json.network?.verdict.text, 'the network summary is included');
	});
}

test('diagnose: a healthy task exits 0; by id or ARN; text output leads with the verdict', async () => {
	const task = [...prod.tasks.values()].find(candidate => candidate.serviceName === 'web' && candidate.lastStatus === 'RUNNING')!;
	for (const reference of [task.id, task.arn]) {
		const {output, io} = capture();
		assert.equal(await runDiagnose({name: 'diagnose', cluster: 'prod', task: reference, json: false}, options, io, deps), 0);
		assert.match(output.out, /^✓ no problem: running/);
		assert.match(output.out, /checks:\n {2}✓ pass iam:trust/);
	}
	const {output, io} = capture();
	assert.equal(await runDiagnose({name: 'diagnose', cluster: 'prod', task: latestStopped(sim, 'batch').id, json: false}, options, io, deps), 1);
	assert.match(output.out, /^✗ the image tag or digest does not exist/);
	assert.match(output.out, /\nfix: /);
});

test('diagnose: an unknown task exits 1 and says why; missing flags are usage errors (exit 2)', async () => {
	const {output, io} = capture();
	assert.equal(await runDiagnose({name: 'diagnose', cluster: 'prod', task: 'ffffffffffffffffffffffffffffffff', json: true}, options, io, deps), 1);
	assert.match((JSON.parse(output.out) as {error: {why: string}}).error.why, /was not found in cluster prod/);
	const parsed = parseArgs(['diagnose', '--cluster', 'prod']);
	assert.equal(parsed.ok, false);
});

test('diagnose: the 8-character id the watcher shows is enough; an ambiguous prefix asks for more', async () => {
	const task = latestStopped(sim, 'batch');
	const {output, io} = capture();
	assert.equal(await runDiagnose({name: 'diagnose', cluster: 'prod', task: task.id.slice(0, 8), json: true}, options, io, deps), 1);
	assert.equal((JSON.parse(output.out) as {task: {id: string}}).task.id, task.id);
	// A second task whose id shares the first 8 characters.
	const twinId = `${task.id.slice(0, 8)}${task.id.slice(8).split('').reverse().join('')}`;
	prod.tasks.set(twinId, {...task, id: twinId, arn: task.arn.replace(task.id, twinId)});
	try {
		const ambiguous = capture();
		assert.equal(await runDiagnose({name: 'diagnose', cluster: 'prod', task: task.id.slice(0, 8), json: true}, options, ambiguous.io, deps), 1);
		const why = (JSON.parse(ambiguous.output.out) as {error: {why: string}}).error.why;
		assert.match(why, new RegExp(`Task id ${task.id.slice(0, 8)} is ambiguous in cluster prod: .*${task.id}`));
		const longer = capture();
		assert.equal(await runDiagnose({name: 'diagnose', cluster: 'prod', task: task.id.slice(0, 31), json: true}, options, longer.io, deps), 1);
		assert.equal((JSON.parse(longer.output.out) as {task: {id: string}}).task.id, task.id);
	} finally {
		prod.tasks.delete(twinId);
	}
});

test('the built CLI: diagnose --demo --json names the cause and exits 1', async () => {
	const env = cleanEnv(mkdtempSync(join(tmpdir(), 'ecrtui-bin-')));
	// Demo task ids are the same on every run: the CLI's world has this task too.
	const orders = latestStopped(sim, 'orders');
	const failed = await runCli(['diagnose', '--demo', '--cluster', 'prod', '--task', orders.id, '--json'], {env, timeoutMs: 60_000});
	assert.equal(failed.code, 1);
	assert.match((JSON.parse(failed.stdout) as Json).verdict.text, DEMO_VERDICTS.orders!.verdict);
	const healthy = [...prod.tasks.values()].find(task => task.serviceName === 'payments' && task.lastStatus === 'RUNNING')!;
	const ok = await runCli(['diagnose', '--demo', '--cluster', 'prod', '--task', healthy.id, '--json'], {env, timeoutMs: 60_000});
	assert.equal((JSON.parse(ok.stdout) as Json).verdict.kind, 'healthy');
	const usage = await runCli(['diagnose', '--demo', '--cluster', 'prod'], {env});
	assert.equal(usage.code, 2);
});
