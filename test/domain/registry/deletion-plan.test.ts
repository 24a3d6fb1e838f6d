import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {planDeletion, type DeletionPlan} from '../../../source/domain/registry/deletion-plan.js';
import {imageGraph} from '../../../source/domain/registry/image-tree.js';
import type {Consumer, RepositoryUsage} from '../../../source/domain/registry/usage.js';
import type {ImageRecord, IndexManifest} from '../../../source/domain/registry/types.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const GiB = 1024 ** 3;
const INDEX = 'application/vnd.oci.image.index.v1+json';

function d(name: string): string {
	return `sha256:${name.padEnd(64, '0')}`;
}
function short(digest: string): string {
	return digest.slice(7).replace(/0+$/, '');
}

function image(name: string, tags: string[], sizeInBytes: number, overrides: Partial<ImageRecord> = {}): ImageRecord {
	return {repositoryName: 'web', registryId: '123456789012', digest: d(name), tags, sizeInBytes, pushedAt: NOW, status: 'ACTIVE', ...overrides};
}

// I: index (c1, c2, attestation a1) with a signature s1.
// J and K: indexes sharing the platform image "sh"; J also has cj (pinned by a task), K has ck.
// P: plain image in use by a task, with an SBOM sp. U: untagged, unused.
const IMAGES: ImageRecord[] = [
	image('I', ['v1'], 600, {manifestMediaType: INDEX}),
	image('c1', [], 300),
	image('c2', [], 200),
	image('a1', [], 10),
	image('s1', [], 5, {subjectDigest: d('I'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
	image('J', ['v2'], 700, {manifestMediaType: INDEX}),
	image('K', ['v3'], 800, {manifestMediaType: INDEX}),
	image('sh', [], 400),
	image('cj', [], 350),
	image('ck', [], 450),
	image('P', ['p'], 1000),
	image('sp', [], 20, {subjectDigest: d('P'), artifactMediaType: 'application/spdx+json'}),
	image('U', [], 2000),
];
const MANIFESTS: IndexManifest[] = [
	{digest: d('I'), children: [{digest: d('c1'), platform: {os: 'linux', architecture: 'amd64'}, attestation: false}, {digest: d('c2'), platform: {os: 'linux', architecture: 'arm64'}, attestation: false}, {digest: d('a1'), attestation: true}]},
	{digest: d('J'), children: [{digest: d('sh'), attestation: false}, {digest: d('cj'), attestation: false}]},
	{digest: d('K'), children: [{digest: d('sh'), attestation: false}, {digest: d('ck'), attestation: false}]},
];
const GRAPH = imageGraph(IMAGES, MANIFESTS);

function consumer(label: string): Consumer {
	return {kind: 'task', label, via: 'digest', cluster: 'prod', status: 'RUNNING'};
}
function usageOf(entries: [string, Consumer[]][]): RepositoryUsage {
	return {byDigest: new Map(entries.map(([name, consumers]) => [d(name), consumers])), drift: []};
}
const USAGE = usageOf([
	['P', [consumer('task aaaa (prod/web, RUNNING)')]],
	['cj', [consumer('task bbbb (prod/arm-worker, RUNNING)')]],
]);

function plan(marked: string[], options: {includeInUse?: boolean; usage?: RepositoryUsage; price?: number} = {}): DeletionPlan {
	return planDeletion({
		images: IMAGES,
		graph: GRAPH,
		marked: new Set(marked.map(d)),
		usage: options.usage ?? USAGE,
		includeInUse: options.includeInUse ?? false,
		pricePerGbMonth: options.price ?? 0.1,
	});
}

/** Phases as "name:reason" lists, sorted within the second phase (order there does not matter to AWS). */
function phases(result: DeletionPlan): {first: string[]; second: string[]; excluded: string[]} {
	return {
		first: result.first.map(item => `${short(item.digest)}:${item.reason}`),
		second: result.second.map(item => `${short(item.digest)}:${item.reason}`).sort(),
		excluded: result.excluded.map(item => `${short(item.digest)}:${item.reason}`).sort(),
	};
}

describe('planDeletion: phases', () => {
	const cases: {name: string; marked: string[]; includeInUse?: boolean; first: string[]; second: string[]; excluded: string[]}[] = [
		{name: 'an unused untagged image', marked: ['U'], first: ['U:marked'], second: [], excluded: []},
		{name: 'an image in use is excluded', marked: ['P', 'U'], first: ['U:marked'], second: [], excluded: ['P:in-use']},
		{name: 'an image in use is sent when included, with its referrer after it', marked: ['P'], includeInUse: true, first: ['P:marked'], second: ['sp:referrer-of-deleted-image'], excluded: []},
		{name: 'a marked child of a surviving index is excluded', marked: ['c1'], first: [], second: [], excluded: ['c1:child-of-surviving-index']},
		{
			name: 'deleting an index sends its children, attestation and referrers second',
			marked: ['I'],
			first: ['I:marked'],
			second: ['a1:child-of-deleted-index', 'c1:child-of-deleted-index', 'c2:child-of-deleted-index', 's1:referrer-of-deleted-image'],
			excluded: [],
		},
		{name: 'a child shared with a surviving index stays; a child in use stays', marked: ['J'], first: ['J:marked'], second: [], excluded: ['cj:in-use']},
		{name: 'a child in use is sent when in-use images are included', marked: ['J'], includeInUse: true, first: ['J:marked'], second: ['cj:child-of-deleted-index'], excluded: []},
		{name: 'a shared child goes once when both of its indexes go', marked: ['J', 'K'], first: ['J:marked', 'K:marked'], second: ['ck:child-of-deleted-index', 'sh:child-of-deleted-index'], excluded: ['cj:in-use']},
		{name: 'a marked referrer of a surviving image is sent alone', marked: ['s1'], first: ['s1:marked'], second: [], excluded: []},
		{name: 'a marked referrer and its subject both go, the referrer once', marked: ['P', 's1', 'I'], includeInUse: true, first: ['P:marked', 's1:marked', 'I:marked'], second: ['a1:child-of-deleted-index', 'c1:child-of-deleted-index', 'c2:child-of-deleted-index', 'sp:referrer-of-deleted-image'], excluded: []},
		{name: 'digests no longer present are ignored', marked: ['gone'], first: [], second: [], excluded: []},
		{name: 'nothing marked', marked: [], first: [], second: [], excluded: []},
	];
	for (const item of cases) {
		test(item.name, () => {
			const result = plan(item.marked, {includeInUse: item.includeInUse ?? false});
			assert.deepEqual(phases(result), {first: item.first, second: item.second, excluded: item.excluded});
			assert.equal(result.count, item.first.length + item.second.length);
			const sent = [...result.first, ...result.second].map(entry => entry.digest);
			assert.equal(new Set(sent).size, sent.length, 'no digest is sent twice');
		});
	}
});

describe('planDeletion: exclusions and in-use details', () => {
	test('an excluded in-use image names its consumers and appears in inUse', () => {
		const result = plan(['P']);
		assert.deepEqual(result.excluded, [{digest: d('P'), tags: ['p'], reason: 'in-use', consumers: USAGE.byDigest.get(d('P'))}]);
		assert.deepEqual(result.inUse, [{digest: d('P'), tags: ['p'], consumers: USAGE.byDigest.get(d('P'))}]);
		assert.equal(result.count, 0);
	});

	test('inUse lists marked in-use images even when they are included', () => {
		const result = plan(['P', 'U'], {includeInUse: true});
		assert.deepEqual(result.inUse.map(item => short(item.digest)), ['P']);
		assert.deepEqual(result.excluded, []);
	});

	test('a child of a surviving index names that index as parent', () => {
		const result = plan(['sh', 'J']);
		// J goes (cj in use is excluded), sh stays because K still references it.
		const excluded = result.excluded.find(item => item.digest === d('sh'));
		assert.deepEqual(excluded, {digest: d('sh'), tags: [], reason: 'child-of-surviving-index', parents: [d('K')]});
		assert.deepEqual(result.first.map(item => short(item.digest)), ['J']);
	});

	test('a platform image is in use when its index is', () => {
		const usage = usageOf([['I', [consumer('service prod/web (primary)')]]]);
		const result = plan(['c2'], {usage});
		assert.deepEqual(phases(result).excluded, ['c2:in-use']);
		assert.deepEqual(result.inUse[0]?.consumers.map(item => item.label), ['service prod/web (primary)']);
	});

	test('an in-use index keeps its children even when they are marked too', () => {
		const usage = usageOf([['I', [consumer('service prod/web (primary)')]]]);
		const result = plan(['I', 'c1', 'c2'], {usage});
		assert.equal(result.count, 0);
		assert.deepEqual(phases(result).excluded, ['I:in-use', 'c1:in-use', 'c2:in-use']);
	});

	test('each excluded image is listed once', () => {
		// cj is marked itself (and in use) and is also a child of the marked index J.
		const result = plan(['J', 'K', 'cj']);
		const digests = result.excluded.map(item => item.digest);
		assert.deepEqual(digests, [d('cj')]);
	});

	test('without usage data nothing counts as in use', () => {
		const result = planDeletion({images: IMAGES, graph: GRAPH, marked: new Set([d('P'), d('J')]), includeInUse: false, pricePerGbMonth: 0.1});
		assert.deepEqual(result.inUse, []);
		assert.deepEqual(phases(result).first, ['P:marked', 'J:marked']);
		assert.deepEqual(phases(result).second, ['cj:child-of-deleted-index', 'sp:referrer-of-deleted-image']);
	});
});

describe('planDeletion: referrers of children', () => {
	test('a signature of a platform image goes with it when its index is deleted', () => {
		const images = [
			image('X', ['v9'], 100, {manifestMediaType: INDEX}),
			image('xc', [], 50),
			image('xcsig', [], 1, {subjectDigest: d('xc'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
		];
		const graph = imageGraph(images, [{digest: d('X'), children: [{digest: d('xc'), attestation: false}]}]);
		const result = planDeletion({images, graph, marked: new Set([d('X')]), includeInUse: false, pricePerGbMonth: 0.1});
		assert.deepEqual(phases(result), {first: ['X:marked'], second: ['xc:child-of-deleted-index', 'xcsig:referrer-of-deleted-image'], excluded: []});
		assert.equal(result.bytes, 151);
	});

	test('a signature of a platform image stays when the platform image stays', () => {
		const images = [
			image('X', ['v9'], 100, {manifestMediaType: INDEX}),
			image('xc', [], 50),
			image('xcsig', [], 1, {subjectDigest: d('xc'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
		];
		const graph = imageGraph(images, [{digest: d('X'), children: [{digest: d('xc'), attestation: false}]}]);
		const usage = usageOf([['xc', [consumer('task cccc (prod/web, RUNNING)')]]]);
		const result = planDeletion({images, graph, marked: new Set([d('X')]), usage, includeInUse: false, pricePerGbMonth: 0.1});
		assert.deepEqual(phases(result), {first: ['X:marked'], second: [], excluded: ['xc:in-use']});
	});
});

describe('planDeletion: referrers of referrers', () => {
	test('the signature of an SBOM goes with the image the SBOM describes', () => {
		const images = [
			image('Y', ['v1'], 100),
			image('ysbom', [], 10, {subjectDigest: d('Y'), artifactMediaType: 'application/spdx+json'}),
			image('ysbomsig', [], 1, {subjectDigest: d('ysbom'), artifactMediaType: 'application/vnd.dev.cosign.artifact.sig.v1+json'}),
		];
		const result = planDeletion({images, graph: imageGraph(images, []), marked: new Set([d('Y')]), includeInUse: false, pricePerGbMonth: 0.1});
		assert.deepEqual(phases(result), {first: ['Y:marked'], second: ['ysbom:referrer-of-deleted-image', 'ysbomsig:referrer-of-deleted-image'], excluded: []});
		assert.equal(result.second.find(item => item.digest === d('ysbomsig'))?.parent, d('ysbom'));
		assert.equal(result.bytes, 111);
	});
});

describe('planDeletion: a marked child of a deleted index', () => {
	test('is sent second as "marked", whatever order it was marked in', () => {
		for (const order of [['I', 'c1'], ['c1', 'I']]) {
			const result = plan(order);
			assert.deepEqual(result.first.map(item => short(item.digest)), ['I'], order.join(','));
			const c1 = result.second.find(item => item.digest === d('c1'));
			assert.equal(c1?.reason, 'marked', `c1 reason when marked ${order.join(',')}`);
			assert.equal(result.second.find(item => item.digest === d('c2'))?.reason, 'child-of-deleted-index');
			assert.equal(result.count, 5);
			assert.equal(result.second.filter(item => item.digest === d('c1')).length, 1);
		}
	});
});

describe('planDeletion: bytes, saving and count', () => {
	const images = [image('x', [], GiB), image('y', [], GiB / 2), image('z', [], 3 * GiB, {manifestMediaType: INDEX}), image('zc', [], GiB / 4)];
	const graph = imageGraph(images, [{digest: d('z'), children: [{digest: d('zc'), attestation: false}]}]);
	const cases: [string, string[], number, number, number][] = [
		['nothing', [], 0, 0, 0.1],
		['one GiB at $0.10', ['x'], GiB, 0.1, 0.1],
		['1.5 GiB at $0.10', ['x', 'y'], 1.5 * GiB, 0.15, 0.1],
		['an index and its child count both', ['z'], 3.25 * GiB, 0.325, 0.1],
		['price 0', ['x', 'y', 'z'], 4.75 * GiB, 0, 0],
		['other price', ['y'], GiB / 2, 0.05, 0.1],
		['archive-tier price', ['x', 'z'], 4.25 * GiB, 4.25 * 0.07, 0.07],
	];
	for (const [name, marked, bytes, saving, price] of cases) {
		test(name, () => {
			const result = planDeletion({images, graph, marked: new Set(marked.map(d)), includeInUse: false, pricePerGbMonth: price});
			assert.equal(result.bytes, bytes);
			assert.ok(Math.abs(result.monthlySaving - saving) < 1e-12, `${result.monthlySaving} ≈ ${saving}`);
			assert.equal(result.count, result.first.length + result.second.length);
		});
	}

	test('excluded images do not count toward bytes', () => {
		const result = plan(['P', 'U']);
		assert.equal(result.bytes, 2000);
		assert.equal(result.count, 1);
		assert.deepEqual(result.first.map(item => [short(item.digest), item.sizeInBytes, item.tags]), [['U', 2000, []]]);
	});

	test('deleting an index: bytes are the index, its children and referrers', () => {
		const result = plan(['I']);
		assert.equal(result.bytes, 600 + 300 + 200 + 10 + 5);
		assert.equal(result.count, 5);
	});
});

test('nothing marked: an empty plan, whatever is in use', () => {
	assert.deepEqual(plan([], {includeInUse: true}), {first: [], second: [], excluded: [], inUse: [], count: 0, bytes: 0, monthlySaving: 0});
	// The same shape as a plan whose marks all drop out (a mark that names no image).
	const gone = plan(['nothing-here']);
	assert.deepEqual({...gone}, {first: [], second: [], excluded: [], inUse: [], count: 0, bytes: 0, monthlySaving: 0});
});
