import React, {useRef} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {scrollOffset} from '../../components/table/layout.js';
import {fit, inert} from '../../domain/format/text.js';
import type {LifecycleProblem} from '../../domain/lifecycle/index.js';
import type {RuleRow} from './rule-edit.js';

export type RulesListProps = {
	readonly rows: readonly RuleRow[];
	readonly cursor: number;
	readonly problems: readonly LifecycleProblem[];
	readonly height: number;
	readonly width: number;
	readonly isFocused: boolean;
};

/** The worst problem severity per rule index, from problem paths (`$.rules[2]...`). */
export function ruleSeverities(problems: readonly LifecycleProblem[]): Map<number, 'error' | 'warning'> {
	const out = new Map<number, 'error' | 'warning'>();
	for (const problem of problems) {
		const match = /^\$\.rules\[(\d+)\]/.exec(problem.path);
		if (!match) continue;
		const index = Number(match[1]);
		if (problem.severity === 'error' || !out.has(index)) out.set(index, problem.severity);
	}
	return out;
}

/** The rules in the order AWS applies them: priority, selection, count, action, description. */
export function RulesList({rows, cursor, problems, height, width, isFocused}: RulesListProps) {
	const theme = useTheme();
	const severities = ruleSeverities(problems);
	const offsetRef = useRef(0);
	const body = Math.max(1, height - 1);
	const offset = scrollOffset(offsetRef.current, cursor, body, rows.length);
	offsetRef.current = offset;
	const selectionWidth = Math.max(10, Math.min(24, Math.floor((width - 40) / 2)));
	const header = `   ${fit('#', 4)}${fit('SELECTS', selectionWidth)} ${fit('WHEN', 18)} ${fit('ACTION', 7)} DESCRIPTION`;
	if (rows.length === 0) {
		return (
			<Box flexDirection="column" height={height}>
				<Text color={theme.color('text.muted')}>No rules yet: t picks a template, a adds a rule.</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.color('text.secondary')} wrap="truncate">
				{fit(header, width)}
			</Text>
			{rows.slice(offset, offset + body).map((row, k) => {
				const position = offset + k;
				const selected = position === cursor && isFocused;
				const severity = severities.get(row.index);
				const mark = severity === 'error' ? '✖' : severity === 'warning' ? '⚠' : ' ';
				const line = `${fit(String(row.priority ?? '?'), 4)}${fit(inert(row.selection), selectionWidth)} ${fit(row.count, 18)} ${fit(row.action, 7)} ${inert(row.description)}`;
				return (
					<Text key={row.index} wrap="truncate" inverse={selected}>
						{position === cursor ? '›' : ' '}
						<Text color={severity === 'error' ? theme.color('status.error') : severity ? theme.color('status.warn') : undefined}>{mark}</Text>
						{' '}
						{fit(line, Math.max(0, width - 3))}
					</Text>
				);
			})}
		</Box>
	);
}
