// A strict JSON parser that never throws, reports syntax errors by line and column with a
// snippet, and records where every value (and its key) sits in the text so validation
// problems can point at a line. Iterative (explicit stack), so deep nesting cannot overflow
// the call stack. Strict like AWS's Jackson parser: no comments, no trailing commas, no
// single quotes, no NaN [INF: AWS answers "Could not map policyString into LifecyclePolicy."
// for anything that is not JSON, aws-semantics.md §A.2 OBS].

import {appendPath} from './json-path.js';

/** A place in the text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface SourcePosition {
	readonly line: number;
	readonly column: number;
	readonly offset: number;
}

/** Where one value sits: the value itself, its key (object members) and, for numbers, the literal. */
export interface PathPosition {
	readonly value: SourcePosition;
	readonly key?: SourcePosition;
	/** The literal text of a number (`1.0`, `1e2`), so integer checks see what was written. */
	readonly raw?: string;
}

/** JSON path (`$.rules[0].selection`) to position. */
export type PositionMap = ReadonlyMap<string, PathPosition>;

/** A syntax error, ready to show: message, place and a two-line snippet with a caret. */
export interface JsonSyntaxError {
	readonly message: string;
	readonly line: number;
	readonly column: number;
	readonly offset: number;
	readonly snippet: string;
}

/** Something legal but suspicious in the text (duplicate key, byte-order mark). */
export interface ParseWarning {
	readonly code: 'duplicate-key' | 'byte-order-mark';
	readonly path: string;
	readonly line: number;
	readonly column: number;
	readonly message: string;
}

/** Outcome of `parseJson`. */
export type ParseResult =
	| {readonly ok: true; readonly value: unknown; readonly positions: PositionMap; readonly warnings: readonly ParseWarning[]}
	| {readonly ok: false; readonly error: JsonSyntaxError};

/** Options of `parseJson`. */
export interface ParseOptions {
	/** Record positions for values. @default true */
	readonly positions?: boolean;
	/** Deepest nesting whose positions are recorded (deeper values parse but get no entry). @default 64 */
	readonly maxPositionDepth?: number;
}

interface ObjectFrame {
	readonly kind: 'object';
	readonly value: Record<string, unknown>;
	readonly path: string;
	readonly start: SourcePosition;
	readonly seen: Set<string>;
	key: string;
}

interface ArrayFrame {
	readonly kind: 'array';
	readonly value: unknown[];
	readonly path: string;
	readonly start: SourcePosition;
}

type Frame = ObjectFrame | ArrayFrame;

