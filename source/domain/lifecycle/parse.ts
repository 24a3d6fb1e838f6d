// A strict JSON parser that never throws, reports syntax errors by line and column with a
// snippet, and records where every value (and its key) sits in the text so validation
// problems can point at a line. Iterative (explicit stack), so deep nesting cannot overflow
// the call stack. Strict like AWS's Jackson parser: no comments, no trailing commas, no
// single quotes, no NaN [INF: AWS answers "Could not map policyString into LifecyclePolicy."
// for anything that is not JSON, aws-semantics.md §A.2 OBS].

import {readJson, SyntaxFailure} from './json-reader.js';
import {lineColumnAt, snippetAt} from './source-text.js';

export {lineColumnAt, snippetAt} from './source-text.js';

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
		return readJson(text, options.positions ?? true, options.maxPositionDepth ?? 64);
	} catch (error) {
		const failure = error instanceof SyntaxFailure ? error : new SyntaxFailure('Could not parse the JSON.', 0);
		const {line, column} = lineColumnAt(text, failure.offset);
		return {ok: false, error: {message: failure.message, line, column, offset: failure.offset, snippet: snippetAt(text, failure.offset)}};
	}
}
