import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ResourceStore, type Descriptor, type LoadContext} from '../../source/data/store.js';

type Deferred<T> = {promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void};
function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return {promise, resolve, reject};
}

function abortError(): Error {
	return Object.assign(new Error('This operation was aborted'), {name: 'AbortError'});
}

/**
 * A descriptor whose loads are controlled by the test: each call waits on its own deferred
 * (which rejects with AbortError when the signal fires, as the SDK does).
 */
function controlled<T>(key: string, options: {ttlMs?: number; honourAbort?: boolean} = {}) {
	const calls: {context: LoadContext<T>; result: Deferred<T>}[] = [];
	const descriptor: Descriptor<T> = {
		key,
		ttlMs: options.ttlMs ?? 60_000,
		what: `Loading ${key}`,
		load(context) {
			const result = deferred<T>();
			if (options.honourAbort !== false) context.signal.addEventListener('abort', () => result.reject(abortError()));
			calls.push({context, result});
			return result.promise;
		},
	};
	return {descriptor, calls, last: () => calls[calls.length - 1]!};
}

function sdkError(name: string, message: string, status = 400): Error {
	return Object.assign(new Error(message), {name, $fault: status >= 500 ? 'server' : 'client', $metadata: {httpStatusCode: status}});
}

function clock(start = 1_000_000) {
	let time = start;
	return {now: () => time, advance: (ms: number) => (time += ms)};
}

describe('ResourceStore: loading', () => {
	test('an unknown key is idle and stale', () => {
		const store = new ResourceStore();
		const entry = store.snapshot('a/b');
		assert.deepEqual({...entry}, {status: 'idle', refreshing: false, stale: true});
		assert.equal(store.peek('a/b'), undefined);
		assert.equal(store.busy, false);
	});

	test('load goes loading -> ok with data and fetchedAt from the clock', async () => {
		const time = clock();
		const store = new ResourceStore({}, time.now);
		const {descriptor, last} = controlled<string[]>('acct/us-east-1/ecr/repositories');
		const promise = store.load(descriptor);
		assert.equal(store.snapshot(descriptor.key).status, 'loading');
		assert.equal(store.snapshot(descriptor.key).refreshing, true);
		assert.equal(store.busy, true);
		time.advance(250);
		last().result.resolve(['web', 'api']);
		const entry = await promise;
		assert.deepEqual({...entry}, {status: 'ok', data: ['web', 'api'], fetchedAt: 1_000_250, refreshing: false, stale: false});
		assert.equal(store.snapshot(descriptor.key), entry);
		assert.deepEqual(store.peek(descriptor.key), ['web', 'api']);
		assert.equal(store.busy, false);
	});

	test('two loads of one key while in flight make one call and share the promise', async () => {
		const store = new ResourceStore();
		const {descriptor, calls, last} = controlled<number>('k');
		const first = store.load(descriptor);
		const second = store.load(descriptor);
		const third = store.ensure(descriptor);
		assert.equal(calls.length, 1);
		assert.equal(first, second);
		assert.equal(first, third);
		last().result.resolve(42);
		const [a, b, c] = await Promise.all([first, second, third]);
		assert.equal(a.data, 42);
		assert.equal(a, b);
		assert.equal(b, c);
		assert.equal(calls.length, 1);
	});

	test('different keys load independently', async () => {
		const store = new ResourceStore();
		const one = controlled<number>('acct/us-east-1/x');
		const two = controlled<number>('acct/us-west-2/x');
		const p1 = store.load(one.descriptor);
		const p2 = store.load(two.descriptor);
		assert.equal(one.calls.length + two.calls.length, 2);
		two.last().result.resolve(2);
		one.last().result.resolve(1);
		assert.equal((await p1).data, 1);
		assert.equal((await p2).data, 2);
	});

	test('snapshot keeps its identity until the entry changes', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<number>('k');
		const promise = store.load(descriptor);
		const during = store.snapshot(descriptor.key);
		assert.equal(store.snapshot(descriptor.key), during);
		last().result.resolve(1);
		await promise;
		assert.notEqual(store.snapshot(descriptor.key), during);
		assert.ok(Object.isFrozen(store.snapshot(descriptor.key)));
	});

	test('a load after the first one starts a new call (refresh)', async () => {
		const store = new ResourceStore();
		const {descriptor, calls, last} = controlled<number>('k');
		const first = store.load(descriptor);
		last().result.resolve(1);
		await first;
		const second = store.load(descriptor);
		assert.equal(calls.length, 2);
		// Old data stays visible while the refresh runs.
		assert.deepEqual({...store.snapshot(descriptor.key)}, {status: 'ok', data: 1, fetchedAt: store.snapshot(descriptor.key).fetchedAt, refreshing: true, stale: false});
		last().result.resolve(2);
		assert.equal((await second).data, 2);
	});
});

