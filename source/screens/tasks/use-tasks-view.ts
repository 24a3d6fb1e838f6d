import {useMemo, useState} from 'react';
import {useServices} from '../../app/context.js';
import {useNow} from '../../hooks/use-now.js';
import {useTableView} from '../../components/table/use-table-view.js';
import {serviceResource, servicesResource, taskListResource} from '../../data/ecs-resources.js';
import type {ServiceRecord} from '../../domain/ecs/types.js';
import {FAMILY_STYLE, isProblem, toTaskRow, type TaskRow} from './rows.js';
import {taskSorters} from './columns.js';
import {useLive, useTaskHistory} from './use-watch.js';

const keyOf = (row: TaskRow) => row.task.taskArn;
const searchText = (row: TaskRow) =>
	[row.id, row.task.lastStatus, FAMILY_STYLE[row.family].word, row.revision, row.service, row.task.stopCode, row.task.stoppedReason, row.task.availabilityZone, row.task.privateIp].filter(Boolean).join(' ');

/**
 * The tasks level's view model. Polls exactly what is on screen and its parent: the task list
 * of one service (or of the cluster, `service` '*') and that service (or the cluster's
 * services). Rows are rebuilt every second from AWS time, so time in state and stalls tick
 * between polls. Stopped tasks merge ECS's (about an hour) with the local history.
 */
export function useTasksView({cluster, service, pageSize}: {cluster: string; service: string; pageSize: number}) {
	const {session, settings, now: clock} = useServices();
	const allServices = service === '*';
	const listing = useLive(useMemo(() => taskListResource(session, cluster, allServices ? undefined : service), [session, cluster, service, allServices]));
	const one = useLive(useMemo(() => (allServices ? undefined : serviceResource(session, cluster, service)), [session, cluster, service, allServices]));
	const all = useLive(useMemo(() => (allServices ? servicesResource(session, cluster) : undefined), [session, cluster, allServices]));
	const parents: ServiceRecord[] = allServices ? (all.data ?? []) : one.data ? [one.data] : [];
	const {history, version} = useTaskHistory(listing.data?.stopped);
	// Seconds matter while a task is changing state (stalls are measured in them): then the
	// times tick every second. A list of steady RUNNING/STOPPED tasks takes its time from each
	// refresh instead (one redraw per refresh, not two), which keeps an idle watcher on 1,000
	// tasks cheap: every redraw is the whole table.
	const moving = useMemo(() => [...(listing.data?.running ?? []), ...(listing.data?.stopped ?? [])].some(task => task.lastStatus !== 'RUNNING' && task.lastStatus !== 'STOPPED'), [listing.data]);
	const ticked = useNow(moving ? 1000 : 60_000);
	// listing.data is a dependency on purpose: each refresh re-reads the clock.
	const now = useMemo(() => Math.max(ticked, clock()), [ticked, clock, listing.data]);
	const thresholdMs = settings.get().stallThresholdMs;
	const [mode, setMode] = useState<'running' | 'stopped'>('running');
	const [problemsOnly, setProblemsOnly] = useState(false);

	const remembered = useMemo(() => {
		void version;
		const clusterArnSuffix = `:cluster/${cluster}`;
		return history.list().filter(task => (task.clusterArn?.endsWith(clusterArnSuffix) ?? task.taskArn.includes(`:task/${cluster}/`)) && (allServices || task.group === `service:${service}`));
	}, [history, version, cluster, service, allServices]);

	const {running, stopped} = useMemo(() => {
		const fromEcs = listing.data?.stopped ?? [];
		const known = new Set(fromEcs.map(task => task.taskArn));
		const stoppedRows = [...fromEcs.map(task => toTaskRow(task, now, thresholdMs)), ...remembered.filter(task => !known.has(task.taskArn)).map(task => toTaskRow(task, now, thresholdMs, true))];
		// Tasks on their way down (desired STOPPED, not yet STOPPED) stay in the running view too,
		// so a stop or a start failure is seen as it happens, not only after x.
		const goingDown = stoppedRows.filter(row => !row.fromHistory && row.task.lastStatus !== 'STOPPED');
		return {running: [...(listing.data?.running ?? []).map(task => toTaskRow(task, now, thresholdMs)), ...goingDown], stopped: stoppedRows};
	}, [listing.data, remembered, now, thresholdMs]);

	const shown = mode === 'running' ? running : stopped;
	const rows = useMemo(() => (problemsOnly ? shown.filter(isProblem) : shown), [shown, problemsOnly]);
	const view = useTableView({rows, keyOf, searchText, sorters: taskSorters, initialSort: {id: 'state', descending: false}, pageSize});
	const counts = useMemo(
		() => ({
			running: running.filter(row => row.task.desiredStatus !== 'STOPPED').length,
			stopping: running.filter(row => row.task.desiredStatus === 'STOPPED').length,
			stalled: running.filter(row => row.family === 'stalled').length,
			stopped: stopped.length,
			failed: stopped.filter(row => row.family === 'failed').length,
			fromHistory: stopped.filter(row => row.fromHistory).length,
		}),
		[running, stopped],
	);
	return {
		listing,
		parents,
		parentProblem: allServices ? all.problem : one.problem,
		view,
		rows,
		counts,
		now,
		mode,
		toggleMode: () => setMode(current => (current === 'running' ? 'stopped' : 'running')),
		problemsOnly,
		toggleProblems: () => setProblemsOnly(current => !current),
		allServices,
	};
}
