import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useNavigation} from '../../app/router.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {Table} from '../../components/table/table.js';
import {listMoves, moveHandlers, clearFilter, sortHandlers} from '../../components/table/list-keys.js';
import {FilterBar} from '../../components/filter-bar.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {TextPanel} from '../../components/text-panel.js';
import {useCopy} from '../../hooks/use-copy.js';
import {taskConsoleUrl} from '../../domain/format/console-url.js';
import {taskActions, type TaskActionId} from './keymap.js';
import {taskColumns} from './columns.js';
import {eventLines, taskDetailLines} from './details.js';
import {ServiceSummary} from './service-summary.js';
import {StopTaskDialog} from './stop-dialog.js';
import {TaskDefinitionPanel} from './task-definition-panel.js';
import {useTasksView} from './use-tasks-view.js';
import {useRefreshLabel} from './use-watch.js';
import type {TaskRow} from './rows.js';

const about = `Tasks of a service (or of the whole cluster), live. STATE shows a symbol and the lastStatus:
● running, ◐ starting, ⚠ STALLED (PROVISIONING / PENDING / ACTIVATING longer than the threshold in
settings; the REASON column names the likely phase: ENI/capacity, registry auth or secrets, image pull),
↓ stopping, ✗ failed, ■ stopped. IN STATE is measured from the task's own timestamps and is never blank.
⇄ image in <region>: a container pulls its ECR image from another Region (no VPC endpoint serves that).
x switches to stopped tasks (ECS keeps them about an hour; older ones come from the local history).
Ctrl-Z keeps only stalled or failed tasks. Enter on a stopped or stalled task opens the diagnosis.`;

const sortIds: Partial<Record<TaskActionId, [string, boolean]>> = {
	'tasks.sort-state': ['state', false],
	'tasks.sort-time': ['time', true],
	'tasks.sort-created': ['created', true],
	'tasks.sort-revision': ['revision', false],
};

