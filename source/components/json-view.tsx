import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../app/context.js';
import {LAYER, useKeyLayer} from '../app/keys/dispatch.js';
import {useModal} from '../app/ui-state.js';
import {inert, truncate} from '../domain/format/text.js';
import {scrolledOffset} from './scroll-keys.js';

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
		event => {
			const {input, key} = event;
			if (key.escape || input === 'y' || input === 'q') onClose();
			else setOffset(current => scrolledOffset(event, current, body, maxOffset) ?? current);
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
