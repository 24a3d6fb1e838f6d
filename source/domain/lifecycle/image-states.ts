// Per-image facts the evaluator needs, computed once and shared by every rule: storage
// class, reference time, pull basis, index parents, and the push-time order.

import type {LifecycleImage} from './types.js';

/** Struct-of-arrays view of the images, indexed like the input array. */
export interface ImageStates {
	readonly tags: readonly (readonly string[])[];
	/** Ordering and age time: lastActivatedAt for a restored image, else pushedAt [DOC]. */
	readonly reference: Float64Array;
	/** lastRecordedPullTime, or -Infinity when never pulled. */
	readonly pull: Float64Array;
	/** lastArchivedAt, or NaN when unknown. */
	readonly archivedAt: Float64Array;
	/** 1 when the image was restored from archive (lastActivatedAt set). */
	readonly restored: Uint8Array;
	/** Index of a present image index that lists this image as a child. */
	readonly parentOf: readonly (number | undefined)[];
	/** Standard-class images, newest first. */
	readonly standardOrder: Int32Array;
	/** Archive-class images, newest first. */
	readonly archiveOrder: Int32Array;
	/** Images in ACTIVATING status (seen by no rule). */
	readonly activating: readonly number[];
}

function finite(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Computes the shared facts; O(n log n) for the one sort. */
export function prepareImages(images: readonly LifecycleImage[]): ImageStates {
	const n = images.length;
	const tags: (readonly string[])[] = new Array<readonly string[]>(n);
	const reference = new Float64Array(n);
	const pull = new Float64Array(n);
	const archivedAt = new Float64Array(n);
	const restored = new Uint8Array(n);
	const standard: number[] = [];
	const archive: number[] = [];
	const activating: number[] = [];
	const indexByDigest = new Map<string, number>();
	let maxTime = 0;
	for (let i = 0; i < n; i++) {
		const image = images[i] as LifecycleImage;
		const pushed = finite(image.pushedAt);
		if (pushed !== undefined && pushed > maxTime) maxTime = pushed;
	}
	for (let i = 0; i < n; i++) {
		const image = images[i] as LifecycleImage;
		tags[i] = Array.isArray(image.tags) ? image.tags : [];
		const activated = finite(image.lastActivatedAt);
		// A missing push time counts as the newest time seen, so it is never "old" (defensive; input validation rejects it).
		reference[i] = activated ?? finite(image.pushedAt) ?? maxTime;
		restored[i] = activated === undefined ? 0 : 1;
		pull[i] = finite(image.lastRecordedPullTime) ?? Number.NEGATIVE_INFINITY;
		archivedAt[i] = finite(image.lastArchivedAt) ?? Number.NaN;
		if (typeof image.digest === 'string' && !indexByDigest.has(image.digest)) indexByDigest.set(image.digest, i);
		// Storage class from imageStatus; ACTIVATING is seen by no rule (assumption `activating-images`).
		if (image.status === 'ARCHIVED') archive.push(i);
		else if (image.status === 'ACTIVATING') activating.push(i);
		else standard.push(i);
	}
	const parentOf: (number | undefined)[] = new Array<number | undefined>(n);
	for (let i = 0; i < n; i++) {
		const children = (images[i] as LifecycleImage).childDigests;
		if (!Array.isArray(children)) continue;
		for (const child of children) {
			const c = indexByDigest.get(child);
			if (c !== undefined && c !== i && parentOf[c] === undefined) parentOf[c] = i;
		}
	}
	const digest = (i: number): string => String((images[i] as LifecycleImage).digest);
	// Newest first; equal times: larger digest first (assumption `push-time-ties`).
	const newestFirst = (a: number, b: number): number => {
		const d = (reference[b] as number) - (reference[a] as number);
		if (d !== 0) return d;
		const da = digest(a);
		const db = digest(b);
		return da < db ? 1 : da > db ? -1 : a - b;
	};
	return {
		tags, reference, pull, archivedAt, restored, parentOf, activating,
		standardOrder: Int32Array.from(standard.sort(newestFirst)),
		archiveOrder: Int32Array.from(archive.sort(newestFirst)),
	};
}
