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
import {useCopy} from '../../hooks/use-copy.js';
import {clustersResource} from '../../data/ecs-resources.js';
import {clusterConsoleUrl} from '../../domain/format/console-url.js';
import type {ClusterRecord} from '../../domain/ecs/types.js';
import {clusterActions, type ClusterActionId} from './keymap.js';
import {clusterColumns, clusterSorters} from './columns.js';
import {useLive, useRefreshLabel} from './use-watch.js';

const about = `The ECS clusters of this account and region, live. Enter shows a cluster's services (desired,
running and pending counts, rollout state, start failures in the last hour); a shows every task of the
cluster. Counts refresh on the settings' interval; Ctrl-R refreshes now.`;

const keyOf = (cluster: ClusterRecord) => cluster.arn;
const searchText = (cluster: ClusterRecord) => `${cluster.name} ${cluster.status}`;
const sortIds: Partial<Record<ClusterActionId, string>> = {'clusters.sort-name': 'name', 'clusters.sort-running': 'running', 'clusters.sort-pending': 'pending'};

/** The watcher's first level: clusters. */
export function ClustersView({height, width}: {readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const {copy, openUrl} = useCopy();
	const refreshLabel = useRefreshLabel();
	const clusters = useLive(useMemo(() => clustersResource(session), [session]));
	const tableHeight = Math.max(3, height - 3);
	const view = useTableView({rows: clusters.data ?? [], keyOf, searchText, sorters: clusterSorters, initialSort: {id: 'name', descending: false}, pageSize: tableHeight});
	const [filtering, setFiltering] = useState(false);
	const [json, setJson] = useState(false);
	const selected = view.selected;

	const handlers = {
		'clusters.open': () => selected && navigation.push({screen: 'tasks', cluster: selected.name}),
		'clusters.all-tasks': () => selected && navigation.push({screen: 'tasks', cluster: selected.name, service: '*'}),
		'clusters.filter': () => setFiltering(true),
		'clusters.raw': () => selected && setJson(true),
		'clusters.copy': () => selected && copy('cluster ARN', selected.arn),
		'clusters.console': () => selected && openUrl(clusterConsoleUrl(session.region, selected.name)),
		'clusters.clear': () => clearFilter(view),
		...sortHandlers(sortIds, column => view.sortBy(column, column !== 'name')),
		...moveHandlers(view),
	} as Record<ClusterActionId | (typeof listMoves)[number]['id'], () => void | boolean>;
	const actions = useMemo(() => [...clusterActions, ...listMoves], []);
	useKeymap(actions, handlers, {isActive: !filtering && !json, publish: {title: 'ECS clusters', about}});

	if (!clusters.data && clusters.problem) return <ErrorPanel problem={clusters.problem} />;
	if (!clusters.data) return <Loading label="Listing ECS clusters" />;
	if (json && selected) return <JsonView title={selected.name} value={selected} height={height} width={width} onClose={() => setJson(false)} />;
	return (
		<Box flexDirection="column" height={height}>
			<Text color={theme.color('text.secondary')} wrap="truncate">
				{clusters.data.length} cluster{clusters.data.length === 1 ? '' : 's'} in {session.region} · {refreshLabel}
			</Text>
			<Table columns={clusterColumns} rows={view.rows} cursor={view.cursor} height={tableHeight} width={width} emptyText={view.filter ? 'no cluster matches the filter' : `no ECS clusters in ${session.region}`} />
			<FilterBar editing={filtering} view={view} total={clusters.data.length} onClose={() => setFiltering(false)} />
			{clusters.problem ? (
				<Text color={theme.color('status.warn')} wrap="truncate">
					{problemNote(clusters.problem)}
				</Text>
			) : null}
		</Box>
	);
}
