import type {World} from '../world/world.js';
import type {SimImage} from '../world/ecr.js';
import {DAY, MEDIA, addRepository, digestOf, prng} from './factory.js';
import {DEMO_ACCOUNT, DEMO_REGION} from './demo-registry.js';

/**
 * Generated scenarios for scale tests and benchmarks: registries far bigger than the demo.
 * Images are built directly (no per-image manifest JSON work beyond a tiny string) so a
 * 100,000-image repository loads in well under a second.
 */
function fastImage(seed: string, tags: string[], pushedAt: number, sizeInBytes: number, lastPulled?: number): SimImage {
	const digest = digestOf(seed);
	return {
		digest,
		tags,
		sizeInBytes,
		pushedAt,
		status: 'ACTIVE',
		manifestMediaType: MEDIA.ociManifest,
		manifest: `{"schemaVersion":2,"mediaType":"${MEDIA.ociManifest}","config":{"digest":"${digest}"},"layers":[]}`,
		...(lastPulled === undefined ? {} : {lastRecordedPullTime: lastPulled}),
	};
}

/** 1,000 repositories with 1-40 images each: the "large account" of the repositories screen. */
export function buildBigRegistry(world: World, now: number, count = 1000): void {
	const random = prng(1000);
	for (let index = 0; index < count; index++) {
		const name = `team-${String(Math.floor(index / 50)).padStart(2, '0')}/service-${String(index).padStart(4, '0')}`;
		const repository = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, name, {createdAt: now - 700 * DAY, scanOnPush: index % 3 === 0});
		const images = 1 + Math.floor(random() * 40);
		for (let image = 0; image < images; image++) {
			const pushedAt = now - Math.floor(random() * 600) * DAY;
			const tags = image % 3 === 0 ? [] : [`v${image}.${index % 7}`];
			const record = fastImage(`${name}/${image}`, tags, pushedAt, 50_000_000 + Math.floor(random() * 400_000_000));
			repository.images.set(record.digest, record);
		}
	}
}

/** One repository (`big`) with `count` images (default 100,000, ECR's default quota). */
export function buildBigRepository(world: World, now: number, count = 100_000): void {
	const random = prng(100_000);
	const repository = addRepository(world, DEMO_ACCOUNT, DEMO_REGION, 'big', {createdAt: now - 1500 * DAY});
	for (let index = 0; index < count; index++) {
		const pushedAt = now - Math.floor((count - index) * 1.3) * 60_000;
		const tags = index % 10 === 0 ? [`build-${index}`] : index % 97 === 0 ? [`release-${index}`, 'stable'] : [];
		const lastPulled = index % 5 === 0 ? pushedAt + Math.floor(random() * 10) * DAY : undefined;
		const record = fastImage(`big/${index}`, tags, pushedAt, 20_000_000 + Math.floor(random() * 300_000_000), lastPulled);
		repository.images.set(record.digest, record);
	}
}
