import type {World} from '../world/world.js';
import {DAY, SAMPLE_FINDINGS, addImage, addMultiArchImage, addReferrer, addRepository, digestOf, prng} from './factory.js';

/**
 * The registry half of the demo account (design.md, "The demo account"): a registry with
 * years of untagged images costing real money, a repository without a lifecycle policy, a
 * multi-arch image with signatures, images the demo's tasks run, and a deleted tag.
 */

export const DEMO_ACCOUNT = '123456789012';
export const DEMO_REGION = 'us-east-1';
export const DEMO_OTHER_REGION = 'us-west-2';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** Policy text as a team would write it: pretty-printed (AWS rejects texts under 100 characters). */
const PAYMENTS_POLICY = JSON.stringify(
	{
		rules: [
			{rulePriority: 1, description: 'Keep the last 20 release images', selection: {tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 20}, action: {type: 'expire'}},
			{rulePriority: 2, description: 'Expire untagged images after 14 days', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}},
		],
	},
	null,
	2,
);

const ORDERS_POLICY = JSON.stringify(
	{
		rules: [
			{rulePriority: 1, description: 'Expire untagged images after 7 days', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7}, action: {type: 'expire'}},
		],
	},
	null,
	2,
);

function shortSha(seed: string): string {
	return digestOf(seed).slice(7, 14);
}

