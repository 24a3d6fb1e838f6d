/**
 * Plain records of ECR data, mapped from the SDK in `source/data/ecr.ts`, so domain logic
 * never sees SDK types. Times are epoch milliseconds.
 */
import type {ImageStatus} from '../lifecycle/types.js';

export type RepositoryRecord = {
	name: string;
	arn: string;
	uri: string;
	registryId: string;
	region: string;
	createdAt: number;
	tagMutability: string;
	scanOnPush: boolean;
	encryptionType: string;
	kmsKey?: string;
};

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';

export type ScanSummary = {
	status: string;
	completedAt?: number;
	counts: Partial<Record<Severity, number>>;
};

/** The lifecycle engine's definition: the same DescribeImages field. */
export type {ImageStatus};

export type ImageRecord = {
	repositoryName: string;
	registryId: string;
	digest: string;
	tags: string[];
	sizeInBytes: number;
	pushedAt: number;
	lastPulledAt?: number;
	status: ImageStatus;
	lastArchivedAt?: number;
	lastActivatedAt?: number;
	manifestMediaType?: string;
	artifactMediaType?: string;
	/** Set on referrer artifacts (signatures, SBOMs, attestations): the image they describe. */
	subjectDigest?: string;
	scan?: ScanSummary;
};

/** A platform of a multi-arch image, from its index manifest. */
export type Platform = {os: string; architecture: string; variant?: string};

/** What an index manifest says about its children, read with BatchGetImage. */
export type IndexManifest = {
	digest: string;
	children: {digest: string; platform?: Platform; attestation: boolean}[];
};

/** Media types that make a manifest an index (multi-arch image). */
export const INDEX_MEDIA_TYPES: ReadonlySet<string> = new Set([
	'application/vnd.oci.image.index.v1+json',
	'application/vnd.docker.distribution.manifest.list.v2+json',
]);

export function isIndex(image: Pick<ImageRecord, 'manifestMediaType'>): boolean {
	return image.manifestMediaType !== undefined && INDEX_MEDIA_TYPES.has(image.manifestMediaType);
}

/** Digests of the index manifests worth reading: archived ones cannot be fetched until restored. */
export function readableIndexDigests(images: readonly ImageRecord[]): string[] {
	return images.filter(image => isIndex(image) && image.status !== 'ARCHIVED').map(image => image.digest);
}
