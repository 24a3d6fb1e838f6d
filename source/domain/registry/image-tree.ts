import {isIndex, type ImageRecord, type IndexManifest, type Platform} from './types.js';

/**
 * The images of a repository as a two-level tree for the images screen: multi-arch indexes
 * with their platform children, and images with their referrers (signatures, SBOMs,
 * attestations) grouped under them. Pure.
 */
export type ImageRowKind = 'image' | 'index' | 'child' | 'attestation' | 'referrer';

export type ImageRow = {
	image: ImageRecord;
	kind: ImageRowKind;
	/** 0 for top-level rows; 1 under an index or a subject. */
	depth: 0 | 1;
	/** The group head's digest (itself for top-level rows). */
	group: string;
	platform: Platform | undefined;
	/** For heads: how many rows are grouped under them. */
	dependents: number;
};

/**
 * Every row is built with the same properties in the same order, so V8 gives all 100,000 of
 * them one hidden class (conditional spreads gave each row its own: ~50 MB of maps).
 */
function makeRow(image: ImageRecord, kind: ImageRowKind, depth: 0 | 1, group: string, platform: Platform | undefined, dependents: number): ImageRow {
	return {image, kind, depth, group, platform, dependents};
}

export type ImageGraph = {
	/** child digest -> digests of the indexes present that reference it. */
	parentsOf: Map<string, string[]>;
	/** index digest -> children (as the manifest lists them). */
	childrenOf: Map<string, IndexManifest['children']>;
	/** subject digest -> referrer digests present. */
	referrersOf: Map<string, string[]>;
};

/** Who references whom, from index manifests and referrers' subject digests. */
export function imageGraph(images: readonly ImageRecord[], manifests: readonly IndexManifest[]): ImageGraph {
	const present = new Set(images.map(image => image.digest));
	const parentsOf = new Map<string, string[]>();
	const childrenOf = new Map<string, IndexManifest['children']>();
	for (const manifest of manifests) {
		if (!present.has(manifest.digest)) continue;
		childrenOf.set(manifest.digest, manifest.children);
		for (const child of manifest.children) appendTo(parentsOf, child.digest, manifest.digest);
	}
	const referrersOf = new Map<string, string[]>();
	for (const image of images) {
		if (image.subjectDigest && present.has(image.subjectDigest)) appendTo(referrersOf, image.subjectDigest, image.digest);
	}
	return {parentsOf, childrenOf, referrersOf};
}

// In place: a subject with thousands of signatures must not copy its list per referrer.
function appendTo(map: Map<string, string[]>, key: string, value: string): void {
	const list = map.get(key);
	if (list === undefined) map.set(key, [value]);
	else list.push(value);
}

/** Digests that belong to another image (index children, referrers of a present subject). */
export function dependentDigests(graph: ImageGraph): Set<string> {
	const out = new Set<string>(graph.parentsOf.keys());
	for (const list of graph.referrersOf.values()) for (const digest of list) out.add(digest);
	return out;
}

/**
 * Heads in the given order, each followed by its dependents (children in manifest order,
 * then referrers newest first). An image referenced by two indexes is listed under the first.
 */
export function buildImageRows(images: readonly ImageRecord[], graph: ImageGraph): ImageRow[] {
	const byDigest = new Map(images.map(image => [image.digest, image]));
	const placed = new Set<string>();
	const rows: ImageRow[] = [];
	for (const image of images) {
		if (graph.parentsOf.has(image.digest)) continue;
		if (image.subjectDigest && byDigest.has(image.subjectDigest)) continue;
		const dependents: ImageRow[] = [];
		for (const child of graph.childrenOf.get(image.digest) ?? []) {
			const record = byDigest.get(child.digest);
			if (!record || placed.has(child.digest)) continue;
			placed.add(child.digest);
			dependents.push(makeRow(record, child.attestation ? 'attestation' : 'child', 1, image.digest, child.platform, 0));
		}
		const referrers = (graph.referrersOf.get(image.digest) ?? []).map(digest => byDigest.get(digest)!).sort((a, b) => b.pushedAt - a.pushedAt);
		for (const referrer of referrers) dependents.push(makeRow(referrer, 'referrer', 1, image.digest, undefined, 0));
		// Referrers of dependents (a platform image's signature, an SBOM's signature) are not heads
		// either: group them under the same head, or they would have no row at all.
		for (let index = 0; index < dependents.length; index++) {
			for (const digest of graph.referrersOf.get(dependents[index]!.image.digest) ?? []) {
				if (placed.has(digest)) continue;
				placed.add(digest);
				dependents.push(makeRow(byDigest.get(digest)!, 'referrer', 1, image.digest, undefined, 0));
			}
		}
		rows.push(makeRow(image, isIndex(image) ? 'index' : 'image', 0, image.digest, undefined, dependents.length));
		for (const dependent of dependents) rows.push(dependent);
	}
	return rows;
}

/** A short word for the media type column. */
export function mediaKind(row: Pick<ImageRow, 'kind' | 'image'>): string {
	switch (row.kind) {
		case 'index':
			return 'index';
		case 'child':
			return 'platform';
		case 'attestation':
			return 'attest.';
		case 'referrer':
			return row.image.artifactMediaType?.includes('sig') ? 'signature' : row.image.artifactMediaType?.includes('spdx') || row.image.artifactMediaType?.includes('cyclonedx') ? 'sbom' : 'artifact';
		case 'image':
			return row.image.artifactMediaType ? 'artifact' : 'image';
	}
}
