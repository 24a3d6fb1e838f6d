import type {LogLine} from '../../data/logs.js';
import {inert, truncate, width as textWidth} from '../../domain/format/text.js';
import {segments, type Segment} from './highlight.js';

/**
 * Log lines laid out as terminal rows: one row per line (cut at the width) or, wrapped, as
 * many as the line needs; a time (and, for search results, the container) before each. The
 * window of lines on screen keeps the cursor visible and stays put while it can, so new lines
 * arriving below do not move what the reader is looking at. Log text is untrusted: it is made
 * inert (escape sequences and control characters removed) before anything measures it.
 */
export type LayoutOptions = {
	width: number;
	wrap: boolean;
	timestamps: boolean;
	/** Prefix each line with its container (search results over several containers). */
	labels: boolean;
	terms: readonly RegExp[];
	/** The lines span more than one UTC day: times carry the date. */
	withDate: boolean;
};

export type Row = {line: number; first: boolean; prefix: string; segments: Segment[]};

const pad = (value: number) => String(value).padStart(2, '0');

/** `08:59:58`, or `11-28 08:59:58` when the view spans days (UTC, as CloudWatch stores it). */
export function formatTime(timestamp: number, withDate: boolean): string {
	const date = new Date(timestamp);
	const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
	return withDate ? `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}` : time;
}

/** Whether the lines fall on more than one UTC day. */
export function spansDays(lines: readonly LogLine[]): boolean {
	const first = lines[0];
	const last = lines.at(-1);
	return first !== undefined && last !== undefined && Math.floor(first.timestamp / 86_400_000) !== Math.floor(last.timestamp / 86_400_000);
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * Cuts text into rows of at most `size` cells: at the last space when one is far enough
 * along, otherwise hard (long tokens, URLs); a wide character is never split.
 */
export function hardWrap(text: string, size: number): string[] {
	const limit = Math.max(1, size);
	if (textWidth(text) <= limit) return [text];
	const out: string[] = [];
	let current: string[] = [];
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const cells = textWidth(segment);
		if (used + cells > limit && current.length > 0) {
			const space = current.lastIndexOf(' ');
			const cut = space > current.length / 3 ? space + 1 : current.length;
			out.push(current.slice(0, cut).join('').trimEnd());
			current = current.slice(cut);
			used = textWidth(current.join(''));
		}
		current.push(segment);
		used += cells;
	}
	if (current.length > 0) out.push(current.join(''));
	return out;
}

function prefixOf(line: LogLine, options: LayoutOptions): string {
	const time = options.timestamps ? `${formatTime(line.timestamp, options.withDate)} ` : '';
	const label = options.labels && line.container ? `[${inert(line.container)}] ` : '';
	return `${time}${label}`;
}

/** The rows of one line. */
export function rowsOfLine(line: LogLine, index: number, options: LayoutOptions): Row[] {
	const prefix = prefixOf(line, options);
	const room = Math.max(8, options.width - textWidth(prefix));
	const text = inert(line.text);
	if (!options.wrap) return [{line: index, first: true, prefix, segments: segments(truncate(text, room), options.terms)}];
	return hardWrap(text, room).map((piece, part) => ({line: index, first: part === 0, prefix: part === 0 ? prefix : ' '.repeat(textWidth(prefix)), segments: segments(piece, options.terms)}));
}

/** How many rows a line takes. */
export function heightOf(line: LogLine, options: LayoutOptions): number {
	if (!options.wrap) return 1;
	const room = Math.max(8, options.width - textWidth(prefixOf(line, options)));
	return Math.max(1, Math.ceil(textWidth(inert(line.text)) / room));
}

/**
 * The first line on screen: the previous one while the cursor is still visible from it,
 * otherwise the one that puts the cursor at the top (moving up) or the bottom (moving down).
 */
export function windowStart(lines: readonly LogLine[], cursor: number, previous: number, height: number, options: LayoutOptions): number {
	if (lines.length === 0) return 0;
	const start = Math.min(Math.max(0, previous), lines.length - 1);
	if (cursor < start) return cursor;
	let used = 0;
	for (let index = start; index <= cursor; index++) used += heightOf(lines[index]!, options);
	if (used <= height) return start;
	let first = cursor;
	used = heightOf(lines[cursor]!, options);
	while (first > 0 && used + heightOf(lines[first - 1]!, options) <= height) {
		first--;
		used += heightOf(lines[first]!, options);
	}
	return first;
}

/** The rows shown from line `start` on, at most `height` of them. */
export function layoutRows(lines: readonly LogLine[], start: number, height: number, options: LayoutOptions): Row[] {
	const rows: Row[] = [];
	for (let index = start; index < lines.length && rows.length < height; index++) rows.push(...rowsOfLine(lines[index]!, index, options));
	return rows.slice(0, height);
}
