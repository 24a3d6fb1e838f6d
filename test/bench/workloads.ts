import type {LifecycleImage, LifecycleRule} from '../../source/domain/lifecycle/index.js';
import {prng} from '../../source/sim/scenarios/factory.js';

/** The 100,000-image x 50-rule lifecycle workload shared by the engine and editor benchmarks. */
export const BENCH_NOW = Date.UTC(2026, 10, 29);
const DAY = 86_400_000;

export function bigImages(count = 100_000): LifecycleImage[] {
	const random = prng(42);
	const families = ['prod', 'staging', 'dev', 'release', 'feature', 'hotfix', 'qa', 'canary', 'nightly', 'pr'];
	const images: LifecycleImage[] = [];
	for (let i = 0; i < count; i++) {
		const untagged = random() < 0.3;
		const family = families[Math.floor(random() * families.length)] ?? 'dev';
		const tags = untagged ? [] : [`${family}-${i}`, ...(random() < 0.3 ? [`sha-${i.toString(16)}`] : []), ...(random() < 0.05 ? ['latest'] : [])];
		const pulled = random() < 0.5 ? BENCH_NOW - Math.floor(random() * 300 * DAY) : undefined;
		const archived = random() < 0.1;
		images.push({
			digest: `sha256:${i.toString(16).padStart(64, '0')}`,
			tags,
			sizeInBytes: 50_000_000 + Math.floor(random() * 100_000_000),
			pushedAt: BENCH_NOW - Math.floor(random() * 1000 * DAY),
			...(pulled === undefined ? {} : {lastRecordedPullTime: pulled}),
			status: archived ? 'ARCHIVED' : 'ACTIVE',
			...(archived ? {lastArchivedAt: BENCH_NOW - Math.floor(random() * 500 * DAY)} : {}),
		});
	}
	return images;
}

export function fiftyRules(): {rules: LifecycleRule[]} {
	const families = ['prod', 'staging', 'dev', 'release', 'feature', 'hotfix', 'qa', 'canary', 'nightly', 'pr'];
	const rules: LifecycleRule[] = [];
	for (let p = 1; p <= 46; p++) {
		const family = families[p % families.length] ?? 'dev';
		const kind = p % 3;
		rules.push({
			rulePriority: p,
			selection:
				kind === 0
					? {tagStatus: 'tagged', tagPatternList: [`${family}-*${p}`], countType: 'imageCountMoreThan', countNumber: 50}
					: kind === 1
						? {tagStatus: 'tagged', tagPrefixList: [`${family}-${p}`], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 90}
						: {tagStatus: 'tagged', tagPatternList: [`*-${p}*`], countType: 'sinceImagePulled', countUnit: 'days', countNumber: 60},
			action: kind === 2 ? {type: 'transition', targetStorageClass: 'archive'} : {type: 'expire'},
		});
	}
	rules.push({rulePriority: 47, selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}});
	rules.push({rulePriority: 48, selection: {tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 1000}, action: {type: 'expire'}});
	rules.push({rulePriority: 49, selection: {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 20_000}, action: {type: 'expire'}});
	rules.push({rulePriority: 50, selection: {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}, action: {type: 'expire'}});
	return {rules};
}
