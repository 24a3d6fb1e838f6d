import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {fit, safe} from '../../domain/format/text.js';
import {shortDigest} from '../../domain/format/units.js';
import type {Disagreement, SideOutcome} from './compare.js';
import type {CompareState} from './use-compare.js';

const KIND = {'only-aws': 'only AWS acts', 'only-local': 'only ecrtui acts', different: 'different rule'} as const;

function side(outcome: SideOutcome | undefined): string {
	return outcome ? `${outcome.action} #${outcome.rulePriority}` : '—';
}

export type CompareViewProps = {
	readonly state: CompareState;
	readonly onCancel: () => void;
	readonly onClose: () => void;
	readonly onRerun: () => void;
	readonly height: number;
	readonly width: number;
};

/** Seconds since `startedAt`, re-rendered every second while running. */
function useElapsed(startedAt: number | undefined): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		if (startedAt === undefined) return;
		const timer = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(timer);
	}, [startedAt]);
	return startedAt === undefined ? 0 : Math.max(0, Math.round((now - startedAt) / 1000));
}

/**
 * AWS's own preview against ours: a progress line while AWS works (status, elapsed, Esc
 * cancels), then either "AWS agrees" or the disagreements side by side.
 */
export function CompareView({state, onCancel, onClose, onRerun, height, width}: CompareViewProps) {
	const theme = useTheme();
	const [offset, setOffset] = useState(0);
	const elapsed = useElapsed(state.status === 'running' ? state.startedAt : undefined);
	const rows: readonly Disagreement[] = state.status === 'done' ? state.comparison.disagreements : [];
	const body = Math.max(1, height - 4);
	useKeyLayer(
		({input, key}) => {
			if (key.escape) {
				if (state.status === 'running') onCancel();
				else onClose();
			} else if (input === 'w' && state.status !== 'running') onRerun();
			else if (key.downArrow || input === 'j') setOffset(value => Math.min(Math.max(0, rows.length - body), value + 1));
			else if (key.upArrow || input === 'k') setOffset(value => Math.max(0, value - 1));
			else return state.status === 'running';
			return true;
		},
		{priority: LAYER.overlay - 1},
	);
	const title = <Text bold color={theme.color('text.accent')}>Compare with AWS (StartLifecyclePolicyPreview / GetLifecyclePolicyPreview)</Text>;
	if (state.status === 'running' || state.status === 'idle') {
		return (
			<Box flexDirection="column" height={height} width={width}>
				{title}
				<Text color={theme.color('status.pending')}>
					⟳ AWS preview {state.status === 'running' ? state.awsStatus : 'starting'} · {elapsed} s · Esc cancels
				</Text>
				<Text color={theme.color('text.muted')} wrap="wrap">
					AWS evaluates the draft on its side (usually seconds; up to a couple of minutes on big repositories). The local dry run was taken when you pressed w.
				</Text>
			</Box>
		);
	}
	if (state.status === 'error') {
		return (
			<Box flexDirection="column" height={height} width={width}>
				{title}
				<Text color={theme.color('status.error')} wrap="wrap">
					✖ {safe(state.message)}
				</Text>
				<Text color={theme.color('text.muted')}>w try again · Esc close</Text>
			</Box>
		);
	}
	const {comparison} = state;
	if (comparison.disagreements.length === 0) {
		return (
			<Box flexDirection="column" height={height} width={width}>
				{title}
				<Text color={theme.color('status.ok')} bold>
					✓ AWS agrees: {comparison.agreed} image{comparison.agreed === 1 ? '' : 's'} ({state.awsExpiring} expire, {state.awsTransitioning} to archive), same action and rule for each · {state.seconds} s
				</Text>
				<Text color={theme.color('text.muted')}>w run again · Esc close</Text>
			</Box>
		);
	}
	const tagWidth = Math.max(10, width - 14 - 13 - 14 * 2 - 6);
	return (
		<Box flexDirection="column" height={height} width={width} overflow="hidden">
			{title}
			<Text color={theme.color('status.warn')} bold wrap="truncate">
				⚠ {comparison.disagreements.length} disagreement{comparison.disagreements.length === 1 ? '' : 's'}: AWS acts on {comparison.awsCount}, ecrtui on {comparison.localCount}, {comparison.agreed} agree · ↑↓ scroll · Esc close
			</Text>
			<Text bold color={theme.color('text.secondary')} wrap="truncate">
				{`  ${fit('', 14)} ${fit('TAGS', tagWidth)} ${fit('DIGEST', 12)} ${fit('AWS', 14)} ${fit('ECRTUI', 14)}`}
			</Text>
			{rows.slice(offset, offset + body).map(row => (
				<Text key={row.digest} wrap="truncate">
					{'  '}
					<Text color={theme.color('status.warn')}>{fit(KIND[row.kind], 14)}</Text> {fit(safe(row.tags.join(', ') || '<untagged>'), tagWidth)} {fit(shortDigest(row.digest), 12)} {fit(side(row.aws), 14)} {fit(side(row.local), 14)}
				</Text>
			))}
		</Box>
	);
}
