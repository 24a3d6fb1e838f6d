import type {ActionSpec} from '../../app/keys/actions.js';

/** The watcher's keys, one table per level; binding, help and footer all read them. */

export const clusterActions = [
	{id: 'clusters.open', keys: ['enter'], title: 'Open the services of the cluster', group: 'Clusters', hint: true},
	{id: 'clusters.all-tasks', keys: ['a'], title: 'All tasks of the cluster', group: 'Clusters', hint: true},
	{id: 'clusters.filter', keys: ['/'], title: 'Filter (!text excludes)', group: 'Clusters', hint: true, opensInput: true},
	{id: 'clusters.raw', keys: ['y'], title: 'Raw JSON', group: 'Clusters'},
	{id: 'clusters.copy', keys: ['c'], title: 'Copy cluster ARN', group: 'Clusters'},
	{id: 'clusters.console', keys: ['b'], title: 'AWS console URL', group: 'Clusters'},
	{id: 'clusters.clear', keys: ['esc'], title: 'Clear filter / close', group: 'Clusters', hidden: true},
	{id: 'clusters.sort-name', keys: ['N', '1'], title: 'Sort by name', group: 'Sort'},
	{id: 'clusters.sort-running', keys: ['R', '2'], title: 'Sort by running tasks', group: 'Sort'},
	{id: 'clusters.sort-pending', keys: ['P', '3'], title: 'Sort by pending tasks', group: 'Sort'},
] as const satisfies readonly ActionSpec[];

export type ClusterActionId = (typeof clusterActions)[number]['id'];

export const serviceActions = [
	{id: 'services.open', keys: ['enter'], title: 'Open the tasks of the service', group: 'Services', hint: true},
	{id: 'services.events', keys: ['e'], title: 'Service events', group: 'Services', hint: true},
	{id: 'services.all-tasks', keys: ['a'], title: 'All tasks of the cluster', group: 'Services', hint: true},
	{id: 'services.detail', keys: ['d'], title: 'Details: deployments, network', group: 'Services', hint: true},
	{id: 'services.task-definition', keys: ['t'], title: 'Task definition: containers, environment (secret-looking values masked; v reveals), secrets', group: 'Services'},
	{id: 'services.filter', keys: ['/'], title: 'Filter (!text excludes)', group: 'Services', opensInput: true},
	{id: 'services.raw', keys: ['y'], title: 'Raw JSON', group: 'Services'},
	{id: 'services.copy', keys: ['c'], title: 'Copy service ARN', group: 'Services'},
	{id: 'services.console', keys: ['b'], title: 'AWS console URL', group: 'Services'},
	{id: 'services.clear', keys: ['esc'], title: 'Clear filter / close', group: 'Services', hidden: true},
	{id: 'services.sort-health', keys: ['H', '1'], title: 'Sort by health (failing first)', group: 'Sort'},
	{id: 'services.sort-name', keys: ['N', '2'], title: 'Sort by name', group: 'Sort'},
	{id: 'services.sort-running', keys: ['R', '3'], title: 'Sort by running tasks', group: 'Sort'},
	{id: 'services.sort-failed', keys: ['F', '4'], title: 'Sort by start failures in the last hour', group: 'Sort'},
] as const satisfies readonly ActionSpec[];

export type ServiceActionId = (typeof serviceActions)[number]['id'];

export const taskActions = [
	{id: 'tasks.diagnose', keys: ['enter'], title: 'Diagnose (stopped or stalled task); details otherwise', group: 'Tasks', hint: true},
	{id: 'tasks.toggle-stopped', keys: ['x'], title: 'Show running / stopped tasks', group: 'Tasks', hint: true},
	{id: 'tasks.problems', keys: ['ctrl+z'], title: 'Only stalled or failed tasks', group: 'Tasks', hint: true},
	{id: 'tasks.stop', keys: ['S'], title: 'Stop task (confirm)', group: 'Tasks', danger: true, hint: true},
	{id: 'tasks.events', keys: ['e'], title: 'Service events', group: 'Tasks'},
	{id: 'tasks.detail', keys: ['d'], title: 'Task details (timestamps, containers, full reason)', group: 'Tasks'},
	{id: 'tasks.task-definition', keys: ['t'], title: 'Task definition: containers, environment (secret-looking values masked; v reveals), secrets', group: 'Tasks'},
	{id: 'tasks.network', keys: ['n'], title: 'Network path of the task', group: 'Tasks'},
	{id: 'tasks.logs', keys: ['l'], title: 'CloudWatch logs of the task\'s containers', group: 'Tasks', hint: true},
	{id: 'tasks.filter', keys: ['/'], title: 'Filter (!text excludes)', group: 'Tasks', opensInput: true},
	{id: 'tasks.raw', keys: ['y'], title: 'Raw JSON', group: 'Tasks'},
	{id: 'tasks.copy', keys: ['c'], title: 'Copy task ARN', group: 'Tasks'},
	{id: 'tasks.console', keys: ['b'], title: 'AWS console URL', group: 'Tasks'},
	{id: 'tasks.clear', keys: ['esc'], title: 'Clear filter / close', group: 'Tasks', hidden: true},
	{id: 'tasks.sort-state', keys: ['1'], title: 'Sort by state (stalled and failed first)', group: 'Sort'},
	{id: 'tasks.sort-time', keys: ['2'], title: 'Sort by time in state', group: 'Sort'},
	{id: 'tasks.sort-created', keys: ['3'], title: 'Sort by creation time', group: 'Sort'},
	{id: 'tasks.sort-revision', keys: ['4'], title: 'Sort by task definition', group: 'Sort'},
] as const satisfies readonly ActionSpec[];

export type TaskActionId = (typeof taskActions)[number]['id'];
