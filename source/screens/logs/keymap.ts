import type {ActionSpec} from '../../app/keys/actions.js';

/** The log viewer's keys; binding, help and footer all read this table. */
export const logActions = [
	{id: 'logs.follow', keys: ['f'], title: 'Follow (new lines appear as they arrive; on/off)', group: 'Logs', hint: true},
	{id: 'logs.search', keys: ['/'], title: 'Search all containers (server-side CloudWatch filter pattern, case-sensitive)', group: 'Logs', hint: true, opensInput: true},
	{id: 'logs.next-source', keys: ['tab', ']'], title: 'Next container (its log group and stream)', group: 'Logs', hint: true},
	{id: 'logs.previous-source', keys: ['shift+tab', '['], title: 'Previous container', group: 'Logs'},
	{id: 'logs.wrap', keys: ['w'], title: 'Wrap long lines (on/off)', group: 'Logs', hint: true},
	{id: 'logs.timestamps', keys: ['t'], title: 'Timestamps (on/off)', group: 'Logs'},
	{id: 'logs.copy', keys: ['c'], title: 'Copy the selected line', group: 'Logs'},
	{id: 'logs.diagnose', keys: ['enter'], title: 'Diagnosis of the task', group: 'Logs'},
	{id: 'logs.clear', keys: ['esc'], title: 'Clear the search / back', group: 'Logs', hidden: true},
	{id: 'logs.up', keys: ['up', 'k'], title: 'Up (at the top: older lines)', group: 'Move'},
	{id: 'logs.down', keys: ['down', 'j'], title: 'Down', group: 'Move'},
	{id: 'logs.page-up', keys: ['pageup', 'ctrl+b', 'ctrl+u'], title: 'Page up', group: 'Move'},
	{id: 'logs.page-down', keys: ['pagedown', 'ctrl+f', 'space'], title: 'Page down', group: 'Move'},
	{id: 'logs.top', keys: ['home', 'g'], title: 'Oldest loaded line', group: 'Move'},
	{id: 'logs.bottom', keys: ['end', 'G'], title: 'Newest line', group: 'Move'},
] as const satisfies readonly ActionSpec[];

export type LogActionId = (typeof logActions)[number]['id'];

