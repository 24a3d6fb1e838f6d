// Evaluation results in the exact shape of ECR's GetLifecyclePolicyPreview response
// [MODEL ecr service-2.json: LifecyclePolicyPreviewResult, LifecyclePolicyPreviewSummary],
// plus our own bytesFreed, and a diff between two outcomes for the policy editor.
// Note the enum casing: upper-case here (EXPIRE, ARCHIVE), lower-case in the policy JSON.

import type {EvaluationResult, ImageOutcome} from './evaluate.js';

/** `action` of a preview result [MODEL LifecyclePolicyRuleAction]. */
export interface PreviewAction {
	readonly type: 'EXPIRE' | 'TRANSITION';
	readonly targetStorageClass?: 'ARCHIVE';
}

/** One `previewResults[]` entry; `T` is the type of `imagePushedAt`. */
export interface PreviewResult<T> {
	readonly imageTags: readonly string[];
	readonly imageDigest: string;
	readonly imagePushedAt: T;
	readonly action: PreviewAction;
	readonly appliedRulePriority: number;
	readonly storageClass: 'STANDARD' | 'ARCHIVE';
}

/** `summary` of the response [MODEL]. */
export interface PreviewSummary {
	readonly expiringImageTotalCount: number;
	readonly transitioningImageTotalCounts: readonly {readonly targetStorageClass: 'ARCHIVE'; readonly imageTotalCount: number}[];
}

/** Request context echoed in AWS's response, when known. */
export interface PreviewContext {
	readonly registryId?: string;
	readonly repositoryName?: string;
	readonly lifecyclePolicyText?: string;
}

/** A preview response body; `T` is the type of `imagePushedAt`. */
export interface PreviewBody<T> extends PreviewContext {
	readonly status: 'COMPLETE';
	readonly previewResults: readonly PreviewResult<T>[];
	readonly summary: PreviewSummary;
	/** Ours, not AWS's: bytes of the expiring images. */
	readonly bytesFreed: number;
}

/**
 * Converts an evaluation to GetLifecyclePolicyPreview's shape as AWS's JSON protocol sends it
 * (imagePushedAt in epoch seconds; one page holding every result, where AWS pages by 100).
 * Followers are not included (assumption `referrers`).
 */
export function toPreview(result: EvaluationResult, context: PreviewContext = {}): PreviewBody<number> {
	const transitioning = result.totals.transitioning;
	const summary: PreviewSummary = {
		expiringImageTotalCount: result.totals.expiring,
		transitioningImageTotalCounts: transitioning > 0 ? [{targetStorageClass: 'ARCHIVE', imageTotalCount: transitioning}] : [],
	};
	const entry = (outcome: ImageOutcome, pushedAt: number): PreviewResult<number> => ({
		imageTags: outcome.tags,
		imageDigest: outcome.digest,
		imagePushedAt: pushedAt,
		action: outcome.action === 'expire' ? {type: 'EXPIRE'} : {type: 'TRANSITION', targetStorageClass: 'ARCHIVE'},
		appliedRulePriority: outcome.rulePriority,
		storageClass: outcome.storageClass === 'archive' ? 'ARCHIVE' : 'STANDARD',
	});
	const echoed: PreviewContext = {
		...(context.registryId === undefined ? {} : {registryId: context.registryId}),
		...(context.repositoryName === undefined ? {} : {repositoryName: context.repositoryName}),
		...(context.lifecyclePolicyText === undefined ? {} : {lifecyclePolicyText: context.lifecyclePolicyText}),
	};
	return {
		...echoed,
		status: 'COMPLETE',
		summary,
		bytesFreed: result.totals.bytesFreed,
		// AWS's JSON 1.1 protocol sends timestamps as epoch seconds, fractional [MODEL protocol].
		previewResults: result.actions.map(outcome => entry(outcome, outcome.pushedAt / 1000)),
	};
}

/** How one image's fate differs between two evaluations. */
export interface OutcomeChange {
	readonly digest: string;
	readonly tags: readonly string[];
	readonly sizeInBytes: number;
	/** Before and after: undefined means "not acted on". */
	readonly before?: Pick<ImageOutcome, 'action' | 'rulePriority' | 'reason'>;
	readonly after?: Pick<ImageOutcome, 'action' | 'rulePriority' | 'reason'>;
}

/** Result of `diffOutcomes`. */
export interface OutcomeDiff {
	/** Acted on only after the edit. */
	readonly added: readonly OutcomeChange[];
	/** Acted on only before the edit. */
	readonly removed: readonly OutcomeChange[];
	/** Acted on in both, by a different action or rule. */
	readonly changed: readonly OutcomeChange[];
	/** Acted on in both, the same way. */
	readonly unchanged: number;
	/** bytesFreed after minus before. */
	readonly bytesFreedDelta: number;
	readonly expiringDelta: number;
	readonly transitioningDelta: number;
}

/** Compares the outcome of the current policy (`before`) with an edited one (`after`), by digest. */
export function diffOutcomes(before: EvaluationResult, after: EvaluationResult): OutcomeDiff {
	const pick = (outcome: ImageOutcome) => ({action: outcome.action, rulePriority: outcome.rulePriority, reason: outcome.reason});
	const old = new Map(before.actions.map(outcome => [outcome.digest, outcome]));
	const added: OutcomeChange[] = [];
	const changed: OutcomeChange[] = [];
	let unchanged = 0;
	const seen = new Set<string>();
	for (const outcome of after.actions) {
		seen.add(outcome.digest);
		const previous = old.get(outcome.digest);
		const base = {digest: outcome.digest, tags: outcome.tags, sizeInBytes: outcome.sizeInBytes};
		if (previous === undefined) added.push({...base, after: pick(outcome)});
		else if (previous.action !== outcome.action || previous.rulePriority !== outcome.rulePriority) changed.push({...base, before: pick(previous), after: pick(outcome)});
		else unchanged++;
	}
	const removed: OutcomeChange[] = before.actions
		.filter(outcome => !seen.has(outcome.digest))
		.map(outcome => ({digest: outcome.digest, tags: outcome.tags, sizeInBytes: outcome.sizeInBytes, before: pick(outcome)}));
	return {
		added, removed, changed, unchanged,
		bytesFreedDelta: after.totals.bytesFreed - before.totals.bytesFreed,
		expiringDelta: after.totals.expiring - before.totals.expiring,
		transitioningDelta: after.totals.transitioning - before.totals.transitioning,
	};
}
