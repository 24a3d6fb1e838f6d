import {SimError} from '../errors.js';
import type {CallContext} from '../service.js';
import type {SimRepository} from '../world/ecr.js';

/** The registry a call addresses: its registryId, or the caller's own account. */
export function registryOf(input: Record<string, unknown>, context: CallContext): string {
	const registryId = input.registryId;
	if (registryId === undefined) return context.accountId;
	if (typeof registryId !== 'string' || !/^[0-9]{12}$/.test(registryId)) {
		throw new SimError('InvalidParameterException', `Invalid parameter at 'registryId' failed to satisfy constraint: 'must satisfy regular expression pattern: [0-9]{12}'`);
	}
	return registryId;
}

/** The repositories of the registry the call addresses. */
export function repositoriesOf(input: Record<string, unknown>, context: CallContext): Map<string, SimRepository> {
	return context.world.region(registryOf(input, context), context.region).ecr.repositories;
}

/** Looks a repository up by name, failing with AWS's RepositoryNotFoundException text. */
export function requireRepository(input: Record<string, unknown>, context: CallContext): SimRepository {
	const name = input.repositoryName;
	if (typeof name !== 'string' || name.length < 2) {
		throw new SimError('InvalidParameterException', "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression pattern'");
	}
	const repository = repositoriesOf(input, context).get(name);
	if (!repository) {
		throw new SimError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryOf(input, context)}'`);
	}
	return repository;
}

