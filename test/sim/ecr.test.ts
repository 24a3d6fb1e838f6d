import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	BatchDeleteImageCommand,
	BatchGetImageCommand,
	DescribeImageScanFindingsCommand,
	DescribeImagesCommand,
	DescribeRepositoriesCommand,
	ECRClient,
	GetAuthorizationTokenCommand,
	GetLifecyclePolicyCommand,
	GetRepositoryPolicyCommand,
	ListImagesCommand,
	paginateDescribeImages,
} from '@aws-sdk/client-ecr';
import {STSClient, GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {clientConfig, useSimulator} from '../helpers/sim.js';
import {addImage, addMultiArchImage, addRepository} from '../../source/sim/scenarios/factory.js';

const sim = await useSimulator();
const ecr = new ECRClient(clientConfig(sim));

test('STS GetCallerIdentity names the demo principal', async () => {
	const sts = new STSClient(clientConfig(sim));
	const identity = await sts.send(new GetCallerIdentityCommand({}));
	assert.equal(identity.Account, '123456789012');
	assert.match(identity.Arn ?? '', /assumed-role\/DemoAdmin/);
});

test('DescribeRepositories returns every field the screen shows', async () => {
	const {repositories = []} = await ecr.send(new DescribeRepositoriesCommand({maxResults: 1000}));
	const payments = repositories.find(repository => repository.repositoryName === 'payments-api');
	assert.ok(payments);
	assert.equal(payments.repositoryUri, '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api');
	assert.equal(payments.imageTagMutability, 'IMMUTABLE');
	assert.equal(payments.imageScanningConfiguration?.scanOnPush, true);
	assert.equal(payments.encryptionConfiguration?.encryptionType, 'AES256');
	assert.ok(payments.createdAt instanceof Date);
	assert.ok(!repositories.some(repository => repository.repositoryArn?.includes('us-west-2')), 'regions stay apart');
});

test('DescribeRepositories pages with nextToken and rejects maxResults above 1000', async () => {
	const first = await ecr.send(new DescribeRepositoriesCommand({maxResults: 3}));
	assert.equal(first.repositories?.length, 3);
	assert.ok(first.nextToken);
	const second = await ecr.send(new DescribeRepositoriesCommand({maxResults: 3, nextToken: first.nextToken}));
	assert.notDeepEqual(second.repositories?.map(r => r.repositoryName), first.repositories?.map(r => r.repositoryName));
	await assert.rejects(ecr.send(new DescribeRepositoriesCommand({maxResults: 1001})), (error: Error) => {
		assert.equal(error.name, 'ValidationException');
		assert.match(error.message, /less than or equal to 1000/);
		return true;
	});
});

test('DescribeRepositories by name fails like AWS for a missing repository', async () => {
	await assert.rejects(ecr.send(new DescribeRepositoriesCommand({repositoryNames: ['nope']})), (error: Error) => {
		assert.equal(error.name, 'RepositoryNotFoundException');
		assert.equal(error.message, "The repository with name 'nope' does not exist in the registry with id '123456789012'");
		return true;
	});
});

test('DescribeImages pages through a repository and applies the tagStatus filter', async () => {
	let count = 0;
	let untagged = 0;
	for await (const page of paginateDescribeImages({client: ecr, pageSize: 1000}, {repositoryName: 'data-pipeline'})) {
		for (const detail of page.imageDetails ?? []) {
			count++;
			if (!detail.imageTags?.length) untagged++;
			assert.ok(detail.imagePushedAt instanceof Date);
			assert.ok((detail.imageSizeInBytes ?? 0) > 0);
		}
	}
	assert.ok(count > 900, `data-pipeline has years of images (${count})`);
	const filtered = await ecr.send(new DescribeImagesCommand({repositoryName: 'data-pipeline', filter: {tagStatus: 'UNTAGGED'}, maxResults: 1000}));
	assert.equal(filtered.imageDetails?.length, untagged);
});

test('DescribeImages carries scan summaries, pull times and media types', async () => {
	const {imageDetails = []} = await ecr.send(new DescribeImagesCommand({repositoryName: 'web-frontend', maxResults: 1000}));
	const index = imageDetails.find(detail => detail.imageTags?.includes('latest'));
	assert.equal(index?.imageManifestMediaType, 'application/vnd.oci.image.index.v1+json');
	assert.ok(index?.lastRecordedPullTime instanceof Date);
	const signature = imageDetails.find(detail => detail.artifactMediaType === 'application/vnd.dev.cosign.artifact.sig.v1+json');
	assert.equal(signature?.subjectManifestDigest?.startsWith('sha256:'), true);
	const scanned = imageDetails.find(detail => detail.imageScanFindingsSummary?.findingSeverityCounts?.HIGH);
	assert.ok(scanned, 'some images have HIGH findings');
});

test('DescribeImages with imageIds fails with ImageNotFoundException for a missing tag', async () => {
	await assert.rejects(ecr.send(new DescribeImagesCommand({repositoryName: 'legacy-batch', imageIds: [{imageTag: '2024.09'}]})), {name: 'ImageNotFoundException'});
	await assert.rejects(ecr.send(new DescribeImagesCommand({repositoryName: 'legacy-batch', imageIds: [{imageTag: '2024.07'}], maxResults: 5})), {name: 'InvalidParameterException'});
});

test('ListImages lists one entry per tag and untagged images once', async () => {
	const {imageIds = []} = await ecr.send(new ListImagesCommand({repositoryName: 'payments-api', maxResults: 1000}));
	const latest = imageIds.filter(id => id.imageTag === 'latest' || id.imageTag === 'v2.26.0');
	assert.equal(latest.length, 2);
	assert.equal(new Set(latest.map(id => id.imageDigest)).size, 1);
	assert.ok(imageIds.some(id => id.imageTag === undefined));
});

test('BatchGetImage returns manifests and reports missing images as failures', async () => {
	const result = await ecr.send(new BatchGetImageCommand({repositoryName: 'web-frontend', imageIds: [{imageTag: 'latest'}, {imageTag: 'missing'}]}));
	assert.equal(result.images?.length, 1);
	const manifest = JSON.parse(result.images?.[0]?.imageManifest ?? '{}') as {manifests?: unknown[]};
	assert.equal(manifest.manifests?.length, 2);
	assert.deepEqual(result.failures?.map(failure => failure.failureCode), ['ImageNotFound']);
});

test('BatchDeleteImage deletes by digest, protects index children, and reports failures', async () => {
	const repository = addRepository(sim.world, '123456789012', 'us-east-1', 'delete-me');
	const plain = addImage(repository, {seed: 'a', tags: ['one', 'two'], pushedAt: 1, sizeInBytes: 10});
	const {index, children} = addMultiArchImage(repository, {seed: 'm', tags: ['multi'], pushedAt: 2, platforms: [{os: 'linux', architecture: 'amd64', size: 5}]});
	const result = await ecr.send(
		new BatchDeleteImageCommand({
			repositoryName: 'delete-me',
			imageIds: [{imageDigest: plain.digest}, {imageDigest: children[0]!.digest}, {imageDigest: 'sha256:' + 'f'.repeat(64)}, {imageDigest: 'bogus'}],
		}),
	);
	assert.ok(result.imageIds?.some(id => id.imageDigest === plain.digest));
	assert.deepEqual(result.failures?.map(failure => failure.failureCode), ['ImageReferencedByManifestList', 'ImageNotFound', 'InvalidImageDigest']);
	assert.equal(result.failures?.[0]?.failureReason, `Requested image referenced by manifest list: [${index.digest}]`);
	assert.equal(repository.images.has(plain.digest), false);
	assert.equal(repository.images.has(children[0]!.digest), true);
	await assert.rejects(ecr.send(new BatchDeleteImageCommand({repositoryName: 'delete-me', imageIds: Array.from({length: 101}, (_, n) => ({imageTag: `t${n}`}))})), {name: 'ValidationException'});
});

test('BatchDeleteImage by tag removes only the tag while others remain', async () => {
	const repository = addRepository(sim.world, '123456789012', 'us-east-1', 'tags-only');
	const image = addImage(repository, {seed: 'b', tags: ['keep', 'drop'], pushedAt: 1, sizeInBytes: 10});
	await ecr.send(new BatchDeleteImageCommand({repositoryName: 'tags-only', imageIds: [{imageTag: 'drop'}]}));
	assert.deepEqual(repository.images.get(image.digest)?.tags, ['keep']);
});

test('DescribeImageScanFindings, GetRepositoryPolicy, GetLifecyclePolicy and GetAuthorizationToken', async () => {
	const findings = await ecr.send(new DescribeImageScanFindingsCommand({repositoryName: 'payments-api', imageId: {imageTag: 'v2.1.0'}}));
	assert.ok((findings.imageScanFindings?.findings?.length ?? 0) > 0);
	assert.ok(findings.imageScanFindings?.findings?.[0]?.name?.startsWith('CVE-'));
	// The counts cover every finding (all pages), by severity.
	const counted = Object.values(findings.imageScanFindings?.findingSeverityCounts ?? {}).reduce((sum, count) => sum + count, 0);
	assert.ok(counted >= (findings.imageScanFindings?.findings?.length ?? 0) && counted > 0, `findingSeverityCounts: ${JSON.stringify(findings.imageScanFindings?.findingSeverityCounts)}`);
	await assert.rejects(ecr.send(new GetRepositoryPolicyCommand({repositoryName: 'payments-api'})), {name: 'RepositoryPolicyNotFoundException'});
	const lifecycle = await ecr.send(new GetLifecyclePolicyCommand({repositoryName: 'payments-api'}));
	assert.match(lifecycle.lifecyclePolicyText ?? '', /rulePriority/);
	await assert.rejects(ecr.send(new GetLifecyclePolicyCommand({repositoryName: 'data-pipeline'})), {name: 'LifecyclePolicyNotFoundException'});
	const token = await ecr.send(new GetAuthorizationTokenCommand({}));
	assert.ok(token.authorizationData?.[0]?.authorizationToken);
});

test('fault injection: throttling, access denied and expired tokens come back as AWS errors', async () => {
	sim.faults.add({kind: 'throttle', service: 'ecr', operation: 'DescribeRepositories', times: 1});
	await assert.rejects(ecr.send(new DescribeRepositoriesCommand({})), {name: 'ThrottlingException'});
	await ecr.send(new DescribeRepositoriesCommand({}));
	sim.faults.add({kind: 'access-denied', service: 'ecr', operation: 'DescribeImages', times: 1});
	await assert.rejects(ecr.send(new DescribeImagesCommand({repositoryName: 'payments-api'})), (error: Error) => {
		assert.equal(error.name, 'AccessDeniedException');
		assert.match(error.message, /not authorized to perform: ecr:DescribeImages/);
		return true;
	});
	sim.faults.add({kind: 'expired-token', times: 1});
	await assert.rejects(ecr.send(new DescribeRepositoriesCommand({})), {name: 'ExpiredTokenException'});
});

test('a retried throttle succeeds with the SDK default retry strategy', async () => {
	const retrying = new ECRClient({...clientConfig(sim), maxAttempts: 3});
	sim.faults.add({kind: 'throttle', service: 'ecr', operation: 'DescribeRepositories', times: 1});
	const result = await retrying.send(new DescribeRepositoriesCommand({}));
	assert.ok((result.repositories?.length ?? 0) > 0);
});

test('the simulator records calls and marks mutating ones', () => {
	const deletes = sim.calls.filter(call => call.operation === 'BatchDeleteImage');
	assert.ok(deletes.length > 0);
	assert.ok(deletes.every(call => call.mutating));
	assert.ok(sim.calls.filter(call => call.operation === 'DescribeImages').every(call => !call.mutating));
});
