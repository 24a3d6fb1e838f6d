import type {ImageRecord} from './types.js';

/** Per-repository figures for the repositories screen, from its image list. Pure. */
export type RepositoryStats = {
	imageCount: number;
	untaggedCount: number;
	archivedCount: number;
	/** Sum of image sizes (an over-estimate of billed storage: layers are shared). */
	totalBytes: number;
	untaggedBytes: number;
	lastPushedAt?: number;
	lastPulledAt?: number;
};

/**
 * Children of multi-arch indexes and referrer artifacts are untagged by nature; they are
 * counted as images (ECR counts them) but not as "untagged waste": they go with their parent.
 */
export function repositoryStats(images: readonly ImageRecord[], dependents: ReadonlySet<string> = new Set()): RepositoryStats {
	const stats: RepositoryStats = {imageCount: 0, untaggedCount: 0, archivedCount: 0, totalBytes: 0, untaggedBytes: 0};
	for (const image of images) {
		stats.imageCount++;
		stats.totalBytes += image.sizeInBytes;
		if (image.status === 'ARCHIVED') stats.archivedCount++;
		if (image.tags.length === 0 && !image.subjectDigest && !dependents.has(image.digest)) {
			stats.untaggedCount++;
			stats.untaggedBytes += image.sizeInBytes;
		}
		if (stats.lastPushedAt === undefined || image.pushedAt > stats.lastPushedAt) stats.lastPushedAt = image.pushedAt;
		if (image.lastPulledAt !== undefined && (stats.lastPulledAt === undefined || image.lastPulledAt > stats.lastPulledAt)) stats.lastPulledAt = image.lastPulledAt;
	}
	return stats;
}

/** Share of bytes in untagged images, 0..1. */
export function untaggedShare(stats: RepositoryStats): number {
	return stats.totalBytes === 0 ? 0 : stats.untaggedBytes / stats.totalBytes;
}

/** No lifecycle policy and at least this share of bytes untagged: flagged on the screen. */
export const FLAG_UNTAGGED_SHARE = 0.3;

export function isFlagged(stats: RepositoryStats, hasPolicy: boolean): boolean {
	return !hasPolicy && stats.imageCount >= 5 && untaggedShare(stats) >= FLAG_UNTAGGED_SHARE;
}

/**
 * Bytes pushed per calendar month (UTC) for the last `months` months, oldest first: the
 * storage view's bar chart.
 */
export function bytesPushedPerMonth(images: readonly ImageRecord[], now: number, months = 12): {month: string; bytes: number; count: number}[] {
	const end = new Date(now);
	const buckets: {month: string; bytes: number; count: number}[] = [];
	const index = new Map<string, number>();
	for (let back = months - 1; back >= 0; back--) {
		const date = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - back, 1));
		const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
		index.set(month, buckets.length);
		buckets.push({month, bytes: 0, count: 0});
	}
	for (const image of images) {
		const date = new Date(image.pushedAt);
		const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
		const slot = index.get(month);
		if (slot === undefined) continue;
		buckets[slot]!.bytes += image.sizeInBytes;
		buckets[slot]!.count++;
	}
	return buckets;
}

const bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A one-line sparkline of values (empty months show as the lowest bar). */
export function sparkline(values: readonly number[]): string {
	const max = Math.max(0, ...values);
	if (max === 0) return values.map(() => bars[0]).join('');
	return values.map(value => bars[Math.min(bars.length - 1, Math.floor((value / max) * (bars.length - 1)))]).join('');
}
