// One test per validation rule: expected code, path and, where AWS's wording is known
// (aws-semantics.md §A.2 [OBS]), the exact message.

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {formatPolicyText, validatePolicy, validatePolicyText} from '../../../source/domain/lifecycle/validate.js';
import type {ValidationResult} from '../../../source/domain/lifecycle/validate.js';
import type {LifecycleProblem} from '../../../source/domain/lifecycle/problems.js';

type Json = Record<string, unknown>;

/** A valid rule: tagged prod* keep 5, expire. Override parts with `patch`. */
function rule(priority: number, selection: Json = {}, action: Json = {type: 'expire'}, extra: Json = {}): Json {
	return {rulePriority: priority, selection: {tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'imageCountMoreThan', countNumber: 5, ...selection}, action, ...extra};
}

function without(object: Json, ...keys: string[]): Json {
	const copy = {...object};
	for (const key of keys) delete copy[key];
	return copy;
}

function untagged(priority: number, extra: Json = {}): Json {
	return rule(priority, {tagStatus: 'untagged', tagPatternList: undefined, countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14, ...extra});
}

/** Validates `{rules}` from pretty-printed text (so positions exist). */
function check(...rules: Json[]): ValidationResult {
	return validatePolicyText(JSON.stringify({rules}, null, 2));
}

