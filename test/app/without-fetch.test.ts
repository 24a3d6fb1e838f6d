import {test} from 'node:test';
import assert from 'node:assert/strict';
import {withoutFetch} from '../../source/app/run.js';

test('fetch is hidden while the UI modules load (Yoga then decodes its wasm itself) and restored after, also on failure', async () => {
	const original = globalThis.fetch;
	const seen = await withoutFetch(async () => typeof (globalThis as {fetch?: unknown}).fetch);
	assert.equal(seen, 'undefined');
	assert.equal(globalThis.fetch, original);
	await assert.rejects(withoutFetch(async () => {
		throw new Error('a chunk failed to load');
	}), /a chunk failed to load/);
	assert.equal(globalThis.fetch, original);
});
