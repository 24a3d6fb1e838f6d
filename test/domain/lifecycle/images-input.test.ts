import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {imagesFromDescribeImages, parseDescribeImages} from '../../../source/domain/lifecycle/images-input.js';
import type {ImagesInputResult} from '../../../source/domain/lifecycle/images-input.js';
import {parseIsoTimestamp, parseTimestamp} from '../../../source/domain/lifecycle/timestamps.js';

const detail = (overrides: Record<string, unknown> = {}) => ({
	registryId: '123456789012', repositoryName: 'app', imageDigest: 'sha256:aa', imageTags: ['v1'], imageSizeInBytes: 1234,
	imagePushedAt: '2024-05-01T10:12:33.123000+02:00', imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json', ...overrides,
});

function ok(result: ImagesInputResult) {
	assert.ok(result.ok, JSON.stringify(result));
	return result;
}

function errors(result: ImagesInputResult) {
	assert.equal(result.ok, false);
	if (result.ok) throw new Error('unreachable');
	return result.errors;
}

describe('parseDescribeImages: accepted shapes', () => {
	test('{"imageDetails": [...]} with ISO times (AWS CLI default)', () => {
		const {images} = ok(parseDescribeImages(JSON.stringify({imageDetails: [detail({lastRecordedPullTime: '2024-06-01T00:00:00+00:00'})]})));
		assert.deepEqual(images, [{digest: 'sha256:aa', tags: ['v1'], sizeInBytes: 1234, pushedAt: Date.UTC(2024, 4, 1, 8, 12, 33, 123), status: 'ACTIVE', lastRecordedPullTime: Date.UTC(2024, 5, 1)}]);
	});

	test('an array of pages, epoch seconds (fractional), archive fields and referrers', () => {
		const pages = [
			{imageDetails: [detail({imagePushedAt: 1714551153.123})], nextToken: 'x'},
			{imageDetails: [detail({imageDigest: 'sha256:bb', imageTags: undefined, imagePushedAt: 1700000000, imageStatus: 'ARCHIVED', lastArchivedAt: 1710000000, lastActivatedAt: 1705000000, subjectManifestDigest: 'sha256:aa'})]},
		];
		const {images} = ok(parseDescribeImages(JSON.stringify(pages)));
		assert.equal(images[0]?.pushedAt, 1714551153123);
		assert.deepEqual(images[1], {digest: 'sha256:bb', tags: [], sizeInBytes: 1234, pushedAt: 1700000000000, status: 'ARCHIVED', lastArchivedAt: 1710000000000, lastActivatedAt: 1705000000000, subjectDigest: 'sha256:aa'});
	});

	test('a bare array of image details (--query imageDetails)', () => {
		assert.equal(ok(parseDescribeImages(JSON.stringify([detail()]))).images.length, 1);
	});

	test('an empty page list and an empty imageDetails are fine', () => {
		assert.deepEqual(ok(parseDescribeImages('[]')).images, []);
		assert.deepEqual(ok(parseDescribeImages('{"imageDetails": []}')).images, []);
	});

	test('a byte-order mark (PowerShell) is ignored', () => {
		assert.equal(ok(parseDescribeImages(`\uFEFF${JSON.stringify({imageDetails: [detail()]})}`)).images.length, 1);
	});

	test('duplicate digests across pages: the first wins, with a warning', () => {
		const result = ok(parseDescribeImages(JSON.stringify([{imageDetails: [detail()]}, {imageDetails: [detail({imageTags: ['other']})]}])));
		assert.deepEqual(result.images.map(image => image.tags), [['v1']]);
		assert.match(result.warnings[0]?.message ?? '', /appears twice/);
	});

	test('times without a zone are read as UTC, with a warning', () => {
		const result = ok(parseDescribeImages(JSON.stringify({imageDetails: [detail({imagePushedAt: '2024-05-01 10:00:00'})]})));
		assert.equal(result.images[0]?.pushedAt, Date.UTC(2024, 4, 1, 10));
		assert.match(result.warnings[0]?.message ?? '', /UTC/);
	});

	test('ecrtui\'s own childDigests field is kept', () => {
		assert.deepEqual(ok(parseDescribeImages(JSON.stringify({imageDetails: [detail({childDigests: ['sha256:c1']})]}))).images[0]?.childDigests, ['sha256:c1']);
	});
});

