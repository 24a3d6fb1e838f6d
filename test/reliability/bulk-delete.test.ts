// Bulk delete of 1,000 images from a generated repository, with chunks failing, throttled,
// cancelled, and the process killed mid-run. Every image ends deleted or reported failed (or,
// after a kill, recorded as not attempted or in doubt), nothing outside the selection is ever
// sent, and the audit log (intent before each call, result after) says exactly what was done.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Simulator} from '../../source/sim/server.js';
import {addRepository, digestOf, MEDIA} from '../../source/sim/scenarios/factory.js';
import type {SimImage, SimRepository} from '../../source/sim/world/ecr.js';
import {deleteImages} from '../../source/data/delete-images.js';
import {memoryAuditLog, openAuditLog, type AuditEntry} from '../../source/config/audit.js';
import type {PlannedImage} from '../../source/domain/registry/deletion-plan.js';
import {ACCOUNT, REGION} from './screens.js';
import {useSimulator, demoSession} from '../helpers/sim.js';

const SELECTED = 1000;
const UNSELECTED = 200;

type World = {sim: Simulator; bulk: SimRepository; other: SimRepository; plan: PlannedImage[]; unselected: string[]};

function image(seed: string, tags: string[], pushedAt: number): SimImage {
	const digest = digestOf(seed);
	return {digest, tags, sizeInBytes: 10_000_000, pushedAt, status: 'ACTIVE', manifestMediaType: MEDIA.ociManifest, manifest: `{"schemaVersion":2,"config":{"digest":"${digest}"},"layers":[]}`};
}

/**
 * `bulk` with 1,200 images (1,000 selected), and `other` holding images with the very same
 * digests and tags: a delete sent to the wrong repository would show there.
 */
async function world(t: {after(fn: () => unknown): void}): Promise<World> {
	const sim = await useSimulator({scenario: 'empty'}, t);
	const now = sim.clock.now();
	const bulk = addRepository(sim.world, ACCOUNT, REGION, 'bulk');
	const other = addRepository(sim.world, ACCOUNT, REGION, 'other');
	const plan: PlannedImage[] = [];
	const unselected: string[] = [];
	for (let index = 0; index < SELECTED + UNSELECTED; index++) {
		const tags = index % 4 === 0 ? [`build-${index}`] : [];
		const record = image(`bulk/${index}`, tags, now - index * 60_000);
		bulk.images.set(record.digest, record);
		other.images.set(record.digest, {...record, tags: [...record.tags]});
		if (index < SELECTED) plan.push({digest: record.digest, tags, sizeInBytes: record.sizeInBytes, reason: 'marked'});
		else unselected.push(record.digest);
	}
	return {sim, bulk, other, plan, unselected};
}

/** Nothing outside the selection was sent or changed. */
function assertNothingElseTouched(setup: World): void {
	const selected = new Set(setup.plan.map(item => item.digest));
	const mutating = setup.sim.calls.filter(call => call.mutating);
	assert.ok(mutating.every(call => call.operation === 'BatchDeleteImage'), 'only BatchDeleteImage was sent');
	for (const call of mutating) {
		assert.equal(call.input.repositoryName, 'bulk');
		const ids = call.input.imageIds as {imageDigest?: string; imageTag?: string}[];
		assert.ok(ids.length <= 100, 'at most 100 per call');
		for (const id of ids) {
			assert.ok(id.imageDigest && selected.has(id.imageDigest), `only selected digests are sent (${id.imageDigest})`);
			assert.equal(id.imageTag, undefined, 'by digest only');
		}
	}
	for (const digest of setup.unselected) assert.ok(setup.bulk.images.has(digest), 'unselected images stay');
	assert.equal(setup.other.images.size, SELECTED + UNSELECTED, 'the other repository is untouched');
}

type ChunkLog = {detail: string; intent: string[]; result?: Map<string, 'deleted' | 'failed'>};

