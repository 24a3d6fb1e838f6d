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
