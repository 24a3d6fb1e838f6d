import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp} from '../../helpers/render-app.js';
import type {Simulator} from '../../../source/sim/server.js';
import {useSimulator} from '../../helpers/sim.js';

function repositoryOf(sim: Simulator, name: string) {
	return sim.world.region('123456789012', 'us-east-1').ecr.repositories.get(name)!;
}

test('multi-arch images show their platforms and signatures grouped under them', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'web-frontend'}, width: 110});
	const frame = await app.waitFor('linux/arm64/v8');
	assert.match(frame, /v5\.11\.0, latest \(\+4\)/);
	assert.match(frame, /└ linux\/amd64/);
	assert.match(frame, /└ signature/);
	assert.match(frame, /└ sbom/);
	assert.match(frame, /index/);
});

test('the detail view lists tags, platforms and the top scan findings', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'payments-api'}, width: 120, height: 40});
	await app.waitFor('v2.27.0-rc1');
	await app.press('/');
	await app.type('v2.1.0');
	await app.press(KEYS.enter);
	await app.waitFor(frame => /›\s+v2\.1\.0/.test(frame));
	await app.press(KEYS.enter);
	const frame = await app.waitFor('CVE-');
	assert.match(frame, /tags: v2\.1\.0/);
	assert.match(frame, /scan: COMPLETE/);
	assert.match(frame, /in use by:/);
	await app.press('y');
	await app.waitFor('(JSON)');
	await app.press(KEYS.escape);
	await app.waitFor(frame => !frame.includes('(JSON)'));
});

test('mark untagged, confirm dialog starts on Cancel: Enter deletes nothing', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'notifications'}});
	await app.waitFor('3.5.1');
	await app.press('m');
	await app.waitFor('all untagged images');
	await app.press('u');
	await app.waitFor('6 marked');
	await app.press(KEYS.ctrl('d'));
	const dialog = await app.waitFor('Delete 6 images from notifications?');
	assert.match(dialog, /▸\[ Cancel \]/);
	assert.match(dialog, /saves ~\$/);
	await app.press(KEYS.enter);
	await app.waitFor(frame => !frame.includes('Delete 6 images from'));
	assert.equal(sim.calls.filter(call => call.operation === 'BatchDeleteImage').length, 0);
	assert.equal(repositoryOf(sim, 'notifications').images.size, 12);
});

test('confirmed delete removes exactly the marked images, audits them and reloads from AWS', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'notifications'}});
	await app.waitFor('3.5.1');
	const before = [...repositoryOf(sim, 'notifications').images.values()];
	const untagged = before.filter(image => image.tags.length === 0).map(image => image.digest);
	await app.press('m', 'u');
	await app.waitFor('6 marked');
	await app.press(KEYS.ctrl('d'));
	await app.waitFor('Delete 6 images');
	await app.press(KEYS.tab, KEYS.enter);
	const done = await app.waitFor('Done.');
	assert.match(done, /✓ 6 deleted/);
	assert.match(done, /✗ 0 failed/);
	const after = [...repositoryOf(sim, 'notifications').images.values()];
	assert.deepEqual(after.map(image => image.digest).sort(), before.filter(image => image.tags.length > 0).map(image => image.digest).sort());
	assert.ok(untagged.every(digest => !repositoryOf(sim, 'notifications').images.has(digest)));
	const deleteCalls = sim.calls.filter(call => call.operation === 'BatchDeleteImage');
	assert.equal(deleteCalls.length, 1);
	const intents = app.audit.entries.filter(entry => entry.phase === 'intent');
	const results = app.audit.entries.filter(entry => entry.phase === 'result');
	assert.ok(intents.length >= 2 && results.length >= 2);
	assert.deepEqual(results.flatMap(entry => entry.items ?? []).filter(item => item.result === 'deleted').map(item => item.digest).sort(), [...untagged].sort());
	await app.press(KEYS.enter);
	await app.waitFor(frame => frame.includes('6 images') && !frame.includes('<untagged>'));
});

test('above the threshold the repository name must be typed', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'notifications'}, settings: {typeToConfirmAbove: 3}});
	await app.waitFor('3.5.1');
	await app.press('m', 'u');
	await app.waitFor('6 marked');
	await app.press(KEYS.ctrl('d'));
	await app.waitFor('Type notifications to confirm');
	await app.type('notif');
	await app.press(KEYS.tab, KEYS.tab, KEYS.enter);
	await app.waitFor('type the name first');
	assert.equal(sim.calls.filter(call => call.operation === 'BatchDeleteImage').length, 0);
	await app.press(KEYS.tab);
	await app.type('ications');
	await app.press(KEYS.enter, KEYS.enter);
	await app.waitFor('Done.');
	assert.equal(sim.calls.filter(call => call.operation === 'BatchDeleteImage').length, 1);
});

