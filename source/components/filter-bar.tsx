import React from 'react';
import {Text} from 'ink';
import {TextInput} from './text-input.js';
import {useTheme} from '../app/context.js';

/**
 * The `/` filter line under a table: live while typing; Enter keeps the filter, Esc clears it.
 * When closed with a filter set, it stays visible as a reminder.
 */
export function FilterBar({editing, view, total, onClose}: {
	readonly editing: boolean;
	/** The table view the filter applies to (its filter text and the rows it matched). */
	readonly view: {readonly filter: string; setFilter(text: string): void; readonly rows: readonly unknown[]};
	/** Rows before filtering. */
	readonly total: number;
	/** Leaves editing mode; Esc has already cleared the filter by then. */
	readonly onClose: () => void;
}) {
	const theme = useTheme();
	const value = view.filter;
	const matched = view.rows.length;
	const onChange = view.setFilter;
	const onDone = (keep: boolean) => {
		if (!keep) view.setFilter('');
		onClose();
	};
	if (editing) {
		return (
			<Text wrap="truncate">
				<TextInput prompt="/" value={value} onChange={onChange} onSubmit={() => onDone(true)} onCancel={() => onDone(false)} placeholder="filter (!text excludes)" />
				<Text color={theme.color('text.muted')}>
					{'  '}
					{matched}/{total} · Enter keep · Esc clear
				</Text>
			</Text>
		);
	}
	if (!value) return null;
	return (
		<Text color={theme.color('text.accent')} wrap="truncate">
			filter: {value} ({matched}/{total}) · / edit · Esc clears
		</Text>
	);
}
