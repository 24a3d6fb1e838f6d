import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {diffOutcomes, toPreview} from '../../../source/domain/lifecycle/preview.js';
import {aPolicy, aRule, anImage, daysAgo, keepPrefix, run} from './fixtures.js';

const images = [
	anImage('sha256:a', ['prod-1'], 10, {sizeInBytes: 100}),
	anImage('sha256:b', ['prod-2'], 9, {sizeInBytes: 50}),
	anImage('sha256:c', [], 40, {sizeInBytes: 7}),
	anImage('sha256:d', [], 400, {status: 'ARCHIVED', lastArchivedAt: daysAgo(200)}),
];

describe('toPreview: the GetLifecyclePolicyPreview shape', () => {
	const result = run(aPolicy(
		keepPrefix(1, ['prod'], 1),
		aRule(2, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30}, {type: 'transition', targetStorageClass: 'archive'}),
		aRule(3, {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 180}),
	), images);
	const preview = toPreview(result);

	test('previewResults carry AWS field names and upper-case enums', () => {
		assert.deepEqual(preview.previewResults[0], {
			imageTags: ['prod-1'], imageDigest: 'sha256:a', imagePushedAt: images[0]!.pushedAt / 1000,
			action: {type: 'EXPIRE'}, appliedRulePriority: 1, storageClass: 'STANDARD',
		});
		assert.deepEqual(preview.previewResults.map(entry => [entry.imageDigest, entry.action, entry.storageClass]), [
			['sha256:a', {type: 'EXPIRE'}, 'STANDARD'],
			['sha256:c', {type: 'TRANSITION', targetStorageClass: 'ARCHIVE'}, 'STANDARD'],
			['sha256:d', {type: 'EXPIRE'}, 'ARCHIVE'],
		]);
	});

	test('imagePushedAt is in epoch seconds, as AWS\'s JSON protocol sends it', () => {
		assert.equal(preview.previewResults[0]?.imagePushedAt, images[0]!.pushedAt / 1000);
	});

	test('summary counts expiring and transitioning images; bytesFreed is ours', () => {
		assert.deepEqual(preview.summary, {expiringImageTotalCount: 2, transitioningImageTotalCounts: [{targetStorageClass: 'ARCHIVE', imageTotalCount: 1}]});
		assert.equal(preview.bytesFreed, 100 + 1000);
		assert.equal(preview.status, 'COMPLETE');
	});

	test('no transitions: an empty transitioningImageTotalCounts', () => {
		assert.deepEqual(toPreview(run(aPolicy(keepPrefix(1, ['prod'], 1)), images)).summary.transitioningImageTotalCounts, []);
	});

	test('request context is echoed like AWS does', () => {
		const withContext = toPreview(result, {registryId: '123456789012', repositoryName: 'app', lifecyclePolicyText: '{}'});
		assert.deepEqual([withContext.registryId, withContext.repositoryName, withContext.lifecyclePolicyText], ['123456789012', 'app', '{}']);
		assert.equal('registryId' in preview, false);
	});

	test('the JSON form survives JSON.stringify unchanged', () => {
		assert.deepEqual(JSON.parse(JSON.stringify(preview)), preview);
	});
});

describe('diffOutcomes', () => {
	test('lists images added, removed and changed by an edit, with deltas', () => {
		const before = run(aPolicy(keepPrefix(1, ['prod'], 1), aRule(2, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30})), images);
		const after = run(aPolicy(keepPrefix(1, ['prod'], 0 + 2), aRule(2, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30}, {type: 'transition', targetStorageClass: 'archive'})), images);
		const diff = diffOutcomes(before, after);
		assert.deepEqual(diff.added, []);
		assert.deepEqual(diff.removed.map(change => change.digest), ['sha256:a']);
		assert.deepEqual(diff.changed.map(change => [change.digest, change.before?.action, change.after?.action]), [['sha256:c', 'expire', 'transition']]);
		assert.equal(diff.unchanged, 0);
		assert.equal(diff.bytesFreedDelta, -107);
		assert.deepEqual([diff.expiringDelta, diff.transitioningDelta], [-2, 1]);
	});

	test('identical outcomes: nothing changes', () => {
		const result = run(aPolicy(keepPrefix(1, ['prod'], 1)), images);
		const diff = diffOutcomes(result, result);
		assert.deepEqual([diff.added.length, diff.removed.length, diff.changed.length, diff.unchanged, diff.bytesFreedDelta], [0, 0, 0, 1, 0]);
	});

	test('an image newly acted on appears in added', () => {
		const before = run(aPolicy(keepPrefix(1, ['prod'], 5)), images);
		const after = run(aPolicy(keepPrefix(1, ['prod'], 1)), images);
		assert.deepEqual(diffOutcomes(before, after).added.map(change => [change.digest, change.after?.rulePriority]), [['sha256:a', 1]]);
	});
});
