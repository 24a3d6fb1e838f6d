// Quick timing of evaluateLifecycle for 100,000 images x 50 rules (not a test: the runner
// only picks *.test.ts). Run: node --import tsx test/domain/lifecycle/evaluate.bench.ts

import {evaluateLifecycle} from '../../../source/domain/lifecycle/evaluate.js';
import type {LifecycleImage, LifecycleRule} from '../../../source/domain/lifecycle/types.js';
import {validatePolicy} from '../../../source/domain/lifecycle/validate.js';
import {DAY, NOW, seededRandom} from './fixtures.js';

const random = seededRandom(42);
const families = ['prod', 'staging', 'dev', 'release', 'feature', 'hotfix', 'qa', 'canary', 'nightly', 'pr'];
const images: LifecycleImage[] = [];
for (let i = 0; i < 100_000; i++) {
	const untagged = random() < 0.3;
	const family = families[Math.floor(random() * families.length)] ?? 'dev';
	const tags = untagged ? [] : [`${family}-${i}`, ...(random() < 0.3 ? [`sha-${i.toString(16)}`] : []), ...(random() < 0.05 ? ['latest'] : [])];
	images.push({
		digest: `sha256:${i.toString(16).padStart(64, '0')}`,
		tags,
		sizeInBytes: 50_000_000 + Math.floor(random() * 100_000_000),
		pushedAt: NOW - Math.floor(random() * 1000 * DAY),
		lastRecordedPullTime: random() < 0.5 ? NOW - Math.floor(random() * 300 * DAY) : undefined,
		status: random() < 0.1 ? 'ARCHIVED' : 'ACTIVE',
		lastArchivedAt: NOW - Math.floor(random() * 500 * DAY),
	});
}
const rules: LifecycleRule[] = [];
for (let p = 1; p <= 46; p++) {
	const family = families[p % families.length] ?? 'dev';
	const kind = p % 3;
	rules.push({
		rulePriority: p,
		selection: kind === 0
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
const policy = {rules};
const validation = validatePolicy(policy);
if (!validation.ok) throw new Error(JSON.stringify(validation.problems.filter(p => p.severity === 'error').slice(0, 3)));

// Wall time is noisy on a shared machine; process CPU time (user + system) is reported too.
const wall: number[] = [];
const cpu: number[] = [];
let last;
for (let round = 0; round < 10; round++) {
	const start = performance.now();
	const startCpu = process.cpuUsage();
	last = evaluateLifecycle({policy, images, now: NOW});
	const used = process.cpuUsage(startCpu);
	wall.push(performance.now() - start);
	cpu.push((used.user + used.system) / 1000);
}
const summary = (list: number[]): string => {
	const first = list[0] ?? 0;
	const sorted = [...list].sort((a, b) => a - b);
	return `first ${first.toFixed(0)} ms, median ${(sorted[5] ?? 0).toFixed(0)} ms, best ${(sorted[0] ?? 0).toFixed(0)} ms`;
};
console.log(`100,000 images x ${rules.length} rules`);
console.log(`  wall: ${summary(wall)}`);
console.log(`  cpu:  ${summary(cpu)}`);
console.log(`acted on ${last?.actions.length}, protected ${last?.protected.length}`);
