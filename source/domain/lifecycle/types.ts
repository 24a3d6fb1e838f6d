// Shared types of the ECR lifecycle-policy engine. Field names follow the policy JSON
// (lower-case enums, as AWS requires in the policy text) and DescribeImages (imageStatus
// upper-case), so values can be passed through without renaming.
// Source: docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html [DOC],
// ECR service model (botocore service-2.json) [MODEL]; see aws-semantics.md §A.1.

/** `selection.tagStatus` values, exactly as written in the policy JSON [DOC]. */
export type TagStatus = 'tagged' | 'untagged' | 'any';

/** `selection.countType` values, including the Nov-2025 archive additions [DOC]. */
export type CountType = 'imageCountMoreThan' | 'sinceImagePushed' | 'sinceImagePulled' | 'sinceImageTransitioned';

/** Storage classes as written in the policy JSON (`selection.storageClass`, `action.targetStorageClass`) [DOC]. */
export type PolicyStorageClass = 'standard' | 'archive';

/** `action.type` values [DOC]. */
export type ActionType = 'expire' | 'transition';

/** The selection part of a rule [DOC lifecycle_policy_parameters]. */
export interface LifecycleSelection {
	/** Which images the rule looks at by tag state. */
	readonly tagStatus: TagStatus;
	/** Wildcard patterns (`*` only), AND-combined; only with `tagged`. */
	readonly tagPatternList?: readonly string[];
	/** Plain prefixes, AND-combined; only with `tagged`. */
	readonly tagPrefixList?: readonly string[];
	/** Storage class the rule looks at. @default 'standard' */
	readonly storageClass?: PolicyStorageClass;
	/** How `countNumber` is interpreted. */
	readonly countType: CountType;
	/** Only `days`; required with the `since*` count types, forbidden otherwise. */
	readonly countUnit?: 'days';
	/** Positive integer: images to keep, or an age in days. */
	readonly countNumber: number;
}

/** The action part of a rule [DOC]. */
export interface LifecycleAction {
	/** `expire` deletes; `transition` moves the image to the archive storage class. */
	readonly type: ActionType;
	/** Required (and only allowed) with `transition`; `archive` is the only value. */
	readonly targetStorageClass?: 'archive';
}

/** One rule of a lifecycle policy [DOC]. */
export interface LifecycleRule {
	/** Unique positive integer; lower numbers are applied first; gaps allowed. */
	readonly rulePriority: number;
	/** Free text shown next to the rule. */
	readonly description?: string;
	/** Which images the rule considers. */
	readonly selection: LifecycleSelection;
	/** What happens to the images the rule selects. */
	readonly action: LifecycleAction;
}

/** A whole lifecycle policy document [DOC]. */
export interface LifecyclePolicy {
	/** 1 to 50 rules [DOC service-quotas]. */
	readonly rules: readonly LifecycleRule[];
}

/** `imageStatus` as DescribeImages reports it; a missing status means ACTIVE [MODEL]. */
export type ImageStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';

/**
 * One image (one manifest digest) as the engine sees it. Times are epoch milliseconds.
 * Map SDK/CLI output to this shape with `parseDescribeImages` or in `data/`.
 */
export interface LifecycleImage {
	/** `imageDigest`, e.g. `sha256:...`. */
	readonly digest: string;
	/** `imageTags`; empty for an untagged image. */
	readonly tags: readonly string[];
	/** `imageSizeInBytes` (for an index AWS reports the largest child, not a sum [MODEL]). */
	readonly sizeInBytes: number;
	/** `imagePushedAt`, epoch ms. */
	readonly pushedAt: number;
	/** `lastRecordedPullTime`, epoch ms; absent when never pulled. */
	readonly lastRecordedPullTime?: number;
	/** `lastArchivedAt`, epoch ms; set on archived images. */
	readonly lastArchivedAt?: number;
	/** `lastActivatedAt`, epoch ms; set when the image was restored from archive. */
	readonly lastActivatedAt?: number;
	/** `imageStatus`. */
	readonly status: ImageStatus;
	/** Digests of the manifests this image (an index / manifest list) references. */
	readonly childDigests?: readonly string[];
	/** `subjectManifestDigest`: set on a referrer artifact (signature, SBOM, attestation). */
	readonly subjectDigest?: string;
}
