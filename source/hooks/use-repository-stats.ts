import {useEffect, useMemo, useState} from 'react';
import {useServices} from '../app/context.js';
import {runPool} from '../data/pool.js';
import {imagesResource, indexManifestsResource, lifecyclePolicyResource, type LifecyclePolicyRecord} from '../data/resources.js';
import {dependentDigests, imageGraph} from '../domain/registry/image-tree.js';
import {isIndex, type IndexManifest} from '../domain/registry/types.js';
import type {Entry} from '../data/store.js';
import type {ImageRecord, RepositoryRecord} from '../domain/registry/types.js';
import {repositoryStats, type RepositoryStats} from '../domain/registry/stats.js';
import type {Problem} from '../data/problems.js';
import {regionalSession} from '../data/session.js';

/** Figures are keyed by `<region>/<name>` (the multi-region view lists several regions). */
export type RepositoryFigures = {
	stats?: RepositoryStats;
	/** undefined = not loaded yet; null = the repository has no policy. */
	policy?: LifecyclePolicyRecord;
	/** Why the images (and so every figure but the policy) could not be read. */
	problem?: Problem;
	/** Why the lifecycle policy could not be read (its own column; the rest still shows). */
	policyProblem?: Problem;
	loading: boolean;
};

const statsCache = new WeakMap<readonly ImageRecord[], {manifests: readonly IndexManifest[] | undefined; stats: RepositoryStats}>();

/**
 * Platform images of multi-arch indexes and signatures are untagged by nature: they go with
 * their parent, so they are not counted as untagged waste (they need the index manifests).
 */
function statsOf(images: readonly ImageRecord[], manifests: readonly IndexManifest[] | undefined): RepositoryStats {
	const cached = statsCache.get(images);
	if (cached && cached.manifests === manifests) return cached.stats;
	const stats = repositoryStats(images, dependentDigests(imageGraph(images, manifests ?? [])));
	statsCache.set(images, {manifests, stats});
	return stats;
}

/**
 * Loads each repository's images and lifecycle policy in the background (4 at a time) while
 * the table stays usable, and derives the figures as they arrive. Loads and reads both go
 * through the repository's own region (the all-regions view lists several). The image lists
 * land in the shared cache, so opening a repository afterwards costs no further calls.
 */
export function useRepositoryStats(repositories: readonly RepositoryRecord[] | undefined): {figures: Map<string, RepositoryFigures>; done: number; total: number} {
	const {session} = useServices();
	const {store} = session;
	const [version, setVersion] = useState(0);
	const [done, setDone] = useState(0);

	useEffect(() => {
		if (!repositories) return;
		const controller = new AbortController();
		setDone(0);
		let completed = 0;
		void runPool(
			repositories,
			4,
			async repository => {
				const scoped = regionalSession(session, repository.region);
				const images = await store.ensure(imagesResource(scoped, repository.name));
				if (controller.signal.aborted) return;
				if (images.data?.some(isIndex)) await store.ensure(indexManifestsResource(scoped, repository.name, images.data));
				await store.ensure(lifecyclePolicyResource(scoped, repository.name));
				completed++;
				if (!controller.signal.aborted) setDone(completed);
			},
			controller.signal,
		);
		// Coalesce store changes into at most five re-renders a second.
		let pending = false;
		const unsubscribe = store.subscribeAll(() => {
			if (pending) return;
			pending = true;
			setTimeout(() => {
				pending = false;
				if (!controller.signal.aborted) setVersion(value => value + 1);
			}, 200);
		});
		return () => {
			controller.abort();
			unsubscribe();
		};
	}, [repositories, store, session]);

	const figures = useMemo(() => {
		const map = new Map<string, RepositoryFigures>();
		for (const repository of repositories ?? []) {
			const scoped = regionalSession(session, repository.region);
			const images: Entry<ImageRecord[]> = store.snapshot(imagesResource(scoped, repository.name).key);
			const manifests = images.data?.some(isIndex) ? store.peek<IndexManifest[]>(indexManifestsResource(scoped, repository.name, images.data).key) : undefined;
			const policy: Entry<LifecyclePolicyRecord> = store.snapshot(lifecyclePolicyResource(scoped, repository.name).key);
			map.set(`${repository.region}/${repository.name}`, {
				...(images.data ? {stats: statsOf(images.data, manifests)} : {}),
				...(policy.status === 'ok' ? {policy: policy.data ?? null} : {}),
				...(images.problem ? {problem: images.problem} : {}),
				...(policy.problem ? {policyProblem: policy.problem} : {}),
				loading: images.status === 'loading' || images.refreshing || policy.status === 'loading',
			});
		}
		return map;
		// `version` is the store-change tick that makes this recompute.
	}, [repositories, store, session, version]);

	return {figures, done, total: repositories?.length ?? 0};
}
