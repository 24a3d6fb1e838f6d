import type {ActionSpec} from './actions.js';

/** Keys that work on every screen. */
export const globalActions = [
	{id: 'app.help', keys: ['?'], title: 'Help for this screen', group: 'General', hint: true},
	{id: 'app.palette', keys: [':'], title: 'Command palette (:repos, :tasks, :network, :region, :profile, :q)', group: 'General', hint: true, opensInput: true},
	{id: 'app.refresh', keys: ['ctrl+r'], title: 'Refresh now', group: 'General'},
	{id: 'app.back', keys: ['esc'], title: 'Back', group: 'General'},
	{id: 'app.errors', keys: ['!'], title: 'Recent errors and throttles', group: 'General'},
	{id: 'app.quit', keys: ['q', 'ctrl+c'], title: 'Quit', group: 'General', hint: true},
] as const satisfies readonly ActionSpec[];

export type GlobalActionId = (typeof globalActions)[number]['id'];
