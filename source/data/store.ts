import {toProblem, type Problem} from './problems.js';

/**
 * The shared cache of AWS data. Entries are keyed by account + region + operation + args, so
 * two screens asking for the same thing share one request (in-flight de-duplication), old
 * data stays on screen while it refreshes (stale-while-revalidate), and mutations invalidate
 * by key prefix. Screens read it through `useResource` (useSyncExternalStore).
 */
export type Entry<T> = Readonly<{
	status: 'idle' | 'loading' | 'ok' | 'error';
	data?: T;
	problem?: Problem;
	/** When the data was fetched, epoch ms. */
	fetchedAt?: number;
	/** A load is in flight while older data is shown. */
	refreshing: boolean;
	/** The data is older than its TTL, was invalidated, or the last refresh failed. */
	stale: boolean;
	progress?: {done: number; total?: number};
}>;

export type LoadContext<T> = {
	signal: AbortSignal;
	/** Reports progress for long loads (pages fetched, repositories scanned). */
	progress(done: number, total?: number): void;
	/** Publishes data loaded so far, so big listings appear page by page. */
	partial(data: T): void;
};

export type Descriptor<T> = {
	key: string;
	/** How long data counts as fresh. */
	ttlMs: number;
	/** What the load does, for error messages ("Listing images of payments-api"). */
	what: string;
	load(context: LoadContext<T>): Promise<T>;
};

const idle: Entry<never> = Object.freeze({status: 'idle', refreshing: false, stale: true});

type Flight = {promise: Promise<Entry<unknown>>; controller: AbortController};

export class ResourceStore {
	private readonly entries = new Map<string, Entry<unknown>>();
	private readonly flights = new Map<string, Flight>();
	private readonly listeners = new Map<string, Set<() => void>>();
	private readonly anyListeners = new Set<() => void>();
	private readonly descriptors = new Map<string, Descriptor<unknown>>();

	constructor(
		private readonly problemContext: {profile?: string; endpoint?: string} = {},
		private readonly now: () => number = Date.now,
	) {}

	/** The current entry for a key; the same object until it changes (for useSyncExternalStore). */
	snapshot<T>(key: string): Entry<T> {
		return (this.entries.get(key) as Entry<T> | undefined) ?? idle;
	}

	/** The data of a key, if any. */
	peek<T>(key: string): T | undefined {
		return this.entries.get(key)?.data as T | undefined;
	}

	subscribe(key: string, listener: () => void): () => void {
		let set = this.listeners.get(key);
		if (!set) {
			set = new Set();
			this.listeners.set(key, set);
		}
		set.add(listener);
		return () => {
			set.delete(listener);
			if (set.size === 0) this.listeners.delete(key);
		};
	}

	/** Listens to every change (the header's refresh indicator). */
	subscribeAll(listener: () => void): () => void {
		this.anyListeners.add(listener);
		return () => this.anyListeners.delete(listener);
	}

	/** Whether any load is in flight. */
	get busy(): boolean {
		return this.flights.size > 0;
	}

	/** Whether an entry is missing, expired, invalidated or failed. */
	needsLoad(descriptor: Descriptor<unknown>): boolean {
		const entry = this.entries.get(descriptor.key);
		if (!entry || entry.status === 'idle') return true;
		if (entry.stale) return entry.status !== 'error' || entry.problem?.retryable === true;
		return entry.fetchedAt !== undefined && this.now() - entry.fetchedAt > descriptor.ttlMs;
	}

	/** Loads when missing or expired; otherwise returns what is cached. */
	ensure<T>(descriptor: Descriptor<T>): Promise<Entry<T>> {
		if (this.flights.has(descriptor.key) || this.needsLoad(descriptor as Descriptor<unknown>)) return this.load(descriptor);
		return Promise.resolve(this.snapshot<T>(descriptor.key));
	}

