import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {buildImageRows, dependentDigests, imageGraph, mediaKind, type ImageRow} from '../../../source/domain/registry/image-tree.js';
import type {ImageRecord, IndexManifest} from '../../../source/domain/registry/types.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const DAY = 86_400_000;
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

function d(name: string): string {
	return `sha256:${name.padEnd(64, '0')}`;
}

function image(name: string, overrides: Partial<ImageRecord> = {}): ImageRecord {
	return {
		repositoryName: 'web',
		registryId: '123456789012',
		digest: d(name),
		tags: [],
		sizeInBytes: 1000,
		pushedAt: NOW - DAY,
		status: 'ACTIVE',
		manifestMediaType: OCI_MANIFEST,
		...overrides,
	};
}

function index(name: string, children: IndexManifest['children']): IndexManifest {
	return {digest: d(name), children};
}

const amd64 = {os: 'linux', architecture: 'amd64'};
const arm64 = {os: 'linux', architecture: 'arm64', variant: 'v8'};

/** A compact view of rows: [short name, kind, depth, group short name, dependents]. */
function shape(rows: readonly ImageRow[]): [string, string, number, string, number][] {
	const short = (digest: string) => digest.slice(7).replace(/0+$/, '');
	return rows.map(row => [short(row.image.digest), row.kind, row.depth, short(row.group), row.dependents]);
}

