// Checks across rules: rule count, unique priorities, `any` last per storage class,
// one `untagged` rule per storage class, unique tag lists, overlaps and shadowing.
// Sources: aws-semantics.md §A.2 items 2, 3, 9, 10, 15.

import {setKeyFix} from './fixes.js';
import {compilePattern} from './tag-match.js';
import {finding, type Finding, type RuleView} from './validate-schema.js';
import {MAX_RULES} from './validate-rules.js';

function byPriority(a: RuleView, b: RuleView): number {
	return (a.priority ?? 0) - (b.priority ?? 0) || a.index - b.index;
}

/** Cross-rule checks over rules that passed the shape checks. */
export function checkAcrossRules(rules: readonly RuleView[]): Finding[] {
	const out: Finding[] = [];
	if (rules.length === 0) {
		out.push(finding('warning', 'no-rules', ['rules'], 'The policy has no rules, so it never acts on any image.',
			'Add at least one rule, or start from a template. AWS may also reject an empty list (not confirmed).', 'local'));
	}
	if (rules.length > MAX_RULES) {
		out.push(finding('error', 'too-many-rules', ['rules', MAX_RULES],
			`A lifecycle policy can have at most ${MAX_RULES} rules; this one has ${rules.length}.`,
			'The 50-rule quota cannot be raised. Merge rules: one tagPatternList pattern such as "release-*" can replace many prefix rules.', 'local'));
	}
	const maxPriority = rules.reduce((max, rule) => Math.max(max, rule.priority ?? 0), 0);
	const firstAt = new Map<number, number>();
	for (const rule of rules) {
		if (rule.priority === undefined) continue;
		const earlier = firstAt.get(rule.priority);
		if (earlier === undefined) {
			firstAt.set(rule.priority, rule.index);
			continue;
		}
		out.push(finding('error', 'duplicate-rule-priority', ['rules', rule.index, 'rulePriority'],
			`rulePriority ${rule.priority} is used by more than one rule (rules[${earlier}] and rules[${rule.index}]); each rule needs a unique value.`,
			'Give each rule its own number; gaps are allowed, so any unused number works. Lower numbers apply first.', 'local',
			[setKeyFix(`Set rulePriority to ${maxPriority + 1}`, ['rules', rule.index], 'rulePriority', maxPriority + 1)]));
	}
	for (const storageClass of ['standard', 'archive'] as const) {
		const group = rules.filter(rule => rule.complete && rule.storageClass === storageClass && rule.priority !== undefined).sort(byPriority);
		checkGroup(group, storageClass, maxPriority, out);
	}
	return out;
}

function checkGroup(group: readonly RuleView[], storageClass: string, maxPriority: number, out: Finding[]): void {
	const last = group[group.length - 1];
	for (const rule of group) {
		if (rule.tagStatus !== 'any' || rule === last) continue;
		out.push(finding('error', 'any-rule-not-last', ['rules', rule.index, 'rulePriority'],
			'Rule for tagStatus=ANY must have the lowest priority per storage class',
			`A "tagStatus": "any" rule must have the highest rulePriority number among the ${storageClass} rules (it is applied last). Give it a number above ${last?.priority ?? 0}, or make the other rule tagged/untagged.`,
			'aws-observed', [setKeyFix(`Set rulePriority to ${maxPriority + 1} (apply it last)`, ['rules', rule.index], 'rulePriority', maxPriority + 1)]));
	}
	const untagged = group.filter(rule => rule.tagStatus === 'untagged');
	for (const rule of untagged.slice(1)) {
		out.push(finding('error', 'multiple-untagged-rules', ['rules', rule.index, 'selection', 'tagStatus'],
			'Only one rule can select Untagged images per storage class.',
			`Rules ${untagged.map(r => r.priority).join(' and ')} both select untagged ${storageClass} images. Keep one untagged rule; the first one applied claims every untagged image anyway.`,
			'aws-observed'));
	}
	checkTagListOverlap(group, out);
}

interface ListEntry {
	readonly rule: RuleView;
	readonly kind: 'pattern' | 'prefix';
	readonly list: readonly string[];
}

