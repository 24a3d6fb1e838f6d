// The parsing machine behind `parseJson`: iterative (an explicit stack, so deep nesting
// cannot overflow the call stack), strict JSON, recording positions by JSON path.

import {appendPath} from './json-path.js';
import type {ParseResult, ParseWarning, PathPosition, SourcePosition} from './parse.js';
import {describeChar} from './source-text.js';

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

const closerOf = (frame: Frame) => (frame.kind === 'object' ? '}' : ']');

/** Thrown inside the reader and turned into a `JsonSyntaxError` by `parseJson`. */
export class SyntaxFailure {
	constructor(readonly message: string, readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Reads `text`; throws `SyntaxFailure` on the first syntax error. */
export function readJson(text: string, track: boolean, maxDepth: number): ParseResult {
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
		if (c === '{' || c === '[') {
			i++;
			const frame: Frame = c === '{' ? {kind: 'object', value: {}, path: currentPath, start, seen: new Set(), key: ''} : {kind: 'array', value: [], path: currentPath, start};
			record(currentPath, depth, {value: start, key: currentKey});
			stack.push(frame);
			skipWhitespace();
			if (text[i] === closerOf(frame)) {
				i++;
				stack.pop();
				value = frame.value;
			} else {
				complete = false;
				nextMember(frame);
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

	/** Reads up to the next member of a container: an object's key, or where an array's next element starts. */
	function nextMember(frame: Frame): void {
		if (frame.kind === 'object') {
			readKey(frame);
			return;
		}
		skipWhitespace();
		if (text[i] === ']') fail("Trailing comma: remove the ',' before ']'.");
		currentPath = track && stack.length <= maxDepth ? appendPath(frame.path, frame.value.length) : '';
		currentKey = undefined;
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
				nextMember(top);
				return;
			}
			if (c === closerOf(top)) {
				i++;
				stack.pop();
				value = top.value;
				continue;
			}
			if (i >= text.length) fail(`Unexpected end of input: the JSON is truncated${unclosed()}.`);
			const what = top.kind === 'object' ? 'a property value' : 'an array element';
			fail(`Expected ',' or '${closerOf(top)}' after ${what}, found ${describeChar(text, i)}${c === '"' ? ' (missing comma?)' : ''}.`);
		}
	}

	return {ok: true, value: root, positions, warnings};
}
