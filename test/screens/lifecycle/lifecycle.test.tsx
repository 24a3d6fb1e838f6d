import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp} from '../../helpers/render-app.js';
import type {Simulator} from '../../../source/sim/server.js';
import type {VirtualClock} from '../../../source/sim/clock.js';
import {validatePolicyText} from '../../../source/domain/lifecycle/index.js';
import {useSimulator} from '../../helpers/sim.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

function repositoryOf(sim: Simulator, name: string) {
	return sim.world.region(ACCOUNT, REGION).ecr.repositories.get(name)!;
}

function calls(sim: Simulator, operation: string): number {
	return sim.calls.filter(call => call.operation === operation).length;
}

/** A frame predicate that ignores line wrapping (messages wrap at the pane's width). */
function flat(text: string): (frame: string) => boolean {
	const wanted = text.replace(/\s+/g, ' ');
	return frame => frame.replace(/\s+/g, ' ').includes(wanted);
}

/** The guide policy: a tagged rule with imageCountMoreThan and no tag list (AWS rejects it). */
const GUIDE_POLICY = '{"rules":[{"rulePriority":1,"description":"Keep last 30 images","selection":{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":30},"action":{"type":"expire"}}]}';

test('opens payments-api on its current policy and shows the dry run', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 80, height: 24});
	const frame = await app.waitFor('saves ~');
	assert.match(frame, /1\s+tagged v\*\s+keep newest 20\s+expire/);
	assert.match(frame, /2\s+untagged\s+pushed > 14 d\s+expire/);
	assert.match(frame, /✓ valid: AWS would accept this policy/);
	assert.match(frame, /✖ 33 images expire · ⇣ 0 archive · [\d.]+ GB · saves ~\$[\d.]+\/mo \(estimate\)/);
	assert.match(frame, /vs the current policy: \+0 newly acted on · −0 no longer/);
	assert.match(frame, /AWS acts within 24 h/);
	assert.match(frame, /expire\s+v2\.0\.0/);
	const lines = frame.split('\n');
	assert.ok(lines.length <= 24, `frame has ${lines.length} lines`);
});

test('typing in the raw editor updates the dry run and shows errors inline with line and path', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 80, height: 24});
	await app.waitFor('33 images expire');
	await app.press('v');
	await app.waitFor('typing: Esc leaves');
	for (let k = 0; k < 11; k++) await app.press(KEYS.down);
	// "countNumber": 20 -> 2: the preview follows the keystroke.
	await app.press(KEYS.end, KEYS.backspace);
	let frame = await app.waitFor('51 images expire');
	assert.match(frame, /\+18 newly acted on/);
	// 2 -> 0: AWS's schema minimum, shown with its line and JSON path; the gutter marks the line.
	await app.press(KEYS.backspace, '0');
	frame = await app.waitFor('line 12:');
	assert.match(frame, /✖ line 12:\d+ \$\.rules\[0\]\.selection\.countNumber: numeric instance is lower than/);
	assert.match(frame, /✖ 12│\s+"countNumber": 0/);
	assert.match(frame, /showing the last valid draft/);
	// Broken JSON: a syntax error with its line and column.
	await app.press(KEYS.backspace, '3', ',');
	frame = await app.waitFor('Could not map policyString');
	assert.match(frame, /line 1[23]:\d+ \$: Could not map policyString into LifecyclePolicy\./);
	// Typed letters stay in the editor: "q" did not quit, "A" did not apply.
	await app.press(KEYS.backspace, 'q', 'A', KEYS.backspace, KEYS.backspace);
	frame = await app.waitFor('✓ valid: AWS would accept');
	await app.waitFor('50 images expire');
	assert.equal(calls(sim, 'PutLifecyclePolicy'), 0);
});

test('the guide mistake (tagged + imageCountMoreThan without a tag list) is flagged and fixed with one key', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'orders-worker'}, width: 100, height: 30});
	await app.waitFor('nothing expires or moves to archive');
	// X clears the draft, i types in the JSON: then the guide's policy is pasted.
	await app.press('X', 'i');
	await app.waitFor('Draft cleared');
	await app.waitFor('typing: Esc leaves');
	// A paste arrives as one chunk.
	await app.press(GUIDE_POLICY);
	let frame = await app.waitFor(flat('Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.'));
	assert.match(frame, /✖ line 1:\d+ \$\.rules\[0\]\.selection\.tagStatus/);
	assert.match(frame, /✖\s+1│/);
	assert.match(frame, /f fix: Add "tagPatternList": \["\*"\] \(every tagged image\)/);
	await app.press(KEYS.escape, 'f');
	frame = await app.waitFor('✓ valid: AWS would accept this policy');
	assert.match(frame, /Fixed: Add "tagPatternList"/);
	await app.press('v');
	frame = await app.waitFor(/tagged \*\s+keep newest 30/);
	assert.equal(calls(sim, 'PutLifecyclePolicy'), 0);
});

