import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp} from '../helpers/render-app.js';
import {useSimulator} from '../helpers/sim.js';

const sim = await useSimulator();

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

test('c copies with OSC 52 (works over SSH): the escape sequence carries the URI', async t => {
	const app = await renderApp({sim, t});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press('c');
	await app.waitFor('copied URI');
	const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/data-pipeline';
	const sequence = `\u001B]52;c;${Buffer.from(uri).toString('base64')}\u0007`;
	assert.ok(app.frames().some(frame => frame.includes(sequence)), 'the OSC 52 sequence was written');
});

test('b shows and copies the AWS console address', async t => {
	const app = await renderApp({sim, t, width: 160});
	await app.waitFor(/data-pipeline\s+942/);
	await app.press('b');
	await app.waitFor('https://us-east-1.console.aws.amazon.com/ecr/repositories/private/123456789012/data-pipeline?region=us-east-1');
});
