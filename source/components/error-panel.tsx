import React from 'react';
import {Box, Text} from 'ink';
import type {Problem} from '../data/problems.js';
import {useTheme} from '../app/context.js';
import {safe} from '../domain/format/text.js';

/** What failed, why, and the next step, in a pane; never a stack trace. */
export function ErrorPanel({problem, compact = false}: {readonly problem: Problem; readonly compact?: boolean}) {
	const theme = useTheme();
	const icon = problem.kind === 'access-denied' ? '⛔' : problem.kind === 'throttled' ? '⏳' : '✖';
	if (compact) {
		return (
			<Text color={theme.color('status.error')} wrap="truncate-end">
				{icon} {safe(problem.what)}: {safe(problem.why)}
			</Text>
		);
	}
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('status.error')} paddingX={1}>
			<Text bold color={theme.color('status.error')}>
				{icon} {safe(problem.what)} failed
			</Text>
			<Text wrap="wrap">{safe(problem.why)}</Text>
			<Text color={theme.color('text.accent')} wrap="wrap">
				→ {safe(problem.next)}
				{problem.retryable ? ' (Ctrl-R retries)' : ''}
			</Text>
		</Box>
	);
}
