import type {Column} from '../../components/table/layout.js';
import type {ClusterRecord} from '../../domain/ecs/types.js';
import {shortTaskDefinition} from '../../domain/ecs/types.js';
import {age} from '../../domain/format/units.js';
import {formatDuration} from '../../domain/tasks/time-in-state.js';
import {FAMILY_STYLE, HEALTH_STYLE, reasonText, type ServiceRow, type TaskRow} from './rows.js';

/** Clusters: name, status and counts. */
export const clusterColumns: Column<ClusterRecord>[] = [
	{id: 'name', header: 'CLUSTER', width: 16, minWidth: 10, grow: 1, cell: cluster => cluster.name},
	{id: 'status', header: 'STATUS', width: 8, cell: cluster => cluster.status},
	{id: 'services', header: 'SERVICES', width: 8, align: 'right', cell: cluster => String(cluster.activeServicesCount)},
	{id: 'running', header: 'RUNNING', width: 7, align: 'right', cell: cluster => String(cluster.runningTasksCount)},
	{id: 'pending', header: 'PENDING', width: 7, align: 'right', cell: cluster => String(cluster.pendingTasksCount), role: cluster => (cluster.pendingTasksCount > 0 ? 'status.pending' : undefined)},
];

export const clusterSorters: Record<string, (a: ClusterRecord, b: ClusterRecord) => number> = {
	name: (a, b) => a.name.localeCompare(b.name),
	running: (a, b) => a.runningTasksCount - b.runningTasksCount,
	pending: (a, b) => a.pendingTasksCount - b.pendingTasksCount,
};

function rollout(row: ServiceRow): string {
	const state = row.primary?.rolloutState;
	if (state === undefined) return '-';
	const symbol = state === 'COMPLETED' ? '●' : state === 'FAILED' ? '✗' : '◐';
	return `${symbol} ${state.replace('_', ' ')}`;
}

/** Services: health, counts, rollout, start failures in the last hour, task definition, last event. */
export function serviceColumns(now: number): Column<ServiceRow>[] {
	return [
		{id: 'name', header: 'SERVICE', width: 12, minWidth: 10, grow: 1, cell: row => `${HEALTH_STYLE[row.health].symbol} ${row.service.name}`, role: row => HEALTH_STYLE[row.health].role},
		{id: 'desired', header: 'DESIRED', width: 7, align: 'right', cell: row => String(row.service.desiredCount)},
		{id: 'running', header: 'RUNNING', width: 7, align: 'right', cell: row => String(row.service.runningCount), role: row => (row.service.runningCount < row.service.desiredCount ? 'status.warn' : undefined)},
		{id: 'pending', header: 'PENDING', width: 7, align: 'right', cell: row => String(row.service.pendingCount), role: row => (row.service.pendingCount > 0 ? 'status.pending' : undefined)},
		{
			id: 'rollout',
			header: 'ROLLOUT',
			width: 13,
			cell: rollout,
			role: row => (row.primary?.rolloutState === 'FAILED' ? 'status.error' : row.primary?.rolloutState === 'IN_PROGRESS' ? 'status.pending' : 'status.ok'),
		},
		{
			id: 'failed',
			header: 'FAILED 1H',
			width: 9,
			align: 'right',
			cell: row => (row.failedLastHour > 0 ? `✗ ${row.failedLastHour}` : '0'),
			role: row => (row.failedLastHour > 0 ? 'status.error' : undefined),
		},
		{id: 'taskdef', header: 'TASK DEF', width: 14, minWidth: 10, optional: 2, cell: row => shortTaskDefinition(row.service.taskDefinition)},
		{id: 'event', header: 'LAST EVENT', width: 24, minWidth: 14, grow: 2, optional: 1, cell: row => (row.lastEvent ? `${age(row.lastEvent.createdAt, now)} ${row.lastEvent.message.replace(/^\(service [^)]+\) /, '')}` : '')},
	];
}

export const serviceSorters: Record<string, (a: ServiceRow, b: ServiceRow) => number> = {
	name: (a, b) => a.service.name.localeCompare(b.service.name),
	running: (a, b) => a.service.runningCount - b.service.runningCount,
	failed: (a, b) => a.failedLastHour - b.failedLastHour,
	health: (a, b) => ['failing', 'deploying', 'idle', 'steady'].indexOf(a.health) - ['failing', 'deploying', 'idle', 'steady'].indexOf(b.health),
};

/** Tasks: state (symbol + lastStatus), id, time in state, desired, revision, reason; more when wide. */
export function taskColumns(options: {showService: boolean; mode: 'running' | 'stopped'}): Column<TaskRow>[] {
	return [
		{id: 'state', header: 'STATE', width: 16, cell: row => `${FAMILY_STYLE[row.family].symbol} ${row.task.lastStatus}`, role: row => FAMILY_STYLE[row.family].role},
		{id: 'task', header: 'TASK', width: 8, cell: row => row.id.slice(0, 8)},
		{id: 'time', header: 'IN STATE', width: 8, align: 'right', cell: row => formatDuration(row.time.durationMs), role: row => (row.family === 'stalled' ? 'status.warn' : undefined)},
		{id: 'desired', header: 'DESIRED', width: 7, optional: 7, cell: row => row.task.desiredStatus ?? ''},
		...(options.showService ? [{id: 'service', header: 'SERVICE', width: 10, minWidth: 8, cell: (row: TaskRow) => row.service ?? ''}] : []),
		{id: 'revision', header: 'TASK DEF', width: 12, minWidth: 8, cell: row => row.revision},
		{id: 'health', header: 'HEALTH', width: 7, optional: 3, cell: row => row.task.healthStatus ?? ''},
		{id: 'az', header: 'AZ', width: 10, optional: 4, cell: row => row.task.availabilityZone ?? ''},
		{id: 'ip', header: 'PRIVATE IP', width: 12, optional: 2, cell: row => row.task.privateIp ?? ''},
		{id: 'launch', header: 'LAUNCH', width: 13, optional: 5, cell: row => [row.task.launchType, row.task.platformVersion].filter(Boolean).join(' ')},
		...(options.mode === 'stopped' ? [{id: 'stopcode', header: 'STOP CODE', width: 17, optional: 1, cell: (row: TaskRow) => row.task.stopCode ?? ''}] : []),
		{
			id: 'reason',
			header: 'REASON',
			width: 24,
			minWidth: 24,
			grow: 1,
			cell: row => `${row.fromHistory ? '[history] ' : ''}${reasonText(row)}`,
			role: row => (row.family === 'failed' ? 'status.error' : row.family === 'stalled' || row.foreignImages.length > 0 ? 'status.warn' : undefined),
		},
	];
}

const familyOrder = ['stalled', 'failed', 'pending', 'stopping', 'ok', 'stopped'];

export const taskSorters: Record<string, (a: TaskRow, b: TaskRow) => number> = {
	state: (a, b) => familyOrder.indexOf(a.family) - familyOrder.indexOf(b.family) || b.task.createdAt - a.task.createdAt,
	time: (a, b) => a.time.durationMs - b.time.durationMs,
	created: (a, b) => a.task.createdAt - b.task.createdAt,
	revision: (a, b) => a.revision.localeCompare(b.revision),
	stopped: (a, b) => (a.task.stoppedAt ?? a.task.createdAt) - (b.task.stoppedAt ?? b.task.createdAt),
};