/** The watcher's third level: the tasks of a service, or of every service of the cluster (`service` '*'). */
export function TasksView({cluster, service, height, width}: {readonly cluster: string; readonly service: string; readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const flash = useFlash();
	const {copy, openUrl} = useCopy();
	const refreshLabel = useRefreshLabel();
	const tableHeight = Math.max(3, height - 4);
	const screen = useTasksView({cluster, service, pageSize: tableHeight});
	const {view, counts, mode, problemsOnly, now, listing} = screen;
	const [filtering, setFiltering] = useState(false);
	const [panel, setPanel] = useState<'none' | 'detail' | 'json' | 'events' | 'task-definition'>('none');
	const [stopping, setStopping] = useState<TaskRow>();
	const selected = view.selected;
	const columns = useMemo(() => taskColumns({showService: screen.allServices, mode}), [screen.allServices, mode]);

	const handlers = {
		'tasks.diagnose': () => {
			if (!selected) return;
			if (selected.family === 'ok') setPanel('detail');
			else navigation.push({screen: 'diagnosis', cluster, taskArn: selected.task.taskArn});
		},
		'tasks.toggle-stopped': () => screen.toggleMode(),
		'tasks.problems': () => screen.toggleProblems(),
		'tasks.stop': () => {
			if (!selected) return;
			if (selected.task.desiredStatus === 'STOPPED') flash.info(`task ${selected.id.slice(0, 8)} is already ${selected.task.lastStatus === 'STOPPED' ? 'stopped' : 'stopping'}`);
			else setStopping(selected);
		},
		'tasks.events': () => screen.parents.length === 1 && setPanel('events'),
		'tasks.detail': () => selected && setPanel('detail'),
		'tasks.task-definition': () => selected?.task.taskDefinitionArn && setPanel('task-definition'),
		'tasks.network': () => selected && navigation.push({screen: 'network', cluster, taskArn: selected.task.taskArn}),
		'tasks.logs': () => selected && navigation.push({screen: 'logs', cluster, taskArn: selected.task.taskArn}),
		'tasks.filter': () => setFiltering(true),
		'tasks.raw': () => selected && setPanel('json'),
		'tasks.copy': () => selected && copy('task ARN', selected.task.taskArn),
		'tasks.console': () => selected && openUrl(taskConsoleUrl(session.region, cluster, selected.id)),
		'tasks.clear': () => clearFilter(view),
		...sortHandlers(sortIds, ([column, descending]) => view.sortBy(column, descending)),
		...moveHandlers(view),
	} as Record<TaskActionId | (typeof listMoves)[number]['id'], () => void | boolean>;
	const actions = useMemo(() => [...taskActions, ...listMoves], []);
	const title = screen.allServices ? `ECS tasks: ${cluster} (all services)` : `ECS tasks: ${cluster}/${service}`;
	useKeymap(actions, handlers, {
		isActive: !filtering && panel === 'none' && stopping === undefined,
		publish: {title, about},
	});

	if (!listing.data && listing.problem) return <ErrorPanel problem={listing.problem} />;
	if (!listing.data) return <Loading label={`Listing the tasks of ${screen.allServices ? cluster : service}`} />;
	const close = () => setPanel('none');
	const parent = screen.parents.length === 1 ? screen.parents[0] : undefined;
	if (selected && panel === 'json') return <JsonView title={`task ${selected.id}`} value={selected.task} height={height} width={width} onClose={close} />;
	if (selected?.task.taskDefinitionArn && panel === 'task-definition') return <TaskDefinitionPanel taskDefinition={selected.task.taskDefinitionArn} height={height} width={width} onClose={close} />;
	if (selected && panel === 'detail') return <TextPanel title={`task ${selected.id}`} lines={taskDetailLines(selected, now)} height={height} width={width} onClose={close} />;
	if (parent && panel === 'events') return <TextPanel title={`events: ${parent.name} (newest first, live)`} lines={eventLines(parent, now)} height={height} width={width} onClose={close} />;

	const modeLine =
		mode === 'running'
			? `running/pending: ${counts.running}${counts.stalled > 0 ? ` · ⚠ ${counts.stalled} STALLED` : ''}${counts.stopping > 0 ? ` · ↓ ${counts.stopping} stopping` : ''} · x: stopped (${counts.stopped})`
			: `stopped: ${counts.stopped} (${counts.failed} failed${counts.fromHistory > 0 ? `, ${counts.fromHistory} from local history` : ''}) · x: running (${counts.running})`;
	const problem = listing.problem ?? screen.parentProblem;
	return (
		<Box flexDirection="column" height={height}>
			<ServiceSummary services={screen.parents} allServices={screen.allServices} cluster={cluster} width={width} />
			<Text wrap="truncate">
				<Text color={counts.stalled > 0 && mode === 'running' ? theme.color('status.warn') : theme.color('text.secondary')}>{modeLine}</Text>
				{problemsOnly ? <Text color={theme.color('status.warn')}> · [only stalled/failed: Ctrl-Z]</Text> : <Text color={theme.color('text.muted')}> · Ctrl-Z: only stalled/failed</Text>}
				<Text color={theme.color('text.muted')}> · {refreshLabel}</Text>
			</Text>
			{stopping ? (
				<StopTaskDialog cluster={cluster} row={stopping} width={Math.min(width, 76)} onDone={() => setStopping(undefined)} />
			) : (
				<Table
					columns={columns}
					rows={view.rows}
					cursor={view.cursor}
					height={tableHeight}
					width={width}
					rowRole={row => (row.fromHistory ? 'text.muted' : undefined)}
					emptyText={
						view.filter
							? 'no task matches the filter'
							: problemsOnly
								? `no stalled or failed ${mode} tasks`
								: mode === 'running'
									? `no running tasks${counts.stopped > 0 ? ` (x shows ${counts.stopped} stopped)` : ''}`
									: 'no stopped tasks in the last hour or in the local history'
					}
				/>
			)}
			<FilterBar editing={filtering} view={view} total={screen.rows.length} onClose={() => setFiltering(false)} />
			{problem && !filtering && !view.filter ? (
				<Text color={theme.color('status.warn')} wrap="truncate">
					{problemNote(problem)}
				</Text>
			) : null}
		</Box>
	);
}