	/**
	 * Loads a resource. While a load for the key is in flight, every caller gets that same
	 * promise: repeated refreshes never pile up requests.
	 */
	load<T>(descriptor: Descriptor<T>): Promise<Entry<T>> {
		const existing = this.flights.get(descriptor.key);
		if (existing) {
			// A cancelled load still settling must not answer a new request with its cancelled
			// result (leave a screen and come straight back): load again once it has settled.
			if (existing.controller.signal.aborted) return existing.promise.then(() => this.load(descriptor));
			return existing.promise as Promise<Entry<T>>;
		}
		this.descriptors.set(descriptor.key, descriptor as Descriptor<unknown>);
		const controller = new AbortController();
		const before = this.entries.get(descriptor.key) as Entry<T> | undefined;
		this.set<T>(descriptor.key, {
			status: before?.data === undefined ? 'loading' : (before.status === 'error' ? 'error' : 'ok'),
			...(before?.data === undefined ? {} : {data: before.data}),
			...(before?.fetchedAt === undefined ? {} : {fetchedAt: before.fetchedAt}),
			...(before?.problem && before.data !== undefined ? {problem: before.problem} : {}),
			refreshing: true,
			stale: before?.stale ?? true,
		});
		const context: LoadContext<T> = {
			signal: controller.signal,
			progress: (done, total) => {
				if (controller.signal.aborted) return;
				const current = this.snapshot<T>(descriptor.key);
				this.set<T>(descriptor.key, {...current, progress: {done, ...(total === undefined ? {} : {total})}});
			},
			partial: data => {
				if (controller.signal.aborted) return;
				const current = this.snapshot<T>(descriptor.key);
				this.set<T>(descriptor.key, {...current, status: 'ok', data});
			},
		};
		const promise = (async (): Promise<Entry<T>> => {
			try {
				const data = await descriptor.load(context);
				if (controller.signal.aborted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
				this.set<T>(descriptor.key, {status: 'ok', data, fetchedAt: this.now(), refreshing: false, stale: false});
			} catch (error) {
				const current = this.snapshot<T>(descriptor.key);
				if (controller.signal.aborted) {
					// Cancelled (the user left): keep what we had, unchanged, to load again later.
					const {progress: _progress, ...rest} = current;
					this.set<T>(descriptor.key, {...rest, status: rest.data === undefined ? 'idle' : rest.status, refreshing: false, stale: true});
				} else {
					const problem = toProblem(error, {what: descriptor.what, ...this.problemContext});
					// Stale-while-revalidate: a failed refresh keeps the data and marks it stale.
					const {progress: _progress, ...rest} = current;
					this.set<T>(descriptor.key, {...rest, status: 'error', problem, refreshing: false, stale: true});
				}
			} finally {
				this.flights.delete(descriptor.key);
				this.notifyAny();
			}
			return this.snapshot<T>(descriptor.key);
		})();
		this.flights.set(descriptor.key, {promise: promise as Promise<Entry<unknown>>, controller});
		this.notifyAny();
		return promise;
	}

	/** Cancels an in-flight load (the user left the screen that needed it). */
	cancel(key: string): void {
		this.flights.get(key)?.controller.abort();
	}

	/** Cancels every in-flight load (profile or region switch, quit). */
	cancelAll(): void {
		for (const flight of this.flights.values()) flight.controller.abort();
	}

	/** Whether anyone is watching a key. */
	isWatched(key: string): boolean {
		return (this.listeners.get(key)?.size ?? 0) > 0;
	}

	/**
	 * Marks every entry under a key prefix stale (after a mutation) and reloads those that a
	 * screen is watching, so the screen shows what AWS now says, not a local guess. A load in
	 * flight is restarted: it may have been answered before the mutation.
	 */
	invalidate(prefix: string): Promise<void> {
		return this.reloadUnder(prefix, true);
	}

	/**
	 * The user's refresh (Ctrl-R): like {@link invalidate}, but a load already in flight is
	 * joined, not restarted. Restarting sent the request again on every press, so a slow
	 * endpoint got one more pending request per Ctrl-R.
	 */
	refresh(prefix: string): Promise<void> {
		return this.reloadUnder(prefix, false);
	}

	private reloadUnder(prefix: string, restartInFlight: boolean): Promise<void> {
		const reloads: Promise<unknown>[] = [];
		for (const [key, entry] of this.entries) {
			if (!key.startsWith(prefix)) continue;
			this.set(key, {...entry, stale: true});
			const descriptor = this.descriptors.get(key);
			if (!descriptor || !this.isWatched(key)) continue;
			const flight = this.flights.get(key);
			if (flight && !restartInFlight && !flight.controller.signal.aborted) {
				reloads.push(flight.promise);
				continue;
			}
			this.cancel(key);
			reloads.push(flight?.promise.then(() => this.load(descriptor)) ?? this.load(descriptor));
		}
		return Promise.all(reloads).then(() => undefined);
	}

	/** Replaces an entry's data directly (tests, and data derived from a mutation's answer). */
	put<T>(key: string, data: T): void {
		this.set<T>(key, {status: 'ok', data, fetchedAt: this.now(), refreshing: false, stale: false});
	}

	/** Forgets everything (profile or region switch). */
	clear(): void {
		this.cancelAll();
		this.entries.clear();
		this.descriptors.clear();
		for (const set of this.listeners.values()) for (const listener of set) listener();
		this.notifyAny();
	}

	private set<T>(key: string, entry: Entry<T>): void {
		this.entries.set(key, Object.freeze({...entry}) as Entry<unknown>);
		const set = this.listeners.get(key);
		if (set) for (const listener of [...set]) listener();
		this.notifyAny();
	}

	private notifyAny(): void {
		for (const listener of this.anyListeners) listener();
	}
}
