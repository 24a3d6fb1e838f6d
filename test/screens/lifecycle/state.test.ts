import {test} from 'node:test';
import assert from 'node:assert/strict';
import {evaluateLifecycle, formatPolicyText, validatePolicyText, type LifecycleImage} from '../../../source/domain/lifecycle/index.js';
import {draftText, EMPTY_POLICY_TEXT, initialState, reduce, type ScreenAction, type ScreenState} from '../../../source/screens/lifecycle/state.js';
import {compareWithAws} from '../../../source/screens/lifecycle/compare.js';
import {diffCounts, indexOutcomes, inUseWarnings, previewRows} from '../../../source/screens/lifecycle/preview-model.js';
import {openPicker, pickerText} from '../../../source/screens/lifecycle/templates.js';
import {diffOutcomes} from '../../../source/domain/lifecycle/index.js';
import type {Consumer} from '../../../source/domain/registry/usage.js';

const POLICY = formatPolicyText({
	rules: [{rulePriority: 1, description: 'untagged', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7}, action: {type: 'expire'}}],
});
const GUIDE = '{"rules":[{"rulePriority":1,"description":"Keep last 30 images","selection":{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":30},"action":{"type":"expire"}}]}';

function run(state: ScreenState, ...actions: ScreenAction[]): ScreenState {
	return actions.reduce(reduce, state);
}

const loaded = () => run(initialState(), {type: 'loaded', text: POLICY});

test('the first read from AWS becomes the draft; no policy opens the template picker', () => {
	assert.equal(draftText(loaded()), POLICY);
	const none = run(initialState(), {type: 'loaded', text: null});
	assert.equal(draftText(none), EMPTY_POLICY_TEXT);
	assert.ok(none.picker);
});

test('a later read replaces an untouched draft but never an edited one', () => {
	const edited = run(loaded(), {type: 'typing', on: true}, {type: 'edit', action: {type: 'insert', text: ' '}});
	const reread = reduce(edited, {type: 'loaded', text: POLICY.replace('7', '9')});
	assert.equal(draftText(reread), draftText(edited));
	assert.equal(reread.source, POLICY.replace('7', '9'));
	const untouched = reduce(loaded(), {type: 'loaded', text: POLICY.replace('7', '9')});
	assert.equal(draftText(untouched), POLICY.replace('7', '9'));
});

test('a denied read opens an empty draft marked unreadable; a later successful read clears the mark and keeps an edited draft', () => {
	const denied = run(initialState(), {type: 'loaded', text: null, unreadable: 'access denied to ecr:GetLifecyclePolicy'});
	assert.equal(denied.sourceUnreadable, 'access denied to ecr:GetLifecyclePolicy');
	assert.equal(denied.source, null);
	assert.ok(denied.picker, 'templates open, as for a repository without a policy');
	const drafted = run(denied, {type: 'replace', text: POLICY.replace('7', '3')});
	const readable = reduce(drafted, {type: 'loaded', text: POLICY});
	assert.equal(readable.sourceUnreadable, undefined);
	assert.equal(readable.source, POLICY);
	assert.equal(draftText(readable), POLICY.replace('7', '3'), 'the user\'s draft is kept');
	const applied = reduce(denied, {type: 'applied', text: POLICY});
	assert.equal(applied.sourceUnreadable, undefined, 'after a put, AWS has what was sent');
});

test('the guide mistake is fixed by one `fix` action, and undo brings it back', () => {
	const state = run(loaded(), {type: 'replace', text: GUIDE});
	assert.equal(validatePolicyText(draftText(state)).ok, false);
	const fixed = reduce(state, {type: 'fix'});
	const validation = validatePolicyText(draftText(fixed));
	assert.ok(validation.ok, JSON.stringify(validation.problems));
	assert.match(draftText(fixed), /"tagPatternList": \[\n\s+"\*"\n\s+\]/);
	assert.match(fixed.notice?.text ?? '', /Fixed: Add "tagPatternList"/);
	assert.equal(draftText(reduce(fixed, {type: 'undo'})), GUIDE);
	assert.match(reduce(loaded(), {type: 'fix'}).notice?.text ?? '', /Nothing to fix/);
});

test('problem-next moves the JSON cursor to the problem line', () => {
	const state = run(loaded(), {type: 'replace', text: POLICY.replace('"countNumber": 7', '"countNumber": 0')}, {type: 'problem-next', step: 1});
	const line = validatePolicyText(draftText(state)).problems[state.problem]?.line;
	assert.equal(state.editor.row + 1, line);
});

test('keys by mode: rules list, form, JSON, preview', () => {
	let state = run(loaded(), {type: 'rule-op', op: 'add'});
	assert.equal(state.ruleCursor, 1);
	state = run(state, {type: 'nav', move: 'up', page: 5, previewCount: 0});
	assert.equal(state.ruleCursor, 0);
	state = run(state, {type: 'enter'});
	assert.deepEqual(state.form, {field: 0});
	state = run(state, {type: 'nav', move: 'down', page: 5, previewCount: 0}, {type: 'enter'});
	assert.equal(state.form?.editing, 'untagged');
	state = run(state, {type: 'form-edit-backspace'}, {type: 'form-edit-insert', text: 'S'}, {type: 'form-edit-commit'});
	assert.match(draftText(state), /"description": "untaggeS"/);
	state = run(state, {type: 'escape'});
	assert.equal(state.form, undefined);
	state = run(state, {type: 'toggle-focus'}, {type: 'nav', move: 'down', page: 5, previewCount: 3});
	assert.equal(state.previewCursor, 1);
	state = run(state, {type: 'escape'});
	assert.equal(state.focus, 'policy');
	state = run(state, {type: 'toggle-view'});
	assert.equal(state.view, 'json');
	assert.ok(state.typing);
	state = run(state, {type: 'typing', on: false}, {type: 'nav', move: 'end', page: 5, previewCount: 0});
	assert.equal(state.editor.row, state.editor.lines.length - 1);
});

