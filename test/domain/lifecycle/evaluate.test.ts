// Edge cases of evaluateLifecycle, and a cross-check against a naive reference evaluator.

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {evaluateLifecycle} from '../../../source/domain/lifecycle/evaluate.js';
import {validatePolicy} from '../../../source/domain/lifecycle/validate.js';
import type {LifecycleImage, LifecyclePolicy} from '../../../source/domain/lifecycle/types.js';
import {aPolicy, aRule, actedDigests, anImage, DAY, daysAgo, keepPrefix, NOW, run, seededRandom} from './fixtures.js';
import {randomImages, randomPolicy} from './generators.js';
import {referenceEvaluate} from './reference-evaluate.js';

const anyKeep = (keep: number, priority = 1) => aRule(priority, {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: keep});
const untaggedOlder = (days: number, priority = 1) => aRule(priority, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: days});
const patternOlder = (pattern: string, days: number, priority = 1) => aRule(priority, {tagStatus: 'tagged', tagPatternList: [pattern], countType: 'sinceImagePushed', countUnit: 'days', countNumber: days});

describe('empty and trivial inputs', () => {
	test('zero images', () => {
		const result = run(aPolicy(anyKeep(1)), []);
		assert.deepEqual(result.actions, []);
		assert.deepEqual(result.totals, {images: 0, expiring: 0, transitioning: 0, bytesFreed: 0, bytesTransitioned: 0, protected: 0, followers: 0, followerBytes: 0});
	});

	test('no rule matches any image', () => {
		const result = run(aPolicy(patternOlder('nothing-*', 1)), [anImage('A', ['prod'], 100), anImage('B', [], 100)]);
		assert.deepEqual(result.actions, []);
		assert.equal(result.rules[0]?.candidates, 0);
	});

	test('an empty policy acts on nothing', () => {
		assert.deepEqual(run({rules: []}, [anImage('A', [], 100)]).actions, []);
	});
});

describe('ages: strict, in 24-hour multiples', () => {
	test('exactly N days old is not expired; one millisecond more is', () => {
		const images = [{...anImage('exact', [], 0), pushedAt: NOW - 30 * DAY}, {...anImage('older', [], 0), pushedAt: NOW - 30 * DAY - 1}];
		assert.deepEqual(actedDigests(run(aPolicy(untaggedOlder(30)), images)), ['older']);
	});

	test('reasons say how old, e.g. "pushed 41 days ago > 30"', () => {
		const result = run(aPolicy(untaggedOlder(30)), [anImage('A', [], 41), {...anImage('B', [], 0), pushedAt: NOW - 30 * DAY - 5 * 3_600_000}]);
		assert.deepEqual(result.actions.map(action => action.reason), ['pushed 41 days ago > 30', 'pushed 30 days 5 h ago > 30']);
	});
});