describe('imageGraph', () => {
	test('parents, children and referrers from index manifests and subject digests', () => {
		const images = [
			image('i1', {tags: ['v1'], manifestMediaType: OCI_INDEX}),
			image('c1'),
			image('c2'),
			image('a1'),
			image('s1', {subjectDigest: d('i1'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
		];
		const manifests = [index('i1', [{digest: d('c1'), platform: amd64, attestation: false}, {digest: d('c2'), platform: arm64, attestation: false}, {digest: d('a1'), attestation: true}])];
		const graph = imageGraph(images, manifests);
		assert.deepEqual(graph.parentsOf, new Map([[d('c1'), [d('i1')]], [d('c2'), [d('i1')]], [d('a1'), [d('i1')]]]));
		assert.deepEqual([...graph.childrenOf.keys()], [d('i1')]);
		assert.equal(graph.childrenOf.get(d('i1'))?.length, 3);
		assert.deepEqual(graph.referrersOf, new Map([[d('i1'), [d('s1')]]]));
		assert.deepEqual(dependentDigests(graph), new Set([d('c1'), d('c2'), d('a1'), d('s1')]));
	});

	test('a child referenced by two indexes has both parents', () => {
		const images = [image('i1', {manifestMediaType: OCI_INDEX}), image('i2', {manifestMediaType: DOCKER_LIST}), image('c1')];
		const graph = imageGraph(images, [index('i1', [{digest: d('c1'), attestation: false}]), index('i2', [{digest: d('c1'), attestation: false}])]);
		assert.deepEqual(graph.parentsOf.get(d('c1')), [d('i1'), d('i2')]);
	});

	test('manifests of indexes no longer present are ignored (their children are orphans)', () => {
		const images = [image('c1'), image('c2')];
		const graph = imageGraph(images, [index('gone', [{digest: d('c1'), attestation: false}, {digest: d('c2'), attestation: false}])]);
		assert.equal(graph.parentsOf.size, 0);
		assert.equal(graph.childrenOf.size, 0);
		assert.equal(dependentDigests(graph).size, 0);
	});

	test('a referrer whose subject is gone is not a dependent', () => {
		const images = [image('s1', {subjectDigest: d('gone'), artifactMediaType: 'application/spdx+json'})];
		const graph = imageGraph(images, []);
		assert.equal(graph.referrersOf.size, 0);
		assert.equal(dependentDigests(graph).size, 0);
	});

	test('empty repository', () => {
		const graph = imageGraph([], []);
		assert.equal(graph.parentsOf.size + graph.childrenOf.size + graph.referrersOf.size, 0);
		assert.deepEqual(buildImageRows([], graph), []);
	});
});

describe('buildImageRows', () => {
	test('children (platform, attestation) in manifest order and referrers newest first under their head', () => {
		const images = [
			image('plain', {tags: ['old'], pushedAt: NOW - 10 * DAY}),
			image('i1', {tags: ['v2'], manifestMediaType: OCI_INDEX, pushedAt: NOW - DAY}),
			// Children listed in the image list in another order than the manifest.
			image('a1', {pushedAt: NOW - DAY}),
			image('c2', {pushedAt: NOW - DAY}),
			image('c1', {pushedAt: NOW - DAY}),
			image('sbom', {subjectDigest: d('i1'), artifactMediaType: 'application/spdx+json', pushedAt: NOW - DAY + 1000}),
			image('sig', {subjectDigest: d('i1'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json', pushedAt: NOW - DAY + 2000}),
			image('plainsig', {subjectDigest: d('plain'), artifactMediaType: 'application/vnd.cncf.notary.signature', pushedAt: NOW - 9 * DAY}),
		];
		const manifests = [index('i1', [{digest: d('c1'), platform: amd64, attestation: false}, {digest: d('c2'), platform: arm64, attestation: false}, {digest: d('a1'), attestation: true}])];
		const rows = buildImageRows(images, imageGraph(images, manifests));
		assert.deepEqual(shape(rows), [
			['plain', 'image', 0, 'plain', 1],
			['plainsig', 'referrer', 1, 'plain', 0],
			['i1', 'index', 0, 'i1', 5],
			['c1', 'child', 1, 'i1', 0],
			['c2', 'child', 1, 'i1', 0],
			['a1', 'attestation', 1, 'i1', 0],
			['sig', 'referrer', 1, 'i1', 0],
			['sbom', 'referrer', 1, 'i1', 0],
		]);
		assert.deepEqual(rows[3]?.platform, amd64);
		assert.deepEqual(rows[4]?.platform, arm64);
		assert.equal(rows[5]?.platform, undefined, 'attestations have no platform');
	});

	test('an image referenced by two indexes is listed once, under the first index', () => {
		const images = [
			image('i1', {tags: ['v1'], manifestMediaType: OCI_INDEX}),
			image('i2', {tags: ['v1-retag'], manifestMediaType: DOCKER_LIST}),
			image('shared'),
			image('own2'),
		];
		const manifests = [
			index('i1', [{digest: d('shared'), platform: amd64, attestation: false}]),
			index('i2', [{digest: d('shared'), platform: amd64, attestation: false}, {digest: d('own2'), platform: arm64, attestation: false}]),
		];
		const rows = buildImageRows(images, imageGraph(images, manifests));
		assert.deepEqual(shape(rows), [
			['i1', 'index', 0, 'i1', 1],
			['shared', 'child', 1, 'i1', 0],
			['i2', 'index', 0, 'i2', 1],
			['own2', 'child', 1, 'i2', 0],
		]);
		assert.equal(rows.filter(row => row.image.digest === d('shared')).length, 1);
	});

	test('children whose index is gone are top-level rows', () => {
		const images = [image('c1'), image('c2', {tags: ['arm']})];
		const rows = buildImageRows(images, imageGraph(images, [index('gone', [{digest: d('c1'), attestation: false}, {digest: d('c2'), attestation: false}])]));
		assert.deepEqual(shape(rows), [
			['c1', 'image', 0, 'c1', 0],
			['c2', 'image', 0, 'c2', 0],
		]);
	});

	test('a referrer whose subject is gone is a top-level row', () => {
		const images = [image('sig', {subjectDigest: d('gone'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'})];
		const rows = buildImageRows(images, imageGraph(images, []));
		assert.deepEqual(shape(rows), [['sig', 'image', 0, 'sig', 0]]);
	});

	test('children listed by the manifest but absent from the image list are skipped', () => {
		const images = [image('i1', {manifestMediaType: OCI_INDEX}), image('c1')];
		const rows = buildImageRows(images, imageGraph(images, [index('i1', [{digest: d('c1'), attestation: false}, {digest: d('missing'), attestation: false}])]));
		assert.deepEqual(shape(rows), [
			['i1', 'index', 0, 'i1', 1],
			['c1', 'child', 1, 'i1', 0],
		]);
	});

	test('heads keep the order they were given', () => {
		const images = [image('b', {pushedAt: NOW - 5 * DAY}), image('a', {pushedAt: NOW}), image('c', {pushedAt: NOW - 2 * DAY})];
		const rows = buildImageRows(images, imageGraph(images, []));
		assert.deepEqual(rows.map(row => row.image.digest), [d('b'), d('a'), d('c')]);
	});

	test('an index without a manifest read yet is an index row with no dependents', () => {
		const images = [image('i1', {manifestMediaType: DOCKER_LIST})];
		assert.deepEqual(shape(buildImageRows(images, imageGraph(images, []))), [['i1', 'index', 0, 'i1', 0]]);
	});

	test('every image appears exactly once, whatever it references', () => {
		// A signature of a platform child and a signature of an SBOM: both have a present
		// subject, so they must be grouped somewhere rather than dropped from the list.
		const images = [
			image('i1', {tags: ['v1'], manifestMediaType: OCI_INDEX}),
			image('c1'),
			image('childsig', {subjectDigest: d('c1'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
			image('sbom', {subjectDigest: d('i1'), artifactMediaType: 'application/spdx+json'}),
			image('sbomsig', {subjectDigest: d('sbom'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
		];
		const rows = buildImageRows(images, imageGraph(images, [index('i1', [{digest: d('c1'), platform: amd64, attestation: false}])]));
		assert.deepEqual(rows.map(row => row.image.digest).sort(), images.map(item => item.digest).sort());
		for (const row of rows) {
			if (row.depth === 1) assert.equal(row.group, d('i1'), `${row.image.digest} grouped under the index`);
		}
	});
});

describe('mediaKind', () => {
	const cases: [string, Pick<ImageRow, 'kind' | 'image'>, string][] = [
		['index', {kind: 'index', image: image('x', {manifestMediaType: OCI_INDEX})}, 'index'],
		['platform child', {kind: 'child', image: image('x')}, 'platform'],
		['attestation', {kind: 'attestation', image: image('x')}, 'attest.'],
		['cosign signature', {kind: 'referrer', image: image('x', {artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'})}, 'signature'],
		['notation signature', {kind: 'referrer', image: image('x', {artifactMediaType: 'application/vnd.cncf.notary.signature'})}, 'signature'],
		['SPDX SBOM', {kind: 'referrer', image: image('x', {artifactMediaType: 'application/spdx+json'})}, 'sbom'],
		['CycloneDX SBOM', {kind: 'referrer', image: image('x', {artifactMediaType: 'application/vnd.cyclonedx+json'})}, 'sbom'],
		['other referrer', {kind: 'referrer', image: image('x', {artifactMediaType: 'application/vnd.in-toto+json'})}, 'artifact'],
		['referrer without artifact type', {kind: 'referrer', image: image('x')}, 'artifact'],
		['plain image', {kind: 'image', image: image('x')}, 'image'],
		['top-level artifact (helm chart)', {kind: 'image', image: image('x', {artifactMediaType: 'application/vnd.cncf.helm.config.v1+json'})}, 'artifact'],
	];
	for (const [name, row, expected] of cases) {
		test(`${name} -> ${expected}`, () => assert.equal(mediaKind(row), expected));
	}
});
