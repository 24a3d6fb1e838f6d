import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {FLAG_UNTAGGED_SHARE, bytesPushedPerMonth, isFlagged, repositoryStats, sparkline, untaggedShare, type RepositoryStats} from '../../../source/domain/registry/stats.js';
import {BYTES_PER_GB, monthlyStorageCost} from '../../../source/domain/registry/cost.js';
import type {ImageRecord} from '../../../source/domain/registry/types.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0); // 2026-11-29
const DAY = 86_400_000;

let counter = 0;
function image(tags: string[], sizeInBytes: number, overrides: Partial<ImageRecord> = {}): ImageRecord {
	counter++;
	return {repositoryName: 'web', registryId: '123456789012', digest: `sha256:${String(counter).padStart(64, '0')}`, tags, sizeInBytes, pushedAt: NOW - DAY, status: 'ACTIVE', ...overrides};
}

function stats(partial: Partial<RepositoryStats>): RepositoryStats {
	return {imageCount: 0, untaggedCount: 0, archivedCount: 0, totalBytes: 0, untaggedBytes: 0, ...partial};
}

describe('repositoryStats', () => {
	test('empty repository', () => {
		assert.deepEqual(repositoryStats([]), {imageCount: 0, untaggedCount: 0, archivedCount: 0, totalBytes: 0, untaggedBytes: 0});
	});

	test('counts, bytes, archived, latest push and pull', () => {
		const images = [
			image(['v1'], 100, {pushedAt: NOW - 10 * DAY, lastPulledAt: NOW - 2 * DAY}),
			image([], 200, {pushedAt: NOW - 5 * DAY}),
			image(['v0'], 300, {pushedAt: NOW - 90 * DAY, status: 'ARCHIVED', lastPulledAt: NOW - 60 * DAY}),
			image([], 400, {pushedAt: NOW - DAY, status: 'ARCHIVED'}),
		];
		assert.deepEqual(repositoryStats(images), {
			imageCount: 4,
			untaggedCount: 2,
			archivedCount: 2,
			totalBytes: 1000,
			untaggedBytes: 600,
			lastPushedAt: NOW - DAY,
			lastPulledAt: NOW - 2 * DAY,
		});
	});

	test('never pulled: no lastPulledAt', () => {
		const result = repositoryStats([image(['a'], 1)]);
		assert.equal(result.lastPulledAt, undefined);
		assert.equal('lastPulledAt' in result, false);
	});

	test('children and referrers passed as dependents are counted as images but not as untagged', () => {
		const child = image([], 500);
		const attestation = image([], 10);
		const orphan = image([], 300);
		const index = image(['v2'], 500, {manifestMediaType: 'application/vnd.oci.image.index.v1+json'});
		const result = repositoryStats([index, child, attestation, orphan], new Set([child.digest, attestation.digest]));
		assert.equal(result.imageCount, 4);
		assert.equal(result.totalBytes, 1310);
		assert.equal(result.untaggedCount, 1);
		assert.equal(result.untaggedBytes, 300);
	});

	test('a referrer (subject digest set) is never untagged waste, even without the graph', () => {
		const signature = image([], 50, {subjectDigest: 'sha256:abc', artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'});
		const result = repositoryStats([signature, image([], 70)]);
		assert.equal(result.untaggedCount, 1);
		assert.equal(result.untaggedBytes, 70);
	});
});

describe('untaggedShare and isFlagged', () => {
	const shares: [string, RepositoryStats, number][] = [
		['no bytes', stats({}), 0],
		['none untagged', stats({totalBytes: 100}), 0],
		['a third', stats({totalBytes: 300, untaggedBytes: 100}), 1 / 3],
		['all', stats({totalBytes: 300, untaggedBytes: 300}), 1],
	];
	for (const [name, value, expected] of shares) {
		test(`share: ${name}`, () => assert.equal(untaggedShare(value), expected));
	}

	test('threshold is 30%', () => assert.equal(FLAG_UNTAGGED_SHARE, 0.3));

	const flags: [string, RepositoryStats, boolean, boolean][] = [
		['no policy, 5 images, 30% untagged', stats({imageCount: 5, totalBytes: 1000, untaggedBytes: 300}), false, true],
		['no policy, 5 images, just under 30%', stats({imageCount: 5, totalBytes: 1000, untaggedBytes: 299}), false, false],
		['no policy, 4 images, all untagged', stats({imageCount: 4, totalBytes: 1000, untaggedBytes: 1000}), false, false],
		['policy present, 90% untagged', stats({imageCount: 50, totalBytes: 1000, untaggedBytes: 900}), true, false],
		['no policy, many images, no bytes', stats({imageCount: 10}), false, false],
		['no policy, 100 images, 80% untagged', stats({imageCount: 100, totalBytes: 10_000, untaggedBytes: 8000}), false, true],
	];
	for (const [name, value, hasPolicy, expected] of flags) {
		test(`flag: ${name}`, () => assert.equal(isFlagged(value, hasPolicy), expected));
	}

	test('flagged from real images: children excluded from the untagged share', () => {
		const index = image(['v1'], 100, {manifestMediaType: 'application/vnd.oci.image.index.v1+json'});
		const children = [image([], 100), image([], 100), image([], 100)];
		const tagged = image(['v0'], 100);
		const images = [index, ...children, tagged];
		assert.equal(isFlagged(repositoryStats(images), false), true, 'without the graph the children look like waste');
		assert.equal(isFlagged(repositoryStats(images, new Set(children.map(child => child.digest))), false), false);
	});
});

describe('bytesPushedPerMonth', () => {
	test('12 UTC months, oldest first, ending with the current month', () => {
		const buckets = bytesPushedPerMonth([], NOW);
		assert.deepEqual(
			buckets.map(bucket => bucket.month),
			['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
		);
		assert.ok(buckets.every(bucket => bucket.bytes === 0 && bucket.count === 0));
	});

	test('images land in their UTC month; older and future pushes are left out', () => {
		const images = [
			image([], 10, {pushedAt: Date.UTC(2026, 10, 1, 0, 0, 0)}), // 2026-11 first instant
			image([], 20, {pushedAt: Date.UTC(2026, 9, 31, 23, 59, 59, 999)}), // 2026-10 last instant
			image([], 30, {pushedAt: Date.UTC(2026, 9, 15)}),
			image([], 40, {pushedAt: Date.UTC(2025, 11, 1)}), // 2025-12, the oldest bucket
			image([], 50, {pushedAt: Date.UTC(2025, 10, 30, 23, 59, 59)}), // 2025-11: too old
			image([], 60, {pushedAt: Date.UTC(2026, 11, 1)}), // 2026-12: in the future
		];
		const buckets = bytesPushedPerMonth(images, NOW);
		const byMonth = Object.fromEntries(buckets.map(bucket => [bucket.month, [bucket.bytes, bucket.count]]));
		assert.deepEqual(byMonth['2026-11'], [10, 1]);
		assert.deepEqual(byMonth['2026-10'], [50, 2]);
		assert.deepEqual(byMonth['2025-12'], [40, 1]);
		assert.equal(buckets.reduce((sum, bucket) => sum + bucket.bytes, 0), 100);
		assert.equal(buckets.reduce((sum, bucket) => sum + bucket.count, 0), 4);
	});

	test('month boundaries are UTC, not local time', () => {
		// 2026-03-01T00:30 UTC is still February in New York; it must count as March.
		const saved = process.env.TZ;
		process.env.TZ = 'America/New_York';
		try {
			assert.equal(new Date(Date.UTC(2026, 2, 1, 0, 30)).getMonth(), 1, 'the local zone is really behind UTC here');
			const buckets = bytesPushedPerMonth([image([], 7, {pushedAt: Date.UTC(2026, 2, 1, 0, 30)})], Date.UTC(2026, 2, 15));
			assert.equal(buckets.at(-1)?.month, '2026-03');
			assert.equal(buckets.at(-1)?.bytes, 7);
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});

	test('a year boundary and a custom number of months', () => {
		const now = Date.UTC(2027, 0, 10);
		const buckets = bytesPushedPerMonth([image([], 5, {pushedAt: Date.UTC(2026, 11, 31, 23)}), image([], 6, {pushedAt: Date.UTC(2027, 0, 1)})], now, 3);
		assert.deepEqual(buckets, [
			{month: '2026-11', bytes: 0, count: 0},
			{month: '2026-12', bytes: 5, count: 1},
			{month: '2027-01', bytes: 6, count: 1},
		]);
	});

	test('now on the last instant of a month', () => {
		const now = Date.UTC(2026, 1, 28, 23, 59, 59, 999);
		const buckets = bytesPushedPerMonth([], now, 2);
		assert.deepEqual(buckets.map(bucket => bucket.month), ['2026-01', '2026-02']);
	});
});

describe('sparkline', () => {
	const cases: [string, number[], string][] = [
		['empty', [], ''],
		['all zero shows the lowest bar', [0, 0, 0], '▁▁▁'],
		['one value', [5], '█'],
		['linear ramp over eight levels', [0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
		['max is the full bar, small values the lowest', [1, 100, 50], '▁█▄'],
		['equal values', [3, 3], '██'],
	];
	for (const [name, values, expected] of cases) {
		test(name, () => {
			const line = sparkline(values);
			assert.equal(line, expected);
			assert.equal([...line].length, values.length);
		});
	}
});

describe('monthlyStorageCost', () => {
	const cases: [string, number, number, number][] = [
		['zero bytes', 0, 0.1, 0],
		['one binary GB at $0.10', BYTES_PER_GB, 0.1, 0.1],
		['ten GB', 10 * BYTES_PER_GB, 0.1, 1],
		['half a GB', BYTES_PER_GB / 2, 0.1, 0.05],
		['one decimal GB is less than one binary GB', 1e9, 0.1, 0.1 * (1e9 / 1024 ** 3)],
		['other price', 3 * BYTES_PER_GB, 0.07, 0.21],
	];
	for (const [name, bytes, price, expected] of cases) {
		test(name, () => assert.ok(Math.abs(monthlyStorageCost(bytes, price) - expected) < 1e-12, `${monthlyStorageCost(bytes, price)} vs ${expected}`));
	}
	test('a GB is 2^30 bytes', () => assert.equal(BYTES_PER_GB, 1_073_741_824));
});
