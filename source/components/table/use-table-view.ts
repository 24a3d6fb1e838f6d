import {useCallback, useMemo, useRef, useState} from 'react';
import {clampCursor, moveCursor, type Move} from './list-state.js';

export type SortState = {id: string; descending: boolean};

export type TableViewOptions<Row> = {
	rows: readonly Row[];
	/** A stable key so the cursor stays on the same row across refreshes and re-sorts. */
	keyOf(row: Row): string;
	/** Text the filter searches (lower-cased once per rows array, not per keystroke). */
	searchText(row: Row): string;
	/** Comparators by sort id (usually column ids). */
	sorters?: Record<string, (a: Row, b: Row) => number>;
	initialSort?: SortState;
	pageSize: number;
	/**
	 * Keeps groups together (an index and its platforms): sorting orders groups by their head,
	 * and filtering shows a whole group when its head or any member matches.
	 */
	group?: {keyOf(row: Row): string; isHead(row: Row): boolean};
};

export type TableView<Row> = {
	rows: readonly Row[];
	cursor: number;
	selected: Row | undefined;
	move(move: Move): void;
	/** Puts the cursor on a row by key (after a jump or a refresh). */
	select(key: string): void;
	filter: string;
	setFilter(text: string): void;
	sort: SortState | undefined;
	/** Sorts by an id (descending first when asked); the same id again flips the direction. */
	sortBy(id: string, descendingFirst?: boolean): void;
};

/**
 * The list behaviour every table shares: filter (`text`, `!text` to exclude), sort, and a
 * cursor that follows its row. Filtering and sorting are memoised on their inputs, so a
 * cursor move costs nothing proportional to the number of rows.
 */
export function useTableView<Row>(options: TableViewOptions<Row>): TableView<Row> {
	const {rows, keyOf, searchText, sorters, pageSize, group} = options;
	const [filter, setFilter] = useState('');
	const [sort, setSort] = useState<SortState | undefined>(options.initialSort);
	const [cursorState, setCursorState] = useState<{index: number; key?: string}>({index: 0});

	const haystack = useMemo(() => rows.map(row => searchText(row).toLowerCase()), [rows, searchText]);
	const filtered = useMemo(() => {
		const text = filter.trim().toLowerCase();
		if (!text) return rows;
		const inverse = text.startsWith('!');
		const needle = inverse ? text.slice(1) : text;
		if (!needle) return rows;
		const hit = (index: number) => haystack[index]!.includes(needle) !== inverse;
		if (group) {
			const groups = new Set<string>();
			for (let index = 0; index < rows.length; index++) if (hit(index)) groups.add(group.keyOf(rows[index]!));
			return rows.filter(row => groups.has(group.keyOf(row)));
		}
		const out: Row[] = [];
		for (let index = 0; index < rows.length; index++) if (hit(index)) out.push(rows[index]!);
		return out;
	}, [rows, haystack, filter, group]);
	const sorted = useMemo(() => {
		const compare = sort ? sorters?.[sort.id] : undefined;
		if (!compare || !sort) return filtered;
		const direction = sort.descending ? -1 : 1;
		if (group) {
			// Sort the heads, then lay each group out behind its head in its original order.
			const members = new Map<string, Row[]>();
			const heads: Row[] = [];
			for (const row of filtered) {
				if (group.isHead(row)) {
					heads.push(row);
					continue;
				}
				const key = group.keyOf(row);
				const list = members.get(key);
				if (list) list.push(row);
				else members.set(key, [row]);
			}
			heads.sort((a, b) => direction * compare(a, b));
			return heads.flatMap(head => [head, ...(members.get(group.keyOf(head)) ?? [])]);
		}
		const copy = [...filtered];
		copy.sort((a, b) => direction * compare(a, b));
		return copy;
	}, [filtered, sort, sorters, group]);

	const keyed = cursorState.key;
	const cursor = useMemo(() => {
		const index = clampCursor(cursorState.index, sorted.length);
		if (keyed === undefined) return index;
		const atIndex = sorted[index];
		if (atIndex !== undefined && keyOf(atIndex) === keyed) return index;
		const found = sorted.findIndex(row => keyOf(row) === keyed);
		return found >= 0 ? found : index;
	}, [sorted, cursorState.index, keyed, keyOf]);

	const sortedRef = useRef(sorted);
	sortedRef.current = sorted;
	const cursorRef = useRef(cursor);
	cursorRef.current = cursor;

	const move = useCallback(
		(step: Move) => {
			const list = sortedRef.current;
			const index = moveCursor(cursorRef.current, step, list.length, pageSize);
			const row = list[index];
			cursorRef.current = index;
			setCursorState(row === undefined ? {index} : {index, key: keyOf(row)});
		},
		[keyOf, pageSize],
	);
	const select = useCallback(
		(key: string) => {
			const index = sortedRef.current.findIndex(row => keyOf(row) === key);
			setCursorState({index: Math.max(0, index), key});
		},
		[keyOf],
	);
	const sortBy = useCallback((id: string, descendingFirst = false) => {
		setSort(current => (current?.id === id ? {id, descending: !current.descending} : {id, descending: descendingFirst}));
	}, []);
	const changeFilter = useCallback((text: string) => {
		setFilter(text);
		setCursorState(state => ({...state, index: 0}));
	}, []);

	return {rows: sorted, cursor, selected: sorted[cursor], move, select, filter, setFilter: changeFilter, sort, sortBy};
}
