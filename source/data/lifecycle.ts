import type {Session} from './session.js';
import type {AuditLog} from '../config/audit.js';
import type {ImageRecord, IndexManifest} from '../domain/registry/types.js';
import type {LifecycleImage} from '../domain/lifecycle/index.js';
import {readableIndexDigests} from '../domain/registry/types.js';
import {listImages, readIndexManifests} from './ecr.js';
import {loadEcr} from './sdk.js';
import {invalidateRepository} from './resources.js';
import type {ECRClient} from '@aws-sdk/client-ecr';

/** ECR lifecycle-policy calls, and the mapping of image records to the engine's input. */

/** The engine's view of images: index children come from the index manifests. */
export function toLifecycleImages(images: readonly ImageRecord[], manifests: readonly IndexManifest[]): LifecycleImage[] {
	const children = new Map(manifests.map(manifest => [manifest.digest, manifest.children.map(child => child.digest)]));
	return images.map(image => ({
		digest: image.digest,
		tags: image.tags,
		sizeInBytes: image.sizeInBytes,
		pushedAt: image.pushedAt,
		status: image.status,
		...(image.lastPulledAt === undefined ? {} : {lastRecordedPullTime: image.lastPulledAt}),
		...(image.lastArchivedAt === undefined ? {} : {lastArchivedAt: image.lastArchivedAt}),
		...(image.lastActivatedAt === undefined ? {} : {lastActivatedAt: image.lastActivatedAt}),
		...(children.has(image.digest) ? {childDigests: children.get(image.digest)!} : {}),
		...(image.subjectDigest ? {subjectDigest: image.subjectDigest} : {}),
	}));
}

/** A repository's images with their index relationships, ready for the engine. */
export async function loadLifecycleImages(session: Session, repository: string, signal?: AbortSignal): Promise<{records: ImageRecord[]; images: LifecycleImage[]}> {
	const records = await listImages(session.clients, repository, {...(signal ? {signal} : {})});
	const indexes = readableIndexDigests(records);
	const manifests = indexes.length ? await readIndexManifests(session.clients, repository, indexes, signal) : [];
	return {records, images: toLifecycleImages(records, manifests)};
}

/** `aws ecr put-lifecycle-policy`, audited before and after; the caller validates first. */
export async function putLifecyclePolicy(session: Session, repository: string, text: string, audit: AuditLog, runId: string): Promise<void> {
	const {PutLifecyclePolicyCommand} = await loadEcr();
	await auditedPolicyChange(session, repository, audit, {runId, action: 'put-lifecycle-policy', detail: text}, client => client.send(new PutLifecyclePolicyCommand({repositoryName: repository, lifecyclePolicyText: text})));
}

/** `aws ecr delete-lifecycle-policy`, audited. */
export async function deleteLifecyclePolicy(session: Session, repository: string, audit: AuditLog, runId: string): Promise<void> {
	const {DeleteLifecyclePolicyCommand} = await loadEcr();
	await auditedPolicyChange(session, repository, audit, {runId, action: 'delete-lifecycle-policy'}, client => client.send(new DeleteLifecyclePolicyCommand({repositoryName: repository})));
}

/** Intent before the call, result after it (also when it fails), then a fresh read of the repository. */
async function auditedPolicyChange(
	session: Session,
	repository: string,
	audit: AuditLog,
	entry: {runId: string; action: 'put-lifecycle-policy' | 'delete-lifecycle-policy'; detail?: string},
	send: (client: ECRClient) => Promise<unknown>,
): Promise<void> {
	const client = await session.clients.ecr();
	const base = {runId: entry.runId, action: entry.action, account: session.accountId, region: session.region, repository};
	audit.append({...base, phase: 'intent', ...(entry.detail === undefined ? {} : {detail: entry.detail})});
	try {
		await send(client);
		audit.append({...base, phase: 'result', outcome: 'ok'});
	} catch (error) {
		audit.append({...base, phase: 'result', outcome: 'failed', detail: `${(error as Error).name}: ${(error as Error).message}`});
		throw error;
	} finally {
		await invalidateRepository(session, repository);
	}
}

export type AwsPreview = {
	status: string;
	results: {digest: string; tags: string[]; pushedAt?: number; action: 'EXPIRE' | 'TRANSITION'; rulePriority: number; storageClass?: string}[];
	expiring: number;
	transitioning: number;
};

/**
 * AWS's own dry run: StartLifecyclePolicyPreview, then GetLifecyclePolicyPreview every
 * `intervalMs` until COMPLETE/FAILED or the timeout, then every page of results (100 each).
 */
export async function awsLifecyclePreview(
	session: Session,
	repository: string,
	text: string,
	options: {intervalMs?: number; timeoutMs?: number; signal?: AbortSignal; onStatus?: (status: string) => void; sleep?: (ms: number) => Promise<void>} = {},
): Promise<AwsPreview> {
	const {StartLifecyclePolicyPreviewCommand, GetLifecyclePolicyPreviewCommand} = await loadEcr();
	const client = await session.clients.ecr();
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
	await client.send(new StartLifecyclePolicyPreviewCommand({repositoryName: repository, lifecyclePolicyText: text}), {abortSignal: options.signal});
	const deadline = Date.now() + (options.timeoutMs ?? 100_000);
	const interval = options.intervalMs ?? 5000;
	for (;;) {
		const first = await client.send(new GetLifecyclePolicyPreviewCommand({repositoryName: repository, maxResults: 100}), {abortSignal: options.signal});
		const status = first.status ?? 'UNKNOWN';
		options.onStatus?.(status);
		if (status === 'FAILED') throw Object.assign(new Error('AWS reported the preview as FAILED'), {name: 'PreviewFailed'});
		if (status === 'COMPLETE') {
			const results: AwsPreview['results'] = [];
			let page = first;
			for (;;) {
				for (const result of page.previewResults ?? []) {
					results.push({
						digest: result.imageDigest ?? '',
						tags: result.imageTags ?? [],
						...(result.imagePushedAt ? {pushedAt: result.imagePushedAt.getTime()} : {}),
						action: (result.action?.type as 'EXPIRE' | 'TRANSITION' | undefined) ?? 'EXPIRE',
						rulePriority: result.appliedRulePriority ?? 0,
						...(result.storageClass ? {storageClass: result.storageClass} : {}),
					});
				}
				if (!page.nextToken) break;
				page = await client.send(new GetLifecyclePolicyPreviewCommand({repositoryName: repository, maxResults: 100, nextToken: page.nextToken}), {abortSignal: options.signal});
			}
			const transitioning = first.summary?.transitioningImageTotalCounts?.reduce((sum, item) => sum + (item.imageTotalCount ?? 0), 0) ?? 0;
			return {status, results, expiring: first.summary?.expiringImageTotalCount ?? 0, transitioning};
		}
		if (Date.now() > deadline) throw Object.assign(new Error(`AWS's preview was still ${status} after ${Math.round((options.timeoutMs ?? 100_000) / 1000)} s`), {name: 'PreviewTimeout'});
		await sleep(interval);
	}
}
