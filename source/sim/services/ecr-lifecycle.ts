import {SimError, checkRange} from '../errors.js';
import type {Handler} from '../service.js';
import type {SimImage, SimRepository} from '../world/ecr.js';
import type {World} from '../world/world.js';
import {requireRepository} from './ecr-repositories.js';
import {seconds} from './ecr-shapes.js';
import {page} from '../paging.js';
import {awsError, evaluateLifecycle, toPreview, validatePolicyText, type LifecycleImage} from '../../domain/lifecycle/index.js';

/**
 * Lifecycle policy operations. Put validates like AWS (InvalidParameterException with AWS's
 * envelope) using the same engine as the app — so these round trips do not prove the engine
 * right; its golden tests do. Previews run IN_PROGRESS for a few simulated seconds, then
 * COMPLETE with paged results. Policies are applied once per simulated day (the demo shows a
 * policy take effect), as AWS acts "within 24 hours".
 */
const PREVIEW_MS = 8_000;

function lifecyclePolicyNotFound(repository: SimRepository): SimError {
	return new SimError('LifecyclePolicyNotFoundException', `Lifecycle policy does not exist for the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`);
}
const DAY = 86_400_000;

function engineImages(repository: SimRepository): LifecycleImage[] {
	return [...repository.images.values()].map(image => ({
		digest: image.digest,
		tags: image.tags,
		sizeInBytes: image.sizeInBytes,
		pushedAt: image.pushedAt,
		status: image.status,
		...(image.lastRecordedPullTime === undefined ? {} : {lastRecordedPullTime: image.lastRecordedPullTime}),
		...(image.lastArchivedAt === undefined ? {} : {lastArchivedAt: image.lastArchivedAt}),
		...(image.lastActivatedAt === undefined ? {} : {lastActivatedAt: image.lastActivatedAt}),
		...(image.childDigests ? {childDigests: image.childDigests} : {}),
		...(image.subjectDigest ? {subjectDigest: image.subjectDigest} : {}),
	}));
}

function checkText(text: unknown): string {
	if (typeof text !== 'string') throw new SimError('InvalidParameterException', "Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'Member must not be null'");
	const result = validatePolicyText(text);
	const error = awsError(result.problems);
	if (error) throw new SimError(error.code, error.message);
	return text;
}

function evaluate(repository: SimRepository, text: string, now: number) {
	const result = validatePolicyText(text);
	if (!result.policy) return undefined;
	return evaluateLifecycle({policy: result.policy, images: engineImages(repository), now});
}

export const lifecycleHandlers: Record<string, Handler> = {
	GetLifecyclePolicy(input, context) {
		const repository = requireRepository(input, context);
		if (!repository.lifecycle) {
			throw lifecyclePolicyNotFound(repository);
		}
		return {
			registryId: repository.registryId,
			repositoryName: repository.name,
			lifecyclePolicyText: repository.lifecycle.text,
			...(repository.lifecycle.lastEvaluatedAt === undefined ? {} : {lastEvaluatedAt: seconds(repository.lifecycle.lastEvaluatedAt)}),
		};
	},

	PutLifecyclePolicy(input, context) {
		const repository = requireRepository(input, context);
		const text = checkText(input.lifecyclePolicyText);
		// AWS acts within 24 hours; the simulator runs a new policy two simulated minutes after it
		// is put, so the demo shows it take effect, then daily.
		repository.lifecycle = {text, lastEvaluatedAt: context.now - DAY + 2 * 60_000};
		return {registryId: repository.registryId, repositoryName: repository.name, lifecyclePolicyText: text};
	},

	DeleteLifecyclePolicy(input, context) {
		const repository = requireRepository(input, context);
		if (!repository.lifecycle) {
			throw lifecyclePolicyNotFound(repository);
		}
		const previous = repository.lifecycle;
		delete repository.lifecycle;
		return {
			registryId: repository.registryId,
			repositoryName: repository.name,
			lifecyclePolicyText: previous.text,
			...(previous.lastEvaluatedAt === undefined ? {} : {lastEvaluatedAt: seconds(previous.lastEvaluatedAt)}),
		};
	},

	StartLifecyclePolicyPreview(input, context) {
		const repository = requireRepository(input, context);
		if (repository.preview?.status === 'IN_PROGRESS' && context.now - repository.preview.startedAt < PREVIEW_MS) {
			throw new SimError('LifecyclePolicyPreviewInProgressException', 'The previous lifecycle policy preview request has not completed. Wait and try again.');
		}
		const text = input.lifecyclePolicyText === undefined ? repository.lifecycle?.text : checkText(input.lifecyclePolicyText);
		if (text === undefined) {
			throw lifecyclePolicyNotFound(repository);
		}
		repository.preview = {policyText: text, startedAt: context.now, status: 'IN_PROGRESS'};
		return {registryId: repository.registryId, repositoryName: repository.name, lifecyclePolicyText: text, status: 'IN_PROGRESS'};
	},

	GetLifecyclePolicyPreview(input, context) {
		checkRange('maxResults', input.maxResults, 1, 100);
		const repository = requireRepository(input, context);
		const preview = repository.preview;
		if (!preview) {
			throw new SimError('LifecyclePolicyPreviewNotFoundException', `There is no dry run for this repository.`);
		}
		if (preview.status === 'IN_PROGRESS' && context.now - preview.startedAt >= PREVIEW_MS) {
			const result = evaluate(repository, preview.policyText, preview.startedAt);
			if (!result) preview.status = 'FAILED';
			else {
				const shaped = toPreview(result);
				preview.results = [...shaped.previewResults];
				preview.summary = shaped.summary;
				preview.status = 'COMPLETE';
			}
		}
		const base = {registryId: repository.registryId, repositoryName: repository.name, lifecyclePolicyText: preview.policyText, status: preview.status};
		if (preview.status !== 'COMPLETE') return base;
		const result = page(`LifecyclePreview/${repository.name}/${preview.startedAt}`, preview.results ?? [], input.nextToken, (input.maxResults as number | undefined) ?? 100);
		return {...base, previewResults: result.items, nextToken: result.nextToken, summary: preview.summary};
	},
};

/**
 * Applies each repository's lifecycle policy once per simulated day: expires or archives what
 * the policy selects, children of surviving indexes untouched, and records lastEvaluatedAt.
 */
export function applyLifecyclePolicies(world: World, now: number): void {
	for (const account of world.accounts.values()) {
		for (const region of account.regions.values()) {
			for (const repository of region.ecr.repositories.values()) {
				const lifecycle = repository.lifecycle;
				if (!lifecycle) continue;
				if (lifecycle.lastEvaluatedAt !== undefined && now - lifecycle.lastEvaluatedAt < DAY) continue;
				if (lifecycle.lastEvaluatedAt === undefined) {
					// First evaluation happens a day after the policy appears, not at start-up.
					lifecycle.lastEvaluatedAt = now;
					continue;
				}
				const result = evaluate(repository, lifecycle.text, now);
				lifecycle.lastEvaluatedAt = now;
				if (!result) continue;
				for (const action of result.actions) {
					const image: SimImage | undefined = repository.images.get(action.digest);
					if (!image) continue;
					if (action.action === 'expire') repository.images.delete(action.digest);
					else {
						image.status = 'ARCHIVED';
						image.lastArchivedAt = now;
					}
				}
			}
		}
	}
}
