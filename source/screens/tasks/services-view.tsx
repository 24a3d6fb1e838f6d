import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useNavigation} from '../../app/router.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {Table} from '../../components/table/table.js';
import {listMoves, moveHandlers, clearFilter, sortHandlers} from '../../components/table/list-keys.js';
import {useTableView} from '../../components/table/use-table-view.js';
import {FilterBar} from '../../components/filter-bar.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {TextPanel} from '../../components/text-panel.js';
import {useCopy} from '../../hooks/use-copy.js';
import {useNow} from '../../hooks/use-now.js';
import {servicesResource, stoppedTasksResource} from '../../data/ecs-resources.js';
import {serviceConsoleUrl} from '../../domain/format/console-url.js';
import {serviceActions, type ServiceActionId} from './keymap.js';
import {serviceColumns, serviceSorters} from './columns.js';
import {eventLines, serviceDetailLines} from './details.js';
import {TaskDefinitionPanel} from './task-definition-panel.js';
import {toServiceRow, type ServiceRow} from './rows.js';
import {useLive, useRefreshLabel, useTaskHistory} from './use-watch.js';

const about = `The services of one cluster, live: desired, running and pending tasks, the rollout state of
the primary deployment, and the tasks that failed to start in the last hour (from ECS's stopped tasks,
which it keeps about an hour; they are also saved to the local history). ✗ marks a service whose tasks
keep failing, ◐ one that is deploying, ● a steady one. e shows the service events.`;

const keyOf = (row: ServiceRow) => row.service.arn;
const searchText = (row: ServiceRow) => `${row.service.name} ${row.health} ${row.primary?.rolloutState ?? ''} ${row.service.taskDefinition}`;
const sortIds: Partial<Record<ServiceActionId, [string, boolean]>> = {
	'services.sort-health': ['health', false],
	'services.sort-name': ['name', false],
	'services.sort-running': ['running', true],
	'services.sort-failed': ['failed', true],
};

/** The watcher's second level: the services of a cluster. */
export function ServicesView({cluster, height, width}: {readonly cluster: string; readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const {copy, openUrl} = useCopy();
	// Ages of service events: a 5 s tick is plenty, and each tick redraws the table.
	const now = useNow(5000);
	const refreshLabel = useRefreshLabel();
	const services = useLive(useMemo(() => servicesResource(session, cluster), [session, cluster]));
	const stopped = useLive(useMemo(() => stoppedTasksResource(session, cluster), [session, cluster]));
	useTaskHistory(stopped.data);
	const rows = useMemo(() => (services.data ?? []).map(service => toServiceRow(service, stopped.data ?? [], now)), [services.data, stopped.data, now]);
	const tableHeight = Math.max(3, height - 3);
	const view = useTableView({rows, keyOf, searchText, sorters: serviceSorters, initialSort: {id: 'health', descending: false}, pageSize: tableHeight});
	const [filtering, setFiltering] = useState(false);
	const [panel, setPanel] = useState<'none' | 'events' | 'detail' | 'json' | 'task-definition'>('none');
	const selected = view.selected;
	const columns = useMemo(() => serviceColumns(now), [now]);

	const handlers = {
		'services.open': () => selected && navigation.push({screen: 'tasks', cluster, service: selected.service.name}),
		'services.events': () => selected && setPanel('events'),
		'services.all-tasks': () => navigation.push({screen: 'tasks', cluster, service: '*'}),
		'services.detail': () => selected && setPanel('detail'),
		'services.task-definition': () => selected?.service.taskDefinition && setPanel('task-definition'),
		'services.filter': () => setFiltering(true),
		'services.raw': () => selected && setPanel('json'),
		'services.copy': () => selected && copy('service ARN', selected.service.arn),
		'services.console': () => selected && openUrl(serviceConsoleUrl(session.region, cluster, selected.service.name)),
		'services.clear': () => clearFilter(view),
		...sortHandlers(sortIds, ([column, descending]) => view.sortBy(column, descending)),
		...moveHandlers(view),
	} as Record<ServiceActionId | (typeof listMoves)[number]['id'], () => void | boolean>;
	const actions = useMemo(() => [...serviceActions, ...listMoves], []);
	useKeymap(actions, handlers, {isActive: !filtering && panel === 'none', publish: {title: `ECS services: ${cluster}`, about}});

	if (!services.data && services.problem) return <ErrorPanel problem={services.problem} />;
	if (!services.data) return <Loading label={`Listing the services of ${cluster}`} />;
	const close = () => setPanel('none');
	if (selected && panel === 'json') return <JsonView title={selected.service.name} value={selected.service} height={height} width={width} onClose={close} />;
	if (selected && panel === 'events') return <TextPanel title={`events: ${selected.service.name} (newest first, live)`} lines={eventLines(selected.service, now)} height={height} width={width} onClose={close} />;
	if (selected?.service.taskDefinition && panel === 'task-definition') return <TaskDefinitionPanel taskDefinition={selected.service.taskDefinition} height={height} width={width} onClose={close} />;
	if (selected && panel === 'detail') return <TextPanel title={`service ${selected.service.name}`} lines={serviceDetailLines(selected.service, now)} height={height} width={width} onClose={close} />;

	const failing = rows.filter(row => row.health === 'failing').length;
	const failures = rows.reduce((sum, row) => sum + row.failedLastHour, 0);
	const problem = services.problem ?? stopped.problem;
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<Text bold>{cluster}</Text>
				<Text color={theme.color('text.secondary')}> · {rows.length} services · </Text>
				<Text color={failing > 0 ? theme.color('status.error') : theme.color('status.ok')}>{failing > 0 ? `✗ ${failing} failing, ${failures} start failures in the last hour` : '● no start failures in the last hour'}</Text>
				<Text color={theme.color('text.secondary')}> · {refreshLabel}</Text>
			</Text>
			<Table columns={columns} rows={view.rows} cursor={view.cursor} height={tableHeight} width={width} emptyText={view.filter ? 'no service matches the filter' : `no services in ${cluster} (a shows its standalone tasks)`} />
			<FilterBar editing={filtering} view={view} total={rows.length} onClose={() => setFiltering(false)} />
			{problem ? (
				<Text color={theme.color('status.warn')} wrap="truncate">
					{problemNote(problem)}
				</Text>
			) : null}
		</Box>
	);
}