test('a template on data-pipeline shows hundreds of images expiring and the dollars saved', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'data-pipeline'}, width: 80, height: 24});
	// No policy: the template picker opens by itself.
	let frame = await app.waitFor('Templates · ↑↓ choose');
	assert.match(frame, /no policy/);
	await app.press(KEYS.down);
	frame = await app.waitFor('› Expire untagged images after N days');
	// The dry run already shows the highlighted template.
	await app.waitFor(/Dry run of the template/);
	await app.press(KEYS.enter);
	await app.waitFor('Days');
	await app.press(KEYS.backspace, KEYS.backspace, '30', KEYS.enter);
	frame = await app.waitFor(/untagged\s+pushed > 30 d/);
	const expiring = /✖ ([\d,]+) images expire/.exec(frame);
	assert.ok(expiring && Number(expiring[1]!.replace(/,/g, '')) > 500, `expected hundreds expiring: ${expiring?.[1]}`);
	const saved = /saves ~\$([\d,.]+)\/mo \(estimate\)/.exec(frame);
	assert.ok(saved && Number(saved[1]!.replace(/,/g, '')) > 100, `expected over $100/month: ${saved?.[1]}`);
	assert.match(frame, /vs no policy/);
});

test('an in-use image the draft would expire gets a warning banner', async t => {
	const sim = await useSimulator({}, t);
	if (!('ecs' in sim.world.region(ACCOUNT, REGION).services)) {
		t.skip('the demo scenario has no ECS state in this tree: no running task uses an image');
		return;
	}
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 30});
	await app.waitFor('33 images expire');
	await app.waitFor(frame => !frame.includes('finding the tasks and services'), 15_000);
	// Rule 1 form: countNumber 20 -> 1 (keep only the newest v* image, the release candidate).
	await app.press(KEYS.enter);
	await app.waitFor('Policy rule form');
	for (let k = 0; k < 8; k++) await app.press(KEYS.down);
	await app.press(KEYS.enter, KEYS.backspace, KEYS.backspace, '1', KEYS.enter);
	const frame = await app.waitFor('⚠ IN USE: v2.26.0, latest would EXPIRE');
	assert.match(frame, /task [0-9a-f]+ \(prod\/payments/);
	await app.press(KEYS.escape, 'A');
	const dialog = await app.waitFor('IN USE would be expired or archived');
	assert.match(dialog, /Type payments-api to confirm/);
	assert.match(dialog, /\[ Cancel \]/);
});

test('apply goes through a Cancel-first dialog, then AWS holds exactly the draft and the screen reloads it', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 30});
	await app.waitFor('33 images expire');
	// Form: countNumber 20 -> 23 with → (a number field).
	await app.press(KEYS.enter);
	for (let k = 0; k < 8; k++) await app.press(KEYS.down);
	await app.press(KEYS.right, KEYS.right, KEYS.right, KEYS.escape);
	await app.waitFor(/keep newest 23/);
	await app.waitFor('30 images expire');
	await app.press('A');
	let frame = await app.waitFor('Replace the lifecycle policy of payments-api?');
	assert.match(frame, /▸\[ Cancel \]/);
	assert.match(frame, /As of now: 30 images expire, 0 move to archive/);
	assert.match(frame, /−3 no longer/);
	await app.press(KEYS.enter);
	await app.waitFor(current => !current.includes('Replace the lifecycle policy'));
	assert.equal(calls(sim, 'PutLifecyclePolicy'), 0);
	await app.press('A');
	await app.waitFor('Replace the lifecycle policy of payments-api?');
	const reads = calls(sim, 'GetLifecyclePolicy');
	await app.press(KEYS.tab, KEYS.enter);
	frame = await app.waitFor('✓ draft = AWS policy');
	assert.equal(calls(sim, 'PutLifecyclePolicy'), 1);
	assert.ok(calls(sim, 'GetLifecyclePolicy') > reads, 'the policy is read again after the put');
	const stored = repositoryOf(sim, 'payments-api').lifecycle?.text ?? '';
	assert.match(stored, /"countNumber": 23/);
	assert.ok(validatePolicyText(stored).ok);
	await app.press('v');
	await app.waitFor('Policy JSON');
	// The editor holds the same text AWS has now, line for line.
	assert.ok(app.frame().includes(stored.split('\n')[1]!));
	const audit = app.audit.entries.filter(entry => entry.action === 'put-lifecycle-policy');
	assert.deepEqual(audit.map(entry => entry.phase), ['intent', 'result']);
	assert.equal(audit[0]?.detail, stored);
});

