import React from 'react';
import {Box, Text} from 'ink';
import type {Problem, ProblemKind} from '../data/problems.js';
import {useTheme} from '../app/context.js';
import {safe} from '../domain/format/text.js';

const labels: Record<ProblemKind, string> = {
	'access-denied': 'access denied',
	throttled: 'throttled',
	'expired-credentials': 'credentials expired',
	'no-credentials': 'no credentials',
	'no-region': 'no region',
	'not-found': 'not found',
	network: 'AWS unreachable',
	server: 'AWS error',
	'invalid-request': 'request rejected',
	cancelled: 'cancelled',
	unknown: 'error',
};

/**
 * One line for a problem next to data that is still shown: whether that data is stale, what
 * went wrong in a word, and the next step (which names the fix, the missing permission and
 * its resource). Leads with the fix because a narrow terminal truncates the end; the full
 * text is in the error panel and the `!` view.
 */
export function problemNote(problem: Problem, {stale = true, subject}: {stale?: boolean; subject?: string} = {}): string {
	return safe(`⚠ ${stale ? 'stale, showing cached data · ' : ''}${subject ? `${subject}: ` : ''}${labels[problem.kind]}: ${problem.next}`);
}

/** What failed, why, and the next step, in a pane; never a stack trace. */
/** The next step of a problem, with the retry key named when retrying may help. */
export function nextStep(problem: Problem): string {
	return `${problem.next}${problem.retryable && !problem.next.includes('Ctrl-R') ? ' (Ctrl-R retries)' : ''}`;
}

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
				→ {safe(nextStep(problem))}
			</Text>
		</Box>
	);
}