test('templates: replace the policy or add their rules after the current ones', () => {
	const picker = {...openPicker(1), values: {days: '30'}};
	const replaced = pickerText(picker, undefined);
	assert.match(replaced, /"countNumber": 30/);
	const added = JSON.parse(pickerText({...openPicker(0), mode: 'add'}, JSON.parse(POLICY))) as {rules: {rulePriority: number}[]};
	assert.deepEqual(added.rules.map(rule => rule.rulePriority), [1, 2]);
	let state = run(loaded(), {type: 'picker-open'}, {type: 'picker-move', step: 1}, {type: 'picker-params'}, {type: 'picker-backspace'}, {type: 'picker-backspace'}, {type: 'picker-insert-text', text: '3x0'}, {type: 'picker-apply'});
	assert.equal(state.picker, undefined);
	assert.match(draftText(state), /"countNumber": 30/);
	assert.ok(validatePolicyText(draftText(state)).ok);
	state = reduce(state, {type: 'undo'});
	assert.equal(draftText(state), POLICY);
});

test('applied: the draft becomes what AWS now has', () => {
	const state = run(loaded(), {type: 'applied', text: null});
	assert.equal(state.source, null);
	assert.equal(draftText(state), EMPTY_POLICY_TEXT);
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29);
const images: LifecycleImage[] = [
	{digest: 'sha256:a', tags: [], sizeInBytes: 10, pushedAt: NOW - 30 * DAY, status: 'ACTIVE'},
	{digest: 'sha256:b', tags: [], sizeInBytes: 20, pushedAt: NOW - 20 * DAY, status: 'ACTIVE'},
	{digest: 'sha256:c', tags: ['v1'], sizeInBytes: 30, pushedAt: NOW - 10 * DAY, status: 'ACTIVE'},
];

test('preview rows: in-use images first, changes against the current policy, warnings', () => {
	const policy = validatePolicyText(POLICY).policy!;
	const after = evaluateLifecycle({policy, images, now: NOW});
	const before = evaluateLifecycle({policy: {rules: []}, images, now: NOW});
	const usage = new Map<string, Consumer[]>([['sha256:b', [{kind: 'task', label: 'task 1234 (prod/api, RUNNING)', via: 'digest'}]]]);
	const all = <Row,>(source: {length: number; slice(start: number, end: number): readonly Row[]}) => source.slice(0, source.length);
	const rows = all(previewRows('acted', after, undefined, usage, new Map()));
	assert.deepEqual(rows.map(row => row.digest), ['sha256:b', 'sha256:a']);
	assert.equal(rows[0]?.inUse, 'task 1234 (prod/api, RUNNING)');
	assert.deepEqual(inUseWarnings(after, usage).map(warning => warning.digest), ['sha256:b']);
	const diff = diffOutcomes(before, after);
	// The cheap counts agree with the full diff, both ways.
	assert.deepEqual(diffCounts(indexOutcomes(before), after), {added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length});
	const reverse = diffOutcomes(after, before);
	assert.deepEqual(diffCounts(indexOutcomes(after), before), {added: reverse.added.length, removed: reverse.removed.length, changed: reverse.changed.length});
	assert.deepEqual(all(previewRows('changes', after, diff, usage, new Map())).map(row => row.change), ['+', '+']);
	const back = all(previewRows('changes', before, diffOutcomes(after, before), usage, new Map(images.map(image => [image.digest, image.pushedAt]))));
	assert.deepEqual(back.map(row => [row.change, row.action]), [['-', 'keep'], ['-', 'keep']]);
	assert.deepEqual(all(previewRows('in-use', after, diff, usage, new Map())).map(row => row.digest), ['sha256:b']);
});

test('compare with AWS: agreement, only one side, different rule', () => {
	const policy = validatePolicyText(POLICY).policy!;
	const local = evaluateLifecycle({policy, images, now: NOW});
	const agree = compareWithAws(local, [{digest: 'sha256:a', tags: [], action: 'EXPIRE', rulePriority: 1}, {digest: 'sha256:b', tags: [], action: 'EXPIRE', rulePriority: 1}]);
	assert.deepEqual(agree, {agreed: 2, disagreements: [], awsCount: 2, localCount: 2});
	const differ = compareWithAws(local, [{digest: 'sha256:a', tags: [], action: 'TRANSITION', rulePriority: 1}, {digest: 'sha256:c', tags: ['v1'], action: 'EXPIRE', rulePriority: 2}]);
	assert.deepEqual(differ.disagreements.map(item => [item.digest, item.kind]), [['sha256:a', 'different'], ['sha256:c', 'only-aws'], ['sha256:b', 'only-local']]);
	assert.equal(differ.agreed, 0);
});
