import {test} from 'node:test';
import assert from 'node:assert/strict';
import {AwsClients} from '../../source/data/clients.js';
import {getLifecyclePolicy} from '../../source/data/ecr.js';
import type {RecorderEvent} from '../../source/data/recorder.js';
import {useSimulator, demoSession} from '../helpers/sim.js';

const sim = await useSimulator();
const {clients, recorder} = await demoSession(sim, {maxAttempts: 3});

function events(): {list: RecorderEvent[]; stop: () => void} {
	const list: RecorderEvent[] = [];
	const stop = recorder.subscribe(event => list.push(event));
	return {list, stop};
}

test('"no lifecycle policy" is an answer: one ok call, no failed attempt reported', async () => {
	const seen = events();
	assert.equal(await getLifecyclePolicy(clients, 'web-frontend'), undefined);
	seen.stop();
	assert.deepEqual(seen.list.map(event => event.type), ['start', 'finish']);
	assert.equal(seen.list.at(-1)?.record.outcome, 'ok');
});

test('a throttled attempt is reported as a failed attempt, then the retry succeeds', async () => {
	const fault = sim.faults.add({kind: 'throttle', service: 'ecr', operation: 'GetLifecyclePolicy', times: 1});
	const seen = events();
	try {
		await getLifecyclePolicy(clients, 'payments-api');
	} finally {
		seen.stop();
		sim.faults.remove(fault);
	}
	const retry = seen.list.find(event => event.type === 'retry');
	assert.ok(retry && retry.type === 'retry' && retry.throttled, 'the throttle is reported');
	assert.equal(seen.list.at(-1)?.record.outcome, 'ok');
	assert.equal(seen.list.at(-1)?.record.attempts, 2);
});

test('forRegion: one set of clients per other region, sharing target and recorder, closed with the session\'s', async () => {
	const own = new AwsClients({...clients.target}, recorder);
	assert.equal(own.forRegion(own.target.region), own);
	const west = own.forRegion('us-west-2');
	assert.equal(own.forRegion('us-west-2'), west, 'reused, not recreated');
	assert.equal(west.target.region, 'us-west-2');
	assert.equal(west.target.endpoint, own.target.endpoint);
	assert.equal(west.recorder, recorder);
	const ecr = await west.ecr();
	let destroyed = false;
	const destroy = ecr.destroy.bind(ecr);
	ecr.destroy = () => {
		destroyed = true;
		destroy();
	};
	own.destroy();
	await new Promise(resolve => setImmediate(resolve));
	assert.ok(destroyed, 'destroying the home clients closes the other region\'s');
	assert.notEqual(own.forRegion('us-west-2'), west, 'a fresh sibling after destroy');
	own.destroy();
});
