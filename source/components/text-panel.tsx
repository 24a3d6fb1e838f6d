import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../app/context.js';
import {LAYER, useKeyLayer} from '../app/keys/dispatch.js';
import type {Role} from '../app/theme/tokens.js';
import {inert, width as textWidth} from '../domain/format/text.js';
import {scrolledOffset} from './scroll-keys.js';

/** One logical line of a panel; long lines wrap to the panel's width. */
export type PanelLine = {readonly text: string; readonly role?: Role; readonly bold?: boolean; readonly indent?: number};

/** Wraps a line at spaces (or hard, for long tokens such as ARNs) to `size` cells. */
export function wrapLine(text: string, size: number, indent = 0): string[] {
	const limit = Math.max(8, size);
	const out: string[] = [];
	let rest = inert(text);
	let first = true;
	while (rest.length > 0) {
		const room = first ? limit : limit - indent;
		if (textWidth(rest) <= room) {
			out.push(rest);
			break;
		}
		let cut = rest.lastIndexOf(' ', room);
		if (cut <= room / 3) cut = room;
		out.push(rest.slice(0, cut));
		rest = `${' '.repeat(indent)}${rest.slice(cut).trimStart()}`;
		first = false;
	}
	return out.length === 0 ? [''] : out;
}

/**
 * A scrollable block of wrapped text (details, service events, the diagnosis report). As an
 * overlay it takes every key (Esc closes); on the screen layer it scrolls and lets the
 * screen's own keys through. AWS text is made inert before it is drawn.
 */
export function TextPanel({
	title,
	lines,
	height,
	width,
	onClose,
	layer = 'overlay',
	isActive = true,
	hint = 'Esc close · ↑↓ PgUp PgDn scroll',
}: {
	readonly title?: string;
	readonly lines: readonly PanelLine[];
	readonly height: number;
	readonly width: number;
	readonly onClose?: () => void;
	/** `overlay`: the panel owns the keyboard; `screen`: unhandled keys reach the screen. */
	readonly layer?: 'overlay' | 'screen';
	readonly isActive?: boolean;
	readonly hint?: string;
}) {
	const theme = useTheme();
	const inner = Math.max(10, width - 4);
	const wrapped = useMemo(() => lines.flatMap(line => wrapLine(`${' '.repeat(line.indent ?? 0)}${line.text}`, inner, (line.indent ?? 0) + 2).map(text => ({...line, text}))), [lines, inner]);
	const chrome = (title === undefined ? 0 : 1) + 1 + 2;
	const body = Math.max(1, height - chrome);
	const [offset, setOffset] = useState(0);
	const maxOffset = Math.max(0, wrapped.length - body);
	const top = Math.min(offset, maxOffset);
	useKeyLayer(
		event => {
			if (event.key.escape && onClose) {
				onClose();
				return true;
			}
			const next = scrolledOffset(event, top, body, maxOffset);
			if (next === undefined) return layer === 'overlay';
			setOffset(next);
			return true;
		},
		{priority: layer === 'overlay' ? LAYER.overlay : LAYER.screen + 1, isActive},
	);
	const position = wrapped.length > body ? ` ${top + 1}-${Math.min(wrapped.length, top + body)}/${wrapped.length}` : '';
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border.focus')} width={width} height={height} paddingX={1}>
			{title === undefined ? null : (
				<Text bold color={theme.color('text.accent')} wrap="truncate">
					{inert(title)}
				</Text>
			)}
			{wrapped.slice(top, top + body).map((line, index) => (
				<Text key={top + index} wrap="truncate" bold={line.bold} color={line.role ? theme.color(line.role) : undefined}>
					{line.text === '' ? ' ' : line.text}
				</Text>
			))}
			<Box flexGrow={1} />
			<Text color={theme.color('text.muted')} wrap="truncate">
				{hint}
				{position}
			</Text>
		</Box>
	);
}
