/**
 * Cursor movement over a list, as a pure reducer: key handlers only dispatch moves, so they
 * never read stale state. The cursor follows a row key across refreshes when it can.
 */
export type Move = 'up' | 'down' | 'page-up' | 'page-down' | 'home' | 'end';

export function moveCursor(cursor: number, move: Move, count: number, pageSize: number): number {
	if (count === 0) return 0;
	const page = Math.max(1, pageSize);
	switch (move) {
		case 'up':
			return Math.max(0, cursor - 1);
		case 'down':
			return Math.min(count - 1, cursor + 1);
		case 'page-up':
			return Math.max(0, cursor - page);
		case 'page-down':
			return Math.min(count - 1, cursor + page);
		case 'home':
			return 0;
		case 'end':
			return count - 1;
	}
}

/** Clamps a cursor to a list that may have shrunk. */
export function clampCursor(cursor: number, count: number): number {
	return count === 0 ? 0 : Math.min(Math.max(0, cursor), count - 1);
}
