import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	DeleteLifecyclePolicyCommand,
	ECRClient,
	GetLifecyclePolicyCommand,
	GetLifecyclePolicyPreviewCommand,
	type GetLifecyclePolicyPreviewCommandOutput,
	PutLifecyclePolicyCommand,
	StartLifecyclePolicyPreviewCommand,
} from '@aws-sdk/client-ecr';
import {clientConfig, useSimulator} from '../helpers/sim.js';
import type {VirtualClock} from '../../source/sim/clock.js';

const sim = await useSimulator();
const ecr = new ECRClient(clientConfig(sim));
const clock = sim.clock as VirtualClock;

const untaggedPolicy = JSON.stringify(
	{rules: [{rulePriority: 1, description: 'expire untagged after 14 days', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}}]},
	null,
	2,
);

test('PutLifecyclePolicy rejects the classic guide mistake with AWS’s envelope', async () => {
	const invalid = JSON.stringify({rules: [{rulePriority: 1, selection: {tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 10}, action: {type: 'expire'}}]}, null, 2);
	await assert.rejects(ecr.send(new PutLifecyclePolicyCommand({repositoryName: 'notifications', lifecyclePolicyText: invalid})), (error: Error) => {
		assert.equal(error.name, 'InvalidParameterException');
		assert.equal(error.message, "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.'");
		return true;
	});
});

test('Put, Get and Delete round trip', async () => {
	await ecr.send(new PutLifecyclePolicyCommand({repositoryName: 'search-indexer', lifecyclePolicyText: untaggedPolicy}));
	const got = await ecr.send(new GetLifecyclePolicyCommand({repositoryName: 'search-indexer'}));
	assert.equal(got.lifecyclePolicyText, untaggedPolicy);
	const deleted = await ecr.send(new DeleteLifecyclePolicyCommand({repositoryName: 'search-indexer'}));
	assert.equal(deleted.lifecyclePolicyText, untaggedPolicy);
	await assert.rejects(ecr.send(new GetLifecyclePolicyCommand({repositoryName: 'search-indexer'})), {name: 'LifecyclePolicyNotFoundException'});
});

test('a preview is IN_PROGRESS, then COMPLETE with paged results and a summary', async () => {
	await ecr.send(new StartLifecyclePolicyPreviewCommand({repositoryName: 'data-pipeline', lifecyclePolicyText: untaggedPolicy}));
	const early = await ecr.send(new GetLifecyclePolicyPreviewCommand({repositoryName: 'data-pipeline'}));
	assert.equal(early.status, 'IN_PROGRESS');
	await assert.rejects(ecr.send(new StartLifecyclePolicyPreviewCommand({repositoryName: 'data-pipeline', lifecyclePolicyText: untaggedPolicy})), {name: 'LifecyclePolicyPreviewInProgressException'});
	clock.advance(10_000);
	const first = await ecr.send(new GetLifecyclePolicyPreviewCommand({repositoryName: 'data-pipeline', maxResults: 100}));
	assert.equal(first.status, 'COMPLETE');
	assert.equal(first.previewResults?.length, 100);
	assert.ok(first.nextToken);
	assert.ok((first.summary?.expiringImageTotalCount ?? 0) > 800);
	assert.equal(first.previewResults?.[0]?.action?.type, 'EXPIRE');
	assert.equal(first.previewResults?.[0]?.appliedRulePriority, 1);
	assert.ok(first.previewResults?.[0]?.imagePushedAt instanceof Date);
	let total = first.previewResults?.length ?? 0;
	let token: string | undefined = first.nextToken;
	while (token) {
		const next: GetLifecyclePolicyPreviewCommandOutput = await ecr.send(new GetLifecyclePolicyPreviewCommand({repositoryName: 'data-pipeline', maxResults: 100, nextToken: token}));
		total += next.previewResults?.length ?? 0;
		token = next.nextToken;
	}
	assert.equal(total, first.summary?.expiringImageTotalCount);
});

test('a new policy takes effect in the simulated account after it is put', async () => {
	const repository = sim.world.region('123456789012', 'us-east-1').ecr.repositories.get('notifications')!;
	const untagged = [...repository.images.values()].filter(image => image.tags.length === 0).length;
	assert.ok(untagged > 0);
	await ecr.send(new PutLifecyclePolicyCommand({repositoryName: 'notifications', lifecyclePolicyText: untaggedPolicy}));
	clock.advance(3 * 60_000);
	await ecr.send(new GetLifecyclePolicyCommand({repositoryName: 'notifications'}));
	assert.equal([...repository.images.values()].filter(image => image.tags.length === 0).length, 0);
	assert.ok(repository.lifecycle?.lastEvaluatedAt !== undefined);
});
