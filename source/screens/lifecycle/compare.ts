// "Compare with AWS": our local evaluation against AWS's own GetLifecyclePolicyPreview
// results, image by image. Pure.

import type {EvaluationResult} from '../../domain/lifecycle/index.js';
import {actionOf} from './preview-model.js';

/** One image's action as AWS's preview reports it (see data/lifecycle.ts `AwsPreview`). */
export interface AwsPreviewResult {
	readonly digest: string;
	readonly tags: readonly string[];
	readonly action: 'EXPIRE' | 'TRANSITION';
	readonly rulePriority: number;
}

/** What one side does with an image: `expire #2`, `archive #1`. */
export interface SideOutcome {
	readonly action: 'expire' | 'archive';
	readonly rulePriority: number;
}

/** An image the two sides disagree on. */
export interface Disagreement {
	readonly digest: string;
	readonly tags: readonly string[];
	readonly kind: 'only-aws' | 'only-local' | 'different';
	readonly aws?: SideOutcome;
	readonly local?: SideOutcome;
}

/** Result of `compareWithAws`. */
export interface Comparison {
	/** Images both act on the same way. */
	readonly agreed: number;
	readonly disagreements: readonly Disagreement[];
	readonly awsCount: number;
	readonly localCount: number;
}

/** Compares our evaluation with AWS's preview results, by digest. */
export function compareWithAws(local: EvaluationResult, aws: readonly AwsPreviewResult[]): Comparison {
	const mine = new Map(local.actions.map(outcome => [outcome.digest, outcome]));
	const disagreements: Disagreement[] = [];
	let agreed = 0;
	const seen = new Set<string>();
	for (const result of aws) {
		seen.add(result.digest);
		const theirs: SideOutcome = {action: result.action === 'TRANSITION' ? 'archive' : 'expire', rulePriority: result.rulePriority};
		const ours = mine.get(result.digest);
		if (!ours) {
			disagreements.push({digest: result.digest, tags: result.tags, kind: 'only-aws', aws: theirs});
			continue;
		}
		const side: SideOutcome = {action: actionOf(ours), rulePriority: ours.rulePriority};
		if (side.action === theirs.action && side.rulePriority === theirs.rulePriority) agreed++;
		else disagreements.push({digest: result.digest, tags: ours.tags, kind: 'different', aws: theirs, local: side});
	}
	for (const outcome of local.actions) {
		if (seen.has(outcome.digest)) continue;
		disagreements.push({digest: outcome.digest, tags: outcome.tags, kind: 'only-local', local: {action: actionOf(outcome), rulePriority: outcome.rulePriority}});
	}
	return {agreed, disagreements, awsCount: aws.length, localCount: local.actions.length};
}