function checkTagListOverlap(group: readonly RuleView[], out: Finding[]): void {
	const entries: ListEntry[] = [];
	for (const rule of group) {
		if (rule.tagStatus !== 'tagged') continue;
		if (rule.patternList !== undefined && rule.patternList.length > 0 && rule.prefixList === undefined) entries.push({rule, kind: 'pattern', list: rule.patternList});
		if (rule.prefixList !== undefined && rule.prefixList.length > 0 && rule.patternList === undefined) entries.push({rule, kind: 'prefix', list: rule.prefixList});
	}
	const seenLists = new Map<string, RuleView>();
	let catchAll: RuleView | undefined;
	for (const entry of entries) {
		const key = `${entry.kind}:${JSON.stringify([...new Set(entry.list)].sort())}`;
		const listKey = entry.kind === 'pattern' ? 'tagPatternList' : 'tagPrefixList';
		const segments = ['rules', entry.rule.index, 'selection', listKey];
		const same = seenLists.get(key);
		// [UNK] "unique set of prefixes per storage class": read as "no two identical lists"
		// (assumption `unique-tag-lists`).
		if (same !== undefined) {
			out.push(finding('error', 'duplicate-tag-list', segments,
				`Rules ${same.priority} and ${entry.rule.priority} use the same ${listKey} ${JSON.stringify(entry.list)}; the set of tag lists must be unique per storage class.`,
				`Merge the two rules, or change one list. Rule ${entry.rule.priority} could never act anyway: rule ${same.priority} claims every image it selects.`, 'local'));
			continue;
		}
		seenLists.set(key, entry.rule);
		if (catchAll !== undefined) {
			out.push(finding('warning', 'shadowed-rule', segments,
				`Rule ${entry.rule.priority} never acts: rule ${catchAll.priority} selects every tagged ${entry.rule.storageClass} image first, which protects them from later rules.`,
				`Give rule ${entry.rule.priority} a lower rulePriority number than rule ${catchAll.priority}, or narrow rule ${catchAll.priority}.`, 'local'));
			continue;
		}
		if ((entry.kind === 'pattern' && entry.list.includes('*')) || (entry.kind === 'prefix' && entry.list.includes(''))) catchAll = entry.rule;
		checkPartialOverlap(entry, entries, out);
	}
}

function checkPartialOverlap(entry: ListEntry, entries: readonly ListEntry[], out: Finding[]): void {
	// Only earlier (higher-priority) single-kind lists matter: they claim images first.
	for (const earlier of entries) {
		if (earlier === entry) return;
		if (earlier.kind !== entry.kind || earlier.list.length !== 1 || entry.list.length !== 1) continue;
		const a = earlier.list[0] ?? '';
		const b = entry.list[0] ?? '';
		if (a === b) continue;
		const [covered, partial] = entry.kind === 'prefix' ? [b.startsWith(a), a.startsWith(b)] : comparePatterns(a, b);
		if (!covered && !partial) continue;
		const listKey = entry.kind === 'pattern' ? 'tagPatternList' : 'tagPrefixList';
		out.push(finding('warning', entry.kind === 'prefix' ? 'overlapping-tag-prefixes' : 'overlapping-tag-patterns', ['rules', entry.rule.index, 'selection', listKey],
			covered
				? `Every tag ${entry.kind === 'prefix' ? `starting with "${b}" also starts with "${a}"` : `matching "${b}" also matches "${a}"`}: rule ${earlier.rule.priority} claims all of these images first, so rule ${entry.rule.priority} never acts.`
				: `${entry.kind === 'prefix' ? 'Prefixes' : 'Patterns'} "${a}" (rule ${earlier.rule.priority}) and "${b}" (rule ${entry.rule.priority}) overlap: images tagged "${b}..." are claimed by rule ${earlier.rule.priority} and protected from rule ${entry.rule.priority}.`,
			covered
				? `Give rule ${entry.rule.priority} a lower rulePriority number than rule ${earlier.rule.priority} if the longer prefix should win.`
				: 'That may be what you want; otherwise reorder the rules or make the prefixes disjoint.', 'local'));
	}
}

/**
 * [covered, partial] for two patterns: covered when every tag matching the later pattern `b`
 * also matches the earlier `a`. Decided only for the simple shapes (exact tags and
 * `literal*` prefixes); other shapes are left alone rather than guessed.
 */
function comparePatterns(a: string, b: string): [boolean, boolean] {
	if (!b.includes('*')) return [compilePattern(a)(b), false];
	const prefixForm = (p: string): boolean => p.endsWith('*') && p.indexOf('*') === p.length - 1;
	if (prefixForm(a) && prefixForm(b)) {
		const pa = a.slice(0, -1);
		const pb = b.slice(0, -1);
		return [pb.startsWith(pa), pa.startsWith(pb)];
	}
	return [false, false];
}