/** Reads the audit entries of one run the way a person recovering from a crash would. */
function readRun(entries: readonly AuditEntry[]) {
	const [announce, ...rest] = entries;
	assert.equal(announce?.phase, 'intent');
	assert.match(announce?.detail ?? '', /^delete \d+ images$/);
	const chunks = new Map<string, ChunkLog>();
	let final: AuditEntry | undefined;
	for (const entry of rest) {
		assert.equal(entry.runId, announce!.runId, 'one run');
		if (entry.outcome !== undefined && entry.items === undefined) {
			final = entry;
			continue;
		}
		const name = entry.detail!.replace(/ failed: .*$/, '');
		if (entry.phase === 'intent') {
			assert.ok(!chunks.has(name), `${name} announced once`);
			chunks.set(name, {detail: name, intent: entry.items!.map(item => item.digest!)});
		} else {
			const chunk = chunks.get(name);
			assert.ok(chunk, `the result of ${name} follows its intent`);
			chunk.result = new Map(entry.items!.map(item => [item.digest!, item.result as 'deleted' | 'failed']));
			assert.deepEqual([...chunk.result.keys()].sort(), [...chunk.intent].sort(), `${name}: a result for every image announced`);
		}
	}
	return {announced: announce!.items!.map(item => item.digest!), chunks: [...chunks.values()], final};
}

