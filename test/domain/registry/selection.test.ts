import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {invertSelection, selectAllButNewest, selectNotPulledIn, selectOlderThan, selectUntagged} from '../../../source/domain/registry/selection.js';
import {imageGraph} from '../../../source/domain/registry/image-tree.js';
import type {ImageRecord, IndexManifest} from '../../../source/domain/registry/types.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const DAY = 86_400_000;

function d(name: string): string {
	return `sha256:${name.padEnd(64, '0')}`;
}
function short(digests: readonly string[]): string[] {
	return digests.map(digest => digest.slice(7).replace(/0+$/, ''));
}

function image(name: string, tags: string[], pushedDaysAgo: number, overrides: Partial<ImageRecord> = {}): ImageRecord {
	return {repositoryName: 'web', registryId: '123456789012', digest: d(name), tags, sizeInBytes: 10, pushedAt: NOW - pushedDaysAgo * DAY, status: 'ACTIVE', ...overrides};
}

// A repository with an index (i1) and its children (c1, c2, attestation a1), a signature of
// the index (s1), an orphan child whose index was deleted (o1), a signature whose subject is
// gone (s2), and plain tagged/untagged images.
const IMAGES: ImageRecord[] = [
	image('i1', ['v3'], 40, {manifestMediaType: 'application/vnd.oci.image.index.v1+json'}),
	image('c1', [], 40),
	image('c2', [], 40),
	image('a1', [], 40),
	image('s1', [], 39, {subjectDigest: d('i1'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
	image('o1', [], 100),
	image('s2', [], 100, {subjectDigest: d('deleted'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
	image('t1', ['v1', 'prod-1'], 200, {lastPulledAt: NOW - 2 * DAY}),
	image('t2', ['v2', 'prod-2'], 30),
	image('u1', [], 5),
];
const MANIFESTS: IndexManifest[] = [
	{digest: d('i1'), children: [{digest: d('c1'), platform: {os: 'linux', architecture: 'amd64'}, attestation: false}, {digest: d('c2'), platform: {os: 'linux', architecture: 'arm64'}, attestation: false}, {digest: d('a1'), attestation: true}]},
	{digest: d('deleted'), children: [{digest: d('o1'), attestation: false}]},
];
const GRAPH = imageGraph(IMAGES, MANIFESTS);

describe('selectUntagged', () => {
	test('stand-alone untagged images, orphans and orphan referrers; never children of a present index or referrers of a present subject', () => {
		assert.deepEqual(short(selectUntagged(IMAGES, GRAPH)), ['o1', 's2', 'u1']);
	});

	test('nothing untagged', () => {
		const images = [image('t1', ['a'], 1)];
		assert.deepEqual(selectUntagged(images, imageGraph(images, [])), []);
	});

	test('children become selectable once their index is gone', () => {
		const withoutIndex = IMAGES.filter(item => item.digest !== d('i1'));
		assert.deepEqual(short(selectUntagged(withoutIndex, imageGraph(withoutIndex, MANIFESTS))), ['c1', 'c2', 'a1', 's1', 'o1', 's2', 'u1']);
	});
});

describe('selectOlderThan (push age, strict)', () => {
	const cases: [number, string[]][] = [
		[0, ['i1', 'o1', 's2', 't1', 't2', 'u1']],
		[5, ['i1', 'o1', 's2', 't1', 't2']], // u1 is exactly 5 days old: not older
		[30, ['i1', 'o1', 's2', 't1']], // t2 exactly 30 days
		[39, ['i1', 'o1', 's2', 't1']],
		[40, ['o1', 's2', 't1']],
		[100, ['t1']],
		[199, ['t1']],
		[200, []],
	];
	for (const [days, expected] of cases) {
		test(`older than ${days} days`, () => assert.deepEqual(short(selectOlderThan(IMAGES, GRAPH, days, NOW)), expected));
	}

	test('one millisecond past the boundary is older', () => {
		const images = [image('x', [], 0, {pushedAt: NOW - 7 * DAY - 1}), image('y', [], 0, {pushedAt: NOW - 7 * DAY})];
		assert.deepEqual(short(selectOlderThan(images, imageGraph(images, []), 7, NOW)), ['x']);
	});
});

describe('selectNotPulledIn', () => {
	const cases: [number, string[]][] = [
		// t1: pushed 200 days ago but pulled 2 days ago; the rest were never pulled (push time counts).
		[1, ['i1', 'o1', 's2', 't1', 't2', 'u1']],
		[2, ['i1', 'o1', 's2', 't2', 'u1']], // t1 pulled exactly 2 days ago
		[5, ['i1', 'o1', 's2', 't2']],
		[30, ['i1', 'o1', 's2']],
		[40, ['o1', 's2']],
		[100, []],
	];
	for (const [days, expected] of cases) {
		test(`not pulled in ${days} days`, () => assert.deepEqual(short(selectNotPulledIn(IMAGES, GRAPH, days, NOW)), expected));
	}

	test('a recent pull protects an old image; an old pull does not protect a recent push', () => {
		const images = [image('old-pulled', [], 300, {lastPulledAt: NOW - DAY}), image('new-never', [], 3), image('new-old-pull', [], 3, {lastPulledAt: NOW - 50 * DAY})];
		// lastPulledAt before pushedAt cannot happen in ECR; the recorded pull time is what counts.
		assert.deepEqual(short(selectNotPulledIn(images, imageGraph(images, []), 10, NOW)), ['new-old-pull']);
	});
});

describe('selectAllButNewest', () => {
	const images: ImageRecord[] = [
		image('p1', ['prod-1'], 50),
		image('p2', ['prod-2', 'latest'], 40),
		image('p3', ['prod-3'], 30),
		image('p4', ['prod-4'], 20),
		image('q1', ['preprod-1'], 10),
		image('x1', ['prod'], 60),
		image('u1', [], 1),
	];
	const graph = imageGraph(images, []);
	const cases: [string, number, string, string[]][] = [
		['prefix wildcard keeps the newest 2', 2, 'prod-*', ['p2', 'p1']],
		['keep 0 selects every match, newest first', 0, 'prod-*', ['p4', 'p3', 'p2', 'p1']],
		['keep more than there are', 10, 'prod-*', []],
		['negative keep acts as 0', -1, 'prod-*', ['p4', 'p3', 'p2', 'p1']],
		['pattern without * is exact', 0, 'prod', ['x1']],
		['exact pattern on a second tag', 0, 'latest', ['p2']],
		['contains wildcard', 1, '*prod*', ['p4', 'p3', 'p2', 'p1', 'x1']],
		['suffix wildcard', 0, '*-1', ['q1', 'p1']],
		['middle wildcard', 0, 'pre*-1', ['q1']],
		['* matches every tagged image, never untagged ones', 3, '*', ['p2', 'p1', 'x1']],
		['no match', 0, 'staging-*', []],
		['case-sensitive', 0, 'PROD-*', []],
	];
	for (const [name, keep, pattern, expected] of cases) {
		test(`${name} (${pattern}, keep ${keep})`, () => assert.deepEqual(short(selectAllButNewest(images, graph, keep, pattern)), expected));
	}

	test('ties on push time are broken by digest so the result is stable', () => {
		const tied = [image('b', ['r-1'], 5), image('a', ['r-2'], 5), image('c', ['r-3'], 5)];
		assert.deepEqual(short(selectAllButNewest(tied, imageGraph(tied, []), 1, 'r-*')), ['b', 'c']);
		assert.deepEqual(short(selectAllButNewest([...tied].reverse(), imageGraph(tied, []), 1, 'r-*')), ['b', 'c']);
	});

	test('a tagged child of a present index is never selected on its own', () => {
		const withIndex = [image('i', ['v-2'], 1, {manifestMediaType: 'application/vnd.oci.image.index.v1+json'}), image('c', ['v-1'], 100)];
		const g = imageGraph(withIndex, [{digest: d('i'), children: [{digest: d('c'), attestation: false}]}]);
		assert.deepEqual(selectAllButNewest(withIndex, g, 0, 'v-*'), [d('i')]);
	});
});

describe('invertSelection', () => {
	test('every top-level image not marked', () => {
		assert.deepEqual(short(invertSelection(IMAGES, GRAPH, new Set([d('t1'), d('o1')]))), ['i1', 's2', 't2', 'u1']);
	});
	test('marks on dependents do not matter; nothing marked selects all top-level images', () => {
		assert.deepEqual(short(invertSelection(IMAGES, GRAPH, new Set([d('c1'), d('s1')]))), ['i1', 'o1', 's2', 't1', 't2', 'u1']);
		assert.deepEqual(short(invertSelection(IMAGES, GRAPH, new Set())), ['i1', 'o1', 's2', 't1', 't2', 'u1']);
	});
	test('inverting twice gives the original top-level marks back', () => {
		const marked = new Set([d('i1'), d('u1')]);
		const once = new Set(invertSelection(IMAGES, GRAPH, marked));
		assert.deepEqual(new Set(invertSelection(IMAGES, GRAPH, once)), marked);
	});
	test('everything marked gives nothing', () => {
		assert.deepEqual(invertSelection(IMAGES, GRAPH, new Set(IMAGES.map(item => item.digest))), []);
	});
});
