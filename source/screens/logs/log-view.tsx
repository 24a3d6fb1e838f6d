import React, {useRef} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import type {LogLine} from '../../data/logs.js';
import {layoutRows, windowStart, type LayoutOptions} from './log-rows.js';

/**
 * The lines of the log panel, newest at the bottom, with the cursor line drawn inverse (one
 * segment, as the tables draw their selection) and search hits in bold underline, which reads
 * without colour too. The window keeps its first line (by id) across renders, so lines
 * arriving below or loaded above do not shift what is on screen.
 */
export function LogView({lines, cursor, height, options}: {readonly lines: readonly LogLine[]; readonly cursor: number; readonly height: number; readonly options: LayoutOptions}) {
	const theme = useTheme();
	const first = useRef<string | undefined>(undefined);
	const previous = first.current === undefined ? 0 : lines.findIndex(line => line.id === first.current);
	const start = windowStart(lines, cursor, previous === -1 ? 0 : previous, height, options);
	first.current = lines[start]?.id;
	const rows = layoutRows(lines, start, height, options);
	return (
		<Box flexDirection="column" height={height}>
			{rows.map((row, index) => {
				const selected = row.line === cursor;
				const gutter = selected && row.first ? '›' : ' ';
				if (selected) {
					return (
						<Text key={`${row.line}/${index}`} wrap="truncate" inverse color={theme.color('row.selected')}>
							{gutter}
							{row.prefix}
							{row.segments.map(segment => segment.text).join('')}
						</Text>
					);
				}
				return (
					<Text key={`${row.line}/${index}`} wrap="truncate">
						{gutter}
						<Text color={theme.color('text.muted')}>{row.prefix}</Text>
						{row.segments.map((segment, part) =>
							segment.hit ? (
								<Text key={part} bold underline color={theme.color('status.warn')}>
									{segment.text}
								</Text>
							) : (
								segment.text
							),
						)}
					</Text>
				);
			})}
		</Box>
	);
}
