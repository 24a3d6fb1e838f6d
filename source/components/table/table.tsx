import React, {memo, useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import {fit, inert} from '../../domain/format/text.js';
import {useTheme} from '../../app/context.js';
import type {Role} from '../../app/theme/tokens.js';
import {layoutColumns, scrollOffset, type Column} from './layout.js';

/**
 * What the table reads of its rows: a length and a window. Arrays are row sources; a derived
 * list of 100,000 rows can also be one that builds only the rows asked for (see `lazyRows`).
 */
export type RowSource<Row> = {readonly length: number; slice(start: number, end: number): readonly Row[]};

/** A row source that maps items to rows only for the window on screen. */
export function lazyRows<Item, Row>(items: readonly Item[], toRow: (item: Item) => Row): RowSource<Row> {
	return {length: items.length, slice: (start, end) => items.slice(start, end).map(toRow)};
}

export type TableProps<Row> = {
	readonly columns: readonly Column<Row>[];
	readonly rows: RowSource<Row>;
	/** Index of the selected row. */
	readonly cursor: number;
	/** Visible body rows (the header takes one more line). */
	readonly height: number;
	readonly width: number;
	readonly isMarked?: (row: Row) => boolean;
	/** Role for the whole row (a dimmed stopped task, a flagged repository). */
	readonly rowRole?: (row: Row) => Role | undefined;
	/** Shown instead of rows when there are none. */
	readonly emptyText?: string;
	/** An extra line under the body (totals). */
	readonly footer?: (width: number, layout: {column: Column<Row>; width: number}[]) => string;
	readonly isFocused?: boolean;
};

type RowProps<Row> = {
	readonly row: Row;
	readonly selected: boolean;
	readonly marked: boolean;
	readonly layout: {column: Column<Row>; width: number}[];
	readonly rowRole: ((row: Row) => Role | undefined) | undefined;
};

/**
 * One line. Memoised: moving the cursor re-renders the two rows it leaves and enters, not the
 * whole window, so a keypress costs the same on 100 rows or 100,000.
 */
function TableRowImpl<Row>({row, selected, marked, layout, rowRole}: RowProps<Row>) {
	const theme = useTheme();
	const gutter = `${selected ? '›' : ' '}${marked ? '●' : ' '}`;
	if (selected) {
		// The selected row is one inverse segment: colours inside it would be unreadable.
		const text = layout.map(({column, width: size}) => fit(inert(column.cell(row)), size, column.align)).join(' ');
		return (
			<Text wrap="truncate" inverse color={theme.color('row.selected')}>
				{gutter}
				{text}
			</Text>
		);
	}
	// Adjacent cells of the same colour are merged into one segment: Ink tokenises every
	// styled segment on every frame, so fewer segments mean faster keypresses.
	const role = rowRole?.(row);
	const segments: {color: string | undefined; text: string}[] = [];
	layout.forEach(({column, width: size}, cellIndex) => {
		const text = (cellIndex > 0 ? ' ' : '') + fit(inert(column.cell(row)), size, column.align);
		const cellRole = column.role?.(row) ?? role;
		const color = cellRole ? theme.color(cellRole) : undefined;
		const last = segments[segments.length - 1];
		if (last && last.color === color) last.text += text;
		else segments.push({color, text});
	});
	return (
		<Text wrap="truncate">
			<Text color={marked ? theme.color('row.marked') : undefined}>{gutter}</Text>
			{segments.map((segment, segmentIndex) =>
				segment.color ? (
					<Text key={segmentIndex} color={segment.color}>
						{segment.text}
					</Text>
				) : (
					segment.text
				),
			)}
		</Text>
	);
}

const TableRow = memo(TableRowImpl) as typeof TableRowImpl;

/**
 * A windowed table: only the rows on screen are rendered, so 100,000 rows scroll as fast as
 * 100. Each row is one line of text segments; every cell is made inert and fitted to width.
 */
function TableImpl<Row>(props: TableProps<Row>) {
	const theme = useTheme();
	const {columns, rows, cursor, height, width, isMarked, rowRole, emptyText, footer, isFocused = true} = props;
	const layout = useMemo(() => layoutColumns(columns, width), [columns, width]);
	const offsetRef = useRef(0);
	const offset = scrollOffset(offsetRef.current, cursor, height, rows.length);
	offsetRef.current = offset;
	const visible = rows.slice(offset, offset + height);
	const header = layout.map(({column, width: size}) => fit(column.header, size, column.align)).join(' ');
	const position = rows.length > height ? ` ${cursor + 1}/${rows.length}` : '';
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={theme.color('text.secondary')} wrap="truncate">
				{'  '}
				{fit(header, Math.max(0, width - 2 - position.length))}
				{position}
			</Text>
			{rows.length === 0 ? (
				<Text color={theme.color('text.muted')}>{`  ${emptyText ?? 'nothing to show'}`}</Text>
			) : (
				visible.map((row, index) => {
					const absolute = offset + index;
					return <TableRow key={absolute} row={row} selected={absolute === cursor && isFocused} marked={isMarked?.(row) ?? false} layout={layout} rowRole={rowRole} />;
				})
			)}
			{footer ? (
				<Text bold wrap="truncate">
					{'  '}
					{footer(width - 2, layout)}
				</Text>
			) : null}
		</Box>
	);
}

export const Table = memo(TableImpl) as typeof TableImpl;
