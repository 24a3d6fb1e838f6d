// JSON paths in the `$.rules[0].selection.tagPatternList` style used by every problem the
// validator reports, so an editor can find the offending key.

/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one segment to a path string: `.key`, `["odd key"]` or `[3]`. */
export function appendPath(path: string, segment: PathSegment): string {
	if (typeof segment === 'number') return `${path}[${segment}]`;
	return IDENTIFIER.test(segment) ? `${path}.${segment}` : `${path}[${JSON.stringify(segment)}]`;
}

/** Builds a path string from segments; `[]` is the root `$`. */
export function jsonPath(segments: readonly PathSegment[]): string {
	let path = '$';
	for (const segment of segments) path = appendPath(path, segment);
	return path;
}

/**
 * Splits a path built by `jsonPath` back into segments; returns undefined for text that is
 * not such a path. Used to walk up from a missing key to its nearest known position.
 */
export function parsePath(path: string): PathSegment[] | undefined {
	if (!path.startsWith('$')) return undefined;
	const segments: PathSegment[] = [];
	let i = 1;
	while (i < path.length) {
		const c = path[i];
		if (c === '.') {
			let j = i + 1;
			while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
			segments.push(path.slice(i + 1, j));
			i = j;
		} else if (c === '[' && path[i + 1] === '"') {
			// A quoted key: find the closing quote that is not escaped.
			let j = i + 2;
			while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
			try {
				segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
			} catch {
				return undefined;
			}
			i = j + 2;
		} else if (c === '[') {
			const j = path.indexOf(']', i);
			if (j < 0) return undefined;
			segments.push(Number(path.slice(i + 1, j)));
			i = j + 1;
		} else {
			return undefined;
		}
	}
	return segments;
}

/** The path of the parent value (`$` stays `$`). */
export function parentPath(path: string): string {
	const segments = parsePath(path);
	if (segments === undefined || segments.length === 0) return '$';
	return jsonPath(segments.slice(0, -1));
}
