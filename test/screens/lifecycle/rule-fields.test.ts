import {test} from 'node:test';
import assert from 'node:assert/strict';
import {validatePolicy} from '../../../source/domain/lifecycle/index.js';
import {coerceRule, cycleField, fieldText, FIELD_IDS, ruleFields, setFieldText, type FieldId} from '../../../source/screens/lifecycle/rule-fields.js';
import {addRule, deleteRule, moveRule, newRule, ruleRows} from '../../../source/screens/lifecycle/rule-edit.js';

const POLICY = {
	rules: [
		{rulePriority: 1, description: 'releases', selection: {tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 20}, action: {type: 'expire'}},
		{rulePriority: 2, selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}},
	],
};

function field(policy: unknown, position: number, id: FieldId) {
	return ruleFields(policy, position)?.find(item => item.id === id);
}

function errors(policy: unknown): string[] {
	return validatePolicy(policy).problems.filter(problem => problem.severity === 'error').map(problem => problem.code);
}

test('the rules list is in priority order whatever the array order', () => {
	const swapped = {rules: [POLICY.rules[1], POLICY.rules[0]]};
	const rows = ruleRows(swapped);
	assert.ok('rows' in rows);
	assert.deepEqual(rows.rows.map(row => [row.priority, row.selection, row.count, row.action]), [[1, 'tagged v*', 'keep newest 20', 'expire'], [2, 'untagged', 'pushed > 14 d', 'expire']]);
	assert.deepEqual(ruleRows([]), {reason: 'The policy is not a JSON object.'});
	assert.deepEqual(ruleRows({rule: []}), {reason: 'The policy has no "rules" list.'});
});

test('every choice the form offers keeps a valid policy valid (checked by the engine validator)', () => {
	const bases = [
		POLICY,
		{rules: [{rulePriority: 1, selection: {tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90}, action: {type: 'transition', targetStorageClass: 'archive'}}]},
		{rules: [{rulePriority: 1, selection: {tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365}, action: {type: 'expire'}}]},
	];
	for (const base of bases) {
		assert.deepEqual(errors(base), []);
		const count = (base.rules as unknown[]).length;
		for (let position = 0; position < count; position++) {
			for (const id of FIELD_IDS) {
				const view = field(base, position, id);
				if (view?.kind !== 'choice') continue;
				// Walk every offered value (cycling comes back to the start).
				let policy: unknown = base;
				for (let step = 0; step < view.choices.length; step++) {
					policy = cycleField(policy, position, id, 1);
					assert.deepEqual(errors(policy), [], `${id} -> ${JSON.stringify(field(policy, position, id)?.value)} in ${JSON.stringify(base)}`);
				}
			}
		}
	}
});

