import type {ActionSpec} from '../../app/keys/actions.js';

/** The images screen's keys. */
export const imagesActions = [
	{id: 'images.detail', keys: ['enter', 'd'], title: 'Image details', group: 'Images', hint: true},
	{id: 'images.mark', keys: ['space'], title: 'Mark / unmark', group: 'Cleanup', hint: true},
	{id: 'images.mark-menu', keys: ['m'], title: 'Mark many: untagged, older than, not pulled, all but newest N, invert', group: 'Cleanup', hint: true},
	{id: 'images.clear-marks', keys: ['ctrl+\\', 'M'], title: 'Clear marks', group: 'Cleanup'},
	{id: 'images.delete', keys: ['ctrl+d'], title: 'Delete marked images (confirm)', group: 'Cleanup', danger: true, hint: true},
	{id: 'images.lifecycle', keys: ['p'], title: 'Lifecycle policy editor', group: 'Images'},
	{id: 'images.filter', keys: ['/'], title: 'Filter (!text excludes)', group: 'Images', hint: true, opensInput: true},
	{id: 'images.raw', keys: ['y'], title: 'Raw JSON', group: 'Images'},
	{id: 'images.copy', keys: ['c'], title: 'Copy image URI with digest', group: 'Images'},
	{id: 'images.console', keys: ['b'], title: 'AWS console URL', group: 'Images'},
	{id: 'images.escape', keys: ['esc'], title: 'Close / clear filter / back', group: 'Images', hidden: true},
	{id: 'images.sort-tags', keys: ['T', '1'], title: 'Sort by tag', group: 'Sort'},
	{id: 'images.sort-size', keys: ['Z', '3'], title: 'Sort by size', group: 'Sort'},
	{id: 'images.sort-pushed', keys: ['A', '4'], title: 'Sort by push time (age)', group: 'Sort'},
	{id: 'images.sort-pulled', keys: ['L', '5'], title: 'Sort by last pull', group: 'Sort'},
	{id: 'images.sort-scan', keys: ['V', '6'], title: 'Sort by critical/high findings', group: 'Sort'},
	{id: 'images.sort-usage', keys: ['U', '8'], title: 'Sort by in use', group: 'Sort'},
] as const satisfies readonly ActionSpec[];

export type ImagesActionId = (typeof imagesActions)[number]['id'];
