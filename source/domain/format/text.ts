import stringWidth from 'string-width';

/**
 * Text from AWS (tags, reasons, descriptions) is untrusted: it may carry escape sequences that
 * would move the cursor or change the terminal. Everything shown goes through `inert()`.
 */

// ESC/CSI/OSC sequences, and every other C0/C1 control character except nothing: tabs and
// newlines become spaces so one value stays on one line.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g;
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and isolates can make text display in a misleading order
// ("Trojan Source"); they never belong in AWS names, so they are dropped.
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes escape sequences and control characters; keeps printable unicode. */
export function inert(text: string): string {
	return text.replace(escapeSequence, '').replace(bidiControl, '').replace(controlCharacter, char => (char === '\n' || char === '\t' || char === '\r' ? ' ' : '\uFFFD'));
}

// Printable ASCII is one cell per character: the common case (names, tags, digests) skips the
// grapheme segmentation string-width does, which was a fifth of the time of drawing a table.
const printableAscii = /^[\x20-\x7e]*$/;

/** Display width in terminal cells (CJK and emoji count double). */
export function width(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Truncates to `max` cells with an ellipsis, never splitting a wide character. */
export function truncate(text: string, max: number): string {
	if (max <= 0) return '';
	if (printableAscii.test(text)) return text.length <= max ? text : max === 1 ? '…' : `${text.slice(0, max - 1)}…`;
	if (width(text) <= max) return text;
	if (max === 1) return '…';
	let out = '';
	let used = 0;
	// By grapheme, not by code point: a code point alone can be narrower than in its cluster
	// (❤ is 1 cell, ❤ + VS16 is 2), which let the result overflow `max`.
	for (const {segment} of graphemes.segment(text)) {
		const w = width(segment);
		if (used + w > max - 1) break;
		out += segment;
		used += w;
	}
	return `${out}…`;
}

/** Pads or truncates to exactly `size` cells. */
export function fit(text: string, size: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, size);
	const pad = ' '.repeat(Math.max(0, size - width(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/** inert + truncate: what every AWS string goes through before it reaches the screen. */
export function safe(text: string | undefined, max = 1024): string {
	return text === undefined ? '' : truncate(inert(text), max);
}
