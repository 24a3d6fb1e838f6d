// Rule-logic checks that run after the shape checks: tag lists vs tagStatus, count
// types vs units, actions and storage classes, and the cross-rule constraints
// (unique priorities, `any` last per storage class, one `untagged` rule per storage class,
// unique tag lists). Sources: aws-semantics.md §A.1, §A.2 items 1-15.

import type {PathSegment} from './json-path.js';
import {composeFix, removeKey, removeKeyFix, setKey, setKeyFix} from './fixes.js';
import {TAG_CHARACTERS, wildcardCount} from './tag-match.js';
import type {Finding, RuleView} from './validate-schema.js';
import {finding, ONE_OF_MISMATCH} from './validate-schema.js';

/** Most rules per policy; not adjustable [DOC service-quotas]. */
export const MAX_RULES = 50;
/** Most `*` per tagPatternList entry [DOC]. */
export const MAX_WILDCARDS = 4;
/** Archived images have a 90-day minimum; expiry rules on archive below it are refused [DOC archive-image; INF as a validation error] (assumption `archive-minimum-days`). */
export const ARCHIVE_MINIMUM_DAYS = 90;

/** Per-rule logic checks, in document order. */
export function checkRuleLogic(rule: RuleView): Finding[] {
	const out: Finding[] = [];
	const at: PathSegment[] = ['rules', rule.index];
	const sel: PathSegment[] = [...at, 'selection'];
	const act: PathSegment[] = [...at, 'action'];
	checkTagLists(rule, sel, out);
	const {countType, countUnit, actionType, target, storageClass} = rule;
	if (countType !== undefined && countUnit !== 'invalid') {
		// Before the archive feature the selection schema was a two-way oneOf (count vs age),
		// and a misplaced countUnit failed it [INF from the observed null case].
		if (countType === 'imageCountMoreThan' && countUnit === 'days') {
			out.push(finding('error', 'count-unit-not-allowed', [...sel, 'countUnit'], ONE_OF_MISMATCH,
				'countUnit is only used with the since* count types; imageCountMoreThan counts images, so remove "countUnit".', 'aws-inferred',
				[removeKeyFix('Remove "countUnit"', sel, 'countUnit')]));
		} else if (countType !== 'imageCountMoreThan' && countUnit === 'absent') {
			out.push(finding('error', 'count-unit-required', sel, ONE_OF_MISMATCH,
				`${countType} needs "countUnit": "days" next to countNumber.`, 'aws-inferred',
				[setKeyFix('Add "countUnit": "days"', sel, 'countUnit', 'days')]));
		}
	}
	if (countType === 'sinceImagePulled' && actionType === 'expire') {
		out.push(finding('error', 'since-pulled-requires-transition', [...act, 'type'],
			'sinceImagePulled can only be used with action type "transition".',
			'AWS only archives by last-pull time; it cannot delete by it. Use "type": "transition" with "targetStorageClass": "archive", then a second rule on storageClass "archive" with sinceImageTransitioned to delete later. To delete directly, use sinceImagePushed.',
			'local', [composeFix('Archive instead: "type": "transition", "targetStorageClass": "archive"', [
				policy => setKey(policy, act, 'type', 'transition'), policy => setKey(policy, act, 'targetStorageClass', 'archive')])]));
	}
	if (countType === 'sinceImageTransitioned') {
		if (actionType === 'transition') {
			out.push(finding('error', 'since-transitioned-requires-expire', [...act, 'type'],
				'sinceImageTransitioned can only be used with action type "expire".',
				'Images already in archive can only be deleted: use "type": "expire" and drop targetStorageClass.', 'local',
				[composeFix('Use "type": "expire"', [policy => setKey(policy, act, 'type', 'expire'), policy => removeKey(policy, act, 'targetStorageClass')])]));
		}
		if (storageClass === 'standard') {
			out.push(finding('error', 'since-transitioned-requires-archive', sel,
				'sinceImageTransitioned requires "storageClass": "archive".',
				'This count type measures time spent in archive, so the rule must select archived images: add "storageClass": "archive".', 'local',
				[setKeyFix('Add "storageClass": "archive"', sel, 'storageClass', 'archive')]));
		}
		if (rule.countNumber !== undefined && rule.countNumber < ARCHIVE_MINIMUM_DAYS) {
			out.push(finding('error', 'archive-minimum-days', [...sel, 'countNumber'],
				`Archived images have a minimum storage duration of ${ARCHIVE_MINIMUM_DAYS} days; a rule cannot delete them sooner.`,
				`Set countNumber to ${ARCHIVE_MINIMUM_DAYS} or more. AWS docs: "You cannot configure lifecycle policies that delete images that have been in archive for less than 90 days."`, 'local',
				[setKeyFix(`Set countNumber to ${ARCHIVE_MINIMUM_DAYS}`, sel, 'countNumber', ARCHIVE_MINIMUM_DAYS)]));
		}
	} else if (countType !== undefined && storageClass === 'archive') {
		out.push(finding('error', 'archive-requires-since-transitioned', [...sel, 'storageClass'],
			`storageClass "archive" can only be used with countType "sinceImageTransitioned".`,
			'Rules on archived images can only delete them after some days in archive. Use countType "sinceImageTransitioned" with "countUnit": "days", or remove "storageClass" to act on standard images.', 'local',
			[removeKeyFix('Remove "storageClass" (act on standard images)', sel, 'storageClass')]));
	}
	if (actionType === 'transition' && target === 'absent') {
		out.push(finding('error', 'transition-requires-target', act, ONE_OF_MISMATCH,
			'A transition needs "targetStorageClass": "archive" (the only target).', 'aws-inferred',
			[setKeyFix('Add "targetStorageClass": "archive"', act, 'targetStorageClass', 'archive')]));
	}
	if (actionType === 'expire' && target === 'archive') {
		out.push(finding('error', 'target-not-allowed-for-expire', [...act, 'targetStorageClass'], ONE_OF_MISMATCH,
			'targetStorageClass is only allowed with "type": "transition". Remove it, or change the type to transition to archive instead of deleting.', 'aws-inferred',
			[removeKeyFix('Remove "targetStorageClass"', act, 'targetStorageClass'), setKeyFix('Archive instead: "type": "transition"', act, 'type', 'transition')]));
	}
	return out;
}

