import {SimError, checkListLength, checkRange} from '../errors.js';
import {page} from '../paging.js';
import type {ServiceDefinition} from '../service.js';
import type {SimImage, SimRepository} from '../world/ecr.js';
import {registryOf, repositoriesOf, requireRepository} from './ecr-repositories.js';
import {imageDetailShape, repositoryShape, seconds, severityCounts} from './ecr-shapes.js';
import {lifecycleHandlers} from './ecr-lifecycle.js';

/** ECR over AWS JSON 1.1 (`X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Op>`). */

type ImageId = {imageDigest?: string; imageTag?: string};

const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/** Restores complete after their delay; checked lazily when the repository is read. */
function settle(repository: SimRepository, now: number): SimRepository {
	for (const image of repository.images.values()) {
		if (image.status === 'ACTIVATING' && image.activeAt !== undefined && now >= image.activeAt) {
			image.status = 'ACTIVE';
			delete image.activeAt;
		}
	}
	return repository;
}

function findImage(repository: SimRepository, id: ImageId): SimImage | undefined {
	if (id.imageDigest) {
		const image = repository.images.get(id.imageDigest);
		if (image && id.imageTag && !image.tags.includes(id.imageTag)) return undefined;
		return image;
	}
	if (id.imageTag) {
		for (const image of repository.images.values()) if (image.tags.includes(id.imageTag)) return image;
	}
	return undefined;
}

function imageNotFound(repository: SimRepository, id: ImageId): SimError {
	return new SimError('ImageNotFoundException', `The image with imageId ${describeImageId(id)} does not exist within the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`);
}