test('a per-image failure is reported, the rest is deleted', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'notifications'}});
	await app.waitFor('3.5.1');
	await app.press('m', 'u');
	await app.waitFor('6 marked');
	await app.press(KEYS.ctrl('d'));
	await app.waitFor('Delete 6 images');
	// Someone else deletes one of them between the plan and the call.
	const gone = [...repositoryOf(sim, 'notifications').images.values()].find(image => image.tags.length === 0)!;
	repositoryOf(sim, 'notifications').images.delete(gone.digest);
	await app.press(KEYS.tab, KEYS.enter);
	const done = await app.waitFor('Done.');
	assert.match(done, /✓ 5 deleted/);
	assert.match(done, /✗ 1 failed/);
	assert.match(done, /ImageNotFound — Requested image not found/);
});

test('in read-only mode Ctrl-D is refused and no mutating call is made', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'notifications'}, readOnly: true});
	await app.waitFor('3.5.1');
	assert.doesNotMatch(app.frame(), /Ctrl-D/, 'the status line does not offer the delete key');
	await app.press('m', 'u');
	const marked = await app.waitFor('6 marked');
	assert.doesNotMatch(marked, /Ctrl-D/);
	await app.press(KEYS.ctrl('d'));
	await app.waitFor('read-only mode');
	assert.doesNotMatch(app.frame(), /Delete 6 images/);
	await app.press('?');
	const help = await app.waitFor('Read-only mode');
	assert.doesNotMatch(help, /Delete marked images/);
	assert.equal(sim.calls.filter(call => call.mutating).length, 0);
});

test('marking an index marks its platforms; platforms of a surviving index are never sent', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'web-frontend'}, width: 110});
	await app.waitFor('linux/arm64/v8');
	await app.press('/');
	await app.type('v5.9.0');
	await app.press(KEYS.enter);
	await app.waitFor(frame => /›\s+v5\.9\.0/.test(frame));
	// Mark one platform image alone: its index stays, so AWS would refuse it; it is never sent.
	await app.press(KEYS.down, KEYS.space);
	await app.waitFor('1 marked');
	await app.press(KEYS.ctrl('d'));
	const dialog = await app.waitFor('Delete 0 images');
	assert.match(dialog, /skips 1 platform image/);
	await app.press(KEYS.escape);
	await app.waitFor(frame => !frame.includes('Delete 0 images'));
	await app.press('M');
	await app.waitFor(frame => !frame.includes('marked ·'));
	await app.press('g', KEYS.space);
	await app.waitFor('1 marked');
	await app.press(KEYS.ctrl('d'));
	const indexDialog = await app.waitFor(/Delete [1-9]\d* images from web-frontend/);
	assert.match(indexDialog, /platform images of deleted multi-arch indexes/);
	assert.match(indexDialog, /signatures\/SBOMs/);
	await app.press(KEYS.tab, KEYS.enter);
	await app.waitFor('Done.');
	const repository = sim.world.region('123456789012', 'us-east-1').ecr.repositories.get('web-frontend')!;
	assert.ok(![...repository.images.values()].some(image => image.tags.includes('v5.9.0')));
	// Every BatchDeleteImage succeeded: platforms went after their index, never before.
	assert.equal(sim.calls.filter(call => call.operation === 'BatchDeleteImage' && call.status !== 200).length, 0);
});

test('images in use are protected unless explicitly included', async t => {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'payments-api'}, width: 120});
	await app.waitFor(/v2\.26\.0, latest .*● 3 tasks/);
	await app.press('/');
	await app.type('v2.26.0');
	await app.press(KEYS.enter);
	await app.waitFor(frame => /›\s+v2\.26\.0/.test(frame));
	await app.press(KEYS.space, KEYS.ctrl('d'));
	const dialog = await app.waitFor('in use and will be skipped');
	assert.match(dialog, /Delete 0 images/);
	assert.match(dialog, /service prod\/payments/);
	await app.press('i');
	const included = await app.waitFor('IN USE and WILL BE DELETED');
	assert.match(included, /Delete 1 image from payments-api/);
	await app.press(KEYS.escape);
	assert.equal(sim.calls.filter(call => call.mutating).length, 0);
});
