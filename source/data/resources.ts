import type {Descriptor} from './store.js';
import type {Session} from './session.js';
import type {ImageRecord, IndexManifest, RepositoryRecord} from '../domain/registry/types.js';
import {readableIndexDigests} from '../domain/registry/types.js';
import {findImage, getLifecyclePolicy, getScanFindings, listImages, listRepositories, readIndexManifests, type Finding} from './ecr.js';
import {regionalSession} from './session.js';
import {toProblem, type Problem} from './problems.js';

/**
 * Descriptors of cached AWS resources. Keys start with `<account>/<region>/` so a mutation
 * can invalidate everything it touched by prefix, and two regions never share an entry.
 */

type Scoped = Pick<Session, 'scope' | 'clients'>;

const MINUTE = 60_000;

export function repositoriesKey(session: Pick<Session, 'scope'>): string {
	return `${session.scope}/ecr.describeRepositories`;
}

export function repositoriesResource(session: Scoped): Descriptor<RepositoryRecord[]> {
	return {
		key: repositoriesKey(session),
		ttlMs: 5 * MINUTE,
		what: 'Listing ECR repositories (ecr:DescribeRepositories)',
		load: ({signal}) => listRepositories(session.clients, signal),
	};
}

/** Prefix of everything cached about one repository (invalidated after deletes). */
export function repositoryPrefix(session: Pick<Session, 'scope'>, repository: string): string {
	return `${session.scope}/ecr/${repository}/`;
}

/** After a change to a repository: what AWS now says is read again, for it and for the list. */
export async function invalidateRepository(session: Pick<Session, 'scope' | 'store'>, repository: string): Promise<void> {
	await session.store.invalidate(repositoryPrefix(session, repository));
	await session.store.invalidate(repositoriesKey(session));
}

export function imagesKey(session: Pick<Session, 'scope'>, repository: string): string {
	return `${repositoryPrefix(session, repository)}describeImages`;
}

export function imagesResource(session: Scoped, repository: string): Descriptor<ImageRecord[]> {
	return {
		key: imagesKey(session, repository),
		ttlMs: 2 * MINUTE,
		what: `Listing images of ${repository} (ecr:DescribeImages)`,
		load: ({signal, partial, progress}) => {
			// Big repositories appear after the first page and then every few seconds, instead of
			// after 100 calls; publishing every page would rebuild the table 100 times (and every
			// rebuild of 100,000 rows is garbage the process must hold until it is collected).
			let published = 0;
			return listImages(session.clients, repository, {
				signal,
				onPage: soFar => {
					progress(soFar.length);
					const now = Date.now();
					if (published === 0 || now - published >= 3000) {
						published = now;
						partial([...soFar]);
					}
				},
			});
		},
	};
}

export type LifecyclePolicyRecord = {text: string; lastEvaluatedAt?: number} | null;

export function lifecyclePolicyResource(session: Scoped, repository: string): Descriptor<LifecyclePolicyRecord> {
	return {
		key: `${repositoryPrefix(session, repository)}getLifecyclePolicy`,
		ttlMs: 5 * MINUTE,
		what: `Reading the lifecycle policy of ${repository} (ecr:GetLifecyclePolicy)`,
		load: async ({signal}) => (await getLifecyclePolicy(session.clients, repository, signal)) ?? null,
	};
}

/** Index manifests of a repository's multi-arch images, read once per image list. */
export function indexManifestsResource(session: Scoped, repository: string, images: readonly ImageRecord[]): Descriptor<IndexManifest[]> {
	const digests = readableIndexDigests(images);
	return {
		key: `${repositoryPrefix(session, repository)}batchGetImage/indexes/${digests.length}:${digests[0] ?? ''}:${digests[digests.length - 1] ?? ''}`,
		ttlMs: 30 * MINUTE,
		what: `Reading multi-arch manifests of ${repository} (ecr:BatchGetImage)`,
		load: ({signal}) => (digests.length === 0 ? Promise.resolve([]) : readIndexManifests(session.clients, repository, digests, signal)),
	};
}

export function scanFindingsResource(session: Scoped, repository: string, digest: string): Descriptor<{status: string; findings: Finding[]} | null> {
	return {
		key: `${repositoryPrefix(session, repository)}scanFindings/${digest}`,
		ttlMs: 10 * MINUTE,
		what: `Reading scan findings (ecr:DescribeImageScanFindings)`,
		load: async ({signal}) => (await getScanFindings(session.clients, repository, digest, signal)) ?? null,
	};
}

export type MultiRegionRepositories = {repositories: RepositoryRecord[]; failures: {region: string; problem: Problem}[]};

/**
 * Repositories of several regions side by side (one DescribeRepositories listing per region,
 * in parallel). A region that fails (not enabled, denied) is reported, not fatal.
 */
export function multiRegionRepositoriesResource(session: Session, regions: readonly string[]): Descriptor<MultiRegionRepositories> {
	return {
		key: `${session.accountId}/*/ecr.describeRepositories/${regions.join(',')}`,
		ttlMs: 5 * MINUTE,
		what: `Listing ECR repositories in ${regions.join(', ')}`,
		load: async ({signal}) => {
			const results = await Promise.all(
				regions.map(async region => {
					try {
						return {region, repositories: await listRepositories(regionalSession(session, region).clients, signal)};
					} catch (error) {
						return {region, problem: toProblem(error, {what: `Listing ECR repositories in ${region}`})};
					}
				}),
			);
			return {
				repositories: results.flatMap(result => result.repositories ?? []),
				failures: results.flatMap(result => (result.problem ? [{region: result.region, problem: result.problem}] : [])),
			};
		},
	};
}

/** Other regions whose same-named repository holds this digest (replication), e.g. for "also present in". */
export function presenceResource(session: Session, repository: string, digest: string, regions: readonly string[]): Descriptor<{present: string[]; checked: string[]}> {
	const others = regions.filter(region => region !== session.region);
	return {
		key: `${session.scope}/ecr/${repository}/presence/${digest}/${others.join(',')}`,
		ttlMs: 10 * MINUTE,
		what: `Looking for ${digest.slice(0, 19)} in ${others.join(', ')}`,
		load: async ({signal}) => {
			const present: string[] = [];
			await Promise.all(
				others.map(async region => {
					try {
						if (await findImage(regionalSession(session, region).clients, repository, {digest}, {...(signal ? {signal} : {})})) present.push(region);
					} catch (error) {
						// No such repository there: simply not replicated to that region.
						if ((error as Error).name !== 'RepositoryNotFoundException') throw error;
					}
				}),
			);
			return {present: present.sort(), checked: others};
		},
	};
}
