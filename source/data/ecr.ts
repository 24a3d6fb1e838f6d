import type {ImageDetail, Repository} from '@aws-sdk/client-ecr';
import type {ImageRecord, IndexManifest, Platform, RepositoryRecord, Severity} from '../domain/registry/types.js';
import type {AwsClients} from './clients.js';

/** ECR reads, mapped to plain records. Each function names its AWS CLI equivalent. */

import {loadEcr as sdk} from './sdk.js';
import {allPages, chunks} from './paging.js';

function ms(date: Date | undefined): number | undefined {
	return date === undefined ? undefined : date.getTime();
}

export function toRepositoryRecord(repository: Repository, region: string): RepositoryRecord {
	return {
		name: repository.repositoryName ?? '',
		arn: repository.repositoryArn ?? '',
		uri: repository.repositoryUri ?? '',
		registryId: repository.registryId ?? '',
		region,
		createdAt: ms(repository.createdAt) ?? 0,
		tagMutability: repository.imageTagMutability ?? 'MUTABLE',
		scanOnPush: repository.imageScanningConfiguration?.scanOnPush ?? false,
		encryptionType: repository.encryptionConfiguration?.encryptionType ?? 'AES256',
		...(repository.encryptionConfiguration?.kmsKey ? {kmsKey: repository.encryptionConfiguration.kmsKey} : {}),
	};
}

/**
 * JSON parsing makes a new string for every value: 100,000 images would hold 100,000 copies of
 * the same media type, registry id and repository name (~10 MB). Share one copy of each.
 */
const interned = new Map<string, string>();
function intern(value: string): string {
	const existing = interned.get(value);
	if (existing !== undefined) return existing;
	if (interned.size > 10_000) interned.clear();
	interned.set(value, value);
	return value;
}

const noTags: string[] = Object.freeze([]) as unknown as string[];

export function toImageRecord(detail: ImageDetail): ImageRecord {
	const counts = detail.imageScanFindingsSummary?.findingSeverityCounts as Partial<Record<Severity, number>> | undefined;
	const record: ImageRecord = {
		repositoryName: intern(detail.repositoryName ?? ''),
		registryId: intern(detail.registryId ?? ''),
		digest: detail.imageDigest ?? '',
		// Untagged images share one empty list rather than 100,000 of them.
		tags: detail.imageTags ?? noTags,
		sizeInBytes: detail.imageSizeInBytes ?? 0,
		pushedAt: ms(detail.imagePushedAt) ?? 0,
		status: (detail.imageStatus as ImageRecord['status'] | undefined) ?? 'ACTIVE',
		lastPulledAt: detail.lastRecordedPullTime?.getTime(),
		lastArchivedAt: detail.lastArchivedAt?.getTime(),
		lastActivatedAt: detail.lastActivatedAt?.getTime(),
		manifestMediaType: detail.imageManifestMediaType === undefined ? undefined : intern(detail.imageManifestMediaType),
		artifactMediaType: detail.artifactMediaType === undefined ? undefined : intern(detail.artifactMediaType),
		subjectDigest: detail.subjectManifestDigest,
		scan: undefined,
	};
	if (detail.imageScanStatus || counts) {
		record.scan = {
			status: detail.imageScanStatus?.status ?? 'COMPLETE',
			counts: counts ?? {},
			...(detail.imageScanFindingsSummary?.imageScanCompletedAt ? {completedAt: detail.imageScanFindingsSummary.imageScanCompletedAt.getTime()} : {}),
		};
	}
	return record;
}

/** `aws ecr describe-repositories` — every page, at the maximum page size of 1000. */
export async function listRepositories(clients: AwsClients, signal?: AbortSignal): Promise<RepositoryRecord[]> {
	const {DescribeRepositoriesCommand} = await sdk();
	const client = await clients.ecr();
	return allPages(async nextToken => {
		const page = await client.send(new DescribeRepositoriesCommand({maxResults: 1000, nextToken}), {abortSignal: signal});
		return {items: (page.repositories ?? []).map(repository => toRepositoryRecord(repository, clients.target.region)), next: page.nextToken};
	});
}

/**
 * `aws ecr describe-images --repository-name R --filter imageStatus=ANY` — every page at
 * 1000 per page. Archived images are included (they are invisible by default) so cleanup and
 * lifecycle previews see the whole repository. `onPage` streams big repositories.
 */
export async function listImages(
	clients: AwsClients,
	repositoryName: string,
	options: {signal?: AbortSignal; onPage?: (soFar: ImageRecord[]) => void; registryId?: string} = {},
): Promise<ImageRecord[]> {
	const {DescribeImagesCommand} = await sdk();
	const client = await clients.ecr();
	const records: ImageRecord[] = [];
	let nextToken: string | undefined;
	do {
		const page = await client.send(
			new DescribeImagesCommand({repositoryName, maxResults: 1000, nextToken, filter: {imageStatus: 'ANY'}, ...(options.registryId ? {registryId: options.registryId} : {})}),
			{abortSignal: options.signal},
		);
		for (const detail of page.imageDetails ?? []) records.push(toImageRecord(detail));
		nextToken = page.nextToken;
		if (nextToken) options.onPage?.(records);
	} while (nextToken);
	return records;
}

