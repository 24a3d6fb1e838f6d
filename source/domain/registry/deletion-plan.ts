import type {ImageRecord} from './types.js';
import type {ImageGraph} from './image-tree.js';
import type {Consumer, RepositoryUsage} from './usage.js';
import {monthlyStorageCost} from './cost.js';

/**
 * What a delete of the marked images will actually send, decided before anything is sent:
 * in-use images excluded unless the user includes them, children of an index that survives
 * never sent (AWS refuses them with ImageReferencedByManifestList), children and referrers of
 * deleted heads sent after them, and every exclusion explained. Pure.
 */
export type PlannedImage = {
	digest: string;
	tags: string[];
	sizeInBytes: number;
	reason: 'marked' | 'child-of-deleted-index' | 'referrer-of-deleted-image';
	/** For second-phase items: the head that must be deleted first. */
	parent?: string;
};

export type ExcludedImage = {digest: string; tags: string[]; reason: 'in-use' | 'child-of-surviving-index'; consumers?: Consumer[]; parents?: string[]};

export type DeletionPlan = {
	/** Sent first: the marked heads. */
	first: PlannedImage[];
	/** Sent after `first` succeeded: children of deleted indexes, referrers of deleted images. */
	second: PlannedImage[];
	excluded: ExcludedImage[];
	/** Marked images that are in use (shown in the dialog whether included or not). */
	inUse: {digest: string; tags: string[]; consumers: Consumer[]}[];
	count: number;
	bytes: number;
	monthlySaving: number;
};

export function planDeletion(input: {
	images: readonly ImageRecord[];
	graph: ImageGraph;
	marked: ReadonlySet<string>;
	usage?: RepositoryUsage;
	includeInUse: boolean;
	pricePerGbMonth: number;
}): DeletionPlan {
	const {images, graph, marked, usage, includeInUse, pricePerGbMonth} = input;
	// Nothing marked (every time a repository opens): no index of 100,000 images to build.
	if (marked.size === 0) return {first: [], second: [], excluded: [], inUse: [], count: 0, bytes: 0, monthlySaving: 0};
	const byDigest = new Map(images.map(image => [image.digest, image]));
	const consumersOf = (digest: string): Consumer[] => {
		const direct = usage?.byDigest.get(digest) ?? [];
		// A platform image is in use when its index is.
		const viaParent = (graph.parentsOf.get(digest) ?? []).flatMap(parent => usage?.byDigest.get(parent) ?? []);
		return [...direct, ...viaParent];
	};
	const inUse: DeletionPlan['inUse'] = [];
	const excluded: ExcludedImage[] = [];
	const deleting = new Set<string>();
	for (const digest of marked) {
		const image = byDigest.get(digest);
		if (!image) continue;
		const consumers = consumersOf(digest);
		if (consumers.length > 0) {
			inUse.push({digest, tags: image.tags, consumers});
			if (!includeInUse) {
				excluded.push({digest, tags: image.tags, reason: 'in-use', consumers});
				continue;
			}
		}
		deleting.add(digest);
	}
	// A marked child is deletable only if every index that references it goes too.
	for (const digest of [...deleting]) {
		const parents = graph.parentsOf.get(digest);
		if (parents && parents.some(parent => !deleting.has(parent))) {
			deleting.delete(digest);
			excluded.push({digest, tags: byDigest.get(digest)?.tags ?? [], reason: 'child-of-surviving-index', parents: parents.filter(parent => !deleting.has(parent))});
		}
	}
	const first: PlannedImage[] = [];
	const second: PlannedImage[] = [];
	const planned = new Set<string>();
	const plan = (list: PlannedImage[], image: ImageRecord, reason: PlannedImage['reason'], parent?: string) => {
		if (planned.has(image.digest)) return;
		planned.add(image.digest);
		list.push({digest: image.digest, tags: image.tags, sizeInBytes: image.sizeInBytes, reason, ...(parent ? {parent} : {})});
	};
	for (const digest of deleting) {
		if (graph.parentsOf.has(digest)) continue; // children go in the second phase
		plan(first, byDigest.get(digest)!, 'marked');
	}
	for (const digest of deleting) {
		for (const child of graph.childrenOf.get(digest) ?? []) {
			const record = byDigest.get(child.digest);
			const parents = graph.parentsOf.get(child.digest) ?? [];
			// Shared with an index that stays: leave it.
			if (!record || parents.some(parent => !deleting.has(parent))) continue;
			const direct = usage?.byDigest.get(child.digest) ?? [];
			if (direct.length > 0 && !includeInUse) {
				// Once, even when it was marked itself or several deleted indexes list it.
				if (!excluded.some(item => item.digest === child.digest)) excluded.push({digest: child.digest, tags: record.tags, reason: 'in-use', consumers: direct});
				continue;
			}
			plan(second, record, marked.has(child.digest) ? 'marked' : 'child-of-deleted-index', digest);
		}
		if (graph.parentsOf.has(digest)) plan(second, byDigest.get(digest)!, 'marked', graph.parentsOf.get(digest)![0]);
		for (const referrer of graph.referrersOf.get(digest) ?? []) {
			const record = byDigest.get(referrer);
			if (record) plan(second, record, 'referrer-of-deleted-image', digest);
		}
	}
	// Referrers of images sent second (a platform image's signature, an SBOM's signature) go too,
	// or they are left behind as orphans.
	for (let index = 0; index < second.length; index++) {
		const subject = second[index]!.digest;
		for (const referrer of graph.referrersOf.get(subject) ?? []) {
			const record = byDigest.get(referrer);
			if (record) plan(second, record, 'referrer-of-deleted-image', subject);
		}
	}
	const all = [...first, ...second];
	const bytes = all.reduce((sum, item) => sum + item.sizeInBytes, 0);
	return {first, second, excluded, inUse, count: all.length, bytes, monthlySaving: monthlyStorageCost(bytes, pricePerGbMonth)};
}
