// The worked examples of aws-semantics.md §A.7 (#1-#6 are the AWS docs' own scenarios).
// Every policy is also validated, so a golden policy can never be one AWS would reject.

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {validatePolicy} from '../../../source/domain/lifecycle/validate.js';
import {toPreview} from '../../../source/domain/lifecycle/preview.js';
import type {LifecycleImage, LifecyclePolicy} from '../../../source/domain/lifecycle/types.js';
import {aPolicy, aRule, actedDigests, anImage, DAY, daysAgo, keepPrefix, NOW, run} from './fixtures.js';

function expectActs(policy: LifecyclePolicy, images: readonly LifecycleImage[], expected: string[]): void {
	const validation = validatePolicy(policy);
	assert.deepEqual(validation.problems.filter(p => p.severity === 'error'), [], 'golden policy must be valid');
	assert.deepEqual(actedDigests(run(policy, images)), [...expected].sort());
}

describe('A.7 worked examples', () => {
	const abc = [
		anImage('A', ['beta-1', 'prod-1'], 10),
		anImage('B', ['beta-2', 'prod-2'], 9),
		anImage('C', ['beta-3'], 8),
	];

	test('#1 multiple rules, prod first: expire {A}', () => {
		expectActs(aPolicy(keepPrefix(1, ['prod'], 1), keepPrefix(2, ['beta'], 1)), abc, ['A']);
	});

	test('#1 (current docs) the same with tagPatternList prod* / beta*: expire {A}', () => {
		const policy = aPolicy(
			aRule(1, {tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'imageCountMoreThan', countNumber: 1}),
			aRule(2, {tagStatus: 'tagged', tagPatternList: ['beta*'], countType: 'imageCountMoreThan', countNumber: 1}),
		);
		expectActs(policy, abc, ['A']);
	});

	test('#2 same images, beta first: expire {A, B}', () => {
		const result = run(aPolicy(keepPrefix(1, ['beta'], 1), keepPrefix(2, ['prod'], 1)), abc);
		assert.deepEqual(actedDigests(result), ['A', 'B']);
		assert.ok(result.actions.every(action => action.rulePriority === 1));
	});

	test('#3 two prefixes in one rule, by age: expire {C}', () => {
		const images = [
			anImage('A', ['alpha-1'], 12), anImage('B', ['beta-1'], 11), anImage('C', ['alpha-2', 'beta-2'], 10),
			anImage('D', ['alpha-3'], 4), anImage('E', ['beta-3'], 3), anImage('F', ['alpha-4', 'beta-4'], 2),
		];
		const policy = aPolicy(aRule(1, {tagStatus: 'tagged', tagPrefixList: ['alpha', 'beta'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 5}));
		expectActs(policy, images, ['C']);
	});

	test('#4 tags are not exclusive: expire {A, B}', () => {
		const images = [
			anImage('A', ['alpha-1', 'beta-1', 'gamma-1'], 10), anImage('B', ['alpha-2', 'beta-2'], 9), anImage('C', ['alpha-3', 'beta-3', 'gamma-2'], 8),
		];
		expectActs(aPolicy(keepPrefix(1, ['alpha', 'beta'], 1)), images, ['A', 'B']);
	});

	test('#5 any, keep 1: expire {A, B, C}', () => {
		const images = [anImage('A', ['alpha-1'], 4), anImage('B', ['beta-1'], 3), anImage('C', [], 2), anImage('D', ['alpha-2'], 1)];
		expectActs(aPolicy(aRule(1, {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1})), images, ['A', 'B', 'C']);
	});

	test('#6 all rule types combined: expire {A, B, D}; E (exactly 1 day old) takes the keep slot', () => {
		const images = [
			anImage('A', ['alpha-1', 'beta-1'], 4), anImage('B', [], 3), anImage('C', ['alpha-2'], 2),
			{...anImage('D', ['git hash'], 1), pushedAt: NOW - DAY - 60_000},
			{...anImage('E', [], 1), pushedAt: NOW - DAY},
		];
		const policy = aPolicy(
			keepPrefix(1, ['alpha'], 1),
			aRule(2, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1}),
			aRule(3, {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1}),
		);
		expectActs(policy, images, ['A', 'B', 'D']);
		const byDigest = new Map(run(policy, images).actions.map(action => [action.digest, action.rulePriority]));
		assert.deepEqual(Object.fromEntries(byDigest), {A: 1, B: 2, D: 3});
	});

	test('#7 untagged by age: expire {X}', () => {
		const images = [anImage('X', [], 20), anImage('Y', [], 10), anImage('Z', ['v1'], 30)];
		expectActs(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14})), images, ['X']);
	});

	test('#8 keep one untagged: expire {U1, U2}', () => {
		const images = [anImage('U1', [], 5), anImage('U2', [], 3), anImage('U3', [], 1), anImage('T', ['v1'], 10)];
		expectActs(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1})), images, ['U1', 'U2']);
	});

	describe('#9 pattern vs prefix exactness', () => {
		const images = [anImage('P1', ['prod'], 30), anImage('P2', ['prod-1'], 30), anImage('Q', ['preprod'], 30)];
		const byAge = (list: Record<string, string[]>) => aPolicy(aRule(1, {tagStatus: 'tagged', ...list, countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7}));
		test('tagPatternList ["prod"] is exact: {P1}', () => expectActs(byAge({tagPatternList: ['prod']}), images, ['P1']));
		test('tagPrefixList ["prod"]: {P1, P2}', () => expectActs(byAge({tagPrefixList: ['prod']}), images, ['P1', 'P2']));
		test('tagPatternList ["*prod*"]: {P1, P2, Q}', () => expectActs(byAge({tagPatternList: ['*prod*']}), images, ['P1', 'P2', 'Q']));
	});

	test('#10 protection idiom: a keep-10000 release rule shields releases; expire {S, U}', () => {
		const images = [anImage('R', ['release-1'], 400), anImage('S', ['sha-abc'], 40), anImage('U', [], 40), anImage('N', ['sha-def'], 5)];
		const policy = aPolicy(
			aRule(1, {tagStatus: 'tagged', tagPatternList: ['release-*'], countType: 'imageCountMoreThan', countNumber: 10000}),
			aRule(2, {tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30}),
		);
		expectActs(policy, images, ['S', 'U']);
		const result = run(policy, images);
		const protectedR = result.protected.find(p => p.digest === 'R');
		assert.equal(protectedR?.kind, 'claimed');
		assert.equal(protectedR?.claimedByRule, 1);
		assert.equal(protectedR?.wantedByRule, 2);
	});

	test('#11 archive then delete: transition {P}, expire {V}; preview summary matches', () => {
		const images: LifecycleImage[] = [
			anImage('P', ['a'], 200),
			anImage('Q', ['b'], 200, {lastRecordedPullTime: daysAgo(10)}),
			anImage('R', [], 60),
			anImage('V', ['v'], 500, {status: 'ARCHIVED', lastArchivedAt: daysAgo(400)}),
			anImage('W', ['w'], 300, {status: 'ARCHIVED', lastArchivedAt: daysAgo(100)}),
		];
		const policy = aPolicy(
			aRule(1, {tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90}, {type: 'transition', targetStorageClass: 'archive'}),
			aRule(2, {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}),
		);
		assert.deepEqual(validatePolicy(policy).problems.filter(p => p.severity === 'error'), []);
		const result = run(policy, images);
		assert.deepEqual(actedDigests(result, 'transition'), ['P']);
		assert.deepEqual(actedDigests(result, 'expire'), ['V']);
		const preview = toPreview(result);
		assert.equal(preview.summary.expiringImageTotalCount, 1);
		assert.deepEqual(preview.summary.transitioningImageTotalCounts, [{targetStorageClass: 'ARCHIVE', imageTotalCount: 1}]);
	});

	test('#12 multi-arch: children of a present index are protected; expire {o}', () => {
		const images = [
			anImage('I', ['v1'], 100, {childDigests: ['c1', 'c2']}),
			anImage('c1', [], 100), anImage('c2', [], 100), anImage('o', [], 100),
		];
		expectActs(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7})), images, ['o']);
		const result = run(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7})), images);
		const children = result.protected.filter(p => p.kind === 'index-child').map(p => [p.digest, p.parentDigest]).sort();
		assert.deepEqual(children, [['c1', 'I'], ['c2', 'I']]);
	});
});
