/**
 * An error the simulator returns the way AWS does: an error code (the `__type` of JSON
 * protocols, the `<Code>` of query protocols), a message, and an HTTP status.
 */
export class SimError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status = 400,
	) {
		super(message);
	}
}

/** Standard Coral-style constraint message, as AWS services word input validation failures. */
export function validationError(field: string, value: unknown, constraint: string): SimError {
	return new SimError(
		'ValidationException',
		`1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
	);
}

/** Checks an optional integer parameter against its modelled range, as AWS does server-side. */
export function checkRange(field: string, value: unknown, min: number, max: number): void {
	if (value === undefined || value === null) return;
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw new SimError('SerializationException', `Cannot parse '${String(value)}' as an integer for '${field}'`);
	}
	if (value < min) throw validationError(field, value, `Member must have value greater than or equal to ${min}`);
	if (value > max) throw validationError(field, value, `Member must have value less than or equal to ${max}`);
}

/** Checks the length of a list parameter against its modelled bounds. */
export function checkListLength(field: string, value: unknown, min: number, max: number): void {
	if (value === undefined || value === null) return;
	if (!Array.isArray(value)) throw new SimError('SerializationException', `Expected a list for '${field}'`);
	if (value.length < min) throw validationError(field, `[${value.length} items]`, `Member must have length greater than or equal to ${min}`);
	if (value.length > max) throw validationError(field, `[${value.length} items]`, `Member must have length less than or equal to ${max}`);
}
