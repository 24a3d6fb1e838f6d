// The local dry-run of an ECR lifecycle policy: which images AWS will expire or archive,
// by which rule and why. Algorithm [DOC LifecyclePolicies "Lifecycle policy evaluation
// rules"; aws-semantics.md §A.3]:
// - every rule computes its candidates independently (claimed images stay visible and keep
//   occupying count slots: "identify them as if they haven't been expired");
// - rules are applied lowest rulePriority first; an image is acted on by at most one rule;
// - an image whose TAGS matched a higher-priority rule is never acted on by a lower one,
//   even if that rule kept it (protection is by tag match, not by survival);
// - ordering is by push time, or lastActivatedAt for restored images; archive expiry uses
//   lastArchivedAt.
// Cost: one O(n log n) sort shared by all rules, then O(n) per rule.

import type {CompiledRule, SkippedRule} from './compile-rule.js';
import {compileRules} from './compile-rule.js';
import {archivedReason, countReason, DAY_MS, pulledReason, pushedReason} from './reasons.js';
import type {ImageStates} from './image-states.js';
import {prepareImages} from './image-states.js';
import {findFollowers, describeProtections} from './evaluate-extras.js';
import type {FollowerImage, ProtectedImage, ProtectionRecord} from './evaluate-extras.js';
import type {ActionType, LifecycleImage, LifecyclePolicy, PolicyStorageClass} from './types.js';

export type {FollowerImage, ProtectedImage} from './evaluate-extras.js';

/** Input of `evaluateLifecycle`: a validated policy, the repository's images, and the time to evaluate at (epoch ms). */
export interface EvaluateInput {
	readonly policy: LifecyclePolicy;
	readonly images: readonly LifecycleImage[];
	/** Evaluation time, epoch ms. The engine never reads the clock. */
	readonly now: number;
}

/** One image the policy acts on. */
export interface ImageOutcome {
	readonly digest: string;
	readonly tags: readonly string[];
	readonly sizeInBytes: number;
	/** `imagePushedAt`, epoch ms (not the restore time). */
	readonly pushedAt: number;
	/** Storage class the image is in now (before the action). */
	readonly storageClass: PolicyStorageClass;
	readonly action: ActionType;
	readonly rulePriority: number;
	readonly ruleDescription?: string;
	/** Why this rule selected it, e.g. `pushed 41 days ago > 30`. */
	readonly reason: string;
	/** Acted on only because of how a push-time tie was ordered (assumption `push-time-ties`). */
	readonly tieAtBoundary?: boolean;
}

/** Per-rule figures. */
export interface RuleSummary {
	readonly rulePriority: number;
	readonly description?: string;
	/** `tagged prod*`, `untagged`, ... */
	readonly label: string;
	/** Images the rule's selection matched (including protected ones). */
	readonly candidates: number;
	readonly expiring: number;
	readonly transitioning: number;
	readonly bytes: number;
}

/** Totals over the whole evaluation. */
export interface EvaluationTotals {
	readonly images: number;
	readonly expiring: number;
	readonly transitioning: number;
	/** Sum of `sizeInBytes` of expiring images. */
	readonly bytesFreed: number;
	/** Sum of `sizeInBytes` of images moving to archive. */
	readonly bytesTransitioned: number;
	readonly protected: number;
	readonly followers: number;
	readonly followerBytes: number;
}

/** Result of `evaluateLifecycle`. */
export interface EvaluationResult {
	/** Acted-on images, by rule priority, oldest first within a rule. */
	readonly actions: readonly ImageOutcome[];
	/** Images some rule would act on but may not, and why. */
	readonly protected: readonly ProtectedImage[];
	/** Referrers that AWS removes or archives with their subject (assumption `referrers`). */
	readonly followers: readonly FollowerImage[];
	readonly rules: readonly RuleSummary[];
	/** Rules that could not be interpreted (only for unvalidated policies). */
	readonly skippedRules: readonly SkippedRule[];
	readonly totals: EvaluationTotals;
	readonly now: number;
}

