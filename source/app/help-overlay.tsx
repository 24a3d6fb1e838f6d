import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from './context.js';
import {formatKey, visibleActions, type ActionSpec} from './keys/actions.js';
import {useScreenActions} from './keys/use-keymap.js';
import {globalActions} from './keys/global-keys.js';
import {LAYER, useKeyLayer} from './keys/dispatch.js';
import {inert} from '../domain/format/text.js';

type Line = {kind: 'heading' | 'text' | 'key'; text: string; keys?: string};

function linesFor(actions: readonly ActionSpec[], readOnly: boolean): Line[] {
	const groups = new Map<string, ActionSpec[]>();
	for (const action of visibleActions(actions, readOnly)) {
		const group = action.group ?? 'Actions';
		groups.set(group, [...(groups.get(group) ?? []), action]);
	}
	const lines: Line[] = [];
	for (const [group, list] of groups) {
		lines.push({kind: 'heading', text: group});
		for (const action of list) lines.push({kind: 'key', keys: action.keys.map(formatKey).join(' '), text: action.title});
	}
	return lines;
}

/**
 * `?`: what this screen shows, then its keys and the global keys, all read from the same
 * action tables the keys are bound from. Destructive keys are left out in read-only mode.
 */
export function HelpOverlay({height, width, onClose}: {readonly height: number; readonly width: number; readonly onClose: () => void}) {
	const {theme, session} = useServices();
	const screen = useScreenActions();
	const [offset, setOffset] = useState(0);
	const lines: Line[] = [
		// Screen titles name AWS resources ("Images of <repository>"): made inert like the rest.
		{kind: 'heading', text: inert(screen?.title ?? 'ecrtui')},
		...(screen?.about ?? '').split('\n').map(text => ({kind: 'text' as const, text: inert(text)})),
		...(session.readOnly ? [{kind: 'text' as const, text: 'Read-only mode: destructive keys are disabled and hidden.'}] : []),
		...linesFor(screen?.actions ?? [], session.readOnly),
		...linesFor(globalActions, session.readOnly),
		{kind: 'text', text: 'Filter: / then text (!text excludes); Esc clears.'},
	];
	const body = Math.max(3, height - 3);
	const maxOffset = Math.max(0, lines.length - body);
	useKeyLayer(
		({input, key}) => {
			if (key.escape || input === '?' || input === 'q') onClose();
			else if (key.downArrow || input === 'j') setOffset(value => Math.min(maxOffset, value + 1));
			else if (key.upArrow || input === 'k') setOffset(value => Math.max(0, value - 1));
			else if (key.pageDown || input === ' ') setOffset(value => Math.min(maxOffset, value + body));
			else if (key.pageUp) setOffset(value => Math.max(0, value - body));
			return true;
		},
		{priority: LAYER.overlay},
	);
	const keyWidth = Math.min(22, Math.max(8, ...lines.filter(line => line.kind === 'key').map(line => line.keys?.length ?? 0)) + 1);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border.focus')} paddingX={1} width={width} height={height}>
			{lines.slice(offset, offset + body).map((line, index) =>
				line.kind === 'heading' ? (
					<Text key={index} bold color={theme.color('text.accent')} wrap="truncate">
						{line.text}
					</Text>
				) : line.kind === 'key' ? (
					<Text key={index} wrap="truncate">
						<Text color={theme.color('status.warn')}>{(line.keys ?? '').padEnd(keyWidth)}</Text>
						{line.text}
					</Text>
				) : (
					<Text key={index} wrap="truncate">
						{line.text}
					</Text>
				),
			)}
			<Text color={theme.color('text.muted')}>
				{maxOffset > 0 ? `↑↓ scroll (${offset + 1}-${Math.min(lines.length, offset + body)} of ${lines.length}) · ` : ''}Esc or ? closes
			</Text>
		</Box>
	);
}
