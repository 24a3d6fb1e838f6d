import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp} from '../../helpers/render-app.js';
import {useSimulator} from '../../helpers/sim.js';

const sim = await useSimulator();

test('the demo starts on the repository list with sizes, costs and flags', async t => {
	const app = await renderApp({sim, t});
	const frame = await app.waitFor(frame => /data-pipeline\s+942/.test(frame) && /✓ 2 rules/.test(frame));
	assert.match(frame, /123456789012/);
	assert.match(frame, /⚑ data-pipeline/);
	assert.match(frame, /✓ 2 rules/);
	assert.match(frame, /✗ none/);
	assert.match(frame, /EST \$\/MO/);
	// Platform images and signatures are not untagged waste: web-frontend is not flagged.
	const web = await app.waitFor(frame => /web-frontend\s+51\s+0\s/.test(frame));
	assert.doesNotMatch(web, /⚑ web-frontend/);
	// Sorted by estimated cost, largest first: the expensive repository is on top.
	const lines = frame.split('\n');
	const first = lines.findIndex(line => line.includes('REPOSITORY'));
	assert.match(lines[first + 1] ?? '', /data-pipeline/);
});

test('sorting by name and filtering with /', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor('TOTAL');
	await app.press('N');
	let frame = await app.waitFor(frame => {
		const lines = frame.split('\n');
		return (lines[lines.findIndex(line => line.includes('REPOSITORY')) + 1] ?? '').includes('base/python');
	});
	await app.press('/');
	await app.type('pay');
	frame = await app.waitFor('1/10');
	assert.match(frame, /payments-api/);
	assert.doesNotMatch(frame, /data-pipeline/);
	await app.press(KEYS.escape);
	frame = await app.waitFor('data-pipeline');
	assert.doesNotMatch(frame, /filter:/);
});

test('enter opens the images screen and esc comes back', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor(/›\s+⚑ data-pipeline\s+942/);
	await app.press(KEYS.enter);
	await app.waitFor('images: data-pipeline');
	await app.press(KEYS.escape);
	await app.waitFor('REPOSITORY');
});

test('? shows this screen\'s keys and what it shows', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor('TOTAL');
	await app.press('?');
	const frame = await app.waitFor('Lifecycle policy editor');
	assert.match(frame, /estimate/);
	assert.match(frame, /Sort by name/);
	await app.press(KEYS.escape);
	await app.waitFor(frame => !frame.includes('Lifecycle policy editor'));
});

test('a tiny terminal gets a "make the window larger" message', async t => {
	const app = await renderApp({sim, t, width: 50, height: 12});
	const frame = await app.waitFor('Make the window larger');
	assert.match(frame, /50×12/);
	await app.resize(100, 30);
	await app.waitFor('REPOSITORY');
});