describe('bulk delete of 1,000 images', () => {
	test('a chunk failing with a 5xx, a throttled chunk retried with backoff, images already gone: every image deleted or reported failed, and audited', async t => {
		const setup = await world(t);
		const {sim, bulk, plan} = setup;
		// Three selected images disappear before the run: AWS reports them as ImageNotFound.
		const vanished = [plan[150]!.digest, plan[151]!.digest, plan[720]!.digest];
		for (const digest of vanished) bulk.images.delete(digest);
		sim.faults.add({kind: 'server-error', service: 'ecr', operation: 'BatchDeleteImage', after: 2, times: 1});
		sim.faults.add({kind: 'throttle', service: 'ecr', operation: 'BatchDeleteImage', after: 5, times: 2});
		const audit = memoryAuditLog();
		const slept: number[] = [];
		const progress: number[] = [];
		const outcome = await deleteImages({
			session: await demoSession(sim, {readOnly: false}),
			repository: 'bulk',
			phases: [plan],
			audit,
			shouldStop: () => false,
			onProgress: update => progress.push(update.done),
			backoffMs: 10,
			sleep: async ms => {
				slept.push(ms);
			},
		});

		const chunk3 = new Set(plan.slice(200, 300).map(item => item.digest));
		assert.equal(outcome.cancelled, false);
		assert.equal(outcome.notAttempted.length, 0);
		assert.equal(outcome.deleted.length + outcome.failed.length, SELECTED, 'every image is accounted for');
		assert.equal(outcome.failed.length, 100 + 3, 'the failed chunk and the three vanished images');
		assert.ok(outcome.failed.filter(failure => chunk3.has(failure.image.digest)).every(failure => failure.code === 'ServerException'));
		assert.deepEqual(outcome.failed.filter(failure => failure.code === 'ImageNotFound').map(failure => failure.image.digest).sort(), [...vanished].sort());
		assert.deepEqual(slept, [10, 20], 'two throttled attempts, exponential backoff');
		assert.deepEqual(progress.at(-1), SELECTED);

		// AWS agrees with the outcome: deleted ones are gone, failed ones (but the vanished) remain.
		for (const item of outcome.deleted) assert.ok(!bulk.images.has(item.digest));
		for (const failure of outcome.failed) if (!vanished.includes(failure.image.digest)) assert.ok(bulk.images.has(failure.image.digest));
		assertNothingElseTouched(setup);
		assert.equal(sim.calls.filter(call => call.operation === 'BatchDeleteImage').length, 10 + 2, 'ten chunks plus two throttled attempts');

		// The audit log says the same, chunk by chunk, and sums it up.
		const run = readRun(audit.entries);
		assert.equal(run.announced.length, SELECTED);
		assert.equal(run.chunks.length, 10);
		for (const chunk of run.chunks) {
			assert.ok(chunk.result, `${chunk.detail} has a result`);
			for (const [digest, result] of chunk.result) {
				assert.equal(result === 'deleted', !bulk.images.has(digest) && !vanished.includes(digest), `${digest}: the log matches AWS`);
			}
		}
		assert.equal(run.final?.outcome, 'partial');
		assert.equal(run.final?.detail, 'deleted 897, failed 103, not attempted 0');
		const failedChunk = audit.entries.find(entry => entry.detail?.startsWith('chunk 3/10 failed'));
		assert.ok(failedChunk?.items?.every(item => item.failureCode === 'ServerException' && item.result === 'failed'));
	});

	test('cancel mid-run: the chunk under way finishes, the rest is not attempted and stays in AWS', async t => {
		const setup = await world(t);
		const {sim, bulk, plan} = setup;
		const audit = memoryAuditLog();
		let chunksDone = 0;
		const outcome = await deleteImages({
			session: await demoSession(sim, {readOnly: false}),
			repository: 'bulk',
			phases: [plan],
			audit,
			shouldStop: () => chunksDone >= 4,
			onProgress: update => {
				if (update.retrying === undefined) chunksDone = update.done / 100;
			},
		});
		assert.equal(outcome.cancelled, true);
		assert.equal(outcome.deleted.length, 400);
		assert.equal(outcome.failed.length, 0);
		assert.equal(outcome.notAttempted.length, 600);
		for (const item of outcome.notAttempted) assert.ok(bulk.images.has(item.digest), 'not attempted means still there');
		for (const item of outcome.deleted) assert.ok(!bulk.images.has(item.digest));
		assertNothingElseTouched(setup);
		const run = readRun(audit.entries);
		assert.equal(run.chunks.length, 4, 'only the sent chunks are announced');
		assert.equal(run.final?.outcome, 'cancelled');
		assert.equal(run.final?.detail, 'deleted 400, failed 0, not attempted 600');
	});

	test('the process killed mid-run: the audit log on disk says exactly what was and was not done', {timeout: 60_000}, async t => {
		const setup = await world(t);
		const {sim, bulk, plan} = setup;
		// Each chunk takes a moment, so the kill lands mid-run.
		sim.faults.add({kind: 'latency', service: 'ecr', operation: 'BatchDeleteImage', latencyMs: 150});
		const dir = mkdtempSync(join(tmpdir(), 'ecrtui-kill-'));
		const auditPath = join(dir, 'audit.log');
		const planPath = join(dir, 'plan.json');
		writeFileSync(planPath, JSON.stringify(plan));
		const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/delete-child.ts'), sim.url, auditPath, 'bulk', planPath], {
			env: {...process.env, AWS_ACCESS_KEY_ID: 'AKIAKILLTEST00000001', AWS_SECRET_ACCESS_KEY: 'kill-test', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += String(chunk)));
		const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, signal) => resolve(signal)));
		t.after(() => child.kill('SIGKILL'));
		const chunkResults = () => (existsSync(auditPath) ? readFileSync(auditPath, 'utf8').split('\n').filter(line => line.includes('"phase":"result"') && line.includes('"chunk ')).length : 0);
		const deadline = Date.now() + 30_000;
		while (chunkResults() < 4) {
			assert.ok(Date.now() < deadline, `the child never got through 4 chunks: ${stderr}`);
			assert.equal(child.exitCode, null, `the child ended early: ${stderr}`);
			await new Promise(resolve => setTimeout(resolve, 10));
		}
		child.kill('SIGKILL');
		assert.equal(await exited, 'SIGKILL');
		// A request the child sent just before dying is still answered by AWS (the simulator here):
		// let it land before comparing.
		const settleUntil = Date.now() + 500;
		while (Date.now() < settleUntil) await new Promise(resolve => setTimeout(resolve, 20));

		const run = readRun(openAuditLog(auditPath).read());
		assert.equal(run.final, undefined, 'no summary line: the run never ended');
		assert.deepEqual(run.announced, plan.map(item => item.digest), 'the whole selection was announced first');
		assert.ok(run.chunks.filter(chunk => chunk.result).length >= 4);
		const inDoubt = run.chunks.filter(chunk => !chunk.result);
		assert.ok(inDoubt.length <= 1, 'at most the one chunk in flight has no result');
		const accounted = new Set<string>();
		for (const chunk of run.chunks) {
			for (const digest of chunk.intent) accounted.add(digest);
			if (chunk.result) {
				// Done: the log says what AWS did.
				for (const [digest, result] of chunk.result) assert.equal(bulk.images.has(digest), result === 'failed', `${digest}: ${result}`);
			} else {
				// In flight at the kill: the log says "sent, outcome unknown"; AWS did all or none of it.
				const gone = chunk.intent.filter(digest => !bulk.images.has(digest)).length;
				assert.ok(gone === 0 || gone === chunk.intent.length, `${chunk.detail}: ${gone} of ${chunk.intent.length} gone`);
			}
		}
		// Never announced means never sent: still in AWS.
		const notAttempted = plan.filter(item => !accounted.has(item.digest));
		assert.ok(notAttempted.length > 0, 'the kill landed mid-run');
		for (const item of notAttempted) assert.ok(bulk.images.has(item.digest), 'not announced, not touched');
		assert.equal(accounted.size + notAttempted.length, SELECTED);
		assertNothingElseTouched(setup);
	});
});
