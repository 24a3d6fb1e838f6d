import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import type {DeleteOutcome, DeleteProgress} from '../../data/delete-images.js';
import {bytes, shortDigest} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';

/** A progress bar while deleting; then the outcome with every failure listed. */
export function DeleteProgressView({progress, outcome, stopping, verb, width, height}: {
	readonly progress: DeleteProgress;
	readonly outcome?: DeleteOutcome;
	readonly stopping: boolean;
	readonly verb: string;
	readonly width: number;
	readonly height: number;
}) {
	const theme = useTheme();
	const barWidth = Math.max(10, Math.min(60, width - 30));
	const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
	const filled = Math.round(fraction * barWidth);
	if (!outcome) {
		return (
			<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border.focus')} paddingX={1}>
				<Text bold>{verb}…</Text>
				<Text>
					[{'█'.repeat(filled)}
					{'░'.repeat(barWidth - filled)}] {progress.done}/{progress.total}
				</Text>
				<Text>
					<Text color={theme.color('status.ok')}>✓ {progress.deleted} done</Text> · <Text color={progress.failed ? theme.color('status.error') : undefined}>✗ {progress.failed} failed</Text>
				</Text>
				{progress.retrying ? <Text color={theme.color('status.warn')}>⏳ {progress.retrying}</Text> : null}
				<Text color={theme.color('text.muted')}>{stopping ? 'stopping after the current chunk…' : 'Esc stops after the current chunk of 100'}</Text>
			</Box>
		);
	}
	const freed = outcome.deleted.reduce((sum, item) => sum + item.sizeInBytes, 0);
	const room = Math.max(1, height - 8);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={outcome.failed.length ? theme.color('status.warn') : theme.color('status.ok')} paddingX={1}>
			<Text bold>
				{outcome.cancelled ? 'Stopped. ' : 'Done. '}
				<Text color={theme.color('status.ok')}>
					✓ {outcome.deleted.length} {verb.toLowerCase().replace(/ing.*$/, 'ed')} ({bytes(freed)})
				</Text>
				{' · '}
				<Text color={outcome.failed.length ? theme.color('status.error') : undefined}>✗ {outcome.failed.length} failed</Text>
				{outcome.notAttempted.length ? ` · ${outcome.notAttempted.length} not attempted` : ''}
			</Text>
			{outcome.failed.slice(0, room).map(failure => (
				<Text key={failure.image.digest} wrap="truncate" color={theme.color('status.error')}>
					✗ {safe(failure.image.tags.join(', ') || shortDigest(failure.image.digest))}: {safe(failure.code)} — {safe(failure.reason)}
				</Text>
			))}
			{outcome.failed.length > room ? <Text>… and {outcome.failed.length - room} more failures (all in the audit log)</Text> : null}
			<Text color={theme.color('text.muted')}>The list is reloaded from AWS. Audit run {outcome.runId.slice(0, 8)} · Enter or Esc closes</Text>
		</Box>
	);
}
