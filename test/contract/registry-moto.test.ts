// Contract test: the data layer's ECR reads and writes against moto (a third-party AWS emulator
// we did not write), seeded through the SDK. Skipped, with the reason, when moto is missing.
//
// Where moto 5.2 differs from AWS (seen while writing this test):
// - DescribeImages ignores maxResults and nextToken and returns every image at once; our paging
//   loop copes (one page, no token).
// - imagePushedAt is always "now" (no history), and lastRecordedPullTime is never set.
// - imageDigest is not the sha256 of the manifest bytes pushed (moto hashes its own
//   re-serialisation), so digests are compared with what moto lists, not recomputed.
// - BatchDeleteImage of an untagged image by digest answers with empty imageIds and empty
//   failures (and leaves the image); the delete executor reports that image as failed.
// - Scan findings are canned; imageScanFindingsSummary is absent for new images.
// - Lifecycle policies are stored but never applied, and GetLifecyclePolicyPreview is not
//   implemented (HTTP 500), so the AWS comparison is tested against our simulator only.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {CreateRepositoryCommand, ECRClient, PutImageCommand, PutLifecyclePolicyCommand} from '@aws-sdk/client-ecr';
import {AwsClients} from '../../source/data/clients.js';
import {CallRecorder} from '../../source/data/recorder.js';
import {ResourceStore} from '../../source/data/store.js';
import {findImage, getLifecyclePolicy, listImages, listRepositories, readIndexManifests} from '../../source/data/ecr.js';
import {deleteImages} from '../../source/data/delete-images.js';
import {memoryAuditLog} from '../../source/config/audit.js';
import {validatePolicyText} from '../../source/domain/lifecycle/index.js';
import type {Session} from '../../source/data/session.js';
import {MOTO_ACCOUNT, motoCredentials, motoUnavailable, useMoto} from '../helpers/moto.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const REGION = 'us-east-1';
const moto = useMoto();

const digest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

function imageManifest(seed: string): string {
	return JSON.stringify({
		schemaVersion: 2,
		mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
		config: {mediaType: 'application/vnd.docker.container.image.v1+json', size: 100, digest: digest(`${seed}/config`)},
		layers: [{mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 1000, digest: digest(`${seed}/layer`)}],
	});
}

test('repositories and images written through the SDK read back through the data layer', {skip: motoUnavailable}, async () => {
	const endpoint = moto.endpoint();
	const ecr = new ECRClient({endpoint, region: REGION, credentials: motoCredentials, maxAttempts: 1});
	await ecr.send(new CreateRepositoryCommand({repositoryName: 'contract/app', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: {scanOnPush: true}}));
	await ecr.send(new CreateRepositoryCommand({repositoryName: 'contract/empty'}));
	const manifests = ['one', 'two', 'three'].map(imageManifest);
	await ecr.send(new PutImageCommand({repositoryName: 'contract/app', imageManifest: manifests[0], imageTag: 'v1'}));
	await ecr.send(new PutImageCommand({repositoryName: 'contract/app', imageManifest: manifests[1], imageTag: 'v2'}));
	await ecr.send(new PutImageCommand({repositoryName: 'contract/app', imageManifest: manifests[2]}));
	const index = JSON.stringify({
		schemaVersion: 2,
		mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
		manifests: [
			{mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: 10, digest: digest(manifests[0]!), platform: {architecture: 'amd64', os: 'linux'}},
			{mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: 10, digest: digest(manifests[1]!), platform: {architecture: 'arm64', os: 'linux'}},
		],
	});
	await ecr.send(new PutImageCommand({repositoryName: 'contract/app', imageManifest: index, imageTag: 'multi', imageManifestMediaType: 'application/vnd.docker.distribution.manifest.list.v2+json'}));

	const recorder = new CallRecorder();
	const clients = new AwsClients({region: REGION, endpoint, credentials: motoCredentials, maxAttempts: 1}, recorder);
	try {
		const repositories = await listRepositories(clients);
		const app = repositories.find(repository => repository.name === 'contract/app');
		assert.ok(app, 'the repository is listed');
		assert.equal(app.tagMutability, 'IMMUTABLE');
		assert.equal(app.scanOnPush, true);
		assert.equal(app.registryId, MOTO_ACCOUNT);
		assert.match(app.uri, /contract\/app$/);
		assert.ok(repositories.some(repository => repository.name === 'contract/empty'));
		assert.equal(recorder.countByOperation()['ecr.DescribeRepositories'], 1);

		const images = await listImages(clients, 'contract/app');
		assert.equal(images.length, 4);
		assert.deepEqual(images.map(image => image.tags.join(',')).sort(), ['', 'multi', 'v1', 'v2']);
		assert.ok(images.every(image => image.pushedAt > 0 && image.digest.startsWith('sha256:')));

		const v2 = await findImage(clients, 'contract/app', {tag: 'v2'});
		assert.equal(v2?.digest, images.find(image => image.tags.includes('v2'))?.digest);
		assert.deepEqual(v2?.tags, ['v2']);
		assert.equal(await findImage(clients, 'contract/app', {tag: 'nope'}), undefined);

		const multi = images.find(image => image.tags.includes('multi'))!;
		const [read] = await readIndexManifests(clients, 'contract/app', [multi.digest]);
		assert.deepEqual(read?.children.map(child => child.platform?.architecture), ['amd64', 'arm64']);

		assert.equal(await getLifecyclePolicy(clients, 'contract/app'), undefined);
		const policy = JSON.stringify({rules: [{rulePriority: 1, description: 'untagged after 14 days', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}}]}, null, 2);
		assert.ok(validatePolicyText(policy).ok);
		await ecr.send(new PutLifecyclePolicyCommand({repositoryName: 'contract/app', lifecyclePolicyText: policy}));
		assert.equal((await getLifecyclePolicy(clients, 'contract/app'))?.text, policy);

		// Delete v1 through the audited executor; nothing else may go.
		const v1 = images.find(image => image.tags.includes('v1'))!;
		const session = {clients, store: new ResourceStore(), accountId: MOTO_ACCOUNT, region: REGION, scope: `${MOTO_ACCOUNT}/${REGION}`, recorder} as unknown as Session;
		const audit = memoryAuditLog();
		const outcome = await deleteImages({session, repository: 'contract/app', phases: [[{digest: v1.digest, tags: v1.tags, sizeInBytes: v1.sizeInBytes, reason: 'marked'}]], audit, shouldStop: () => false, onProgress: () => undefined});
		assert.deepEqual(outcome.deleted.map(item => item.digest), [v1.digest]);
		assert.equal(outcome.failed.length, 0);
		const after = await listImages(clients, 'contract/app');
		assert.deepEqual(after.map(image => image.digest).sort(), images.filter(image => image !== v1).map(image => image.digest).sort());
		assert.ok(audit.entries.some(entry => entry.phase === 'intent') && audit.entries.some(entry => entry.phase === 'result'));

		// moto answers a delete of an untagged image with neither a deletion nor a failure: the
		// executor must report it as failed (never silently "done").
		const untagged = after.find(image => image.tags.length === 0)!;
		const odd = await deleteImages({session, repository: 'contract/app', phases: [[{digest: untagged.digest, tags: [], sizeInBytes: untagged.sizeInBytes, reason: 'marked'}]], audit, shouldStop: () => false, onProgress: () => undefined});
		assert.equal(odd.deleted.length + odd.failed.length, 1);
		if (odd.failed.length) assert.equal(odd.failed[0]?.code, 'NotReported');
	} finally {
		clients.destroy();
	}
});
