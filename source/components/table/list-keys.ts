import type {ActionSpec} from '../../app/keys/actions.js';
import type {Move} from './list-state.js';

/** Movement keys every table shares (vim keys and arrows, as k9s, e1s and a9s do). */
export const listMoves: readonly (ActionSpec<`list.${Move}`> & {move: Move})[] = [
	{id: 'list.up', keys: ['up', 'k'], title: 'Up', group: 'Move', move: 'up'},
	{id: 'list.down', keys: ['down', 'j'], title: 'Down', group: 'Move', move: 'down'},
	{id: 'list.page-up', keys: ['pageup', 'ctrl+b', 'ctrl+u'], title: 'Page up', group: 'Move', move: 'page-up'},
	{id: 'list.page-down', keys: ['pagedown', 'ctrl+f'], title: 'Page down', group: 'Move', move: 'page-down'},
	{id: 'list.home', keys: ['home', 'g'], title: 'First row', group: 'Move', move: 'home'},
	{id: 'list.end', keys: ['end', 'G'], title: 'Last row', group: 'Move', move: 'end'},
];

/** Handlers for the shared movement keys, bound to one table view. */
export function moveHandlers(view: {move(move: Move): void}): Record<`list.${Move}`, () => void> {
	return Object.fromEntries(listMoves.map(action => [action.id, () => view.move(action.move)])) as Record<`list.${Move}`, () => void>;
}

/** Esc on a filtered table clears the filter and is consumed; on an unfiltered one it goes on (back). */
export function clearFilter(view: {filter: string; setFilter(text: string): void}): boolean {
	if (!view.filter) return false;
	view.setFilter('');
	return true;
}

/** Handlers for a screen's sort keys: each action id sorts by its column. */
export function sortHandlers<Column>(sortIds: Partial<Record<string, Column>>, sortBy: (column: Column) => void): Record<string, () => void> {
	return Object.fromEntries(Object.entries(sortIds).map(([id, column]) => [id, () => sortBy(column as Column)]));
}