describe('tag matching', () => {
	test('unicode tags match patterns and prefixes code unit by code unit', () => {
		const images = [anImage('A', ['版本-1'], 10), anImage('B', ['build-ü'], 10), anImage('C', ['😀-x'], 10)];
		assert.deepEqual(actedDigests(run(aPolicy(patternOlder('版本-*', 1)), images)), ['A']);
		assert.deepEqual(actedDigests(run(aPolicy(patternOlder('*ü', 1)), images)), ['B']);
		assert.deepEqual(actedDigests(run(aPolicy(aRule(1, {tagStatus: 'tagged', tagPrefixList: ['😀'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1})), images)), ['C']);
	});

	test('an image with 1,000 tags matches when any one tag matches', () => {
		const tags = Array.from({length: 1000}, (_, k) => `build-${k}`);
		const images = [anImage('many', [...tags.slice(0, 999), 'release-9'], 10), anImage('few', ['build-1'], 10)];
		assert.deepEqual(actedDigests(run(aPolicy(patternOlder('release-*', 1)), images)), ['many']);
	});

	test('general patterns with several stars, anchored at both ends', () => {
		const images = [anImage('A', ['a-x-b-y-c'], 10), anImage('B', ['a-x-c-b'], 10), anImage('C', ['za-b-c'], 10)];
		assert.deepEqual(actedDigests(run(aPolicy(patternOlder('a*b*c', 1)), images)), ['A']);
	});
});

describe('ordering, ties and priorities', () => {
	test('ties on push time: the larger digest counts as newer, and the acted one is flagged', () => {
		const images = [anImage('sha256:aaa', [], 5), anImage('sha256:bbb', [], 5), anImage('sha256:ccc', [], 9)];
		const result = run(aPolicy(anyKeep(1)), images);
		assert.deepEqual(actedDigests(result), ['sha256:aaa', 'sha256:ccc']);
		assert.deepEqual(result.actions.map(action => [action.digest, action.tieAtBoundary]), [['sha256:ccc', false], ['sha256:aaa', true]]);
	});

	test('priorities with gaps apply lowest number first, whatever the document order', () => {
		const images = [anImage('A', ['prod-1'], 10), anImage('B', ['prod-2'], 9)];
		const policy = aPolicy(anyKeep(5, 30), keepPrefix(10, ['prod'], 1), untaggedOlder(1, 20));
		const result = run(policy, images);
		assert.deepEqual(result.actions.map(action => [action.digest, action.rulePriority]), [['A', 10]]);
		assert.deepEqual(result.rules.map(rule => rule.rulePriority), [10, 20, 30]);
	});

	test('an `any` rule that is not last (AWS rejects it) still evaluates by priority without throwing', () => {
		const policy = aPolicy(anyKeep(1, 1), keepPrefix(2, ['prod'], 5));
		assert.equal(validatePolicy(policy).ok, false);
		const result = run(policy, [anImage('A', ['prod-1'], 10), anImage('B', ['prod-2'], 9)]);
		assert.deepEqual(actedDigests(result), ['A']);
		assert.equal(result.actions[0]?.rulePriority, 1);
	});

	test('count reasons give the limit; the rank is in `position`', () => {
		const result = run(aPolicy(keepPrefix(1, ['prod'], 1)), [anImage('A', ['prod-1'], 10), anImage('B', ['prod-2'], 9), anImage('C', ['prod-3'], 8)]);
		assert.deepEqual(result.actions.map(action => [action.reason, action.position]), [['beyond the newest 1 of tagged prefix prod', 3], ['beyond the newest 1 of tagged prefix prod', 2]]);
		assert.equal(run(aPolicy(untaggedOlder(1)), [anImage('U', [], 5)]).actions[0]?.position, undefined);
	});

	test('actions are listed by rule priority, oldest first within a rule', () => {
		const images = [anImage('U1', [], 30), anImage('U2', [], 20), anImage('T1', ['x-1'], 40), anImage('T2', ['x-2'], 35), anImage('T3', ['x-3'], 1)];
		const result = run(aPolicy(keepPrefix(1, ['x'], 1), untaggedOlder(10, 2)), images);
		assert.deepEqual(result.actions.map(action => action.digest), ['T1', 'T2', 'U1', 'U2']);
	});
});

describe('protection', () => {
	test('a higher rule that keeps an image protects it from every lower rule, and says so', () => {
		const images = [anImage('R', ['release-1'], 400), anImage('S', ['sha-1'], 400)];
		const result = run(aPolicy(patternOlder('release-*', 10_000, 1), anyKeep(0 + 1, 2)), images);
		assert.deepEqual(actedDigests(result), []);
		const protectedR = result.protected.find(entry => entry.digest === 'R');
		assert.equal(protectedR?.kind, 'claimed');
		assert.equal(protectedR?.reason, 'rule 2 would expire it (#2, beyond the newest 1 of any), but rule 1 (tagged release-*) selects it first, which protects it');
	});

	test('claimed images still occupy keep slots of later count rules', () => {
		const images = [anImage('P', ['prod-1'], 1), anImage('D', ['dev-1'], 2)];
		const result = run(aPolicy(keepPrefix(1, ['prod'], 5), anyKeep(1, 2)), images);
		assert.deepEqual(actedDigests(result), ['D']);
	});
});

describe('storage classes and archive', () => {
	test('standard rules do not see archived images, and archive rules do not see standard ones', () => {
		const images = [anImage('S', [], 500), anImage('A', [], 500, {status: 'ARCHIVED', lastArchivedAt: daysAgo(400)})];
		const policy = aPolicy(
			untaggedOlder(1, 1),
			aRule(2, {tagStatus: 'untagged', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}),
		);
		const result = run(policy, images);
		assert.deepEqual(result.actions.map(action => [action.digest, action.rulePriority, action.storageClass]), [['S', 1, 'standard'], ['A', 2, 'archive']]);
	});

	test('archived images are expired by time in archive, not push time', () => {
		const images = [
			anImage('old-push-recent-archive', [], 900, {status: 'ARCHIVED', lastArchivedAt: daysAgo(100)}),
			anImage('recent-push-old-archive', [], 400, {status: 'ARCHIVED', lastArchivedAt: daysAgo(366)}),
		];
		const policy = aPolicy(aRule(1, {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}));
		const result = run(policy, images);
		assert.deepEqual(actedDigests(result), ['recent-push-old-archive']);
		assert.equal(result.actions[0]?.reason, 'archived 366 days ago > 365');
	});

	test('transition totals and bytes are separate from expiry', () => {
		const images = [anImage('A', [], 100, {sizeInBytes: 10}), anImage('B', [], 100, {sizeInBytes: 5, status: 'ARCHIVED', lastArchivedAt: daysAgo(200)})];
		const policy = aPolicy(
			aRule(1, {tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 30}, {type: 'transition', targetStorageClass: 'archive'}),
			aRule(2, {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90}),
		);
		const {totals} = run(policy, images);
		assert.deepEqual([totals.expiring, totals.transitioning, totals.bytesFreed, totals.bytesTransitioned], [1, 1, 5, 10]);
	});
});

describe('restored images (lastActivatedAt)', () => {
	const pulled = (days: number) => aRule(1, {tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: days}, {type: 'transition', targetStorageClass: 'archive'});

	test('restore time replaces push time for ordering', () => {
		const images = [anImage('restored', ['a'], 300, {lastActivatedAt: daysAgo(1)}), anImage('recent', ['b'], 10)];
		assert.deepEqual(actedDigests(run(aPolicy(anyKeep(1)), images)), ['recent']);
	});

	test('restore time replaces push time for sinceImagePushed', () => {
		const images = [anImage('restored', [], 300, {lastActivatedAt: daysAgo(5)})];
		assert.deepEqual(actedDigests(run(aPolicy(untaggedOlder(30)), images)), []);
		assert.equal(run(aPolicy(untaggedOlder(3)), images).actions[0]?.reason, 'restored 5 days ago > 3');
	});

	test('sinceImagePulled uses the later of last pull and restore; never pulled falls back to push', () => {
		const images = [
			anImage('never-pulled', [], 100),
			anImage('pulled-long-ago-restored-recently', [], 300, {lastRecordedPullTime: daysAgo(200), lastActivatedAt: daysAgo(10)}),
			anImage('restored-long-ago', [], 300, {lastActivatedAt: daysAgo(95)}),
			anImage('pulled-recently', [], 300, {lastRecordedPullTime: daysAgo(3)}),
		];
		const result = run(aPolicy(pulled(90)), images);
		assert.deepEqual(actedDigests(result), ['never-pulled', 'restored-long-ago']);
		assert.deepEqual(result.actions.map(action => action.reason).sort(), ['never pulled; pushed 100 days ago > 90', 'restored 95 days ago, not pulled since > 90']);
	});
});

describe('image indexes and referrers', () => {
	test('a child occupies a keep slot but is never acted on while its index is present', () => {
		const older = [anImage('I', ['v1'], 10, {childDigests: ['c']}), anImage('c', [], 9), anImage('o', [], 20)];
		assert.deepEqual(actedDigests(run(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1})), older)), ['o']);
		const newer = [anImage('I', ['v1'], 10, {childDigests: ['c']}), anImage('c', [], 30), anImage('o', [], 20)];
		const result = run(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1})), newer);
		assert.deepEqual(actedDigests(result), []);
		assert.equal(result.protected[0]?.kind, 'index-child');
	});

	test('children stay protected when their index expires in the same run', () => {
		const images = [anImage('I', [], 100, {childDigests: ['c1']}), anImage('c1', [], 100)];
		const result = run(aPolicy(untaggedOlder(7)), images);
		assert.deepEqual(actedDigests(result), ['I']);
		assert.match(result.protected.find(entry => entry.digest === 'c1')?.reason ?? '', /becomes eligible in a later run/);
	});

	test('an index that lists a digest not in the list protects nothing', () => {
		assert.deepEqual(actedDigests(run(aPolicy(untaggedOlder(7)), [anImage('I', ['v'], 1, {childDigests: ['gone']}), anImage('o', [], 100)])), ['o']);
	});

	test('referrers follow their subject, transitively, and are not counted as expiring', () => {
		const images = [
			anImage('X', [], 100, {sizeInBytes: 100}),
			anImage('sig', [], 1, {subjectDigest: 'X', sizeInBytes: 3}),
			anImage('sig-of-sig', [], 1, {subjectDigest: 'sig', sizeInBytes: 2}),
			anImage('Y', ['keep'], 100),
			anImage('sbom', [], 1, {subjectDigest: 'Y'}),
		];
		const result = run(aPolicy(untaggedOlder(30)), images);
		assert.deepEqual(actedDigests(result), ['X']);
		assert.deepEqual(result.followers.map(follower => [follower.digest, follower.subjectDigest, follower.action]), [['sig', 'X', 'expire'], ['sig-of-sig', 'sig', 'expire']]);
		assert.deepEqual([result.totals.expiring, result.totals.followers, result.totals.followerBytes], [1, 2, 5]);
	});

	test('referrers occupy keep slots like any image', () => {
		const images = [anImage('X', ['app'], 10), anImage('sig', [], 1, {subjectDigest: 'X'})];
		assert.deepEqual(actedDigests(run(aPolicy(anyKeep(1)), images)), ['X']);
	});
});

