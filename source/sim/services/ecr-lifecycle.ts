import {SimError} from '../errors.js';
import type {Handler} from '../service.js';
import {requireRepository} from './ecr-repositories.js';

/**
 * Lifecycle policy operations. Get is implemented here; Put/Delete/preview are added with
 * the lifecycle engine (they validate and evaluate with it, as AWS does server-side).
 */
export const lifecycleHandlers: Record<string, Handler> = {
	GetLifecyclePolicy(input, context) {
		const repository = requireRepository(input, context);
		if (!repository.lifecycle) {
			throw new SimError('LifecyclePolicyNotFoundException', `Lifecycle policy does not exist for the repository with name '${repository.name}' in the registry with id '${repository.registryId}'`);
		}
		return {
			registryId: repository.registryId,
			repositoryName: repository.name,
			lifecyclePolicyText: repository.lifecycle.text,
			...(repository.lifecycle.lastEvaluatedAt === undefined ? {} : {lastEvaluatedAt: repository.lifecycle.lastEvaluatedAt / 1000}),
		};
	},
};