function only(result: ValidationResult, code: string): LifecycleProblem {
	const found = result.problems.filter(problem => problem.code === code);
	assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(result.problems.map(p => p.code))}`);
	return found[0] as LifecycleProblem;
}

function codes(result: ValidationResult): string[] {
	return result.problems.map(problem => problem.code);
}

describe('valid policies', () => {
	test('a plain keep-5 policy has no problem', () => {
		const result = check(rule(1));
		assert.deepEqual(result.problems, []);
		assert.ok(result.ok);
		assert.deepEqual(result.policy, {rules: [rule(1)]});
	});

	test('the docs\' archive pair (sinceImagePulled transition + sinceImageTransitioned expire) is valid', () => {
		const result = check(
			rule(1, {tagStatus: 'any', tagPatternList: undefined, countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90}, {type: 'transition', targetStorageClass: 'archive'}),
			rule(2, {tagStatus: 'any', tagPatternList: undefined, storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}),
		);
		assert.deepEqual(result.problems, []);
	});

	test('priorities with gaps are fine, and `any` may come last per storage class', () => {
		const result = check(rule(10), untagged(20), rule(30, {tagStatus: 'any', tagPatternList: undefined}));
		assert.deepEqual(result.problems, []);
	});

	test('the documented wildcard examples ["*test*1*2*3", "test*1*2*3*"] are valid (four stars max)', () => {
		const result = check(rule(1, {tagPatternList: ['*test*1*2*3']}), rule(2, {tagPatternList: ['test*1*2*3*']}));
		assert.deepEqual(codes(result).filter(code => code !== 'overlapping-tag-patterns'), []);
	});
});

describe('shape errors (JSON-schema messages)', () => {
	test('policy-not-object: AWS cannot map it [OBS]', () => {
		const problem = only(validatePolicy([1, 2]), 'policy-not-object');
		assert.equal(problem.message, 'Could not map policyString into LifecyclePolicy.');
		assert.equal(problem.path, '$');
	});

	test('missing-required-property: rules [OBS exact]', () => {
		const problem = only(validatePolicy({}), 'missing-required-property');
		assert.equal(problem.message, 'object has missing required properties (["rules"])');
		assert.equal(problem.path, '$');
	});

	test('missing-required-property lists every missing key, sorted', () => {
		const problem = only(check({rulePriority: 1}), 'missing-required-property');
		assert.equal(problem.message, 'object has missing required properties (["action","selection"])');
		assert.equal(problem.path, '$.rules[0]');
		assert.equal(problem.line, 3);
	});

	test('unknown-property [OBS wording] points at the key, with a rename fix for a case slip', () => {
		const result = check(without(rule(1), 'selection') && {...rule(1), selection: {...without(rule(1).selection as Json, 'tagStatus'), TagStatus: 'tagged'}});
		const problem = only(result, 'unknown-property');
		assert.equal(problem.message, 'object instance has properties which are not allowed by the schema: (["TagStatus"])');
		assert.equal(problem.path, '$.rules[0].selection.TagStatus');
		assert.ok(problem.line !== undefined && problem.line > 1);
		const fixed = problem.fixes?.[0]?.apply(result.value);
		assert.ok(validatePolicy(fixed).ok, 'rename fix yields a valid policy');
	});

	test('unknown top-level key', () => {
		const problem = only(validatePolicy({rules: [rule(1)], version: 1}), 'unknown-property');
		assert.equal(problem.path, '$.version');
	});

	test('wrong-type: rulePriority as a string, with a fix', () => {
		const result = check(rule(1, {}, {type: 'expire'}, {rulePriority: '1'}));
		const problem = only(result, 'wrong-type');
		assert.equal(problem.message, 'instance type (string) does not match any allowed primitive type (allowed: ["integer"])');
		assert.equal(problem.path, '$.rules[0].rulePriority');
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('null-value: tagPatternList null [OBS exact]', () => {
		const problem = only(check(rule(1, {tagPatternList: null})), 'null-value');
		assert.equal(problem.message, 'instance type (null) does not match any allowed primitive type (allowed: ["array"])');
		assert.equal(problem.wording, 'aws-observed');
		assert.equal(problem.path, '$.rules[0].selection.tagPatternList');
	});

	test('null-value: countUnit null fails the oneOf [OBS exact]', () => {
		const problem = only(check(rule(1, {countUnit: null})), 'null-value');
		assert.equal(problem.message, 'instance failed to match exactly one schema (matched 0 out of 2)');
		assert.equal(problem.path, '$.rules[0].selection.countUnit');
	});

	test('null-value: targetStorageClass null fails the oneOf [OBS exact], fix removes it', () => {
		const result = check(rule(1, {}, {type: 'expire', targetStorageClass: null}));
		const problem = only(result, 'null-value');
		assert.equal(problem.message, 'instance failed to match exactly one schema (matched 0 out of 2)');
		assert.equal(problem.path, '$.rules[0].action.targetStorageClass');
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('null-value: description null', () => {
		only(check(rule(1, {}, {type: 'expire'}, {description: null})), 'null-value');
	});

	test('not-an-integer: 1.5 and the literal 1.0', () => {
		assert.equal(only(check(rule(1, {countNumber: 1.5})), 'not-an-integer').path, '$.rules[0].selection.countNumber');
		const text = JSON.stringify({rules: [rule(1)]}, null, 2).replace('"countNumber": 5', '"countNumber": 5.0');
		const problem = only(validatePolicyText(text), 'not-an-integer');
		assert.equal(problem.message, 'instance type (number) does not match any allowed primitive type (allowed: ["integer"])');
	});

	test('integer-out-of-range: more than a 32-bit integer', () => {
		only(check(rule(1, {countNumber: 3_000_000_000})), 'integer-out-of-range');
	});

	test('invalid-enum-value: upper-case TAGGED, with a lower-case fix', () => {
		const result = check(rule(1, {tagStatus: 'TAGGED'}));
		const problem = only(result, 'invalid-enum-value');
		assert.equal(problem.message, 'instance value (TAGGED) not found in enum :(possible values: ["tagged","untagged","any"])');
		assert.match(problem.hint, /lower-case/);
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('invalid-enum-value: action type and storage class', () => {
		assert.equal(only(check(rule(1, {}, {type: 'delete'})), 'invalid-enum-value').path, '$.rules[0].action.type');
		assert.equal(only(check(rule(1, {storageClass: 'glacier'})), 'invalid-enum-value').path, '$.rules[0].selection.storageClass');
	});

	test('rule-priority-too-small: 0', () => {
		assert.match(only(check(rule(0)), 'rule-priority-too-small').message, /minimum: 1, found: 0/);
	});

	test('count-number-too-small: 0 [OBS exact]', () => {
		const problem = only(check(rule(1, {countNumber: 0})), 'count-number-too-small');
		assert.equal(problem.message, 'numeric instance is lower than the required minimum (minimum: 1, found: 0)');
		assert.equal(problem.wording, 'aws-observed');
	});

	test('a rule that is not an object', () => {
		assert.equal(only(validatePolicy({rules: ['x']}), 'wrong-type').path, '$.rules[0]');
	});

	test('rules that is not a list', () => {
		assert.equal(only(validatePolicy({rules: {}}), 'wrong-type').path, '$.rules');
		assert.equal(only(validatePolicy({rules: null}), 'null-value').path, '$.rules');
	});
});

describe('tag list rules', () => {
	test('tagged-without-tag-list [OBS exact], the guide mistake, with concrete fixes that work', () => {
		const result = check(rule(1, {tagPatternList: undefined}));
		const problem = only(result, 'tagged-without-tag-list');
		assert.equal(problem.message, 'Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.');
		assert.equal(problem.path, '$.rules[0].selection.tagStatus');
		assert.match(problem.hint, /"tagPatternList": \["\*"\]/);
		assert.match(problem.hint, /"tagStatus": "any"/);
		assert.deepEqual(problem.fixes?.map(fix => fix.title), ['Add "tagPatternList": ["*"] (every tagged image)', 'Use "tagStatus": "any" (every image, tagged or not)']);
		for (const fix of problem.fixes ?? []) {
			const fixed = fix.apply(result.value);
			assert.deepEqual(validatePolicy(fixed).problems.filter(p => p.severity === 'error'), [], fix.title);
		}
		assert.deepEqual((problem.fixes?.[0]?.apply(result.value) as {rules: Json[]}).rules[0]?.selection, {tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 5});
	});

	test('fixes never mutate their input', () => {
		const result = check(rule(1, {tagPatternList: undefined}));
		const before = JSON.stringify(result.value);
		only(result, 'tagged-without-tag-list').fixes?.[0]?.apply(result.value);
		assert.equal(JSON.stringify(result.value), before);
	});

	test('both-tag-lists', () => {
		assert.equal(only(check(rule(1, {tagPrefixList: ['prod']})), 'both-tag-lists').path, '$.rules[0].selection.tagPrefixList');
	});

	test('tag-list-not-allowed: untagged with a prefix list, any with an empty list', () => {
		assert.equal(only(check(untagged(1, {tagPrefixList: ['x']})), 'tag-list-not-allowed').path, '$.rules[0].selection.tagPrefixList');
		assert.equal(only(check(rule(1, {tagStatus: 'any', tagPatternList: []})), 'tag-list-not-allowed').path, '$.rules[0].selection.tagPatternList');
	});

	test('empty-tag-list on a tagged rule', () => {
		only(check(rule(1, {tagPatternList: []})), 'empty-tag-list');
	});

	test('too-many-wildcards: the documented invalid example', () => {
		const problem = only(check(rule(1, {tagPatternList: ['test*1*2*3*4*5*6']})), 'too-many-wildcards');
		assert.equal(problem.path, '$.rules[0].selection.tagPatternList[0]');
	});

	test('warnings: empty entry, duplicate entry, impossible entry, AND semantics', () => {
		assert.equal(only(check(rule(1, {tagPatternList: ['']})), 'empty-tag-entry').severity, 'warning');
		assert.equal(only(check(rule(1, {tagPatternList: ['a*', 'a*']})), 'duplicate-tag-entry').severity, 'warning');
		assert.equal(only(check(rule(1, {tagPatternList: ['prod env']})), 'tag-entry-never-matches').severity, 'warning');
		assert.equal(only(check(rule(1, {tagPatternList: undefined, tagPrefixList: ['prod*']})), 'tag-entry-never-matches').severity, 'warning');
		const and = only(check(rule(1, {tagPatternList: ['prod*', 'staging*']})), 'multi-entry-tag-list');
		assert.equal(and.severity, 'warning');
		assert.ok(check(rule(1, {tagPatternList: ['prod*', 'staging*']})).ok, 'warnings do not fail validation');
	});
});

describe('count, action and storage class combinations', () => {
	test('count-unit-required for since* types, with a fix', () => {
		const result = check(rule(1, {countType: 'sinceImagePushed'}));
		const problem = only(result, 'count-unit-required');
		assert.equal(problem.path, '$.rules[0].selection');
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('count-unit-not-allowed with imageCountMoreThan', () => {
		assert.equal(only(check(rule(1, {countUnit: 'days'})), 'count-unit-not-allowed').path, '$.rules[0].selection.countUnit');
	});

	test('since-pulled-requires-transition, and its fix', () => {
		const result = check(rule(1, {tagStatus: 'any', tagPatternList: undefined, countType: 'sinceImagePulled', countUnit: 'days', countNumber: 30}));
		const problem = only(result, 'since-pulled-requires-transition');
		assert.equal(problem.path, '$.rules[0].action.type');
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('since-transitioned-requires-archive and -requires-expire', () => {
		const base = {tagStatus: 'any', tagPatternList: undefined, countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365};
		only(check(rule(1, base)), 'since-transitioned-requires-archive');
		only(check(rule(1, {...base, storageClass: 'archive'}, {type: 'transition', targetStorageClass: 'archive'})), 'since-transitioned-requires-expire');
	});

	test('archive-requires-since-transitioned', () => {
		only(check(rule(1, {storageClass: 'archive'})), 'archive-requires-since-transitioned');
	});

	test('transition-requires-target and target-not-allowed-for-expire', () => {
		assert.equal(only(check(rule(1, {}, {type: 'transition'})), 'transition-requires-target').path, '$.rules[0].action');
		assert.equal(only(check(rule(1, {}, {type: 'expire', targetStorageClass: 'archive'})), 'target-not-allowed-for-expire').path, '$.rules[0].action.targetStorageClass');
	});

	test('archive-minimum-days: deleting from archive before 90 days', () => {
		const selection = {tagStatus: 'any', tagPatternList: undefined, storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days'};
		only(check(rule(1, {...selection, countNumber: 30})), 'archive-minimum-days');
		assert.deepEqual(check(rule(1, {...selection, countNumber: 90})).problems, []);
	});

	test('imageCountMoreThan may transition to archive', () => {
		assert.deepEqual(check(rule(1, {}, {type: 'transition', targetStorageClass: 'archive'})).problems, []);
	});
});

describe('cross-rule rules', () => {
	test('no-rules is a warning', () => {
		const problem = only(validatePolicy({rules: []}), 'no-rules');
		assert.equal(problem.severity, 'warning');
	});

	test('too-many-rules above 50', () => {
		const rules = Array.from({length: 51}, (_, k) => rule(k + 1, {tagPatternList: [`t${k}*`]}));
		assert.equal(only(validatePolicy({rules}), 'too-many-rules').path, '$.rules[50]');
		assert.ok(validatePolicy({rules: rules.slice(0, 50)}).ok);
	});

	test('duplicate-rule-priority, with a fix', () => {
		const result = check(rule(1), rule(1, {tagPatternList: ['dev*']}));
		const problem = only(result, 'duplicate-rule-priority');
		assert.equal(problem.path, '$.rules[1].rulePriority');
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('any-rule-not-last [OBS exact], per storage class, with a fix', () => {
		const result = check(rule(1, {tagStatus: 'any', tagPatternList: undefined}), rule(2));
		const problem = only(result, 'any-rule-not-last');
		assert.equal(problem.message, 'Rule for tagStatus=ANY must have the lowest priority per storage class');
		assert.equal(problem.path, '$.rules[0].rulePriority');
		assert.ok(validatePolicy(problem.fixes?.[0]?.apply(result.value)).ok);
	});

	test('an `any` rule on standard may have a lower number than an archive rule', () => {
		const result = check(
			rule(1, {tagStatus: 'any', tagPatternList: undefined}),
			rule(2, {tagStatus: 'any', tagPatternList: undefined, storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}),
		);
		assert.deepEqual(result.problems, []);
	});

	test('multiple-untagged-rules [OBS exact]', () => {
		const problem = only(check(untagged(1), untagged(2, {countNumber: 30})), 'multiple-untagged-rules');
		assert.equal(problem.message, 'Only one rule can select Untagged images per storage class.');
		assert.equal(problem.path, '$.rules[1].selection.tagStatus');
	});

	test('untagged rules in different storage classes are allowed', () => {
		const archived = untagged(2, {storageClass: 'archive', countType: 'sinceImageTransitioned', countNumber: 365});
		assert.deepEqual(check(untagged(1), archived).problems, []);
	});

	test('duplicate-tag-list: same list in another order, same storage class', () => {
		const problem = only(check(rule(1, {tagPatternList: ['a*', 'b*']}), rule(2, {tagPatternList: ['b*', 'a*']})), 'duplicate-tag-list');
		assert.equal(problem.severity, 'error');
		assert.equal(problem.path, '$.rules[1].selection.tagPatternList');
	});

	test('the same list as prefix and as pattern is not a duplicate', () => {
		assert.ok(!codes(check(rule(1, {tagPatternList: ['prod']}), rule(2, {tagPatternList: undefined, tagPrefixList: ['prod']}))).includes('duplicate-tag-list'));
	});

	test('overlapping-tag-prefixes: covered and partial overlaps are warnings', () => {
		const covered = only(check(rule(1, {tagPatternList: undefined, tagPrefixList: ['prod']}), rule(2, {tagPatternList: undefined, tagPrefixList: ['prod-eu']})), 'overlapping-tag-prefixes');
		assert.equal(covered.severity, 'warning');
		assert.match(covered.message, /never acts/);
		const partial = only(check(rule(1, {tagPatternList: undefined, tagPrefixList: ['prod-eu']}), rule(2, {tagPatternList: undefined, tagPrefixList: ['prod']})), 'overlapping-tag-prefixes');
		assert.match(partial.message, /overlap/);
	});

	test('overlapping-tag-patterns: an exact tag inside an earlier pattern', () => {
		assert.equal(only(check(rule(1, {tagPatternList: ['prod*']}), rule(2, {tagPatternList: ['prod-1']})), 'overlapping-tag-patterns').severity, 'warning');
	});

	test('shadowed-rule: a catch-all tagged rule before another tagged rule', () => {
		const problem = only(check(rule(1, {tagPatternList: ['*']}), rule(2, {tagPatternList: ['prod*']})), 'shadowed-rule');
		assert.equal(problem.path, '$.rules[1].selection.tagPatternList');
	});
});

describe('text-level checks', () => {
	test('policy-too-short: under 100 characters, with advice to pretty-print', () => {
		const result = validatePolicyText('{"rules":[]}');
		const problem = only(result, 'policy-too-short');
		assert.equal(problem.envelope, 'parameter');
		assert.equal(problem.message, 'Member must have length greater than or equal to 100');
		assert.match(problem.hint, /Pretty-print/);
		assert.match(problem.hint, /minified/);
		assert.equal(result.ok, false);
		assert.equal(result.problems[0]?.code, 'policy-too-short', 'AWS checks the length first');
	});

	test('the shortest valid policy is 138 characters, so minified valid policies pass', () => {
		const minified = JSON.stringify({rules: [{rulePriority: 1, selection: {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1}, action: {type: 'expire'}}]});
		assert.equal(minified.length, 138);
		assert.deepEqual(validatePolicyText(minified).problems, []);
	});

	test('exactly 100 characters passes the length check; 99 fails', () => {
		assert.ok(!codes(validatePolicyText('{"rules":[]}'.padEnd(100, ' '))).includes('policy-too-short'));
		assert.ok(codes(validatePolicyText('{"rules":[]}'.padEnd(99, ' '))).includes('policy-too-short'));
	});

	test('policy-too-long: 30,721 characters fails, 30,720 passes', () => {
		const pretty = JSON.stringify({rules: [rule(1)]}, null, 2);
		assert.ok(validatePolicyText(pretty.padEnd(30_720, ' ')).ok);
		const problem = only(validatePolicyText(pretty.padEnd(30_721, ' ')), 'policy-too-long');
		assert.equal(problem.message, 'Member must have length less than or equal to 30720');
	});

	test('json-syntax: AWS says it cannot map the text [OBS]; we say where', () => {
		const text = JSON.stringify({rules: [rule(1)]}, null, 2).replace('"expire"', '"expire",');
		const problem = only(validatePolicyText(text), 'json-syntax');
		assert.equal(problem.message, 'Could not map policyString into LifecyclePolicy.');
		const commaLine = text.split('\n').findIndex(line => line.includes('"expire",')) + 1;
		assert.equal(problem.line, commaLine + 1, 'reported at the closing brace after the trailing comma');
		assert.match(problem.hint, /Trailing comma/);
		assert.match(problem.hint, /\^/);
	});

	test('duplicate keys and a byte-order mark are warnings', () => {
		const text = JSON.stringify({rules: [rule(1)]}, null, 2).replace('"countNumber": 5', '"countNumber": 5, "countNumber": 6');
		assert.equal(only(validatePolicyText(text), 'duplicate-key').severity, 'warning');
		assert.equal(only(validatePolicyText(`\uFEFF${JSON.stringify({rules: [rule(1)]}, null, 2)}`), 'byte-order-mark').severity, 'warning');
	});

	test('problems carry the line of the offending key', () => {
		const text = JSON.stringify({rules: [rule(1), rule(2, {countNumber: 0})]}, null, 2);
		const problem = only(validatePolicyText(text), 'count-number-too-small');
		const lines = text.split('\n');
		assert.match(lines[(problem.line ?? 0) - 1] ?? '', /"countNumber": 0/);
		assert.equal(lines[(problem.line ?? 0) - 1]?.indexOf('"countNumber"'), (problem.column ?? 0) - 1);
	});
});

describe('never throws', () => {
	const odd: unknown[] = [
		null, undefined, 0, 'x', true, [], [[]], {rules: [null, 1, 'x', [], {}]}, {rules: [{selection: null, action: 5, rulePriority: {}}]},
		{rules: [{rulePriority: 1, selection: {tagStatus: 'tagged', tagPatternList: [1, null, {}], countType: 7, countNumber: '5'}, action: {type: null}}]},
		{rules: [{rulePriority: Number.NaN, selection: {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: Number.POSITIVE_INFINITY}, action: {}}]},
		{rules: Array.from({length: 100_000}, () => ({}))},
	];
	for (const value of odd) {
		test(`validatePolicy(${JSON.stringify(value)?.slice(0, 60) ?? 'undefined'})`, () => {
			const result = validatePolicy(value);
			assert.equal(result.ok, false);
			assert.ok(result.problems.every(problem => problem.path.startsWith('$')));
		});
	}

	test('deeply nested junk in a key', () => {
		let deep: unknown = 1;
		for (let k = 0; k < 10_000; k++) deep = [deep];
		const result = validatePolicy({rules: [{...rule(1), junk: deep}]});
		only(result, 'unknown-property');
	});
});

describe('JS values passed to validatePolicy', () => {
	test('keys holding undefined count as absent, as they vanish when serialised', () => {
		const value = {rules: [{rulePriority: 1, description: undefined, selection: {tagStatus: 'untagged', tagPatternList: undefined, countType: 'imageCountMoreThan', countNumber: 1, countUnit: undefined}, action: {type: 'expire', targetStorageClass: undefined}}]};
		assert.deepEqual(validatePolicy(value).problems, []);
	});
});

describe('formatPolicyText', () => {
	test('pretty-prints with 2 spaces and pads short text to the 100-character minimum', () => {
		const text = formatPolicyText({rules: []});
		assert.equal(text.length, 100);
		assert.ok(text.startsWith('{\n  "rules": []\n}'));
		assert.ok(!validatePolicyText(text).problems.some(problem => problem.code === 'policy-too-short'));
		const long = formatPolicyText({rules: [rule(1)]});
		assert.equal(long, JSON.stringify({rules: [rule(1)]}, null, 2));
	});
});

describe('validatePolicyText on hostile text', () => {
	test('100,000 levels of nesting: reported, not thrown', () => {
		const result = validatePolicyText('['.repeat(100_000) + ']'.repeat(100_000));
		assert.deepEqual(codes(result), ['policy-too-long', 'policy-not-object']);
	});
});
