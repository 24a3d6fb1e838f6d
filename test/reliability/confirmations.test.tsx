// Every confirmation dialog of the app starts on Cancel, and Enter on a dialog nobody moved the
// focus in never changes anything: delete images (small, with its toggles, and above the
// type-to-confirm threshold), stop task, apply and delete a lifecycle policy.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KEYS, renderApp, type AppHarness} from '../helpers/render-app.js';
import type {Simulator} from '../../source/sim/server.js';
import type {Route} from '../../source/app/router.js';
import {useSimulator} from '../helpers/sim.js';

type Dialog = {
	name: string;
	route: Route;
	ready: RegExp;
	/** Keys that open the dialog (after the screen is ready). */
	open: string[];
	/** The dialog's title, once it is on screen. */
	title: RegExp;
	/** Keys pressed inside the dialog before Enter that are not focus moves (toggles). */
	inside?: string[];
	settings?: Record<string, unknown>;
};

const DIALOGS: readonly Dialog[] = [
	{name: 'delete one image', route: {screen: 'images', repository: 'payments-api'}, ready: /v2\.26\.0, latest/, open: [KEYS.down, KEYS.down, KEYS.down, ' ', KEYS.ctrl('d')], title: /Delete 1 image from payments-api\?/},
	{name: 'delete images with both toggles flipped (include in-use, archive)', route: {screen: 'images', repository: 'payments-api'}, ready: /v2\.26\.0, latest/, open: [' ', KEYS.down, ' ', KEYS.ctrl('d')], title: /from payments-api\?/, inside: ['i', 'a']},
	{
		name: 'delete above the type-to-confirm threshold',
		route: {screen: 'images', repository: 'payments-api'},
		ready: /v2\.26\.0, latest/,
		open: ['m', 'u', KEYS.ctrl('d')],
		title: /Delete 26 images from payments-api\?/,
		inside: [...'payments'],
		settings: {typeToConfirmAbove: 5},
	},
	{name: 'stop task', route: {screen: 'tasks', cluster: 'prod', service: 'payments'}, ready: /● RUNNING/, open: ['S'], title: /Stop task [0-9a-f]{8}\?/},
	{name: 'apply a lifecycle policy', route: {screen: 'lifecycle', repository: 'payments-api'}, ready: /33 images expire/, open: ['x', 'A'], title: /Replace the lifecycle policy of payments-api\?/},
	{name: 'delete a lifecycle policy', route: {screen: 'lifecycle', repository: 'orders-worker'}, ready: /nothing expires or moves to archive/, open: [KEYS.ctrl('d')], title: /Delete the lifecycle policy of orders-worker\?/},
];

function mutating(sim: Simulator): string[] {
	return sim.calls.filter(call => call.mutating).map(call => call.operation);
}

async function openDialog(dialog: Dialog, t: {after(fn: () => unknown): void}): Promise<{sim: Simulator; app: AppHarness}> {
	const sim = await useSimulator({}, t);
	const app = await renderApp({sim, t, route: dialog.route, width: 110, height: 32, settings: {refreshIntervalMs: 0, ...dialog.settings}, configDir: mkdtempSync(join(tmpdir(), 'ecrtui-confirm-'))});
	await app.waitFor(dialog.ready, 10_000);
	await app.press(...dialog.open);
	await app.waitFor(dialog.title, 5000);
	return {sim, app};
}

describe('confirmation dialogs start on Cancel; Enter without moving the focus changes nothing', () => {
	for (const dialog of DIALOGS) {
		test(dialog.name, async t => {
			const {sim, app} = await openDialog(dialog, t);
			let frame = app.frame();
			if (dialog.settings?.typeToConfirmAbove !== undefined) {
				// The name must be typed first: the confirm button is disabled, the focus is in the input.
				assert.match(frame, /\(type the name first\)/);
				assert.doesNotMatch(frame, /▸\[ Delete/);
				await app.press(KEYS.enter);
				frame = await app.waitFor(dialog.title, 2000);
				assert.deepEqual(mutating(sim), [], 'Enter on the empty input does nothing');
				// Typing the name moves nothing but the text: Enter then only puts the focus on the button.
				await app.press(...(dialog.inside ?? []), 'x', KEYS.enter);
				assert.match(app.frame(), /\(type the name first\)/, 'a wrong name keeps the button disabled');
				assert.deepEqual(mutating(sim), []);
				await app.press(KEYS.escape);
				await app.waitFor(frame => !dialog.title.test(frame), 2000);
			} else {
				assert.match(frame, /▸\[ Cancel \]/, 'the focus starts on Cancel');
				assert.doesNotMatch(frame, /▸\[ (?!Cancel)/, 'and only there');
				if (dialog.inside) {
					await app.press(...dialog.inside);
					frame = await app.waitFor(/include in-use images: ON/, 2000);
					assert.match(frame, /▸\[ Cancel \]/, 'toggles do not move the focus');
				}
				await app.press(KEYS.enter);
				await app.waitFor(frame => !dialog.title.test(frame), 2000);
			}
			// Give a confirmed action time to reach AWS; none may.
			const until = Date.now() + 300;
			await app.waitFor(() => Date.now() > until);
			assert.deepEqual(mutating(sim), [], `${dialog.name}: Enter on an unchanged dialog sent a change`);
			assert.equal(app.audit.entries.length, 0, 'nothing audited: nothing was done');
		});
	}
});

test('Esc cancels every dialog too, and a cancelled dialog opens on Cancel again', async t => {
	const dialog = DIALOGS[0]!;
	const {sim, app} = await openDialog(dialog, t);
	await app.press(KEYS.tab);
	assert.match(app.frame(), /▸\[ Delete 1 image \]/);
	await app.press(KEYS.escape);
	await app.waitFor(frame => !dialog.title.test(frame), 2000);
	await app.press(KEYS.ctrl('d'));
	const frame = await app.waitFor(dialog.title, 2000);
	assert.match(frame, /▸\[ Cancel \]/, 'the focus does not remember the last dialog');
	await app.press(KEYS.enter);
	await app.waitFor(frame => !dialog.title.test(frame), 2000);
	assert.deepEqual(mutating(sim), []);
});