class SyntaxFailure {
	constructor(readonly message: string, readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

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

function describeChar(text: string, offset: number): string {
	if (offset >= text.length) return 'end of input';
	const code = text.codePointAt(offset) ?? 0;
	if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `'${String.fromCodePoint(code)}'`;
}

/**
 * Parses JSON text. Never throws: returns the value with a path-to-position map, or a
 * syntax error with line, column and snippet. Duplicate keys keep the last value (as
 * Jackson's tree model does [INF]) and are reported as warnings (assumption `duplicate-keys`).
 */
export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
	if (typeof text !== 'string') {
		return {ok: false, error: {message: 'Input is not text.', line: 1, column: 1, offset: 0, snippet: ''}};
	}
	try {
		return run(text, options.positions ?? true, options.maxPositionDepth ?? 64);
	} catch (error) {
		const failure = error instanceof SyntaxFailure ? error : new SyntaxFailure('Could not parse the JSON.', 0);
		const {line, column} = lineColumnAt(text, failure.offset);
		return {ok: false, error: {message: failure.message, line, column, offset: failure.offset, snippet: snippetAt(text, failure.offset)}};
	}
}

function run(text: string, track: boolean, maxDepth: number): ParseResult {
	const positions = new Map<string, PathPosition>();
	const warnings: ParseWarning[] = [];
	const stack: Frame[] = [];
	let i = 0;
	let line = 1;
	let lineStart = 0;

	const here = (): SourcePosition => ({line, column: i - lineStart + 1, offset: i});
	const fail = (message: string, at = i): never => {
		throw new SyntaxFailure(message, at);
	};
	const skipWhitespace = (): void => {
		for (;;) {
			const c = text.charCodeAt(i);
			if (c === 0x20 || c === 0x09 || c === 0x0d) i++;
			else if (c === 0x0a) {
				i++;
				line++;
				lineStart = i;
			} else return;
		}
	};

	if (text.charCodeAt(0) === 0xfeff) {
		warnings.push({code: 'byte-order-mark', path: '$', line: 1, column: 1, message: 'The text starts with a byte-order mark (U+FEFF).'});
		i = 1;
		lineStart = 1;
	}

	const unclosed = (): string => {
		const top = stack[stack.length - 1];
		if (top === undefined) return '';
		const bracket = top.kind === 'object' ? '}' : ']';
		const what = top.kind === 'object' ? 'object' : 'array';
		return ` (missing '${bracket}' for the ${what} opened at line ${top.start.line}, column ${top.start.column})`;
	};

	const readString = (): string => {
		const start = i;
		i++; // opening quote
		let out = '';
		let chunk = i;
		for (;;) {
			if (i >= text.length) fail(`Unexpected end of input inside a string: the JSON is truncated${unclosed()}.`, start);
			const c = text.charCodeAt(i);
			if (c === 0x22) {
				out += text.slice(chunk, i);
				i++;
				return out;
			}
			if (c === 0x5c) {
				out += text.slice(chunk, i);
				const e = text[i + 1];
				switch (e) {
					case '"': out += '"'; break;
					case '\\': out += '\\'; break;
					case '/': out += '/'; break;
					case 'b': out += '\b'; break;
					case 'f': out += '\f'; break;
					case 'n': out += '\n'; break;
					case 'r': out += '\r'; break;
					case 't': out += '\t'; break;
					case 'u': {
						const hex = text.slice(i + 2, i + 6);
						if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape: expected four hexadecimal digits.');
						out += String.fromCharCode(parseInt(hex, 16));
						i += 4;
						break;
					}
					default:
						fail(`Invalid escape sequence '\\${e ?? ''}' in a string.`);
				}
				i += 2;
				chunk = i;
				continue;
			}
			if (c < 0x20) {
				fail(c === 0x0a
					? `Unterminated string: a line break is not allowed inside a string (missing closing '"'?).`
					: `Unescaped ${describeChar(text, i)} inside a string.`);
			}
			i++;
		}
	};

	const expectedValue = (): never => {
		const c = text[i];
		if (i >= text.length) fail(`Unexpected end of input: the JSON is truncated${unclosed()}.`);
		if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('Comments are not allowed in JSON.');
		if (c === "'") fail('Strings must use double quotes (") in JSON, not single quotes.');
		if (c === ']' || c === '}') fail(`Unexpected ${describeChar(text, i)}: a value was expected here (trailing comma?).`);
		if (/[A-Za-z_]/.test(c ?? '')) {
			const word = /[A-Za-z_][A-Za-z0-9_]*/y;
			word.lastIndex = i;
			const m = word.exec(text);
			fail(`Unexpected word '${m?.[0] ?? c}': a JSON value must be a string in double quotes, a number, an object, an array, true, false or null.`);
		}
		return fail(`Unexpected ${describeChar(text, i)}: expected a JSON value.`);
	};

	const record = (path: string, depth: number, position: PathPosition): void => {
		if (track && depth <= maxDepth) positions.set(path, position);
	};

	let root: unknown;
	let done = false;
	skipWhitespace();
	if (i >= text.length) fail('Empty input: expected a JSON value.');

	// Main loop: read a value at the current spot, attach it to the enclosing container,
	// then read separators until the next value is due.
	let currentPath = '$';
	let currentKey: SourcePosition | undefined;
	while (!done) {
		skipWhitespace();
		const start = here();
		const depth = stack.length;
		const c = text[i];
		let value: unknown;
		let complete = true;
		let raw: string | undefined;
		if (c === '{') {
			i++;
			const frame: ObjectFrame = {kind: 'object', value: {}, path: currentPath, start, seen: new Set(), key: ''};
			record(currentPath, depth, {value: start, key: currentKey});
			stack.push(frame);
			skipWhitespace();
			if (text[i] === '}') {
				i++;
				stack.pop();
				value = frame.value;
			} else {
				complete = false;
				readKey(frame);
			}
		} else if (c === '[') {
			i++;
			const frame: ArrayFrame = {kind: 'array', value: [], path: currentPath, start};
			record(currentPath, depth, {value: start, key: currentKey});
			stack.push(frame);
			skipWhitespace();
			if (text[i] === ']') {
				i++;
				stack.pop();
				value = frame.value;
			} else {
				complete = false;
				currentPath = track && stack.length <= maxDepth ? appendPath(frame.path, 0) : '';
				currentKey = undefined;
			}
		} else if (c === '"') {
			value = readString();
		} else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
			NUMBER.lastIndex = i;
			const m = NUMBER.exec(text);
			if (m === null) fail(`Invalid number: ${describeChar(text, i + 1)} after '-'.`);
			raw = m?.[0] ?? '';
			i += raw.length;
			if (/[0-9.eE+-]/.test(text[i] ?? '')) fail(`Invalid number '${raw}${text[i] ?? ''}…': JSON numbers have no leading zeros, and need digits after '.' and 'e'.`, start.offset);
			value = Number(raw);
		} else if (text.startsWith('true', i)) {
			i += 4;
			value = true;
		} else if (text.startsWith('false', i)) {
			i += 5;
			value = false;
		} else if (text.startsWith('null', i)) {
			i += 4;
			value = null;
		} else {
			expectedValue();
		}
		if (complete) {
			if (c !== '{' && c !== '[') record(currentPath, depth, {value: start, key: currentKey, raw});
			attach(value);
		}
	}