describe('ACTIVATING images', () => {
	test('are seen by no rule: no keep slot, no action, listed as protected', () => {
		const images = [anImage('restoring', [], 1, {status: 'ACTIVATING'}), anImage('A', [], 5), anImage('B', [], 6)];
		const result = run(aPolicy(anyKeep(1)), images);
		assert.deepEqual(actedDigests(result), ['B']);
		assert.deepEqual(result.protected.map(entry => [entry.digest, entry.kind]), [['restoring', 'activating']]);
	});
});

describe('scale', () => {
	test('100,000 images: counts and bytes are exact', () => {
		const images: LifecycleImage[] = [];
		for (let k = 0; k < 100_000; k++) images.push({digest: `d${k}`, tags: k % 2 === 0 ? [] : [`build-${k}`], sizeInBytes: 2, pushedAt: NOW - k * 60_000, status: 'ACTIVE'});
		const policy = aPolicy(keepPrefix(1, ['build'], 1000), aRule(2, {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 10}));
		const result = run(policy, images);
		assert.equal(result.totals.expiring, 49_000 + 49_990);
		assert.equal(result.totals.bytesFreed, 2 * (49_000 + 49_990));
		assert.deepEqual(result.rules.map(rule => [rule.candidates, rule.expiring]), [[50_000, 49_000], [50_000, 49_990]]);
		// The oldest image (largest k) is listed first.
		assert.equal(result.actions[0]?.digest, 'd99999');
	});
});

