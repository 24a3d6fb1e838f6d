import type {SimImage, SimRepository} from '../world/ecr.js';

/** JSON 1.1 carries timestamps as epoch seconds. */
export function seconds(ms: number | undefined): number | undefined {
	return ms === undefined ? undefined : ms / 1000;
}

/** The Repository structure of DescribeRepositories [MODEL]. */
export function repositoryShape(repository: SimRepository) {
	return {
		repositoryArn: repository.arn,
		registryId: repository.registryId,
		repositoryName: repository.name,
		repositoryUri: repository.uri,
		createdAt: seconds(repository.createdAt),
		imageTagMutability: repository.imageTagMutability,
		imageScanningConfiguration: {scanOnPush: repository.scanOnPush},
		encryptionConfiguration: {encryptionType: repository.encryptionType, ...(repository.kmsKey ? {kmsKey: repository.kmsKey} : {})},
	};
}

export function severityCounts(image: SimImage): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const finding of image.scan?.findings ?? []) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
	return counts;
}

/** The ImageDetail structure of DescribeImages [MODEL]; unset members are omitted, as AWS omits them. */
export function imageDetailShape(repository: SimRepository, image: SimImage) {
	return {
		registryId: repository.registryId,
		repositoryName: repository.name,
		imageDigest: image.digest,
		...(image.tags.length > 0 ? {imageTags: [...image.tags]} : {}),
		imageSizeInBytes: image.sizeInBytes,
		imagePushedAt: seconds(image.pushedAt),
		...(image.scan
			? {
				imageScanStatus: {status: image.scan.status, description: image.scan.status === 'COMPLETE' ? 'The scan was completed successfully.' : undefined},
				...(image.scan.status === 'COMPLETE'
					? {
						imageScanFindingsSummary: {
							imageScanCompletedAt: seconds(image.scan.completedAt),
							vulnerabilitySourceUpdatedAt: seconds(image.scan.completedAt),
							findingSeverityCounts: severityCounts(image),
						},
					}
					: {}),
			}
			: {}),
		imageManifestMediaType: image.manifestMediaType,
		...(image.artifactMediaType ? {artifactMediaType: image.artifactMediaType} : {}),
		...(image.lastRecordedPullTime === undefined ? {} : {lastRecordedPullTime: seconds(image.lastRecordedPullTime)}),
		...(image.subjectDigest ? {subjectManifestDigest: image.subjectDigest} : {}),
		imageStatus: image.status,
		...(image.lastArchivedAt === undefined ? {} : {lastArchivedAt: seconds(image.lastArchivedAt)}),
		...(image.lastActivatedAt === undefined ? {} : {lastActivatedAt: seconds(image.lastActivatedAt)}),
	};
}
