// A deliberately naive evaluator transcribed from aws-semantics.md §A.3 (rule by rule,
// sort per rule, sets), with the engine's documented choices. Tests compare the optimised
// engine against it on generated data.

import type {LifecycleImage, LifecyclePolicy, LifecycleRule} from '../../../source/domain/lifecycle/types.js';

const DAY = 86_400_000;

function regexFor(pattern: string): RegExp {
	const escaped = pattern.split('*').map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
	return new RegExp(`^${escaped}$`, 'su');
}

function tagMatch(rule: LifecycleRule, image: LifecycleImage): boolean {
	const s = rule.selection;
	if (s.tagStatus === 'any') return true;
	if (s.tagStatus === 'untagged') return image.tags.length === 0;
	if (image.tags.length === 0) return false;
	if (s.tagPrefixList) return s.tagPrefixList.every(p => image.tags.some(t => t.startsWith(p)));
	return (s.tagPatternList ?? []).every(p => image.tags.some(t => regexFor(p).test(t)));
}

/** digest -> acting rule priority and action. */
export function referenceEvaluate(policy: LifecyclePolicy, images: readonly LifecycleImage[], now: number): Map<string, {rule: number; action: string}> {
	const rules = policy.rules.map((rule, index) => ({rule, index})).sort((a, b) => a.rule.rulePriority - b.rule.rulePriority || a.index - b.index);
	const storageClass = (i: LifecycleImage) => (i.status === 'ARCHIVED' ? 'archive' : i.status === 'ACTIVATING' ? 'none' : 'standard');
	const ref = (i: LifecycleImage) => i.lastActivatedAt ?? i.pushedAt;
	const newestFirst = (a: LifecycleImage, b: LifecycleImage) => ref(b) - ref(a) || (a.digest < b.digest ? 1 : a.digest > b.digest ? -1 : 0);
	const present = new Set(images.map(i => i.digest));
	const children = new Set(images.filter(i => present.has(i.digest)).flatMap(i => i.childDigests ?? []));
	const claimed = new Set<string>();
	const result = new Map<string, {rule: number; action: string}>();
	for (const {rule} of rules) {
		const sc = rule.selection.storageClass ?? 'standard';
		const candidates = images.filter(i => storageClass(i) === sc && tagMatch(rule, i)).sort(newestFirst);
		const n = rule.selection.countNumber;
		let marked: LifecycleImage[];
		switch (rule.selection.countType) {
			case 'imageCountMoreThan': marked = candidates.slice(n); break;
			case 'sinceImagePushed': marked = candidates.filter(i => now - ref(i) > n * DAY); break;
			case 'sinceImagePulled': marked = candidates.filter(i => now - Math.max(i.lastRecordedPullTime ?? -Infinity, ref(i)) > n * DAY); break;
			case 'sinceImageTransitioned': marked = candidates.filter(i => i.lastArchivedAt !== undefined && now - i.lastArchivedAt > n * DAY); break;
		}
		for (const i of marked) {
			if (!claimed.has(i.digest) && !result.has(i.digest) && !children.has(i.digest)) result.set(i.digest, {rule: rule.rulePriority, action: rule.action.type});
		}
		for (const i of candidates) claimed.add(i.digest);
	}
	return result;
}
