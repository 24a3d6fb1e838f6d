import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {imageChecks} from '../../../source/domain/diagnosis/image-checks.js';
import {checkIdMatches, isPathCheck, relevantChecks} from '../../../source/domain/diagnosis/relevance.js';
import type {Check} from '../../../source/domain/diagnosis/types.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1';

describe('imageChecks', () => {
	test('found in the task Region: both pass', () => {
		const checks = imageChecks({image: IMAGE, taskRegion: 'us-east-1', lookup: {kind: 'found', imageDigest: 'sha256:abc'}});
		assert.deepEqual(
			checks.map(check => [check.id, check.status]),
			[
				['image:exists', 'pass'],
				['image:region', 'pass'],
			],
		);
		assert.match(checks[0]?.evidence ?? '', /web:v1 exists in 123456789012\/us-east-1 \(sha256:abc\)/);
	});

	test('archived image fails with a restore command', () => {
		const [exists] = imageChecks({image: IMAGE, lookup: {kind: 'found', imageDigest: 'sha256:abc', archived: true}});
		assert.equal(exists?.status, 'fail');
		assert.match(exists?.evidence ?? '', /archived/);
		assert.match(exists?.fix ?? '', /update-image-storage-class --repository-name web --image-id imageDigest=sha256:abc --target-storage-class STANDARD/);
	});

	test('cross-Region: warn with an internet path, fail with endpoints only', () => {
		const warn = imageChecks({image: IMAGE, taskRegion: 'eu-west-1', egress: 'internet'}).find(check => check.id === 'image:region');
		assert.equal(warn?.status, 'warn');
		const fail = imageChecks({image: IMAGE, taskRegion: 'eu-west-1', egress: 'endpoints-only'}).find(check => check.id === 'image:region');
		assert.equal(fail?.status, 'fail');
	});

	test('repository missing: exists fails; Region fails only when it exists elsewhere', () => {
		const plain = imageChecks({image: IMAGE, taskRegion: 'us-east-1', lookup: {kind: 'repository-not-found'}});
		assert.deepEqual(
			plain.map(check => [check.id, check.status]),
			[
				['image:exists', 'fail'],
				['image:region', 'pass'],
			],
		);
		const elsewhere = imageChecks({image: IMAGE, lookup: {kind: 'repository-not-found', existsInRegions: ['us-west-2']}});
		assert.equal(elsewhere.find(check => check.id === 'image:region')?.fix, 'Use 123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v1 in the task definition');
	});

	test('lookup failures are unknown, non-ECR images are not checked', () => {
		assert.equal(imageChecks({image: IMAGE, lookup: {kind: 'unknown', reason: 'missing ecr:DescribeImages'}})[0]?.status, 'unknown');
		assert.deepEqual(imageChecks({image: 'nginx:1.27', taskRegion: 'us-east-1', lookup: {kind: 'found'}}), []);
		assert.deepEqual(imageChecks({image: 'not a ref', taskRegion: 'us-east-1'}), []);
	});
});

describe('check relevance', () => {
	const make = (id: string, status: Check['status'] = 'fail'): Check => ({id, group: id.split(':')[0] as Check['group'], title: id, status, evidence: id});

	test('ids match exactly or by refinement', () => {
		assert.equal(checkIdMatches('network:ecr-api', 'network:ecr-api'), true);
		assert.equal(checkIdMatches('network:ecr-api:dns', 'network:ecr-api'), true);
		assert.equal(checkIdMatches('network:ecr-api/vpce-1', 'network:ecr-api'), true);
		assert.equal(checkIdMatches('network:ecr-apix', 'network:ecr-api'), false);
	});

	test('path checks are network checks not about one destination', () => {
		assert.equal(isPathCheck('network:route'), true);
		assert.equal(isPathCheck('network:nat-gateway'), true);
		assert.equal(isPathCheck('network:s3'), false);
		assert.equal(isPathCheck('network:ecr-dkr:dns'), false);
		assert.equal(isPathCheck('iam:ecr-auth'), false);
	});

	test('direct matches first, in wanted order, then path checks; other destinations ignored', () => {
		const checks = [make('network:route'), make('network:s3'), make('network:ecr-api'), make('image:region'), make('iam:ecr-auth')];
		const relevant = relevantChecks(checks, ['image:region', 'network:ecr-api']);
		assert.deepEqual(
			relevant.map(item => [item.check.id, item.relevance]),
			[
				['image:region', 'direct'],
				['network:ecr-api', 'direct'],
				['network:route', 'path'],
			],
		);
	});

	test('non-network wants do not pull in path checks', () => {
		assert.deepEqual(relevantChecks([make('network:route'), make('image:exists')], ['image:exists']).map(item => item.check.id), ['image:exists']);
	});
});