/** `aws ecr describe-images --image-ids imageTag=T`: does a tag or digest exist (any storage class)? */
export async function findImage(
	clients: AwsClients,
	repositoryName: string,
	id: {tag?: string; digest?: string},
	options: {signal?: AbortSignal; registryId?: string} = {},
): Promise<ImageRecord | undefined> {
	const {DescribeImagesCommand} = await sdk();
	const client = await clients.ecr();
	try {
		const result = await client.send(
			new DescribeImagesCommand({
				repositoryName,
				imageIds: [{...(id.tag ? {imageTag: id.tag} : {}), ...(id.digest ? {imageDigest: id.digest} : {})}],
				filter: {imageStatus: 'ANY'},
				...(options.registryId ? {registryId: options.registryId} : {}),
			}),
			{abortSignal: options.signal},
		);
		const detail = result.imageDetails?.[0];
		return detail ? toImageRecord(detail) : undefined;
	} catch (error) {
		if ((error as Error).name === 'ImageNotFoundException') return undefined;
		throw error;
	}
}

/** buildx stores provenance/SBOM attestations in the index with platform unknown/unknown. */
const attestationPlatform = 'unknown';

/** Reads index manifests (`aws ecr batch-get-image`) in batches of 100 to learn their children. */
export async function readIndexManifests(clients: AwsClients, repositoryName: string, digests: string[], signal?: AbortSignal): Promise<IndexManifest[]> {
	const {BatchGetImageCommand} = await sdk();
	const client = await clients.ecr();
	const manifests: IndexManifest[] = [];
	for (const chunk of chunks(digests, 100)) {
		const result = await client.send(
			new BatchGetImageCommand({
				repositoryName,
				imageIds: chunk.map(imageDigest => ({imageDigest})),
				acceptedMediaTypes: ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'],
			}),
			{abortSignal: signal},
		);
		for (const image of result.images ?? []) {
			const digest = image.imageId?.imageDigest;
			if (!digest || !image.imageManifest) continue;
			manifests.push(parseIndexManifest(digest, image.imageManifest));
		}
	}
	return manifests;
}

/** Children of an index manifest; buildx attestation manifests are marked as such. */
export function parseIndexManifest(digest: string, text: string): IndexManifest {
	try {
		const manifest = JSON.parse(text) as {manifests?: {digest?: string; platform?: Platform; annotations?: Record<string, string>}[]};
		return {
			digest,
			children: (manifest.manifests ?? [])
				.filter(child => typeof child.digest === 'string')
				.map(child => ({
					digest: child.digest!,
					...(child.platform && child.platform.os !== attestationPlatform ? {platform: child.platform} : {}),
					attestation: child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || child.platform?.os === attestationPlatform,
				})),
		};
	} catch {
		return {digest, children: []};
	}
}

/** `aws ecr get-lifecycle-policy`; `undefined` when the repository has none. */
export async function getLifecyclePolicy(clients: AwsClients, repositoryName: string, signal?: AbortSignal): Promise<{text: string; lastEvaluatedAt?: number} | undefined> {
	const {GetLifecyclePolicyCommand} = await sdk();
	const client = await clients.ecr();
	try {
		const result = await client.send(new GetLifecyclePolicyCommand({repositoryName}), {abortSignal: signal});
		return {text: result.lifecyclePolicyText ?? '', ...(result.lastEvaluatedAt ? {lastEvaluatedAt: result.lastEvaluatedAt.getTime()} : {})};
	} catch (error) {
		if ((error as Error).name === 'LifecyclePolicyNotFoundException') return undefined;
		throw error;
	}
}

/** `aws ecr get-repository-policy`; `undefined` when there is none. */
export async function getRepositoryPolicy(clients: AwsClients, repositoryName: string, signal?: AbortSignal): Promise<string | undefined> {
	const {GetRepositoryPolicyCommand} = await sdk();
	const client = await clients.ecr();
	try {
		const result = await client.send(new GetRepositoryPolicyCommand({repositoryName}), {abortSignal: signal});
		return result.policyText;
	} catch (error) {
		if ((error as Error).name === 'RepositoryPolicyNotFoundException') return undefined;
		throw error;
	}
}

export type Finding = {name: string; severity: string; description: string; uri?: string; packageName?: string};

/** `aws ecr describe-image-scan-findings` (first page of up to 1000, most severe first). */
export async function getScanFindings(clients: AwsClients, repositoryName: string, digest: string, signal?: AbortSignal): Promise<{status: string; findings: Finding[]} | undefined> {
	const {DescribeImageScanFindingsCommand} = await sdk();
	const client = await clients.ecr();
	try {
		const result = await client.send(new DescribeImageScanFindingsCommand({repositoryName, imageId: {imageDigest: digest}, maxResults: 1000}), {abortSignal: signal});
		const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];
		const findings = (result.imageScanFindings?.findings ?? []).map(finding => ({
			name: finding.name ?? '',
			severity: finding.severity ?? 'UNDEFINED',
			description: finding.description ?? '',
			...(finding.uri ? {uri: finding.uri} : {}),
			...(finding.attributes?.find(attribute => attribute.key === 'package_name')?.value ? {packageName: finding.attributes.find(attribute => attribute.key === 'package_name')!.value!} : {}),
		}));
		findings.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
		return {status: result.imageScanStatus?.status ?? 'UNKNOWN', findings};
	} catch (error) {
		if ((error as Error).name === 'ScanNotFoundException') return undefined;
		throw error;
	}
}