describe('ResourceStore: TTL and ensure', () => {
	const cases: [string, number, boolean][] = [
		['just loaded', 0, false],
		['at the TTL', 30_000, false],
		['one millisecond past the TTL', 30_001, true],
		['long after', 3_600_000, true],
	];
	for (const [name, elapsed, reloads] of cases) {
		test(`${name}: ${reloads ? 'loads again' : 'uses the cache'}`, async () => {
			const time = clock();
			const store = new ResourceStore({}, time.now);
			const {descriptor, calls, last} = controlled<string>('k', {ttlMs: 30_000});
			const first = store.ensure(descriptor);
			last().result.resolve('v1');
			await first;
			time.advance(elapsed);
			assert.equal(store.needsLoad(descriptor as Descriptor<unknown>), reloads);
			const second = store.ensure(descriptor);
			assert.equal(calls.length, reloads ? 2 : 1);
			if (reloads) last().result.resolve('v2');
			assert.equal((await second).data, reloads ? 'v2' : 'v1');
		});
	}

	test('a missing entry needs a load', () => {
		const store = new ResourceStore();
		assert.equal(store.needsLoad(controlled('k').descriptor as Descriptor<unknown>), true);
	});

	test('put stores fresh data that ensure then uses', async () => {
		const time = clock();
		const store = new ResourceStore({}, time.now);
		const {descriptor, calls} = controlled<string>('k');
		store.put('k', 'direct');
		assert.deepEqual({...store.snapshot('k')}, {status: 'ok', data: 'direct', fetchedAt: time.now(), refreshing: false, stale: false});
		assert.equal((await store.ensure(descriptor)).data, 'direct');
		assert.equal(calls.length, 0);
	});
});

describe('ResourceStore: errors and stale-while-revalidate', () => {
	test('a failed first load is an error entry with a problem built from the context', async () => {
		const store = new ResourceStore({profile: 'prod'});
		const {descriptor, last} = controlled<number>('k');
		const promise = store.load(descriptor);
		last().result.reject(Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}));
		const entry = await promise;
		assert.equal(entry.status, 'error');
		assert.equal(entry.data, undefined);
		assert.equal(entry.stale, true);
		assert.equal(entry.refreshing, false);
		assert.equal(entry.problem?.kind, 'no-credentials');
		assert.equal(entry.problem?.what, 'Loading k');
		assert.match(entry.problem?.next ?? '', /--profile prod/);
	});

	test('a failed refresh keeps the data, marks it stale and sets the problem', async () => {
		const time = clock();
		const store = new ResourceStore({}, time.now);
		const {descriptor, last} = controlled<string[]>('k');
		const first = store.load(descriptor);
		last().result.resolve(['a', 'b']);
		const fetchedAt = (await first).fetchedAt;
		time.advance(120_000);
		const refresh = store.load(descriptor);
		assert.deepEqual(store.snapshot<string[]>('k').data, ['a', 'b']);
		assert.equal(store.snapshot('k').status, 'ok');
		last().result.reject(sdkError('ThrottlingException', 'Rate exceeded'));
		const entry = await refresh;
		assert.equal(entry.status, 'error');
		assert.deepEqual(entry.data, ['a', 'b']);
		assert.equal(entry.fetchedAt, fetchedAt, 'fetchedAt still says when the data is from');
		assert.equal(entry.stale, true);
		assert.equal(entry.refreshing, false);
		assert.equal(entry.problem?.kind, 'throttled');
		assert.equal(entry.problem?.retryable, true);
	});

	test('a retryable failure is retried by ensure; a non-retryable one is not', async () => {
		for (const [error, retried] of [
			[sdkError('ThrottlingException', 'Rate exceeded'), true],
			[sdkError('InternalFailure', 'We encountered an internal error', 500), true],
			[sdkError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:DescribeRepositories on resource: * because no identity-based policy allows the ecr:DescribeRepositories action'), false],
		] as const) {
			const store = new ResourceStore();
			const {descriptor, calls, last} = controlled<number>('k');
			const first = store.load(descriptor);
			last().result.reject(error);
			await first;
			const again = store.ensure(descriptor);
			assert.equal(calls.length, retried ? 2 : 1, error.name);
			if (retried) last().result.resolve(1);
			await again;
		}
	});

	test('while refreshing after an error, the error and its problem stay until the refresh ends', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<number>('k');
		const first = store.load(descriptor);
		last().result.resolve(1);
		await first;
		const failing = store.load(descriptor);
		last().result.reject(sdkError('ThrottlingException', 'Rate exceeded'));
		await failing;
		const retry = store.load(descriptor);
		const during = store.snapshot<number>('k');
		assert.equal(during.status, 'error');
		assert.equal(during.problem?.kind, 'throttled');
		assert.equal(during.data, 1);
		assert.equal(during.refreshing, true);
		last().result.resolve(2);
		const entry = await retry;
		assert.deepEqual({...entry, fetchedAt: 0}, {status: 'ok', data: 2, fetchedAt: 0, refreshing: false, stale: false});
		assert.equal(entry.problem, undefined, 'a successful refresh clears the problem');
	});

	test('a thrown non-Error value becomes an unknown problem, not a crash', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<number>('k');
		const promise = store.load(descriptor);
		last().result.reject('boom');
		const entry = await promise;
		assert.equal(entry.status, 'error');
		assert.equal(entry.problem?.kind, 'unknown');
		assert.match(entry.problem?.why ?? '', /boom/);
	});
});

