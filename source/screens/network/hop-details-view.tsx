import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {useModal} from '../../app/ui-state.js';
import type {DependencyPath, Hop} from '../../domain/network/types.js';
import {hopDetailLines} from './details.js';

/**
 * Enter on a hop: everything about it, scrollable: reason, evidence, the fix as an AWS CLI
 * command and as Terraform. `c` and `t` copy them from here too; Esc, Enter or q close.
 */
export function HopDetailsView({hop, path, height, width, onClose, onCopyCli, onCopyTerraform}: {
	readonly hop: Hop;
	readonly path: DependencyPath;
	readonly height: number;
	readonly width: number;
	readonly onClose: () => void;
	readonly onCopyCli: () => void;
	readonly onCopyTerraform: () => void;
}) {
	const theme = useTheme();
	useModal();
	const lines = useMemo(() => hopDetailLines(hop, path, width - 4, true), [hop, path, width]);
	const body = Math.max(1, height - 3);
	const [offset, setOffset] = useState(0);
	const maxOffset = Math.max(0, lines.length - body);
	useKeyLayer(
		({input, key}) => {
			if (key.escape || key.return || input === 'q') onClose();
			else if (input === 'c') onCopyCli();
			else if (input === 't') onCopyTerraform();
			else if (key.downArrow || input === 'j') setOffset(value => Math.min(maxOffset, value + 1));
			else if (key.upArrow || input === 'k') setOffset(value => Math.max(0, value - 1));
			else if (key.pageDown || input === ' ') setOffset(value => Math.min(maxOffset, value + body));
			else if (key.pageUp) setOffset(value => Math.max(0, value - body));
			else if (input === 'g') setOffset(0);
			else if (input === 'G') setOffset(maxOffset);
			return true;
		},
		{priority: LAYER.overlay},
	);
	const position = lines.length > body ? ` ${offset + 1}-${Math.min(lines.length, offset + body)}/${lines.length}` : '';
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border.focus')} width={width} height={height} paddingX={1}>
			<Text bold color={theme.color('text.accent')} wrap="truncate">
				Hop details{position} · c copy CLI · t copy Terraform · Esc close
			</Text>
			{lines.slice(offset, offset + body).map((line, index) => (
				<Text key={offset + index} wrap="truncate" color={line.role ? theme.color(line.role) : undefined} bold={line.bold === true}>
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
}
