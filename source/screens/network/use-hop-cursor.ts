import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {DependencyPath, TaskPaths} from '../../domain/network/types.js';
import type {NetworkVerdict} from '../../domain/network/index.js';
import type {Cursor} from './path-layout.js';

/** Where the cursor starts: on the hop that decided the verdict, else the first hop. */
export function initialCursor(paths: readonly DependencyPath[], verdict: NetworkVerdict | undefined): Cursor {
	if (verdict?.hop) {
		const path = paths.findIndex(candidate => candidate.dependency === verdict.dependency);
		const hop = path < 0 ? -1 : paths[path]!.hops.findIndex(candidate => candidate.id === verdict.hop?.id);
		if (path >= 0 && hop >= 0) return {path, hop};
	}
	return {path: 0, hop: 0};
}

/** The hop to land on when moving to another path: its deciding hop, else the same column. */
function landing(path: DependencyPath | undefined, column: number): number {
	if (!path) return 0;
	const deciding = path.hops.findIndex(hop => hop.status === 'fail');
	if (deciding >= 0) return deciding;
	const warning = path.hops.findIndex(hop => hop.status === 'warn');
	if (warning >= 0) return warning;
	return Math.min(column, Math.max(0, path.hops.length - 1));
}

/** The next hop after `cursor` (wrapping) that is not a pass. */
export function nextProblem(paths: readonly DependencyPath[], cursor: Cursor): Cursor {
	const flat = paths.flatMap((path, p) => path.hops.map((hop, h) => ({p, h, status: hop.status})));
	const at = flat.findIndex(item => item.p === cursor.path && item.h === cursor.hop);
	for (let step = 1; step <= flat.length; step++) {
		const item = flat[(at + step) % flat.length];
		if (item && item.status !== 'pass') return {path: item.p, hop: item.h};
	}
	return cursor;
}

/**
 * The selected hop of the path view. Handlers read the paths through a ref, so keys pressed
 * back to back never act on stale state; a new result (another security group, a refresh
 * that changed the verdict) puts the cursor back on the deciding hop.
 */
export function useHopCursor(paths: TaskPaths | undefined, verdict: NetworkVerdict | undefined) {
	const list = useMemo(() => paths?.paths ?? [], [paths]);
	const [cursor, setCursor] = useState<Cursor>(() => initialCursor(list, verdict));
	const listRef = useRef(list);
	listRef.current = list;
	const decidingId = `${verdict?.dependency ?? ''}/${verdict?.hop?.id ?? ''}/${list.length}`;
	useEffect(() => {
		setCursor(initialCursor(listRef.current, verdict));
		// Only a different deciding hop (or path count) resets the cursor; polling results do not.
	}, [decidingId]);

	const clamp = useCallback((next: Cursor): Cursor => {
		const current = listRef.current;
		const path = Math.min(Math.max(0, next.path), Math.max(0, current.length - 1));
		const hops = current[path]?.hops.length ?? 0;
		return {path, hop: Math.min(Math.max(0, next.hop), Math.max(0, hops - 1))};
	}, []);
	const movePath = useCallback((delta: number) => setCursor(value => {
		const target = clamp({path: value.path + delta, hop: 0});
		return target.path === value.path ? value : {path: target.path, hop: landing(listRef.current[target.path], value.hop)};
	}), [clamp]);
	const moveHop = useCallback((delta: number) => setCursor(value => clamp({path: value.path, hop: value.hop + delta})), [clamp]);
	const toProblem = useCallback(() => setCursor(value => nextProblem(listRef.current, clamp(value))), [clamp]);

	const safe = clamp(cursor);
	const path = list[safe.path];
	return {cursor: safe, path, hop: path?.hops[safe.hop], movePath, moveHop, toProblem};
}
