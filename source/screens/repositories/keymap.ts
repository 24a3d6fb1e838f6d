import type {ActionSpec} from '../../app/keys/actions.js';

/** The repositories screen's keys: one table that binding, help and footer all read. */
export const repositoriesActions = [
	{id: 'repos.open', keys: ['enter'], title: 'Open images', group: 'Repositories', hint: true},
	{id: 'repos.lifecycle', keys: ['p'], title: 'Lifecycle policy editor', group: 'Repositories', hint: true},
	{id: 'repos.storage', keys: ['s'], title: 'Storage view (pushes per month, savings)', group: 'Repositories', hint: true},
	{id: 'repos.filter', keys: ['/'], title: 'Filter (!text excludes)', group: 'Repositories', hint: true, opensInput: true},
	{id: 'repos.regions', keys: ['R'], title: 'All regions (settings: regions) / this region only', group: 'Repositories'},
	{id: 'repos.raw', keys: ['y'], title: 'Raw JSON', group: 'Repositories'},
	{id: 'repos.copy', keys: ['c'], title: 'Copy repository URI', group: 'Repositories'},
	{id: 'repos.console', keys: ['b'], title: 'AWS console URL', group: 'Repositories'},
	{id: 'repos.clear-filter', keys: ['esc'], title: 'Clear filter', group: 'Repositories', hidden: true},
	{id: 'repos.sort-name', keys: ['N', '1'], title: 'Sort by name', group: 'Sort'},
	{id: 'repos.sort-images', keys: ['I', '2'], title: 'Sort by image count', group: 'Sort'},
	{id: 'repos.sort-untagged', keys: ['U', '3'], title: 'Sort by untagged count', group: 'Sort'},
	{id: 'repos.sort-size', keys: ['Z', '4'], title: 'Sort by total size', group: 'Sort'},
	{id: 'repos.sort-cost', keys: ['C', '5'], title: 'Sort by estimated cost', group: 'Sort'},
	{id: 'repos.sort-push', keys: ['P', '6'], title: 'Sort by last push', group: 'Sort'},
	{id: 'repos.sort-policy', keys: ['L', '7'], title: 'Sort by lifecycle policy', group: 'Sort'},
	{id: 'repos.sort-scan', keys: ['O', '8'], title: 'Sort by scan on push', group: 'Sort'},
	{id: 'repos.sort-mutability', keys: ['M', '9'], title: 'Sort by tag mutability', group: 'Sort'},
	{id: 'repos.sort-encryption', keys: ['E', '0'], title: 'Sort by encryption', group: 'Sort'},
] as const satisfies readonly ActionSpec[];

export type RepositoriesActionId = (typeof repositoriesActions)[number]['id'];