function describeImageId(id: ImageId): string {
	return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

function matchesFilter(image: SimImage, filter: {tagStatus?: unknown; imageStatus?: unknown} | undefined): boolean {
	const tagStatus = filter?.tagStatus ?? 'ANY';
	if (tagStatus === 'TAGGED' && image.tags.length === 0) return false;
	if (tagStatus === 'UNTAGGED' && image.tags.length > 0) return false;
	const imageStatus = filter?.imageStatus ?? 'ACTIVE';
	return imageStatus === 'ANY' || image.status === imageStatus;
}

function checkFilter(filter: unknown): {tagStatus?: unknown; imageStatus?: unknown} | undefined {
	if (filter === undefined) return undefined;
	const value = filter as {tagStatus?: unknown; imageStatus?: unknown};
	if (value.tagStatus !== undefined && !['TAGGED', 'UNTAGGED', 'ANY'].includes(String(value.tagStatus))) {
		throw new SimError('InvalidParameterException', `Invalid parameter at 'filter.tagStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]'`);
	}
	if (value.imageStatus !== undefined && !['ACTIVE', 'ARCHIVED', 'ACTIVATING', 'ANY'].includes(String(value.imageStatus))) {
		throw new SimError('InvalidParameterException', `Invalid parameter at 'filter.imageStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [ACTIVE, ARCHIVED, ACTIVATING, ANY]'`);
	}
	return value;
}

function rejectPagingWithIds(input: Record<string, unknown>, idsField: string): void {
	if (input[idsField] !== undefined && (input.maxResults !== undefined || input.nextToken !== undefined)) {
		throw new SimError('InvalidParameterException', `Invalid parameter at '${idsField}' failed to satisfy constraint: 'maxResults and nextToken cannot be used with ${idsField}'`);
	}
}

/** Children of an index that is still present cannot be deleted [MODEL ImageReferencedByManifestList]. */
function parentIndexOf(repository: SimRepository, digest: string): SimImage | undefined {
	for (const image of repository.images.values()) if (image.childDigests?.includes(digest)) return image;
	return undefined;
}

export const ecrService: ServiceDefinition = {
	name: 'ecr',
	protocol: 'json',
	targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
	handlers: {
		DescribeRepositories(input, context) {
			checkRange('maxResults', input.maxResults, 1, 1000);
			checkListLength('repositoryNames', input.repositoryNames, 1, 100);
			rejectPagingWithIds(input, 'repositoryNames');
			const repositories = repositoriesOf(input, context);
			if (Array.isArray(input.repositoryNames)) {
				const found = (input.repositoryNames as string[]).map(name => {
					const repository = repositories.get(name);
					if (!repository) throw new SimError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryOf(input, context)}'`);
					return repositoryShape(repository);
				});
				return {repositories: found};
			}
			const result = page('DescribeRepositories', [...repositories.values()], input.nextToken, (input.maxResults as number | undefined) ?? 100);
			return {repositories: result.items.map(repositoryShape), nextToken: result.nextToken};
		},

		DescribeImages(input, context) {
			checkRange('maxResults', input.maxResults, 1, 1000);
			checkListLength('imageIds', input.imageIds, 1, 100);
			rejectPagingWithIds(input, 'imageIds');
			const filter = checkFilter(input.filter);
			const repository = settle(requireRepository(input, context), context.now);
			if (Array.isArray(input.imageIds)) {
				const details = (input.imageIds as ImageId[]).map(id => {
					const image = findImage(repository, id);
					if (!image) {
						throw imageNotFound(repository, id);
					}
					return imageDetailShape(repository, image);
				});
				return {imageDetails: details};
			}
			const images = [...repository.images.values()].filter(image => matchesFilter(image, filter));
			const result = page(`DescribeImages/${repository.name}`, images, input.nextToken, (input.maxResults as number | undefined) ?? 100);
			return {imageDetails: result.items.map(image => imageDetailShape(repository, image)), nextToken: result.nextToken};
		},

		ListImages(input, context) {
			checkRange('maxResults', input.maxResults, 1, 1000);
			const filter = checkFilter(input.filter);
			const repository = requireRepository(input, context);
			// One entry per tag; an untagged image appears once, without a tag [INF].
			const ids: ImageId[] = [];
			for (const image of repository.images.values()) {
				if (!matchesFilter(image, filter)) continue;
				if (image.tags.length === 0) ids.push({imageDigest: image.digest});
				else for (const tag of image.tags) ids.push({imageDigest: image.digest, imageTag: tag});
			}
			const result = page(`ListImages/${repository.name}`, ids, input.nextToken, (input.maxResults as number | undefined) ?? 100);
			return {imageIds: result.items, nextToken: result.nextToken};
		},

		BatchGetImage(input, context) {
			checkListLength('imageIds', input.imageIds, 1, 100);
			const repository = requireRepository(input, context);
			const images: unknown[] = [];
			const failures: unknown[] = [];
			for (const id of (input.imageIds as ImageId[]) ?? []) {
				const image = findImage(repository, id);
				if (!image || image.status === 'ARCHIVED') {
					failures.push({imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found'});
					continue;
				}
				images.push({
					registryId: repository.registryId,
					repositoryName: repository.name,
					imageId: {imageDigest: image.digest, ...(id.imageTag ? {imageTag: id.imageTag} : {})},
					imageManifest: image.manifest,
					imageManifestMediaType: image.manifestMediaType,
				});
			}
			return {images, failures};
		},

		BatchDeleteImage(input, context) {
			if (input.imageIds === undefined) throw new SimError('InvalidParameterException', "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must not be null'");
			checkListLength('imageIds', input.imageIds, 1, 100);
			const repository = requireRepository(input, context);
			const deleted: ImageId[] = [];
			const failures: unknown[] = [];
			for (const id of input.imageIds as ImageId[]) {
				const fail = (failureCode: string, failureReason: string) => failures.push({imageId: id, failureCode, failureReason});
				if (!id.imageDigest && !id.imageTag) {
					fail('MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null');
					continue;
				}
				if (id.imageDigest && !digestPattern.test(id.imageDigest)) {
					fail('InvalidImageDigest', 'Invalid request parameters: image digest should satisfy the regex \'[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+\'');
					continue;
				}
				const image = findImage(repository, id);
				if (!image) {
					if (id.imageDigest && id.imageTag && repository.images.has(id.imageDigest)) fail('ImageTagDoesNotMatchDigest', 'Invalid request parameters: given tag does not map to the given digest');
					else fail('ImageNotFound', 'Requested image not found');
					continue;
				}
				const parent = parentIndexOf(repository, image.digest);
				const deletesImage = Boolean(id.imageDigest) || image.tags.length <= 1;
				if (deletesImage && parent) {
					fail('ImageReferencedByManifestList', `Requested image referenced by manifest list: [${parent.digest}]`);
					continue;
				}
				if (deletesImage) {
					repository.images.delete(image.digest);
					deleted.push({imageDigest: image.digest, ...(id.imageTag ? {imageTag: id.imageTag} : {})});
					// Deleting by digest removes every tag; AWS lists each removed tag [OBS].
					if (!id.imageTag) for (const tag of image.tags) deleted.push({imageDigest: image.digest, imageTag: tag});
				} else {
					image.tags = image.tags.filter(tag => tag !== id.imageTag);
					deleted.push({imageDigest: image.digest, imageTag: id.imageTag});
				}
			}
			return {imageIds: deleted, failures};
		},

		DescribeImageScanFindings(input, context) {
			checkRange('maxResults', input.maxResults, 1, 1000);
			const repository = requireRepository(input, context);
			const id = (input.imageId ?? {}) as ImageId;
			const image = findImage(repository, id);
			if (!image) {
				throw imageNotFound(repository, id);
			}
			if (!image.scan) {
				throw new SimError('ScanNotFoundException', `Image scan does not exist for the image with '${describeImageId(id)}' in the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`);
			}
			const result = page(`Findings/${image.digest}`, image.scan.findings, input.nextToken, (input.maxResults as number | undefined) ?? 100);
			return {
				registryId: repository.registryId,
				repositoryName: repository.name,
				imageId: {imageDigest: image.digest, ...(image.tags[0] ? {imageTag: image.tags[0]} : {})},
				imageScanStatus: {status: image.scan.status, description: 'The scan was completed successfully.'},
				imageScanFindings: {
					imageScanCompletedAt: seconds(image.scan.completedAt),
					vulnerabilitySourceUpdatedAt: seconds(image.scan.completedAt),
					findingSeverityCounts: severityCounts(image),
					findings: result.items.map(finding => ({
						name: finding.name,
						description: finding.description,
						uri: finding.uri,
						severity: finding.severity,
						attributes: finding.package ? [{key: 'package_name', value: finding.package}] : [],
					})),
				},
				nextToken: result.nextToken,
			};
		},

		UpdateImageStorageClass(input, context) {
			const repository = settle(requireRepository(input, context), context.now);
			const id = (input.imageId ?? {}) as ImageId;
			const image = findImage(repository, id);
			if (!image) {
				throw imageNotFound(repository, id);
			}
			const target = input.targetStorageClass;
			if (target !== 'ARCHIVE' && target !== 'STANDARD') {
				throw new SimError('InvalidParameterException', "Invalid parameter at 'targetStorageClass' failed to satisfy constraint: 'Member must satisfy enum value set: [STANDARD, ARCHIVE]'");
			}
			if (target === 'ARCHIVE') {
				if (image.status === 'ARCHIVED') throw new SimError('InvalidParameterException', 'The image is already archived.');
				const parent = parentIndexOf(repository, image.digest);
				if (parent) throw new SimError('InvalidParameterException', `Requested image referenced by manifest list: [${parent.digest}]`);
				image.status = 'ARCHIVED';
				image.lastArchivedAt = context.now;
			} else {
				if (image.status !== 'ARCHIVED') throw new SimError('InvalidParameterException', 'The image is not archived.');
				image.status = 'ACTIVATING';
				image.lastActivatedAt = context.now;
				image.activeAt = context.now + 20 * 60_000;
			}
			return {registryId: repository.registryId, repositoryName: repository.name, imageId: {imageDigest: image.digest}, imageStatus: image.status};
		},

		GetRepositoryPolicy(input, context) {
			const repository = requireRepository(input, context);
			if (!repository.policyText) {
				throw new SimError('RepositoryPolicyNotFoundException', `Repository policy does not exist for the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`);
			}
			return {registryId: repository.registryId, repositoryName: repository.name, policyText: repository.policyText};
		},

		GetAuthorizationToken(_input, context) {
			return {
				authorizationData: [
					{
						authorizationToken: Buffer.from('AWS:simulated-password').toString('base64'),
						expiresAt: seconds(context.now + 12 * 3600_000),
						proxyEndpoint: `https://${context.accountId}.dkr.ecr.${context.region}.amazonaws.com`,
					},
				],
			};
		},

		...lifecycleHandlers,
	},
};
