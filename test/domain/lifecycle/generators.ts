// Random (seeded) images and policies for the cross-check and fuzz tests.

import type {LifecycleImage, LifecycleRule} from '../../../source/domain/lifecycle/types.js';
import {DAY, NOW} from './fixtures.js';

/** A source of pseudo-random numbers in [0, 1). */
export type Random = () => number;

/** An integer in [0, n). */
export function below(random: Random, n: number): number {
	return Math.floor(random() * n);
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, list: readonly T[]): T {
	return list[below(random, list.length)] as T;
}

const FAMILIES = ['prod', 'prod-eu', 'staging', 'dev', 'v1', 'v2', 'release', 'latest', 'Prod', 'ü-build', '版本'];

/** A small repository: few distinct push days so ties and boundaries happen. */
export function randomImages(random: Random, count: number): LifecycleImage[] {
	const images: LifecycleImage[] = [];
	for (let k = 0; k < count; k++) {
		const tagCount = random() < 0.35 ? 0 : 1 + below(random, 3);
		const tags = Array.from({length: tagCount}, () => `${pick(random, FAMILIES)}${random() < 0.7 ? `-${below(random, 20)}` : ''}`);
		const status = random() < 0.15 ? 'ARCHIVED' : random() < 0.05 ? 'ACTIVATING' : 'ACTIVE';
		// Whole days, sometimes exactly on a day boundary, sometimes with an offset.
		const pushedAt = NOW - below(random, 60) * DAY - (random() < 0.5 ? 0 : below(random, DAY));
		images.push({
			digest: `sha256:${k.toString(16).padStart(4, '0')}`,
			tags: [...new Set(tags)],
			sizeInBytes: 1 + below(random, 1000),
			pushedAt,
			status,
			...(random() < 0.4 ? {lastRecordedPullTime: NOW - below(random, 60) * DAY} : {}),
			...(status === 'ARCHIVED' && random() < 0.9 ? {lastArchivedAt: NOW - below(random, 400) * DAY} : {}),
			...(random() < 0.1 ? {lastActivatedAt: NOW - below(random, 30) * DAY} : {}),
		});
	}
	// Some indexes and referrers.
	for (let k = 0; k + 2 < images.length; k += 7) {
		const parent = images[k] as LifecycleImage;
		if (random() < 0.5) images[k] = {...parent, childDigests: [images[k + 1]?.digest ?? '', images[k + 2]?.digest ?? '']};
		else if (random() < 0.5) images[k + 1] = {...(images[k + 1] as LifecycleImage), subjectDigest: parent.digest};
	}
	return images;
}

/** A rule that passes validation on its own (combination rules respected). */
export function randomRule(random: Random, priority: number, tagStatus: 'tagged' | 'untagged' | 'any', storageClass: 'standard' | 'archive'): LifecycleRule {
	const lists: Record<string, unknown> = {};
	if (tagStatus === 'tagged') {
		const entries = Array.from({length: random() < 0.8 ? 1 : 2}, () => {
			const family = pick(random, FAMILIES);
			return pick(random, [family, `${family}*`, `*${family.slice(1)}*`, `${family}-1*`, '*', `${family}-*-1`]);
		});
		if (random() < 0.6) lists.tagPatternList = [...new Set(entries)];
		else lists.tagPrefixList = [...new Set(entries.map(entry => entry.replaceAll('*', '')))].filter(entry => entry !== '').concat(random() < 0.1 ? [''] : []);
		if ((lists.tagPrefixList as string[] | undefined)?.length === 0) lists.tagPrefixList = ['p'];
	}
	if (storageClass === 'archive') {
		return {rulePriority: priority, selection: {tagStatus, ...lists, storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 + below(random, 300)}, action: {type: 'expire'}} as LifecycleRule;
	}
	const countType = pick(random, ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled'] as const);
	const countNumber = countType === 'imageCountMoreThan' ? 1 + below(random, 8) : 1 + below(random, 40);
	const action = countType === 'sinceImagePulled' || random() < 0.2 ? {type: 'transition', targetStorageClass: 'archive'} : {type: 'expire'};
	return {
		rulePriority: priority,
		selection: {tagStatus, ...lists, countType, ...(countType === 'imageCountMoreThan' ? {} : {countUnit: 'days'}), countNumber},
		action,
	} as LifecycleRule;
}

/** A policy meant to be valid: tagged rules, then at most one untagged, then `any` last, per storage class. */
export function randomPolicy(random: Random): {rules: LifecycleRule[]} {
	const rules: LifecycleRule[] = [];
	let priority = 0;
	const next = () => (priority += 1 + below(random, 3));
	for (let k = below(random, 4); k > 0; k--) rules.push(randomRule(random, next(), 'tagged', 'standard'));
	if (random() < 0.6) rules.push(randomRule(random, next(), 'untagged', 'standard'));
	if (random() < 0.5) rules.push(randomRule(random, next(), 'any', 'standard'));
	if (random() < 0.4) rules.push(randomRule(random, next(), pick(random, ['any', 'untagged', 'tagged'] as const), 'archive'));
	// Shuffle document order: priority, not position, decides.
	for (let k = rules.length - 1; k > 0; k--) {
		const j = below(random, k + 1);
		[rules[k], rules[j]] = [rules[j] as LifecycleRule, rules[k] as LifecycleRule];
	}
	return {rules};
}
