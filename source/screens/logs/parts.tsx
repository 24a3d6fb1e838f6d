import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import type {LogSource} from '../../data/logs.js';
import {MAX_MATCHES} from '../../data/logs-resources.js';
import {problemNote} from '../../components/error-panel.js';
import {wrapLine} from '../../components/text-panel.js';
import {safe, truncate} from '../../domain/format/text.js';
import type {Message} from './source-state.js';
import type {LogsScreenModel} from './use-logs-screen.js';

/** Explanatory text in place of log lines (not started, unreadable, denied, empty), wrapped at spaces. */
export function MessageBox({messages, height, width}: {readonly messages: readonly Message[]; readonly height: number; readonly width: number}) {
	const theme = useTheme();
	const rows = messages.flatMap((message, index) => wrapLine(safe(message.text), width - 2).map((text, part) => ({key: `${index}/${part}`, text, message})));
	return (
		<Box flexDirection="column" height={height} overflow="hidden" paddingLeft={1}>
			{rows.slice(0, height).map(({key, text, message}) => (
				<Text key={key} wrap="truncate" bold={message.bold} color={message.role ? theme.color(message.role) : undefined}>
					{text}
				</Text>
			))}
		</Box>
	);
}

/** One tab per container; those not readable here are marked ⊘. */
export function SourceTabs({sources, index, width}: {readonly sources: readonly LogSource[]; readonly index: number; readonly width: number}) {
	const theme = useTheme();
	if (sources.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate">
			{sources.map((source, position) => {
				const label = ` ${position + 1} ${truncate(safe(source.container), Math.max(8, Math.floor(width / Math.max(1, sources.length)) - 6))}${source.kind === 'cloudwatch' ? '' : ' ⊘'} `;
				return position === index ? (
					<Text key={position} inverse bold color={theme.color('text.accent')}>
						{label}
					</Text>
				) : (
					<Text key={position} color={theme.color(source.kind === 'cloudwatch' ? 'text.secondary' : 'text.muted')}>
						{label}
					</Text>
				);
			})}
			{sources.length > 1 ? <Text color={theme.color('text.muted')}> Tab: next container</Text> : null}
		</Text>
	);
}

/** The bottom line: follow state and position, or the search summary, or why the lines are stale. */
export function StatusLine({model, width}: {readonly model: LogsScreenModel; readonly width: number}) {
	const theme = useTheme();
	const {lines, cursor} = model;
	if (model.searchText !== undefined) {
		const result = model.search.data;
		const count = result ? `${lines.length} match${lines.length === 1 ? '' : 'es'}${result.more ? ` (newest ${MAX_MATCHES}; more exist)` : ''}` : 'searching…';
		const where = model.readable.length > 1 ? ` in ${model.readable.length} containers` : '';
		const missing = result && result.missing.length > 0 ? ` · no log group for ${result.missing.join(', ')}` : '';
		return (
			<Text wrap="truncate" color={theme.color('text.accent')}>
				{truncate(`/ ${safe(result?.pattern ?? model.searchText)}: ${count}${where} · Esc clears${missing}`, width)}
			</Text>
		);
	}
	// Lines on screen but the last refresh failed: say so first, with the fix.
	const problem = lines.length > 0 ? (model.tail.problem ?? model.taskState.problem) : undefined;
	if (problem) {
		return (
			<Text wrap="truncate" color={theme.color('status.warn')}>
				{problemNote(problem, {subject: model.tail.problem ? 'logs' : 'task'})}
			</Text>
		);
	}
	const tail = model.tail.data;
	const position = lines.length > 0 ? ` · line ${cursor + 1}/${lines.length}` : '';
	const top = tail && cursor === 0 && lines.length > 0 ? (tail.atHead ? ' · first line of the stream' : ' · ↑ reads older lines') : '';
	const dropped = tail && tail.dropped > 0 ? ` · ${tail.dropped} older lines let go` : '';
	return (
		<Text wrap="truncate">
			{model.follow ? (
				<Text color={theme.color('status.ok')}>● following ({model.followMs / 1000}s){model.tail.refreshing ? ' ⟳' : ''}</Text>
			) : (
				<Text color={theme.color('text.muted')}>○ paused (f follows)</Text>
			)}
			<Text color={theme.color('text.secondary')}>
				{position}
				{top}
				{dropped}
			</Text>
			<Text color={theme.color('text.muted')}> · / search · w wrap · t time</Text>
		</Text>
	);
}