/** Evaluates a lifecycle policy against images at time `now`. Pure; never throws on a validated policy. */
export function evaluateLifecycle(input: EvaluateInput): EvaluationResult {
	const {images, now} = input;
	const {rules, skipped} = compileRules(input.policy);
	const state = prepareImages(images);
	const n = images.length;
	const claimedBy = new Int32Array(n).fill(-1);
	const actedBy = new Int32Array(n).fill(-1);
	const protections = new Map<number, ProtectionRecord>();
	const perRule: {acted: number[]; reasons: string[]; tie: boolean[]; candidates: number}[] = [];

	rules.forEach((rule, r) => {
		perRule.push(applyRule(rule, r, state, now, claimedBy, actedBy, protections));
	});

	const actions: ImageOutcome[] = [];
	const summaries: RuleSummary[] = [];
	let bytesFreed = 0;
	let bytesTransitioned = 0;
	let expiring = 0;
	rules.forEach((rule, r) => {
		const {acted, reasons, tie, candidates} = perRule[r] ?? {acted: [], reasons: [], tie: [], candidates: 0};
		let bytes = 0;
		// Collected newest first; report oldest first, as AWS acts on older images first.
		for (let k = acted.length - 1; k >= 0; k--) {
			const i = acted[k] as number;
			const image = images[i] as LifecycleImage;
			const size = Number.isFinite(image.sizeInBytes) ? image.sizeInBytes : 0;
			bytes += size;
			actions.push({
				digest: image.digest, tags: image.tags, sizeInBytes: size, pushedAt: image.pushedAt,
				storageClass: rule.storageClass === 1 ? 'archive' : 'standard', action: rule.action,
				rulePriority: rule.priority, ruleDescription: rule.description, reason: reasons[k] ?? '',
				...(tie[k] === true ? {tieAtBoundary: true} : {}),
			});
		}
		if (rule.action === 'expire') {
			bytesFreed += bytes;
			expiring += acted.length;
		} else bytesTransitioned += bytes;
		summaries.push({
			rulePriority: rule.priority, description: rule.description, label: rule.label, candidates,
			expiring: rule.action === 'expire' ? acted.length : 0, transitioning: rule.action === 'transition' ? acted.length : 0, bytes,
		});
	});

	const protectedImages = describeProtections(protections, state, images, rules, actedBy);
	const followers = findFollowers(images, actedBy, rules);
	return {
		actions, protected: protectedImages, followers, rules: summaries, skippedRules: skipped, now,
		totals: {
			images: n, expiring, transitioning: actions.length - expiring, bytesFreed, bytesTransitioned,
			protected: protectedImages.length, followers: followers.length,
			followerBytes: followers.reduce((sum, follower) => sum + follower.sizeInBytes, 0),
		},
	};
}

function applyRule(rule: CompiledRule, r: number, state: ImageStates, now: number, claimedBy: Int32Array, actedBy: Int32Array,
	protections: Map<number, ProtectionRecord>): {acted: number[]; reasons: string[]; tie: boolean[]; candidates: number} {
	const order = rule.storageClass === 1 ? state.archiveOrder : state.standardOrder;
	const {tags, reference, pull, archivedAt, restored, parentOf} = state;
	const {filter, countType, countNumber: limit} = rule;
	const limitMs = limit * DAY_MS;
	const acted: number[] = [];
	const reasons: string[] = [];
	const tie: boolean[] = [];
	let position = 0;
	let tieTime = Number.NaN;
	let previousTime = Number.NaN;
	for (let k = 0; k < order.length; k++) {
		const i = order[k] as number;
		const imageTags = tags[i] as readonly string[];
		if (filter.kind === 'untagged' ? imageTags.length !== 0 : filter.kind === 'tagged' && (imageTags.length === 0 || !filter.test(imageTags))) continue;
		position++;
		let reason: string | undefined;
		const time = reference[i] as number;
		switch (countType) {
			case 'imageCountMoreThan':
				if (position > limit) reason = countReason(position, limit, rule.label);
				// A tie straddling the keep boundary makes the split depend on tie order (assumption `push-time-ties`).
				if (position === limit + 1 && previousTime === time) tieTime = time;
				break;
			case 'sinceImagePushed':
				// Strict '>' on whole 24-hour multiples (assumption `day-arithmetic`).
				if (now - time > limitMs) reason = pushedReason(now - time, limit, restored[i] === 1);
				break;
			case 'sinceImagePulled': {
				const pulled = pull[i] as number;
				// Later of last pull and reference time (assumption `restored-reference-time`).
				const basisTime = pulled > time ? pulled : time;
				if (now - basisTime > limitMs) reason = pulledReason(now - basisTime, limit, pulled > time ? 'pull' : restored[i] === 1 ? 'restore' : 'push');
				break;
			}
			case 'sinceImageTransitioned': {
				const archived = archivedAt[i] as number;
				// No lastArchivedAt: time in archive unknown, never expired (assumption `archived-without-time`).
				if (!Number.isNaN(archived) && now - archived > limitMs) reason = archivedReason(now - archived, limit);
				break;
			}
		}
		if (reason !== undefined) {
			const claimer = claimedBy[i] as number;
			if (claimer !== -1) {
				if (actedBy[i] === -1 && !protections.has(i)) protections.set(i, {kind: 'claimed', wantedBy: r, claimedBy: claimer, reason});
			} else if (parentOf[i] !== undefined) {
				// Children of a present index are never acted on (assumption `index-children`).
				if (!protections.has(i)) protections.set(i, {kind: 'index-child', wantedBy: r, parent: parentOf[i] as number, reason});
			} else {
				actedBy[i] = r;
				acted.push(i);
				reasons.push(reason);
				tie.push(false);
			}
		}
		if (claimedBy[i] === -1) claimedBy[i] = r;
		previousTime = time;
	}
	if (!Number.isNaN(tieTime)) {
		for (let k = 0; k < acted.length; k++) if (reference[acted[k] as number] === tieTime) tie[k] = true;
	}
	return {acted, reasons, tie, candidates: position};
}