test('an invalid policy is never sent: apply is refused with the reason', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 30});
	await app.waitFor('33 images expire');
	await app.press('v', 'x');
	await app.waitFor('Could not map policyString');
	await app.press(KEYS.ctrl('s'));
	let frame = await app.waitFor('Not applied: the draft is invalid');
	await app.press(KEYS.escape, 'A');
	frame = await app.waitFor('Not applied: the draft is invalid');
	assert.doesNotMatch(frame, /Replace the lifecycle policy/);
	assert.equal(calls(sim, 'PutLifecyclePolicy'), 0);
});

test('read-only mode hides and blocks apply and delete: no mutating call', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 120, height: 30, readOnly: true});
	await app.waitFor('33 images expire');
	let frame = app.frame();
	assert.doesNotMatch(frame, /Shift-A apply/);
	assert.match(frame, /read-only/);
	await app.press(KEYS.enter);
	for (let k = 0; k < 8; k++) await app.press(KEYS.down);
	await app.press(KEYS.right, KEYS.escape);
	await app.waitFor(/keep newest 21/);
	await app.press('A');
	frame = await app.waitFor('read-only mode');
	await app.press(KEYS.ctrl('s'), KEYS.ctrl('d'));
	frame = await app.waitFor('read-only mode');
	assert.doesNotMatch(frame, /Replace the lifecycle policy|Delete the lifecycle policy/);
	// Help lists no destructive key, on any page.
	await app.press('?');
	const pages = [await app.waitFor('Lifecycle policy of payments-api')];
	for (let page = 0; page < 6; page++) {
		await app.press(KEYS.pageDown);
		pages.push(app.frame());
	}
	assert.ok(pages.some(page => page.includes('Read-only mode: destructive keys are disabled')));
	assert.ok(pages.every(page => !page.includes('PutLifecyclePolicy after a confirmation') && !page.includes('DeleteLifecyclePolicy after')));
	assert.ok(pages.some(page => page.includes('Templates')));
	assert.equal(sim.calls.filter(call => call.mutating).length, 0);
});

test('compare with AWS: the simulator agrees with the local dry run', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 30});
	await app.waitFor('33 images expire');
	await app.press('w');
	await app.waitFor('AWS preview IN_PROGRESS');
	(sim.clock as VirtualClock).advance(10_000);
	const frame = await app.waitFor('AWS agrees', 10_000);
	assert.match(frame, /✓ AWS agrees: 33 images \(33 expire, 0 to archive\)/);
	assert.equal(calls(sim, 'StartLifecyclePolicyPreview'), 1);
	await app.press(KEYS.escape);
	await app.waitFor('33 images expire');
});

test('compare with AWS can be cancelled with Esc', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 30});
	await app.waitFor('33 images expire');
	await app.press('w');
	await app.waitFor('Esc cancels');
	await app.press(KEYS.escape);
	await app.waitFor(frame => !frame.includes('Esc cancels') && frame.includes('33 images expire'));
});

test('export shows the Terraform and CloudFormation snippets', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 30});
	await app.waitFor('33 images expire');
	await app.press('e');
	let frame = await app.waitFor('put-lifecycle-policy --repository-name payments-api');
	assert.match(frame, /"rulePriority": 1/);
	await app.press(KEYS.right);
	frame = await app.waitFor('resource "aws_ecr_lifecycle_policy" "payments-api" {');
	assert.match(frame, /repository = "payments-api"/);
	assert.match(frame, /policy = jsonencode\(\{/);
	assert.match(frame, /tagPatternList = \["v\*"\]/);
	await app.press(KEYS.right);
	frame = await app.waitFor('Type: AWS::ECR::Repository');
	assert.match(frame, /LifecyclePolicyText: \|/);
	await app.press('c');
	await app.waitFor('copied the cloudformation export');
	await app.press(KEYS.escape);
	await app.waitFor('33 images expire');
});

