import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {useModal} from '../../app/ui-state.js';
import {EXPORT_FORMATS, type ExportFormat} from '../../domain/lifecycle-export/index.js';
import {inert, safe, truncate} from '../../domain/format/text.js';
import type {ScreenAction} from './state.js';

const LABELS: Record<ExportFormat, string> = {json: 'JSON', terraform: 'Terraform', cloudformation: 'CloudFormation'};

const NOTES: Record<ExportFormat, (repository: string) => string> = {
	json: repository => `aws ecr put-lifecycle-policy --repository-name ${repository} --lifecycle-policy-text file://policy.json`,
	terraform: () => 'resource aws_ecr_lifecycle_policy (hashicorp/aws): repository + policy = jsonencode(...)',
	cloudformation: () => 'AWS::ECR::Repository Properties.LifecyclePolicy.LifecyclePolicyText (merge into your template)',
};

export type ExportViewProps = {
	readonly repository: string;
	readonly format: ExportFormat;
	readonly text: string;
	/** Why the export may not be what AWS accepts (the draft has errors). */
	readonly warning?: string;
	readonly dispatch: (action: ScreenAction) => void;
	readonly onCopy: () => void;
	readonly height: number;
	readonly width: number;
};

/** `e`: the draft as JSON, Terraform or CloudFormation, scrollable; `c` copies the one shown. */
export function ExportView({repository, format, text, warning, dispatch, onCopy, height, width}: ExportViewProps) {
	const theme = useTheme();
	useModal();
	const lines = text.replace(/\n$/, '').split('\n');
	const reserved = warning ? 4 : 3;
	const body = Math.max(1, height - reserved);
	const max = Math.max(0, lines.length - body);
	// The panel's own scroll position: it starts at the top, and again for each format.
	const [offset, setOffset] = useState(0);
	useEffect(() => setOffset(0), [format]);
	const scroll = (delta: number) => setOffset(current => Math.max(0, Math.min(max, current + delta)));
	useKeyLayer(
		({input, key}) => {
			if (key.escape || input === 'e' || input === 'q') dispatch({type: 'panel', panel: 'main'});
			else if (key.rightArrow || key.tab || input === 'l') dispatch({type: 'export-format', step: 1, count: EXPORT_FORMATS.length});
			else if (key.leftArrow || input === 'h') dispatch({type: 'export-format', step: -1, count: EXPORT_FORMATS.length});
			else if (key.downArrow || input === 'j') scroll(1);
			else if (key.upArrow || input === 'k') scroll(-1);
			else if (key.pageDown || input === ' ') scroll(body);
			else if (key.pageUp) scroll(-body);
			else if (input === 'g') scroll(-lines.length);
			else if (input === 'G') scroll(lines.length);
			else if (input === 'c') onCopy();
			return true;
		},
		{priority: LAYER.overlay},
	);
	const start = Math.min(offset, max);
	return (
		<Box flexDirection="column" height={height} width={width} overflow="hidden">
			<Text wrap="truncate">
				{EXPORT_FORMATS.map(item => (
					<Text key={item} inverse={item === format} bold={item === format} color={item === format ? theme.color('text.accent') : theme.color('text.secondary')}>
						{` ${LABELS[item]} `}
					</Text>
				))}
				<Text color={theme.color('text.muted')}> ←/→ format · ↑↓ scroll · c copy · Esc close</Text>
			</Text>
			<Text wrap="truncate" color={theme.color('text.secondary')}>
				{safe(NOTES[format](repository), width)}
			</Text>
			{warning ? (
				<Text wrap="truncate" color={theme.color('status.warn')}>
					⚠ {safe(warning, width - 2)}
				</Text>
			) : null}
			{lines.slice(start, start + body).map((line, index) => (
				<Text key={start + index} wrap="truncate">
					{/* An empty Text has no height in Ink: keep blank lines as a space. */}
					{truncate(inert(line), width) || ' '}
				</Text>
			))}
			<Text wrap="truncate" color={theme.color('text.muted')}>
				{max > 0 ? `lines ${start + 1}-${Math.min(lines.length, start + body)} of ${lines.length}` : `${lines.length} lines`}
			</Text>
		</Box>
	);
}
