import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp} from '../helpers/render-app.js';
import {startSimulator} from '../../source/sim/server.js';

const sim = await startSimulator();
after(() => sim.close());

test('a command typed in one burst (":repos" then Enter) is not lost while the palette opens', async t => {
	const app = await renderApp({sim, t, route: {screen: 'errors'}});
	await app.waitFor('calls');
	await app.press(':repos\r');
	await app.waitFor('REPOSITORY');
});

test('a filter typed in one burst after / is applied completely', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press('/pay');
	const frame = await app.waitFor('1/10');
	assert.match(frame, /payments-api/);
	await app.press(KEYS.escape);
});

test('the palette completes commands and arguments with Tab', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press(':');
	await app.type('ima');
	await app.press(KEYS.tab);
	await app.type('web');
	await app.press(KEYS.tab);
	await app.waitFor(':images web-frontend');
	await app.press(KEYS.enter);
	await app.waitFor('images: web-frontend');
});

test('an unknown command says so and keeps the screen', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press(':frobnicate\r');
	await app.waitFor('unknown command :frobnicate');
	assert.match(app.frame(), /REPOSITORY/);
});