test('choices depend on the other fields', () => {
	// expire: no sinceImagePulled; transition: no sinceImageTransitioned.
	assert.deepEqual(field(POLICY, 0, 'countType')?.choices, ['imageCountMoreThan', 'sinceImagePushed', 'sinceImageTransitioned']);
	const transition = cycleField(POLICY, 0, 'actionType', 1);
	assert.deepEqual(field(transition, 0, 'countType')?.choices, ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled']);
	assert.equal(field(transition, 0, 'targetStorageClass')?.value, 'archive');
	assert.equal(field(POLICY, 0, 'targetStorageClass')?.value, '—');
	// countUnit only with since*; storage class archive only with sinceImageTransitioned.
	assert.equal(field(POLICY, 0, 'countUnit')?.value, '—');
	assert.equal(field(POLICY, 1, 'countUnit')?.value, 'days');
	assert.equal(field(POLICY, 0, 'storageClass')?.kind, 'fixed');
	// The second rule is untagged: no second untagged rule, and `any` only for the last rule.
	assert.deepEqual(field(POLICY, 0, 'tagStatus')?.choices, ['tagged']);
	assert.deepEqual(field(POLICY, 1, 'tagStatus')?.choices, ['tagged', 'untagged', 'any']);
	assert.equal(field(POLICY, 1, 'listKind')?.kind, 'fixed');
});

test('choosing a value adjusts the fields that depend on it', () => {
	let policy = cycleField(POLICY, 1, 'countType', -1);
	assert.deepEqual((policy.rules as {selection: unknown}[])[1]?.selection, {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 14});
	policy = cycleField(POLICY, 1, 'countType', 1);
	assert.deepEqual((policy.rules as {selection: unknown; action: unknown}[])[1], {
		rulePriority: 2, selection: {tagStatus: 'untagged', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90, storageClass: 'archive'}, action: {type: 'expire'},
	});
	// tagged <- untagged adds a tag list; pattern <-> prefix converts entries.
	policy = cycleField({rules: [POLICY.rules[1]]}, 0, 'tagStatus', -1);
	assert.deepEqual((policy.rules as {selection: {tagPatternList?: unknown}}[])[0]?.selection.tagPatternList, ['*']);
	policy = cycleField(POLICY, 0, 'listKind', 1);
	assert.deepEqual((policy.rules as {selection: unknown}[])[0]?.selection, {tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 20, tagPrefixList: ['v']});
	assert.deepEqual(coerceRule({selection: {tagStatus: 'any', tagPrefixList: ['x'], countType: 'sinceImagePulled'}, action: {type: 'expire'}}), {
		selection: {tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days'}, action: {type: 'transition', targetStorageClass: 'archive'},
	});
});

test('numbers step with ←/→ and are typed; text fields take what is typed', () => {
	let policy = cycleField(POLICY, 0, 'countNumber', 1);
	assert.equal(field(policy, 0, 'countNumber')?.value, '21');
	policy = cycleField({rules: [{...POLICY.rules[0], selection: {...POLICY.rules[0]!.selection, countNumber: 1}}]}, 0, 'countNumber', -1);
	assert.equal(field(policy, 0, 'countNumber')?.value, '1', 'never below 1');
	assert.equal(fieldText(POLICY, 0, 'countNumber'), '20');
	assert.deepEqual(setFieldText(POLICY, 0, 'countNumber', '0'), {error: 'countNumber must be a whole number of at least 1'});
	assert.deepEqual(setFieldText(POLICY, 0, 'countNumber', '2.5'), {error: 'countNumber must be a whole number of at least 1'});
	const typed = setFieldText(POLICY, 0, 'tagList', ' prod* , release-* ,');
	assert.ok('policy' in typed);
	assert.deepEqual((typed.policy.rules as {selection: {tagPatternList?: unknown}}[])[0]?.selection.tagPatternList, ['prod*', 'release-*']);
	const cleared = setFieldText(POLICY, 0, 'description', '  ');
	assert.ok('policy' in cleared && !('description' in (cleared.policy.rules as object[])[0]!));
	assert.deepEqual(setFieldText(POLICY, 1, 'tagList', 'x'), {error: 'tag lists are only for tagged rules'});
});

test('add, move and delete rules; priorities renumbered 1..n; an `any` rule stays last', () => {
	const withAny = {rules: [...POLICY.rules, {rulePriority: 9, selection: {tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 500}, action: {type: 'expire'}}]};
	const added = addRule(withAny, 2);
	const rows = ruleRows(added.policy);
	assert.ok('rows' in rows);
	assert.deepEqual(rows.rows.map(row => [row.priority, row.selection]), [[1, 'tagged v*'], [2, 'untagged'], [3, 'tagged *'], [4, 'any']]);
	assert.equal(added.position, 2);
	assert.deepEqual(errors(added.policy), []);
	const moved = moveRule(POLICY, 1, -1);
	assert.equal(moved.position, 0);
	const movedRows = ruleRows(moved.policy);
	assert.ok('rows' in movedRows);
	assert.deepEqual(movedRows.rows.map(row => [row.priority, row.selection]), [[1, 'untagged'], [2, 'tagged v*']]);
	assert.equal(moveRule(POLICY, 0, -1).position, 0, 'the first rule cannot move up');
	assert.equal((deleteRule(POLICY, 0).rules as unknown[]).length, 1);
	assert.equal((newRule({rules: []}).selection as {tagStatus: string}).tagStatus, 'untagged');
	assert.equal((newRule(POLICY).selection as {tagStatus: string}).tagStatus, 'tagged');
});