describe('ResourceStore: partial data and progress', () => {
	test('pages appear as they load, with progress; the final entry drops progress', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<string[]>('k');
		const promise = store.load(descriptor);
		const {context, result} = last();
		context.progress(0, 3);
		assert.deepEqual(store.snapshot('k').progress, {done: 0, total: 3});
		assert.equal(store.snapshot('k').status, 'loading');
		context.partial(['a']);
		context.progress(1, 3);
		let entry = store.snapshot<string[]>('k');
		assert.equal(entry.status, 'ok');
		assert.deepEqual(entry.data, ['a']);
		assert.deepEqual(entry.progress, {done: 1, total: 3});
		assert.equal(entry.refreshing, true);
		context.partial(['a', 'b']);
		context.progress(2);
		entry = store.snapshot<string[]>('k');
		assert.deepEqual(entry.data, ['a', 'b']);
		assert.deepEqual(entry.progress, {done: 2});
		assert.equal('total' in entry.progress!, false);
		result.resolve(['a', 'b', 'c']);
		entry = await promise;
		assert.deepEqual(entry.data, ['a', 'b', 'c']);
		assert.equal(entry.progress, undefined);
		assert.equal(entry.refreshing, false);
	});

	test('a failure after partial data keeps the partial data, stale, with the problem and no progress', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<string[]>('k');
		const promise = store.load(descriptor);
		last().context.partial(['a']);
		last().context.progress(1, 5);
		last().result.reject(sdkError('ServiceUnavailableException', 'Service unavailable', 503));
		const entry = await promise;
		assert.equal(entry.status, 'error');
		assert.deepEqual(entry.data, ['a']);
		assert.equal(entry.stale, true);
		assert.equal(entry.progress, undefined);
		assert.equal(entry.problem?.kind, 'server');
	});
});