function checkTagLists(rule: RuleView, sel: readonly PathSegment[], out: Finding[]): void {
	const {tagStatus, hasPatternKey, hasPrefixKey} = rule;
	if (tagStatus === 'tagged') {
		if (!hasPatternKey && !hasPrefixKey) {
			out.push(finding('error', 'tagged-without-tag-list', [...sel, 'tagStatus'],
				'Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.',
				'A "tagged" rule must say which tags it selects. To select every tagged image add "tagPatternList": ["*"]; to select every image, tagged or not, use "tagStatus": "any" (it must then be the last rule of its storage class). To select a family, list a pattern such as ["prod*"].',
				'aws-observed', [
					setKeyFix('Add "tagPatternList": ["*"] (every tagged image)', sel, 'tagPatternList', ['*']),
					setKeyFix('Use "tagStatus": "any" (every image, tagged or not)', sel, 'tagStatus', 'any'),
				]));
		}
		if (hasPatternKey && hasPrefixKey) {
			out.push(finding('error', 'both-tag-lists', [...sel, 'tagPrefixList'],
				'A rule may specify tagPatternList or tagPrefixList, but not both.',
				'Keep one list. tagPatternList can express prefixes too: "prod" as a prefix is "prod*" as a pattern. Use two rules to combine different criteria.',
				'local', [
					removeKeyFix('Remove tagPrefixList', sel, 'tagPrefixList'),
					removeKeyFix('Remove tagPatternList', sel, 'tagPatternList'),
				]));
		}
	} else if (tagStatus !== undefined) {
		for (const key of ['tagPatternList', 'tagPrefixList'] as const) {
			if (!(key === 'tagPatternList' ? hasPatternKey : hasPrefixKey)) continue;
			out.push(finding('error', 'tag-list-not-allowed', [...sel, key],
				`${key} may only be used if tagStatus is tagged.`,
				`A "${tagStatus}" rule selects images without looking at tags. Remove ${key} (even an empty list is rejected), or change tagStatus to "tagged" to select by tag.`,
				'local', [removeKeyFix(`Remove ${key}`, sel, key), setKeyFix('Use "tagStatus": "tagged"', sel, 'tagStatus', 'tagged')]));
		}
		return;
	}
	checkEntries(rule.patternList, 'pattern', [...sel, 'tagPatternList'], out);
	checkEntries(rule.prefixList, 'prefix', [...sel, 'tagPrefixList'], out);
}

