import React from 'react';
import {Text} from 'ink';
import {TextInput} from './text-input.js';
import {useTheme} from '../app/context.js';

/**
 * The `/` filter line under a table: live while typing; Enter keeps the filter, Esc clears it.
 * When closed with a filter set, it stays visible as a reminder.
 */
export function FilterBar({editing, value, onChange, onDone, matched, total}: {
	readonly editing: boolean;
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly onDone: (keep: boolean) => void;
	readonly matched: number;
	readonly total: number;
}) {
	const theme = useTheme();
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