describe('ResourceStore: cancel', () => {
	test('cancelling a refresh keeps the previous data, marked stale', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<string>('k');
		const first = store.load(descriptor);
		last().result.resolve('old');
		await first;
		const refresh = store.load(descriptor);
		const {context} = last();
		store.cancel('k');
		assert.equal(context.signal.aborted, true);
		const entry = await refresh;
		assert.equal(entry.status, 'ok');
		assert.equal(entry.data, 'old');
		assert.equal(entry.stale, true);
		assert.equal(entry.refreshing, false);
		assert.equal(entry.problem, undefined, 'a cancel is not an error');
		assert.equal(store.busy, false);
	});

	test('cancelling a first load leaves the key idle', async () => {
		const store = new ResourceStore();
		const {descriptor} = controlled<string>('k');
		const promise = store.load(descriptor);
		store.cancel('k');
		const entry = await promise;
		assert.equal(entry.status, 'idle');
		assert.equal(entry.data, undefined);
		assert.equal(entry.refreshing, false);
	});

	test('data that arrives after a cancel is discarded, and late progress/partial calls are ignored', async () => {
		const store = new ResourceStore();
		const {descriptor, last} = controlled<string>('k', {honourAbort: false});
		const first = store.load(descriptor);
		last().result.resolve('old');
		await first;
		const refresh = store.load(descriptor);
		const {context, result} = last();
		store.cancel('k');
		context.partial('half-new');
		context.progress(1, 2);
		assert.equal(store.snapshot('k').data, 'old');
		assert.equal(store.snapshot('k').progress, undefined);
		result.resolve('new');
		const entry = await refresh;
		assert.equal(entry.data, 'old');
		assert.equal(entry.stale, true);
	});

	test('cancel of a key not loading does nothing', () => {
		const store = new ResourceStore();
		store.put('k', 1);
		store.cancel('k');
		store.cancel('other');
		assert.equal(store.snapshot('k').data, 1);
		assert.equal(store.snapshot('k').stale, false);
	});

	test('cancelAll aborts every load in flight', async () => {
		const store = new ResourceStore();
		const one = controlled<number>('a');
		const two = controlled<number>('b');
		const p1 = store.load(one.descriptor);
		const p2 = store.load(two.descriptor);
		store.cancelAll();
		assert.equal(one.last().context.signal.aborted, true);
		assert.equal(two.last().context.signal.aborted, true);
		await Promise.all([p1, p2]);
		assert.equal(store.busy, false);
	});

	test('a load asked for right after a cancel starts afresh instead of joining the cancelled one', async () => {
		// Leaving a screen cancels its load; coming straight back must load again.
		const store = new ResourceStore();
		const {descriptor, calls, last} = controlled<string>('k');
		const first = store.load(descriptor);
		store.cancel('k');
		const again = store.ensure(descriptor);
		await first;
		assert.equal(calls.length, 2);
		last().result.resolve('fresh');
		const entry = await again;
		assert.equal(entry.status, 'ok');
		assert.equal(entry.data, 'fresh');
		assert.equal(store.snapshot('k').data, 'fresh');
	});
});

describe('ResourceStore: invalidate', () => {
	async function loaded(store: ResourceStore, key: string, value: string) {
		const c = controlled<string>(key);
		const promise = store.load(c.descriptor);
		c.last().result.resolve(value);
		await promise;
		return c;
	}

	test('marks every key under the prefix stale and reloads only the watched ones', async () => {
		const store = new ResourceStore();
		const repos = await loaded(store, '123/us-east-1/ecr/repositories', 'repos');
		const images = await loaded(store, '123/us-east-1/ecr/images/web', 'images');
		const policy = await loaded(store, '123/us-east-1/ecr/policy/web', 'policy');
		const west = await loaded(store, '123/us-west-2/ecr/images/web', 'west');
		const unsubscribe = store.subscribe('123/us-east-1/ecr/images/web', () => undefined);
		store.subscribe('123/us-west-2/ecr/images/web', () => undefined);

		const done = store.invalidate('123/us-east-1/ecr/');
		assert.equal(images.calls.length, 2, 'watched key reloads');
		assert.equal(repos.calls.length, 1, 'unwatched key does not reload');
		assert.equal(policy.calls.length, 1);
		assert.equal(west.calls.length, 1, 'other region untouched');
		assert.equal(store.snapshot('123/us-east-1/ecr/repositories').stale, true);
		assert.equal(store.snapshot('123/us-east-1/ecr/policy/web').stale, true);
		assert.equal(store.snapshot('123/us-west-2/ecr/images/web').stale, false);
		assert.equal(store.snapshot('123/us-east-1/ecr/images/web').data, 'images', 'old data stays on screen during the reload');

		images.last().result.resolve('images after delete');
		await done;
		assert.equal(store.snapshot('123/us-east-1/ecr/images/web').data, 'images after delete');
		assert.equal(store.snapshot('123/us-east-1/ecr/images/web').stale, false);
		assert.equal(store.snapshot('123/us-east-1/ecr/repositories').data, 'repos', 'unwatched keys keep their data');

		// Stale unwatched keys load again the next time a screen ensures them.
		unsubscribe();
		void store.ensure(repos.descriptor);
		assert.equal(repos.calls.length, 2);
		repos.last().result.resolve('repos again');
	});

	test('a watched key that is loading is cancelled and loaded again after the mutation', async () => {
		const store = new ResourceStore();
		const images = await loaded(store, '123/us-east-1/ecr/images/web', 'before');
		store.subscribe('123/us-east-1/ecr/images/web', () => undefined);
		const cancelled = store.load(images.descriptor);
		const inFlight = images.last();
		const done = store.invalidate('123/us-east-1/ecr/images/');
		assert.equal(inFlight.context.signal.aborted, true);
		assert.equal(images.calls.length, 2, 'no second request while the cancelled one settles');
		// The reload starts once the cancelled load has settled.
		await cancelled;
		assert.equal(images.calls.length, 3);
		images.last().result.resolve('after');
		await done;
		assert.equal(store.snapshot('123/us-east-1/ecr/images/web').data, 'after');
	});

	test('refresh (Ctrl-R) joins a load in flight instead of sending it again; idle watched keys reload', async () => {
		const store = new ResourceStore();
		const images = await loaded(store, '123/us-east-1/ecr/images/web', 'before');
		const repos = await loaded(store, '123/us-east-1/ecr/repositories', 'repos');
		store.subscribe('123/us-east-1/ecr/images/web', () => undefined);
		store.subscribe('123/us-east-1/ecr/repositories', () => undefined);
		void store.load(images.descriptor);
		const inFlight = images.last();
		const presses = [store.refresh('123/us-east-1/'), store.refresh('123/us-east-1/'), store.refresh('123/us-east-1/')];
		assert.equal(inFlight.context.signal.aborted, false, 'the slow request is not cancelled');
		assert.equal(images.calls.length, 2, 'and not sent again');
		assert.equal(repos.calls.length, 2, 'a watched key with nothing in flight reloads once');
		inFlight.result.resolve('after');
		repos.last().result.resolve('repos after');
		await Promise.all(presses);
		assert.equal(images.calls.length, 2);
		assert.equal(store.snapshot('123/us-east-1/ecr/images/web').data, 'after');
	});

	test('an empty prefix match does nothing', async () => {
		const store = new ResourceStore();
		await loaded(store, 'a/k', 'v');
		await store.invalidate('b/');
		assert.equal(store.snapshot('a/k').stale, false);
	});
});