function checkEntries(list: readonly string[] | undefined, kind: 'pattern' | 'prefix', segments: readonly PathSegment[], out: Finding[]): void {
	if (list === undefined) return;
	const key = kind === 'pattern' ? 'tagPatternList' : 'tagPrefixList';
	if (list.length === 0) {
		out.push(finding('error', 'empty-tag-list', segments, `${key} must not be empty.`,
			kind === 'pattern' ? 'Add at least one pattern, e.g. ["*"] for every tagged image or ["prod*"] for one family.' : 'Add at least one prefix, e.g. ["prod"].',
			'local', [setKeyFix(kind === 'pattern' ? 'Use ["*"] (every tagged image)' : 'Use [""] (every tagged image)', segments.slice(0, -1), key, kind === 'pattern' ? ['*'] : [''])]));
		return;
	}
	const seen = new Set<string>();
	list.forEach((entry, k) => {
		const at = [...segments, k];
		if (kind === 'pattern' && wildcardCount(entry) > MAX_WILDCARDS) {
			out.push(finding('error', 'too-many-wildcards', at,
				`Pattern "${entry}" has ${wildcardCount(entry)} wildcards; at most ${MAX_WILDCARDS} '*' are allowed per pattern.`,
				'Merge neighbouring wildcards or shorten the pattern; e.g. "test*1*2*3*" is valid, "test*1*2*3*4*5*6" is not.', 'local'));
		}
		if (entry === '') {
			out.push(finding('warning', 'empty-tag-entry', at,
				kind === 'pattern' ? 'An empty pattern matches no tag: the rule can never select an image.' : 'An empty prefix matches every tag.',
				kind === 'pattern' ? 'Use "*" to match every tag, or write the tag family you mean.' : 'If you mean every tagged image, tagPatternList ["*"] says so more clearly.', 'local'));
		} else if (!TAG_CHARACTERS.test(kind === 'pattern' ? entry.replaceAll('*', '') : entry) || entry.replaceAll('*', '').length > 128) {
			out.push(finding('warning', 'tag-entry-never-matches', at,
				`"${entry}" can never match: image tags use only letters, digits, '_', '.' and '-' (at most 128)${kind === 'prefix' && entry.includes('*') ? '; prefixes have no wildcards' : ''}.`,
				kind === 'prefix' && entry.includes('*') ? 'Wildcards work only in tagPatternList: move the entry there.' : 'Check the entry for typos, spaces or quotes.', 'local'));
		}
		if (seen.has(entry)) {
			out.push(finding('warning', 'duplicate-tag-entry', at, `"${entry}" is listed twice.`, 'Remove the repeated entry; it changes nothing.', 'local'));
		}
		seen.add(entry);
	});
	if (list.length > 1) {
		out.push(finding('warning', 'multi-entry-tag-list', segments,
			`This rule selects only images that carry tags matching ALL of ${JSON.stringify(list)} at once.`,
			'Entries are AND-combined [AWS docs]. To select images matching any one of them, write one rule per entry.', 'local'));
	}
}
