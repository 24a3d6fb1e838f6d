/** A JSON object (not null, not an array), as parsed JSON is checked before its keys are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