test('export scrolls (G to the end, g to the top) and each format starts at its top', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 100, height: 20});
	await app.waitFor('33 images expire');
	await app.press('e');
	await app.waitFor(/lines 1-14 of 32/);
	await app.press('G');
	let frame = await app.waitFor(/lines 19-32 of 32/);
	assert.match(frame, /"description": "Expire untagged images after 14 days"/);
	assert.doesNotMatch(frame, /Keep the last 20 release images/);
	await app.press('k');
	await app.waitFor(/lines 18-31 of 32/);
	await app.press('g');
	await app.waitFor(/lines 1-14 of 32/);
	await app.press('G', KEYS.right);
	frame = await app.waitFor(/lines 1-14 of 34/);
	assert.match(frame, /resource "aws_ecr_lifecycle_policy" "payments-api" \{/);
});

test('delete policy: Cancel-first dialog, then AWS has no policy and the draft is empty', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'orders-worker'}, width: 100, height: 30});
	await app.waitFor('nothing expires or moves to archive');
	await app.press(KEYS.ctrl('d'));
	let frame = await app.waitFor('Delete the lifecycle policy of orders-worker?');
	assert.match(frame, /▸\[ Cancel \]/);
	await app.press(KEYS.tab, KEYS.enter);
	frame = await app.waitFor('no policy (keeps every image)');
	assert.equal(calls(sim, 'DeleteLifecyclePolicy'), 1);
	assert.equal(repositoryOf(sim, 'orders-worker').lifecycle, undefined);
	assert.match(frame, /No rules yet/);
});

test('rules view: add, reorder with renumbered priorities, remove, undo', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'orders-worker'}, width: 100, height: 30});
	await app.waitFor('nothing expires or moves to archive');
	await app.press('a');
	let frame = await app.waitFor(/2\s+tagged \*\s+keep newest 100/);
	await app.press('K');
	frame = await app.waitFor(/1\s+tagged \*\s+keep newest 100[\s\S]*2\s+untagged/);
	await app.press('x');
	frame = await app.waitFor('Rule deleted');
	assert.doesNotMatch(frame, /keep newest 100/);
	await app.press('u');
	await app.waitFor(/1\s+tagged \*\s+keep newest 100/);
});

test('the rule form offers only valid choices', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'orders-worker'}, width: 120, height: 34});
	await app.waitFor('nothing expires or moves to archive');
	await app.press(KEYS.enter);
	let frame = await app.waitFor('count unit');
	// An untagged rule: tag list fields do not apply; untagged sinceImagePushed + expire.
	assert.match(frame, /tag list kind\s+—/);
	assert.match(frame, /count unit\s+days/);
	for (let k = 0; k < 6; k++) await app.press(KEYS.down);
	// countType for an expire rule: no sinceImagePulled (transition only).
	frame = await app.waitFor('›count type');
	assert.match(frame, /imageCountMoreThan \[sinceImagePushed\] sinceImageTransitioned/);
	await app.press(KEYS.left);
	frame = await app.waitFor(/\[imageCountMoreThan\]/);
	assert.match(frame, /count unit\s+—\s+not used with imageCountMoreThan/);
	await app.press(KEYS.right, KEYS.right);
	frame = await app.waitFor(/\[sinceImageTransitioned\]/);
	assert.match(frame, /storage class\s+archive/);
	assert.match(frame, /count number\s+90/);
	assert.match(frame, /✓ valid/);
});

test('fits 80x24 and uses the width side by side at 160x45', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'lifecycle', repository: 'payments-api'}, width: 80, height: 24});
	let frame = await app.waitFor('33 images expire');
	const narrow = frame.split('\n');
	assert.ok(narrow.length <= 24);
	assert.ok(narrow.every(line => line.length <= 80), narrow.find(line => line.length > 80));
	await app.resize(160, 45);
	frame = await app.waitFor(current => /Policy rules.*Dry run/.test(current));
	const wide = frame.split('\n');
	assert.ok(wide.length <= 45);
	assert.ok(wide.every(line => line.length <= 160));
});
