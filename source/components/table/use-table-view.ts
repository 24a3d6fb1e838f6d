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

	// Sort first, then filter the sorted list: a filter keystroke then costs one pass of string
	// matching, never a re-sort of 100,000 rows.
	const sorted = useMemo(() => {
		const compare = sort ? sorters?.[sort.id] : undefined;
		if (!compare || !sort) return rows;
		const direction = sort.descending ? -1 : 1;
		if (group) {
			// Sort the heads, then lay each group out behind its head in its original order.
			const members = new Map<string, Row[]>();
			const heads: Row[] = [];
			for (const row of rows) {
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
			const out: Row[] = [];
			for (const head of heads) {
				out.push(head);
				const list = members.get(group.keyOf(head));
				if (list) for (const member of list) out.push(member);
			}
			return out;
		}
		const copy = [...rows];
		copy.sort((a, b) => direction * compare(a, b));
		return copy;
	}, [rows, sort, sorters, group]);
	// Lower-cased search text, once per row object, reused across sorts, keystrokes and new rows
	// arrays that keep their unchanged rows (the images screen does): only new rows cost work.
	const texts = useRef<{searchText: (row: Row) => string; byRow: WeakMap<Row & object, string>}>({searchText, byRow: new WeakMap()});
	if (texts.current.searchText !== searchText) texts.current = {searchText, byRow: new WeakMap()};
	const haystack = useMemo(() => {
		const {byRow} = texts.current;
		for (const row of rows) if (!byRow.has(row as Row & object)) byRow.set(row as Row & object, searchText(row).toLowerCase());
		return byRow;
	}, [rows, searchText]);
	// Results per filter text for the current sorted list: typing one more character narrows
	// the previous result (the matches can only shrink, for groups too), and Backspace finds
	// the earlier result cached; either way a keystroke never rescans 100,000 rows twice.
	const results = useRef<{sorted: readonly Row[]; byText: Map<string, readonly Row[]>}>({sorted: [], byText: new Map()});
	const filtered = useMemo(() => {
		const text = filter.trim().toLowerCase();
		const inverse = text.startsWith('!');
		const needle = inverse ? text.slice(1) : text;
		if (!needle) return sorted;
		if (results.current.sorted !== sorted) results.current = {sorted, byText: new Map()};
		const cache = results.current.byText;
		const cached = cache.get(text);
		if (cached) return cached;
		let source: readonly Row[] = sorted;
		if (!inverse) {
			for (let length = needle.length - 1; length > 0; length--) {
				const shorter = cache.get(needle.slice(0, length));
				if (shorter) {
					source = shorter;
					break;
				}
			}
		}
		const hit = (row: Row) => (haystack.get(row as Row & object) ?? '').includes(needle) !== inverse;
		let result: Row[];
		if (group) {
			const groups = new Set<string>();
			for (const row of source) if (hit(row)) groups.add(group.keyOf(row));
			result = source.filter(row => groups.has(group.keyOf(row)));
		} else {
			result = source.filter(hit);
		}
		if (cache.size > 64) cache.clear();
		cache.set(text, result);
		return result;
	}, [sorted, haystack, filter, group]);

	const keyed = cursorState.key;
	const cursor = useMemo(() => {
		const index = clampCursor(cursorState.index, filtered.length);
		if (keyed === undefined) return index;
		const atIndex = filtered[index];
		if (atIndex !== undefined && keyOf(atIndex) === keyed) return index;
		const found = filtered.findIndex(row => keyOf(row) === keyed);
		return found >= 0 ? found : index;
	}, [filtered, cursorState.index, keyed, keyOf]);

	const sortedRef = useRef(filtered);
	sortedRef.current = filtered;
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
		// The cursor goes to the first match (no search for the old row: O(1) per keystroke).
		setCursorState({index: 0});
	}, []);

	return {rows: filtered, cursor, selected: filtered[cursor], move, select, filter, setFilter: changeFilter, sort, sortBy};
}