	function readKey(frame: ObjectFrame): void {
		skipWhitespace();
		if (text[i] !== '"') {
			if (i >= text.length) fail(`Unexpected end of input: the JSON is truncated${unclosed()}.`);
			if (text[i] === '}') fail("Trailing comma: remove the ',' before '}'.");
			if (text[i] === "'") fail('Property names must use double quotes (") in JSON, not single quotes.');
			if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('Comments are not allowed in JSON.');
			fail(`Expected a property name in double quotes, found ${describeChar(text, i)}.`);
		}
		const keyPosition = here();
		const key = readString();
		skipWhitespace();
		if (text[i] !== ':') fail(`Expected ':' after the property name "${key}", found ${describeChar(text, i)}.`);
		i++;
		frame.key = key;
		const path = track && stack.length <= maxDepth ? appendPath(frame.path, key) : '';
		if (frame.seen.has(key)) {
			warnings.push({code: 'duplicate-key', path, line: keyPosition.line, column: keyPosition.column, message: `Duplicate key "${key}": the last value wins.`});
		}
		frame.seen.add(key);
		currentPath = path;
		currentKey = keyPosition;
	}

	function attach(value: unknown): void {
		for (;;) {
			const top = stack[stack.length - 1];
			if (top === undefined) {
				root = value;
				skipWhitespace();
				if (i < text.length) fail(`Unexpected ${describeChar(text, i)} after the end of the JSON value.`);
				done = true;
				return;
			}
			if (top.kind === 'object') {
				if (top.key === '__proto__') Object.defineProperty(top.value, '__proto__', {value, enumerable: true, writable: true, configurable: true});
				else top.value[top.key] = value;
			} else {
				top.value.push(value);
			}
			skipWhitespace();
			const c = text[i];
			if (c === ',') {
				i++;
				if (top.kind === 'object') {
					readKey(top);
				} else {
					skipWhitespace();
					if (text[i] === ']') fail("Trailing comma: remove the ',' before ']'.");
					currentPath = track && stack.length <= maxDepth ? appendPath(top.path, top.value.length) : '';
					currentKey = undefined;
				}
				return;
			}
			const closer = top.kind === 'object' ? '}' : ']';
			if (c === closer) {
				i++;
				stack.pop();
				value = top.value;
				continue;
			}
			if (i >= text.length) fail(`Unexpected end of input: the JSON is truncated${unclosed()}.`);
			const what = top.kind === 'object' ? 'a property value' : 'an array element';
			fail(`Expected ',' or '${closer}' after ${what}, found ${describeChar(text, i)}${c === '"' ? ' (missing comma?)' : ''}.`);
		}
	}

	return {ok: true, value: root, positions, warnings};
}
