import {randomUUID} from 'node:crypto';
import type {Session} from './session.js';
import type {AuditLog} from '../config/audit.js';
import type {PlannedImage} from '../domain/registry/deletion-plan.js';
import {outcomeWord, type DeleteOutcome, type DeleteProgress} from './delete-images.js';
import {loadEcr} from './sdk.js';
import {invalidateRepository} from './resources.js';

/**
 * "Archive instead of delete": UpdateImageStorageClass to ARCHIVE, one image per call (the
 * API takes one), audited before and after each. Archived images cannot be pulled until
 * restored and carry a 90-day minimum storage charge [DOC]; the dialog says so.
 */
export async function archiveImages(input: {
	session: Session;
	repository: string;
	images: readonly PlannedImage[];
	audit: AuditLog;
	shouldStop(): boolean;
	onProgress(progress: DeleteProgress): void;
}): Promise<DeleteOutcome> {
	const {session, repository, audit} = input;
	const runId = randomUUID();
	const {UpdateImageStorageClassCommand} = await loadEcr();
	const client = await session.clients.ecr();
	const outcome: DeleteOutcome = {deleted: [], failed: [], notAttempted: [], cancelled: false, runId};
	const base = {runId, action: 'archive-images' as const, account: session.accountId, region: session.region, repository};
	audit.append({...base, phase: 'intent', detail: `archive ${input.images.length} images`, items: input.images.map(item => ({digest: item.digest, tags: item.tags, sizeInBytes: item.sizeInBytes}))});
	for (let index = 0; index < input.images.length; index++) {
		const item = input.images[index]!;
		if (input.shouldStop()) {
			outcome.cancelled = true;
			outcome.notAttempted.push(...input.images.slice(index));
			break;
		}
		try {
			await client.send(new UpdateImageStorageClassCommand({repositoryName: repository, imageId: {imageDigest: item.digest}, targetStorageClass: 'ARCHIVE'}));
			outcome.deleted.push(item);
			audit.append({...base, phase: 'result', items: [{digest: item.digest, tags: item.tags, result: 'archived'}]});
		} catch (error) {
			const code = (error as Error).name;
			outcome.failed.push({image: item, code, reason: (error as Error).message});
			audit.append({...base, phase: 'result', items: [{digest: item.digest, tags: item.tags, result: 'failed', failureCode: code, failureReason: (error as Error).message}]});
			// Unsupported in this region: no point trying the rest.
			if (code === 'ImageStorageClassUpdateNotSupportedException') {
				outcome.notAttempted.push(...input.images.slice(index + 1));
				break;
			}
		}
		input.onProgress({done: index + 1, total: input.images.length, deleted: outcome.deleted.length, failed: outcome.failed.length});
	}
	audit.append({...base, phase: 'result', outcome: outcomeWord(outcome)});
	await invalidateRepository(session, repository);
	return outcome;
}
