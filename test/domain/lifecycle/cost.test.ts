import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {BYTES_PER_GB, DEFAULT_PRICE_PER_GB_MONTH, estimateSavings, monthlyStorageCost} from '../../../source/domain/lifecycle/cost.js';
import {aPolicy, aRule, anImage, run} from './fixtures.js';

describe('cost', () => {
	test('1 GiB at the default price is $0.10 a month', () => {
		assert.equal(DEFAULT_PRICE_PER_GB_MONTH, 0.1);
		assert.equal(monthlyStorageCost(BYTES_PER_GB), 0.1);
		assert.equal(monthlyStorageCost(BYTES_PER_GB / 2, 0.2), 0.1);
	});

	test('nonsense inputs cost nothing instead of NaN', () => {
		assert.deepEqual([monthlyStorageCost(-5), monthlyStorageCost(Number.NaN), monthlyStorageCost(10, Number.NaN), monthlyStorageCost(0)], [0, 0, 0, 0]);
	});

	test('expiring saves the whole price; archiving saves only the price difference', () => {
		const images = [anImage('E', [], 100, {sizeInBytes: 2 * BYTES_PER_GB}), anImage('T', ['t'], 100, {sizeInBytes: 10 * BYTES_PER_GB})];
		const result = run(aPolicy(
			aRule(1, {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30}),
			aRule(2, {tagStatus: 'tagged', tagPatternList: ['t'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30}, {type: 'transition', targetStorageClass: 'archive'}),
		), images);
		assert.deepEqual(estimateSavings(result), {expire: 0.2, transition: 0, total: 0.2});
		const cheaper = estimateSavings(result, {pricePerGbMonth: 0.1, archivePricePerGbMonth: 0.07});
		assert.ok(Math.abs(cheaper.transition - 0.3) < 1e-9);
	});
});
