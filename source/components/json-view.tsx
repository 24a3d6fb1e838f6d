import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../app/context.js';
import {LAYER, useKeyLayer} from '../app/keys/dispatch.js';
import {useModal} from '../app/ui-state.js';
import {inert, truncate} from '../domain/format/text.js';

/** `y`: the raw JSON of the selected item, scrollable, values made inert. */
export function JsonView({title, value, height, width, onClose}: {readonly title: string; readonly value: unknown; readonly height: number; readonly width: number; readonly onClose: () => void}) {
	const theme = useTheme();
	useModal();
	// Split the pretty JSON first: inert() turns newlines into spaces.
	const safeLines = useMemo(() => (JSON.stringify(value, null, 2) ?? 'undefined').split('\n').map(line => inert(line)), [value]);
	const body = Math.max(1, height - 3);
	const [offset, setOffset] = useState(0);
	const maxOffset = Math.max(0, safeLines.length - body);
	useKeyLayer(
		({input, key}) => {
			if (key.escape || input === 'y' || input === 'q') onClose();
			else if (key.downArrow || input === 'j') setOffset(value => Math.min(maxOffset, value + 1));
			else if (key.upArrow || input === 'k') setOffset(value => Math.max(0, value - 1));
			else if (key.pageDown || input === ' ' || (key.ctrl && input === 'f')) setOffset(value => Math.min(maxOffset, value + body));
			else if (key.pageUp || (key.ctrl && input === 'b')) setOffset(value => Math.max(0, value - body));
			else if (input === 'g') setOffset(0);
			else if (input === 'G') setOffset(maxOffset);
			return true;
		},
		{priority: LAYER.overlay},
	);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border.focus')} width={width} height={height} paddingX={1}>
			<Text bold color={theme.color('text.accent')} wrap="truncate">
				{inert(title)} (JSON)
			</Text>
			{safeLines.slice(offset, offset + body).map((line, index) => (
				<Text key={offset + index} wrap="truncate">
					{truncate(line, width - 4)}
				</Text>
			))}
		</Box>
	);
}
