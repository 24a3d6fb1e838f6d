// Turning offsets in a text into what a person reads: line and column, a snippet with a
// caret, and a printable name for a character.

/** Returns the 1-based line and column of an offset in `text`. */
export function lineColumnAt(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(Math.max(offset, 0), text.length);
	for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return {line, column: end - lineStart + 1};
}

/** Two lines: the source line around `offset` (at most ~80 characters) and a caret under the spot. */
export function snippetAt(text: string, offset: number): string {
	const clamped = Math.min(Math.max(offset, 0), text.length);
	const lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
	let lineEnd = text.indexOf('\n', clamped);
	if (lineEnd < 0) lineEnd = text.length;
	let from = lineStart;
	let to = lineEnd;
	if (to - from > 80) {
		from = Math.max(lineStart, clamped - 40);
		to = Math.min(lineEnd, from + 80);
	}
	// Tabs and control characters become one space each so the caret lines up.
	const shown = text.slice(from, to).replace(/\r$/, '').replace(/[\t\x00-\x1f]/g, ' ');
	const prefix = from > lineStart ? '…' : '';
	const suffix = to < lineEnd ? '…' : '';
	return `${prefix}${shown}${suffix}\n${' '.repeat(prefix.length + clamped - from)}^`;
}

/** A printable name for the character at `offset`: `'x'`, `control character U+0000` or `end of input`. */
export function describeChar(text: string, offset: number): string {
	if (offset >= text.length) return 'end of input';
	const code = text.codePointAt(offset) ?? 0;
	if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `'${String.fromCodePoint(code)}'`;
}
