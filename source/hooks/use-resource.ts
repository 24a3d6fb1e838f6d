import {useCallback, useEffect, useRef, useSyncExternalStore} from 'react';
import type {Descriptor, Entry} from '../data/store.js';
import {useServices} from '../app/context.js';
import {useIsModalOpen} from '../app/ui-state.js';

export type ResourceState<T> = Entry<T> & {
	/** Reloads now (Ctrl-R); joins a load already in flight instead of starting another. */
	refresh(): void;
};

export type ResourceOptions = {
	/** Reload every this many ms while mounted (the watcher). */
	pollMs?: number;
	/** Stop polling (while a filter is typed, for example); polling also pauses under a modal. */
	paused?: boolean;
};

const noop = () => () => undefined;
const idle = Object.freeze({status: 'idle', refreshing: false, stale: true}) as Entry<never>;

/**
 * Subscribes a component to one cached AWS resource: loads it when missing or expired, keeps
 * showing old data while it refreshes, polls when asked, and cancels the load when the last
 * screen that needed it goes away.
 */
export function useResource<T>(descriptor: Descriptor<T> | undefined, options: ResourceOptions = {}): ResourceState<T> {
	const {session} = useServices();
	const {store} = session;
	const key = descriptor?.key;
	const latest = useRef(descriptor);
	latest.current = descriptor;
	const modalOpen = useIsModalOpen();

	const subscribe = useCallback((listener: () => void) => (key ? store.subscribe(key, listener) : noop()), [store, key]);
	const snapshot = useCallback(() => (key ? store.snapshot<T>(key) : idle), [store, key]);
	const entry = useSyncExternalStore(subscribe, snapshot, snapshot);

	useEffect(() => {
		if (!key || !latest.current) return;
		void store.ensure(latest.current);
		return () => {
			// Leaving the screen cancels its load unless another screen still watches it.
			queueMicrotask(() => {
				if (!store.isWatched(key)) store.cancel(key);
			});
		};
	}, [store, key]);

	const paused = options.paused === true || modalOpen;
	useEffect(() => {
		if (!key || !options.pollMs || paused) return;
		const timer = setInterval(() => {
			if (latest.current) void store.load(latest.current);
		}, options.pollMs);
		return () => clearInterval(timer);
	}, [store, key, options.pollMs, paused]);

	const refresh = useCallback(() => {
		if (latest.current) void store.load(latest.current);
	}, [store]);

	return {...entry, refresh};
}
