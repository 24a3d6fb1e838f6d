// Pins every documented choice of LIFECYCLE_ASSUMPTIONS with a test, and checks each id is
// cited next to the code that implements it.

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {LIFECYCLE_ASSUMPTIONS} from '../../../source/domain/lifecycle/assumptions.js';
import {BYTES_PER_GB, monthlyStorageCost} from '../../../source/domain/lifecycle/cost.js';
import {validatePolicy, validatePolicyText} from '../../../source/domain/lifecycle/validate.js';
import {aPolicy, aRule, actedDigests, anImage, DAY, daysAgo, keepPrefix, NOW, run} from './fixtures.js';

const pinned = new Set<string>();

function pin(id: string, name: string, body: () => void): void {
	pinned.add(id);
	test(`${id}: ${name}`, body);
}

describe('LIFECYCLE_ASSUMPTIONS', () => {
	pin('push-time-ties', 'equal push times: the larger digest is newer; the acted one is flagged', () => {
		const images = [anImage('sha256:1', ['a'], 3), anImage('sha256:2', ['b'], 3)];
		const result = run(aPolicy(aRule(1, {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1})), images);
		assert.deepEqual(actedDigests(result), ['sha256:1']);
		assert.equal(result.actions[0]?.tieAtBoundary, true);
	});

	pin('day-arithmetic', '30 days = 30 x 24 h, strict', () => {
		const policy = aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30}));
		assert.deepEqual(actedDigests(run(policy, [{...anImage('A', [], 0), pushedAt: NOW - 30 * DAY}])), []);
		assert.deepEqual(actedDigests(run(policy, [{...anImage('A', [], 0), pushedAt: NOW - 30 * DAY - 1}])), ['A']);
	});

	pin('restored-reference-time', 'restore time for order and age; later of pull and restore for sinceImagePulled', () => {
		const pulled = aPolicy(aRule(1, {tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 30}, {type: 'transition', targetStorageClass: 'archive'}));
		assert.deepEqual(actedDigests(run(pulled, [anImage('A', [], 400, {lastRecordedPullTime: daysAgo(300), lastActivatedAt: daysAgo(10)})])), []);
		assert.deepEqual(actedDigests(run(pulled, [anImage('A', [], 400, {lastRecordedPullTime: daysAgo(10), lastActivatedAt: daysAgo(300)})])), []);
		assert.deepEqual(actedDigests(run(pulled, [anImage('A', [], 400, {lastRecordedPullTime: daysAgo(31), lastActivatedAt: daysAgo(35)})])), ['A']);
	});

	pin('index-children', 'children are never acted on while their index is present, but take slots', () => {
		const images = [anImage('I', ['v'], 50, {childDigests: ['c']}), anImage('c', [], 1), anImage('o', [], 2)];
		const result = run(aPolicy(aRule(1, {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1})), images);
		assert.deepEqual(actedDigests(result), ['o'], 'c (newest untagged) took the only slot');
	});

	pin('activating-images', 'ACTIVATING images are invisible to rules', () => {
		const result = run(aPolicy(aRule(1, {tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1})), [anImage('R', [], 100, {status: 'ACTIVATING'})]);
		assert.deepEqual(actedDigests(result), []);
		assert.equal(result.protected[0]?.kind, 'activating');
		assert.equal(result.rules[0]?.candidates, 0);
	});

	pin('referrers', 'referrers follow their subject and are not in the expiring count', () => {
		const result = run(aPolicy(aRule(1, {tagStatus: 'tagged', tagPatternList: ['old'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1})),
			[anImage('S', ['old'], 10), anImage('sig', [], 0, {subjectDigest: 'S'})]);
		assert.deepEqual(actedDigests(result), ['S']);
		assert.deepEqual(result.followers.map(follower => follower.digest), ['sig']);
		assert.equal(result.totals.expiring, 1);
	});

	pin('case-sensitive-tags', '"prod*" does not match "Prod-1"', () => {
		const policy = aPolicy(aRule(1, {tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1}));
		assert.deepEqual(actedDigests(run(policy, [anImage('A', ['Prod-1'], 10), anImage('B', ['prod-1'], 10)])), ['B']);
	});

	pin('exact-pattern', 'a pattern without * is exact; a prefix is not', () => {
		const images = [anImage('A', ['latest'], 10), anImage('B', ['latest-2'], 10)];
		const byAge = (selection: Record<string, unknown>) => aPolicy(aRule(1, {tagStatus: 'tagged', ...selection, countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1}));
		assert.deepEqual(actedDigests(run(byAge({tagPatternList: ['latest']}), images)), ['A']);
		assert.deepEqual(actedDigests(run(byAge({tagPrefixList: ['latest']}), images)), ['A', 'B']);
	});

	pin('unique-tag-lists', 'identical lists are an error, overlapping ones a warning', () => {
		const identical = validatePolicy(aPolicy(keepPrefix(1, ['a', 'b'], 1), keepPrefix(2, ['b', 'a'], 1)));
		assert.ok(identical.problems.some(problem => problem.code === 'duplicate-tag-list' && problem.severity === 'error'));
		const overlapping = validatePolicy(aPolicy(keepPrefix(1, ['a'], 1), keepPrefix(2, ['ab'], 1)));
		assert.ok(overlapping.ok);
		assert.ok(overlapping.problems.some(problem => problem.code === 'overlapping-tag-prefixes' && problem.severity === 'warning'));
	});

	pin('archived-without-time', 'an archived image without lastArchivedAt is never expired by time in archive', () => {
		const policy = aPolicy(aRule(1, {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90}));
		assert.deepEqual(actedDigests(run(policy, [anImage('A', [], 1000, {status: 'ARCHIVED'})])), []);
	});

	pin('archive-minimum-days', 'sinceImageTransitioned below 90 days is an error', () => {
		const policy = aPolicy(aRule(1, {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 89}));
		assert.ok(validatePolicy(policy).problems.some(problem => problem.code === 'archive-minimum-days' && problem.severity === 'error'));
	});

	pin('duplicate-keys', 'the last value counts, with a warning', () => {
		const text = JSON.stringify(aPolicy(keepPrefix(1, ['a'], 1)), null, 2).replace('"countNumber": 1', '"countNumber": 0, "countNumber": 1');
		const result = validatePolicyText(text);
		assert.ok(result.ok, 'countNumber 0 was overridden by 1');
		assert.ok(result.problems.some(problem => problem.code === 'duplicate-key'));
	});

	pin('gigabyte', '1 GB = 2^30 bytes', () => {
		assert.equal(BYTES_PER_GB, 1_073_741_824);
		assert.equal(monthlyStorageCost(1024 * BYTES_PER_GB, 0.1), 102.4);
	});

	test('every assumption is pinned above, ids are unique and texts are short', () => {
		const ids = LIFECYCLE_ASSUMPTIONS.map(assumption => assumption.id);
		assert.equal(new Set(ids).size, ids.length);
		assert.deepEqual([...ids].sort(), [...pinned].sort());
		for (const assumption of LIFECYCLE_ASSUMPTIONS) assert.ok(assumption.text.length > 20 && assumption.text.length < 400, assumption.id);
	});

	test('every assumption id is cited in the source next to its code', () => {
		const folder = new URL('../../../source/domain/lifecycle/', import.meta.url).pathname;
		const source = readdirSync(folder).filter(file => file.endsWith('.ts') && file !== 'assumptions.ts').map(file => readFileSync(join(folder, file), 'utf8')).join('\n');
		for (const {id} of LIFECYCLE_ASSUMPTIONS) assert.ok(source.includes(`\`${id}\``), `assumption ${id} is not cited in source/domain/lifecycle`);
	});
});
