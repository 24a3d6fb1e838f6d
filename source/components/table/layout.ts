import type {Role} from '../../app/theme/tokens.js';

/** A column of a windowed table: its header, widths, and how a row renders into it. */
export type Column<Row> = {
	id: string;
	header: string;
	/** Preferred width in cells. */
	width: number;
	/** Narrowest it may shrink to (default: the preferred width). */
	minWidth?: number;
	/** Share of spare width this column takes (0 = fixed). */
	grow?: number;
	/** Columns with a higher number are dropped first on narrow terminals; undefined = never. */
	optional?: number;
	align?: 'left' | 'right';
	cell(row: Row): string;
	/** Colour role of the cell, from the row's state. */
	role?(row: Row): Role | undefined;
};

/** Leading cells for the cursor and mark glyphs. */
export const GUTTER = 2;

/**
 * Fits columns into `total` cells: drops optional columns (highest number first) until the
 * minimum widths fit, then gives spare width to growing columns. Returns [column, width] pairs.
 */
export function layoutColumns<Row>(columns: readonly Column<Row>[], total: number): {column: Column<Row>; width: number}[] {
	let kept = [...columns];
	const gaps = (count: number) => Math.max(0, count - 1);
	const minimum = (list: Column<Row>[]) => list.reduce((sum, column) => sum + (column.minWidth ?? column.width), 0) + gaps(list.length);
	const available = Math.max(0, total - GUTTER);
	while (minimum(kept) > available) {
		const candidates = kept.filter(column => column.optional !== undefined);
		if (candidates.length === 0) break;
		const drop = candidates.reduce((worst, column) => ((column.optional ?? 0) >= (worst.optional ?? 0) ? column : worst));
		kept = kept.filter(column => column !== drop);
	}
	const preferred = kept.reduce((sum, column) => sum + column.width, 0) + gaps(kept.length);
	let widths: number[];
	if (preferred <= available) {
		const spare = available - preferred;
		const totalGrow = kept.reduce((sum, column) => sum + (column.grow ?? 0), 0);
		let given = 0;
		widths = kept.map(column => {
			if (!column.grow || totalGrow === 0) return column.width;
			const extra = Math.floor((spare * column.grow) / totalGrow);
			given += extra;
			return column.width + extra;
		});
		// Rounding leftovers go to the first growing column.
		const firstGrow = kept.findIndex(column => (column.grow ?? 0) > 0);
		if (firstGrow >= 0) widths[firstGrow]! += spare - given;
	} else {
		// Shrink growing columns toward their minimum, largest first.
		widths = kept.map(column => column.width);
		let excess = preferred - available;
		for (let index = 0; index < kept.length && excess > 0; index++) {
			const column = kept[index]!;
			const room = column.width - (column.minWidth ?? column.width);
			const cut = Math.min(room, excess);
			widths[index]! -= cut;
			excess -= cut;
		}
		if (excess > 0 && widths.length > 0) widths[widths.length - 1] = Math.max(1, widths[widths.length - 1]! - excess);
	}
	return kept.map((column, index) => ({column, width: widths[index]!}));
}

/** The first visible row so that `cursor` is on screen, moving as little as possible. */
export function scrollOffset(previous: number, cursor: number, height: number, count: number): number {
	if (height <= 0 || count <= height) return 0;
	let offset = Math.min(previous, count - height);
	if (cursor < offset) offset = cursor;
	else if (cursor >= offset + height) offset = cursor - height + 1;
	return Math.max(0, Math.min(offset, count - height));
}
