import {randomUUID} from 'node:crypto';
import type {Session} from './session.js';
import type {AuditLog} from '../config/audit.js';
import type {PlannedImage} from '../domain/registry/deletion-plan.js';
import {loadEcr} from './sdk.js';
import {invalidateRepository} from './resources.js';
import {chunks} from './paging.js';

/**
 * Executes a deletion plan with BatchDeleteImage by digest, 100 per call (the API's maximum).
 * Before each call the audit log gets an intent line, after it a result line, so a killed run
 * leaves an exact record. Throttling that outlasts the SDK's retries is retried per chunk with
 * backoff. Cancel stops after the current chunk. Every image ends deleted, failed, or not
 * attempted: nothing is hidden, and nothing outside the plan is sent.
 */
export type DeleteOutcome = {
	deleted: PlannedImage[];
	failed: {image: PlannedImage; code: string; reason: string}[];
	notAttempted: PlannedImage[];
	cancelled: boolean;
	runId: string;
};

/** The audit log's one-word summary of a run. */
export function outcomeWord(outcome: DeleteOutcome): 'ok' | 'partial' | 'failed' | 'cancelled' {
	return outcome.cancelled ? 'cancelled' : outcome.failed.length === 0 ? 'ok' : outcome.deleted.length === 0 ? 'failed' : 'partial';
}

export type DeleteProgress = {done: number; total: number; deleted: number; failed: number; retrying?: string};

const throttled = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException', 'RequestLimitExceeded']);

export async function deleteImages(input: {
	session: Session;
	repository: string;
	phases: readonly (readonly PlannedImage[])[];
	audit: AuditLog;
	shouldStop(): boolean;
	onProgress(progress: DeleteProgress): void;
	/** Backoff base in ms (tests shorten it). */
	backoffMs?: number;
	sleep?: (ms: number) => Promise<void>;
}): Promise<DeleteOutcome> {
	const {session, repository, audit} = input;
	const sleep = input.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
	const backoff = input.backoffMs ?? 1000;
	const runId = randomUUID();
	const {BatchDeleteImageCommand} = await loadEcr();
	const client = await session.clients.ecr();
	const total = input.phases.reduce((sum, phase) => sum + phase.length, 0);
	const outcome: DeleteOutcome = {deleted: [], failed: [], notAttempted: [], cancelled: false, runId};
	const base = {runId, action: 'delete-images' as const, account: session.accountId, region: session.region, repository};
	const progress = (retrying?: string) =>
		input.onProgress({done: outcome.deleted.length + outcome.failed.length, total, deleted: outcome.deleted.length, failed: outcome.failed.length, ...(retrying ? {retrying} : {})});

	audit.append({...base, phase: 'intent', detail: `delete ${total} images`, items: input.phases.flat().map(item => ({digest: item.digest, tags: item.tags, sizeInBytes: item.sizeInBytes}))});
	const batches: PlannedImage[][] = [];
	for (const phase of input.phases) batches.push(...chunks(phase, 100));
	const failedDigests = () => new Set(outcome.failed.map(failure => failure.image.digest));
	for (let index = 0; index < batches.length; index++) {
		const chunk = batches[index]!;
		if (chunk.length === 0) continue;
		if (input.shouldStop()) {
			outcome.cancelled = true;
			for (const rest of batches.slice(index)) outcome.notAttempted.push(...rest);
			break;
		}
		// Children of an index whose delete failed must not be sent: AWS would refuse them anyway.
		const failedNow = failedDigests();
		const sendable = chunk.filter(item => item.parent === undefined || !failedNow.has(item.parent));
		if (sendable.length > 0) audit.append({...base, phase: 'intent', detail: `chunk ${index + 1}/${batches.length}`, items: sendable.map(item => ({digest: item.digest, tags: item.tags, sizeInBytes: item.sizeInBytes}))});
		let attempt = 0;
		while (sendable.length > 0) {
			try {
				const result = await client.send(new BatchDeleteImageCommand({repositoryName: repository, imageIds: sendable.map(item => ({imageDigest: item.digest}))}));
				const deletedDigests = new Set((result.imageIds ?? []).map(id => id.imageDigest));
				const failures = new Map((result.failures ?? []).map(failure => [failure.imageId?.imageDigest ?? '', failure]));
				const items: NonNullable<Parameters<AuditLog['append']>[0]['items']> = [];
				for (const item of sendable) {
					const failure = failures.get(item.digest);
					if (deletedDigests.has(item.digest) && !failure) {
						outcome.deleted.push(item);
						items.push({digest: item.digest, tags: item.tags, sizeInBytes: item.sizeInBytes, result: 'deleted'});
					} else {
						const code = failure?.failureCode ?? 'NotReported';
						const reason = failure?.failureReason ?? 'AWS reported neither success nor failure for this image';
						outcome.failed.push({image: item, code, reason});
						items.push({digest: item.digest, tags: item.tags, result: 'failed', failureCode: code, failureReason: reason});
					}
				}
				audit.append({...base, phase: 'result', detail: `chunk ${index + 1}/${batches.length}`, items});
				break;
			} catch (error) {
				const name = (error as Error).name;
				if (throttled.has(name) && attempt < 5) {
					attempt++;
					progress(`throttled, retrying chunk ${index + 1} (attempt ${attempt + 1})`);
					await sleep(backoff * 2 ** (attempt - 1));
					continue;
				}
				const reason = (error as Error).message;
				for (const item of sendable) outcome.failed.push({image: item, code: name, reason});
				audit.append({...base, phase: 'result', detail: `chunk ${index + 1}/${batches.length} failed: ${name}`, items: sendable.map(item => ({digest: item.digest, result: 'failed' as const, failureCode: name, failureReason: reason}))});
				break;
			}
		}
		// Items skipped because their parent failed are reported as failed, not silently dropped.
		for (const item of chunk) {
			if (!sendable.includes(item) && !outcome.failed.some(failure => failure.image === item)) outcome.failed.push({image: item, code: 'ParentNotDeleted', reason: 'its index could not be deleted'});
		}
		progress();
	}
	audit.append({...base, phase: 'result', outcome: outcomeWord(outcome), detail: `deleted ${outcome.deleted.length}, failed ${outcome.failed.length}, not attempted ${outcome.notAttempted.length}`});
	// Show what AWS now says, not a local guess.
	await invalidateRepository(session, repository);
	return outcome;
}
