/** The simulated state of ECR in one account and region. Times are epoch ms. */

export type SimFinding = {
	name: string;
	severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';
	description: string;
	uri?: string;
	package?: string;
};

export type SimImage = {
	digest: string;
	tags: string[];
	/** For an index this is the largest child size, as DescribeImages reports it [MODEL]. */
	sizeInBytes: number;
	pushedAt: number;
	lastRecordedPullTime?: number;
	status: 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';
	lastArchivedAt?: number;
	lastActivatedAt?: number;
	/** While ACTIVATING: when the restore completes (AWS says within 20 minutes). */
	activeAt?: number;
	manifestMediaType: string;
	artifactMediaType?: string;
	/** Set on referrer artifacts (signatures, SBOMs): the digest of the image they describe. */
	subjectDigest?: string;
	/** The manifest JSON text, as BatchGetImage returns it. */
	manifest: string;
	/** Set on an index: the digests of its platform manifests. */
	childDigests?: string[];
	scan?: {status: string; completedAt?: number; findings: SimFinding[]};
	/** Layer digests and sizes, so storage can be estimated by unique layers. */
	layers?: {digest: string; size: number}[];
};

export type SimLifecyclePreview = {
	policyText: string;
	startedAt: number;
	/** Evaluated results, computed when the preview completes. */
	results?: unknown[];
	summary?: unknown;
	status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'EXPIRED';
};

export type SimRepository = {
	name: string;
	registryId: string;
	arn: string;
	uri: string;
	createdAt: number;
	imageTagMutability: 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION';
	scanOnPush: boolean;
	encryptionType: 'AES256' | 'KMS' | 'KMS_DSSE';
	kmsKey?: string;
	policyText?: string;
	lifecycle?: {text: string; lastEvaluatedAt?: number};
	preview?: SimLifecyclePreview;
	/** Insertion order is the listing order of DescribeImages / ListImages. */
	images: Map<string, SimImage>;
};

export type EcrState = {
	repositories: Map<string, SimRepository>;
};

export function emptyEcrState(): EcrState {
	return {repositories: new Map()};
}
