import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp} from '../helpers/render-app.js';
import {useSimulator} from '../helpers/sim.js';

const sim = await useSimulator();

test(':region switches the whole app to another region and never mixes data', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press(':region us-west-2\r');
	const frame = await app.waitFor(frame => frame.includes('us-west-2') && frame.includes('TOTAL (1)'));
	assert.match(frame, /payments-api/);
	assert.doesNotMatch(frame, /data-pipeline|web-frontend/);
	// The demo never changes what a real start remembers.
	assert.equal(app.settings.get().lastRegion, undefined);
	await app.press(':region us-east-1\r');
	await app.waitFor(frame => frame.includes('us-east-1') && /data-pipeline\s+942/.test(frame));
});

test('R lists the repositories of every configured region side by side', async t => {
	const app = await renderApp({sim, t, width: 130, settings: {regions: ['us-east-1', 'us-west-2']}});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press('R');
	const frame = await app.waitFor(frame => frame.includes('REGION') && frame.includes('TOTAL (11)'));
	assert.match(frame, /us-west-2\s+payments-api/);
	assert.match(frame, /us-east-1\s+payments-api/);
	// The replica's figures are loaded from its own region, not left pending.
	await app.waitFor(/us-west-2\s+payments-api\s+\d+\s+\d+\s+[\d.]+ [KMGT]?B/);
	// Open the replica: the images screen reads us-west-2.
	await app.press('/');
	await app.type('us-west-2');
	await app.press(KEYS.enter, KEYS.enter);
	const images = await app.waitFor(frame => frame.includes('images: payments-api (us-west-2)') && frame.includes('v2.26.0, latest'));
	assert.doesNotMatch(images, /v2\.25\.0/);
});

test('the image detail says where a replicated image is also present', async t => {
	const app = await renderApp({sim, t, route: {screen: 'images', repository: 'payments-api'}, width: 120, height: 40, settings: {regions: ['us-east-1', 'us-west-2']}});
	await app.waitFor('v2.26.0, latest');
	await app.press('/');
	await app.type('latest');
	await app.press(KEYS.enter, KEYS.enter);
	await app.waitFor('also present in: us-west-2');
	await app.press(KEYS.escape);
	await app.waitFor('filter: latest');
	await app.press(KEYS.escape, '/');
	await app.type('v2.25.0');
	await app.press(KEYS.enter, KEYS.enter);
	await app.waitFor('only in us-east-1');
});