describe('parseDescribeImages: clear errors', () => {
	test('truncated JSON: line, column and a hint', () => {
		const text = JSON.stringify({imageDetails: [detail(), detail()]}, null, 2);
		const [error] = errors(parseDescribeImages(text.slice(0, text.length - 40)));
		assert.ok(error?.line !== undefined && error.line > 1);
		assert.match(error?.message ?? '', /truncated/);
		assert.match(error?.message ?? '', /cut off/);
	});

	test('binary junk', () => {
		assert.match(errors(parseDescribeImages('\u0000\u0001\u0002PK\u0003\u0004'))[0]?.message ?? '', /not text/);
		assert.match(errors(parseDescribeImages('\uFFFD'.repeat(200)))[0]?.message ?? '', /not text/);
	});

	test('empty input', () => {
		assert.match(errors(parseDescribeImages('  \n'))[0]?.message ?? '', /empty/);
	});

	test('wrong shapes say what was expected', () => {
		assert.match(errors(parseDescribeImages('{"repositories": []}'))[0]?.message ?? '', /No "imageDetails" key found \(top-level keys: repositories\)/);
		assert.match(errors(parseDescribeImages('{"imageDetails": {}}'))[0]?.message ?? '', /must be a list/);
		assert.match(errors(parseDescribeImages('[1, 2]'))[0]?.message ?? '', /neither pages/);
		assert.match(errors(parseDescribeImages('"text"'))[0]?.message ?? '', /a string/);
	});

	test('bad fields are reported by path', () => {
		const found = errors(imagesFromDescribeImages({imageDetails: [
			detail({imageDigest: 5}),
			detail({imagePushedAt: undefined}),
			detail({imagePushedAt: 1714551153123}),
			detail({imageTags: 'v1'}),
			detail({imageStatus: 'DELETED'}),
			detail({imagePushedAt: '2024-13-01T00:00:00Z'}),
			'x',
		]}));
		assert.deepEqual(found.map(error => error.path), [
			'$.imageDetails[0].imageDigest', '$.imageDetails[1].imagePushedAt', '$.imageDetails[2].imagePushedAt',
			'$.imageDetails[3].imageTags', '$.imageDetails[4].imageStatus', '$.imageDetails[5].imagePushedAt', '$.imageDetails[6]',
		]);
		assert.match(found[2]?.message ?? '', /milliseconds/);
	});

	test('the error list is capped', () => {
		const found = errors(imagesFromDescribeImages({imageDetails: Array.from({length: 500}, () => ({}))}));
		assert.ok(found.length <= 51);
		assert.match(found[found.length - 1]?.message ?? '', /more problems/);
	});
});

describe('scale', () => {
	test('100,000 images', () => {
		const text = JSON.stringify({imageDetails: Array.from({length: 100_000}, (_, k) => ({imageDigest: `sha256:${k}`, imageTags: k % 3 === 0 ? [] : [`b-${k}`], imageSizeInBytes: k, imagePushedAt: 1_700_000_000 + k}))});
		const {images} = ok(parseDescribeImages(text));
		assert.equal(images.length, 100_000);
		assert.equal(images[99_999]?.pushedAt, (1_700_000_000 + 99_999) * 1000);
	});
});

describe('timestamps', () => {
	test('ISO 8601 variants', () => {
		assert.deepEqual(parseIsoTimestamp('2024-05-01T10:12:33Z'), {ok: true, ms: Date.UTC(2024, 4, 1, 10, 12, 33), zoneless: false});
		assert.equal((parseIsoTimestamp('2024-05-01T10:12:33.5-0130') as {ms: number}).ms, Date.UTC(2024, 4, 1, 11, 42, 33, 500));
		assert.equal((parseIsoTimestamp('2024-02-29T00:00:00+00:00') as {ms: number}).ms, Date.UTC(2024, 1, 29));
		assert.equal(parseIsoTimestamp('2023-02-29T00:00:00Z').ok, false);
		assert.equal(parseIsoTimestamp('yesterday').ok, false);
	});

	test('epoch seconds as numbers or numeric strings; nonsense refused', () => {
		assert.deepEqual(parseTimestamp(1.5), {ok: true, ms: 1500, zoneless: false});
		assert.equal((parseTimestamp('1700000000') as {ms: number}).ms, 1_700_000_000_000);
		assert.equal(parseTimestamp(-1).ok, false);
		assert.equal(parseTimestamp(null).ok, false);
		assert.equal(parseTimestamp(Number.NaN).ok, false);
	});
});