describe('ResourceStore: subscriptions and clear', () => {
	test('subscribers of a key hear its changes; subscribeAll hears every change', async () => {
		const store = new ResourceStore();
		let keyEvents = 0;
		let otherEvents = 0;
		let anyEvents = 0;
		const off = store.subscribe('k', () => keyEvents++);
		store.subscribe('other', () => otherEvents++);
		const offAll = store.subscribeAll(() => anyEvents++);
		assert.equal(store.isWatched('k'), true);
		const {descriptor, last} = controlled<number>('k');
		const promise = store.load(descriptor);
		last().result.resolve(1);
		await promise;
		assert.ok(keyEvents >= 2, `loading and ok: ${keyEvents}`);
		assert.equal(otherEvents, 0);
		assert.ok(anyEvents >= keyEvents);
		off();
		offAll();
		assert.equal(store.isWatched('k'), false);
		const before = [keyEvents, anyEvents];
		store.put('k', 2);
		assert.deepEqual([keyEvents, anyEvents], before);
	});

	test('clear forgets every entry, notifies watchers and cancels loads whose late results are dropped', async () => {
		const store = new ResourceStore();
		store.put('a', 1);
		store.put('b', 2);
		let notified = 0;
		store.subscribe('a', () => notified++);
		const {descriptor, last} = controlled<number>('c', {honourAbort: false});
		const pending = store.load(descriptor);
		store.clear();
		assert.ok(notified >= 1);
		assert.equal(store.snapshot('a').status, 'idle');
		assert.equal(store.peek('a'), undefined);
		assert.equal(store.peek('b'), undefined);
		assert.equal(last().context.signal.aborted, true);
		last().result.resolve(99);
		await pending;
		assert.equal(store.peek('c'), undefined, 'the old session\'s answer does not come back');
	});

	test('clear drops descriptors: invalidate afterwards reloads nothing', async () => {
		const store = new ResourceStore();
		const {descriptor, calls, last} = controlled<number>('k');
		const first = store.load(descriptor);
		last().result.resolve(1);
		await first;
		store.subscribe('k', () => undefined);
		store.clear();
		await store.invalidate('');
		assert.equal(calls.length, 1);
	});
});
