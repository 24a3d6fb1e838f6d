import {useEffect, useMemo, useSyncExternalStore} from 'react';
import {useServices} from '../../app/context.js';
import {useResource, type ResourceState} from '../../hooks/use-resource.js';
import type {Descriptor} from '../../data/store.js';
import {historyOf, type TaskHistory} from '../../data/task-history.js';
import type {TaskRecord} from '../../domain/tasks/types.js';

/**
 * A resource the watcher keeps live: polled at the settings' refresh interval (0 = off),
 * paused under dialogs by `useResource`.
 */
export function useLive<T>(descriptor: Descriptor<T> | undefined): ResourceState<T> {
	const {settings} = useServices();
	const pollMs = settings.get().refreshIntervalMs;
	return useResource(descriptor, pollMs > 0 ? {pollMs} : {});
}

/** The refresh interval as the header shows it. */
export function useRefreshLabel(): string {
	const {settings} = useServices();
	const ms = settings.get().refreshIntervalMs;
	return ms > 0 ? `auto-refresh ${Math.round(ms / 100) / 10}s` : 'auto-refresh off (Ctrl-R)';
}

/**
 * The local stopped-task history of this account and region; re-renders when it changes, and
 * records every STOPPED task in `seen` (what the watcher just read from ECS).
 */
export function useTaskHistory(seen?: readonly TaskRecord[]): {history: TaskHistory; version: number} {
	const {session, settings, configDir} = useServices();
	const limit = settings.get().stoppedHistoryLimit;
	const history = useMemo(() => historyOf(session, configDir, limit), [configDir, session, limit]);
	const version = useSyncExternalStore(history.subscribe, () => history.version, () => history.version);
	useEffect(() => {
		if (seen && seen.length > 0) history.record(seen);
	}, [history, seen]);
	return {history, version};
}