describe('robustness on policies that skipped validation', () => {
	test('uninterpretable rules are skipped with a reason, others still run', () => {
		const policy = {rules: [null, {rulePriority: 1}, {rulePriority: 2, selection: {tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1}, action: {type: 'expire'}}, anyKeep(1, 3)]} as unknown as LifecyclePolicy;
		const result = evaluateLifecycle({policy, images: [anImage('A', [], 1), anImage('B', [], 2)], now: NOW});
		assert.deepEqual(result.skippedRules.map(rule => rule.index), [0, 1, 2]);
		assert.deepEqual(actedDigests(result), ['B']);
	});

	test('garbage image fields do not throw', () => {
		const images = [{digest: 'x', tags: [1, null] as unknown as string[], sizeInBytes: Number.NaN, pushedAt: Number.NaN, status: 'WEIRD'} as unknown as LifecycleImage];
		const result = evaluateLifecycle({policy: aPolicy(anyKeep(1), patternOlder('*', 1, 0)), images, now: NOW});
		assert.equal(result.totals.images, 1);
	});
});

describe('cross-check against a naive reference evaluator', () => {
	test('500 generated repositories and valid policies give the same acted-on set', () => {
		const random = seededRandom(20_260_301);
		let compared = 0;
		let acted = 0;
		for (let round = 0; round < 500; round++) {
			const policy = randomPolicy(random);
			if (!validatePolicy(policy).ok) continue;
			const images = randomImages(random, 1 + Math.floor(random() * 40));
			const expected = referenceEvaluate(policy, images, NOW);
			const result = run(policy, images);
			const actual = new Map(result.actions.map(action => [action.digest, {rule: action.rulePriority, action: action.action}]));
			assert.deepEqual(actual, expected, `round ${round}: ${JSON.stringify(policy)}`);
			compared++;
			acted += expected.size;
		}
		assert.ok(compared > 300, `only ${compared} valid policies generated`);
		assert.ok(acted > 1000, `only ${acted} acted-on images: the generator is too tame`);
	});
});