export function buildDemoRegistry(world: World, now: number): void {
	const random = prng(20261129);
	const jitter = (max: number) => Math.floor(random() * max);

	// payments-api: a well-kept repository with a policy, used by the healthy service.
	const payments = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'payments-api', {scanOnPush: true, lifecyclePolicy: PAYMENTS_POLICY, createdAt: now - 900 * DAY, imageTagMutability: 'IMMUTABLE'});
	for (let index = 0; index < 26; index++) {
		const age = (26 - index) * 9 * DAY + jitter(DAY);
		addImage(payments, {
			seed: `payments/v2.${index}`,
			tags: [`v2.${index}.0`],
			pushedAt: now - age,
			sizeInBytes: 180 * MB + jitter(40 * MB),
			lastRecordedPullTime: index > 20 ? now - jitter(3 * DAY) : now - age + 2 * DAY,
			findings: index > 22 ? SAMPLE_FINDINGS.slice(3) : SAMPLE_FINDINGS.slice(index % 3),
		});
		addImage(payments, {seed: `payments/ci/${index}`, pushedAt: now - age - DAY, sizeInBytes: 178 * MB + jitter(40 * MB), scanned: true});
	}
	addImage(payments, {seed: 'payments/current', tags: ['v2.26.0', 'latest'], pushedAt: now - 2 * DAY, sizeInBytes: 192 * MB, lastRecordedPullTime: now - 3_600_000, findings: SAMPLE_FINDINGS.slice(4)});
	addImage(payments, {seed: 'payments/next', tags: ['v2.27.0-rc1'], pushedAt: now - 6 * 3_600_000, sizeInBytes: 193 * MB, scanned: true});

	// web-frontend: multi-arch images with signatures and SBOMs; no lifecycle policy.
	const web = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'web-frontend', {scanOnPush: true, createdAt: now - 700 * DAY});
	for (let index = 0; index < 12; index++) {
		const age = (12 - index) * 21 * DAY;
		const tags = index === 11 ? ['v5.11.0', 'latest'] : [`v5.${index}.0`];
		const {index: imageIndex} = addMultiArchImage(web, {
			seed: `web/v5.${index}`,
			tags,
			pushedAt: now - age - (index === 11 ? 0 : jitter(DAY)),
			platforms: [
				{os: 'linux', architecture: 'amd64', size: 96 * MB + jitter(8 * MB)},
				{os: 'linux', architecture: 'arm64', variant: 'v8', size: 91 * MB + jitter(8 * MB)},
			],
			lastRecordedPullTime: index === 11 ? now - 1_800_000 : now - age + DAY,
			findings: index < 6 ? SAMPLE_FINDINGS.slice(1) : [],
		});
		addReferrer(web, imageIndex, 'signature', imageIndex.pushedAt + 60_000);
		if (index >= 9) addReferrer(web, imageIndex, 'sbom', imageIndex.pushedAt + 90_000);
	}

	// data-pipeline: three years of nightly builds, mostly untagged, no policy: the big bill.
	const pipeline = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'data-pipeline', {createdAt: now - 1100 * DAY});
	const pipelineBase = [
		{digest: digestOf('pipeline/base/cuda'), size: Math.round(1.9 * GB)},
		{digest: digestOf('pipeline/base/python'), size: 410 * MB},
	];
	for (let day = 1095; day >= 1; day--) {
		if (day % 7 === 3 && day > 30) continue; // no builds some days
		const release = day % 30 === 0;
		const tags = day === 1 ? ['nightly', `build-${1096 - day}`] : release ? [`release-${Math.floor((1096 - day) / 30)}`] : [];
		addImage(pipeline, {
			seed: `pipeline/${day}`,
			tags,
			pushedAt: now - day * DAY - jitter(3 * 3_600_000),
			sizeInBytes: Math.round(2.6 * GB) + jitter(700 * MB),
			baseLayers: pipelineBase,
			...(day < 40 ? {lastRecordedPullTime: now - day * DAY + 3_600_000} : {}),
		});
	}

	// orders-worker: used by the service whose execution role lacks ecr:GetAuthorizationToken.
	const orders = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'orders-worker', {lifecyclePolicy: ORDERS_POLICY, createdAt: now - 400 * DAY});
	for (let index = 0; index < 8; index++) {
		addImage(orders, {seed: `orders/${index}`, tags: [`1.${index}.0`, `sha-${shortSha(`orders/${index}`)}`], pushedAt: now - (8 - index) * 12 * DAY, sizeInBytes: 140 * MB + jitter(20 * MB), scanned: true});
	}

	// notifications, search-indexer: healthy images whose tasks fail for network reasons.
	const notifications = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'notifications', {createdAt: now - 300 * DAY});
	for (let index = 0; index < 6; index++) {
		addImage(notifications, {seed: `notify/${index}`, tags: [`3.${index}.1`], pushedAt: now - (6 - index) * 15 * DAY, sizeInBytes: 88 * MB + jitter(10 * MB)});
		addImage(notifications, {seed: `notify/untagged/${index}`, pushedAt: now - (6 - index) * 15 * DAY - DAY, sizeInBytes: 87 * MB});
	}
	const search = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'search-indexer', {createdAt: now - 250 * DAY, encryptionType: 'KMS', kmsKey: `arn:aws:kms:${DEMO_REGION}:${DEMO_ACCOUNT}:key/5f1c2c5e-7a43-4b7e-9d5e-2a6a1c0b9e11`});
	for (let index = 0; index < 5; index++) {
		addImage(search, {seed: `search/${index}`, tags: [`2026.${index + 6}`], pushedAt: now - (5 - index) * 20 * DAY, sizeInBytes: 310 * MB + jitter(30 * MB)});
	}

	// legacy-batch: the service still references 2024.09, which was deleted by hand.
	const legacy = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'legacy-batch', {createdAt: now - 800 * DAY});
	for (const [index, tag] of ['2024.06', '2024.07', '2024.11', '2025.02'].entries()) {
		addImage(legacy, {seed: `legacy/${tag}`, tags: [tag], pushedAt: now - (700 - index * 60) * DAY, sizeInBytes: 520 * MB});
	}

	// reports: lives in us-east-1, but the task definition points at us-west-2.
	const reports = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'reports', {createdAt: now - 200 * DAY});
	addImage(reports, {seed: 'reports/v3', tags: ['v3.2.0'], pushedAt: now - 30 * DAY, sizeInBytes: 230 * MB});

	// A shared base image: immutable tags, KMS encryption, scan on push.
	const python = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'base/python', {imageTagMutability: 'IMMUTABLE', scanOnPush: true, encryptionType: 'KMS', createdAt: now - 1000 * DAY});
	for (const [index, version] of ['3.10', '3.11', '3.12', '3.13'].entries()) {
		addImage(python, {seed: `python/${version}`, tags: [`${version}-slim`], pushedAt: now - (400 - index * 90) * DAY, sizeInBytes: 52 * MB, findings: index < 2 ? SAMPLE_FINDINGS.slice(2) : [], lastRecordedPullTime: now - 5 * DAY});
	}

	// An empty repository someone created and forgot.
	addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'sandbox/experiments', {createdAt: now - 60 * DAY});

	// A replica of payments-api in the second region, for the multi-region view.
	const replica = addRepository(world, DEMO_ACCOUNT, DEMO_OTHER_REGION, 'payments-api', {scanOnPush: true, imageTagMutability: 'IMMUTABLE', createdAt: now - 500 * DAY});
	addImage(replica, {seed: 'payments/current', tags: ['v2.26.0', 'latest'], pushedAt: now - 2 * DAY, sizeInBytes: 192 * MB});
}
