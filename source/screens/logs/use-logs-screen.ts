import {useEffect, useMemo, useRef, useState} from 'react';
import {useServices} from '../../app/context.js';
import {useResource} from '../../hooks/use-resource.js';
import {taskDefinitionResource, taskResource} from '../../data/ecs-resources.js';
import {logSourcesOf, type LogLine, type ReadableSource} from '../../data/logs.js';
import {loadOlderLines, logSearchResource, logTailResource} from '../../data/logs-resources.js';
import {hasStarted} from './source-state.js';

/** How often follow mode asks for new lines: k9s's 2 s, faster when auto-refresh is set faster. */
export function followInterval(refreshIntervalMs: number): number {
	return refreshIntervalMs > 0 ? Math.min(2000, refreshIntervalMs) : 2000;
}

/**
 * The log viewer's view model: the task and its definition, the log source of each container
 * (one tab each), the selected source's tail (polled while following: one GetLogEvents per
 * poll), a committed search (FilterLogEvents over every readable source), and the cursor.
 * The cursor is kept by line id, so older lines loaded above it do not move it; while
 * following it sits on the newest line.
 */
export function useLogsScreen({cluster, taskArn, container, typing}: {cluster: string; taskArn: string; container?: string; /** A search is being typed: polling waits. */ typing: boolean}) {
	const {session, settings, now} = useServices();
	const refreshMs = settings.get().refreshIntervalMs;
	const followMs = followInterval(refreshMs);
	// Auto-refresh turned off in settings: open paused; f still follows.
	const [follow, setFollow] = useState(refreshMs > 0);
	const [chosen, setChosen] = useState<number>();
	const [searchText, setSearchText] = useState<string>();
	const [cursorId, setCursorId] = useState<string>();

	const taskDescriptor = useMemo(() => taskResource(session, cluster, taskArn), [session, cluster, taskArn]);
	const taskState = useResource(taskDescriptor, follow ? {pollMs: followMs * 5} : {});
	const task = taskState.data ?? undefined;
	const definitionArn = task?.taskDefinitionArn;
	const definitionState = useResource(useMemo(() => (definitionArn ? taskDefinitionResource(session, definitionArn) : undefined), [session, definitionArn]));
	const definition = definitionState.data;
	const sources = useMemo(() => (task && definition ? logSourcesOf(task, definition, session.region) : []), [task, definition, session.region]);
	const readable = useMemo(() => sources.filter((source): source is ReadableSource => source.kind === 'cloudwatch'), [sources]);
	const named = container === undefined ? -1 : sources.findIndex(source => source.container === container);
	const index = Math.min(chosen ?? Math.max(0, named), Math.max(0, sources.length - 1));
	const source = sources[index];
	const started = task ? hasStarted(task) : false;
	const since = (task?.createdAt ?? 0) - 60_000;

	// A task that has stopped will not log again: open it unfollowed.
	const settled = useRef(false);
	useEffect(() => {
		if (!task || settled.current) return;
		settled.current = true;
		if (task.lastStatus === 'STOPPED') setFollow(false);
	}, [task]);

	const readableSource = source?.kind === 'cloudwatch' ? source : undefined;
	const tailDescriptor = useMemo(() => (readableSource && started ? logTailResource(session, readableSource, since) : undefined), [session, readableSource, started, since]);
	const tail = useResource(tailDescriptor, follow ? {pollMs: followMs, paused: typing || searchText !== undefined} : {});
	const searchDescriptor = useMemo(() => (searchText && readable.length > 0 ? logSearchResource(session, readable, searchText, since) : undefined), [session, readable, searchText, since]);
	const search = useResource(searchDescriptor);

	const lines: readonly LogLine[] = searchText === undefined ? (tail.data?.lines ?? []) : (search.data?.lines ?? []);
	const found = follow || cursorId === undefined ? -1 : lines.findIndex(line => line.id === cursorId);
	const cursor = found === -1 ? lines.length - 1 : found;

	// Key handlers read these, so keys typed faster than renders act on the latest state.
	const latest = useRef({lines, cursor});
	latest.current = {lines, cursor};
	const olderInFlight = useRef(false);

	const moveTo = (target: number) => {
		const {lines: current} = latest.current;
		if (current.length === 0) return;
		const clamped = Math.min(current.length - 1, Math.max(0, target));
		latest.current = {lines: current, cursor: clamped};
		setCursorId(current[clamped]!.id);
		if (clamped < current.length - 1) setFollow(false);
	};

	/** Reads the page before the oldest line (at the top of the tail). Resolves to lines added. */
	const loadOlder = async (): Promise<number> => {
		if (!readableSource || searchText !== undefined || olderInFlight.current || tail.data?.atHead !== false) return 0;
		olderInFlight.current = true;
		try {
			return await loadOlderLines(session, readableSource, since);
		} finally {
			olderInFlight.current = false;
		}
	};

	return {
		task,
		taskState,
		definitionState,
		sources,
		readable,
		index,
		source,
		started,
		tail,
		search,
		searchText,
		lines,
		cursor,
		follow,
		followMs,
		now: now(),
		selectSource: (next: number) => {
			if (sources.length === 0) return;
			setChosen(((next % sources.length) + sources.length) % sources.length);
			setCursorId(undefined);
		},
		toggleFollow: () => {
			setFollow(current => !current);
			setCursorId(undefined);
		},
		setSearch: (text: string | undefined) => {
			setSearchText(text === undefined || text.trim() === '' ? undefined : text.trim());
			setCursorId(undefined);
		},
		moveBy: (delta: number) => moveTo(latest.current.cursor + delta),
		moveTo,
		atTop: () => latest.current.cursor <= 0,
		loadOlder,
		selected: (): LogLine | undefined => latest.current.lines[latest.current.cursor],
	};
}

export type LogsScreenModel = ReturnType<typeof useLogsScreen>;
