import {SimError} from './errors.js';

/**
 * Opaque pagination tokens. Real tokens are opaque blobs; ours encode an offset and the
 * operation they belong to, so a token from one listing is rejected by another, as AWS does.
 */
export function encodeToken(scope: string, offset: number): string {
	return Buffer.from(JSON.stringify({s: scope, o: offset})).toString('base64url');
}

/**
 * Decodes a token made by {@link encodeToken}; a foreign or corrupt token is an
 * InvalidParameterException, or the error `invalid` makes (each service words it its own way).
 */
export function decodeToken(scope: string, token: unknown, invalid?: () => SimError): number {
	if (token === undefined || token === null || token === '') return 0;
	try {
		const value = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {s?: unknown; o?: unknown};
		if (value.s === scope && typeof value.o === 'number' && value.o >= 0) return value.o;
	} catch {
		// fall through to the error below
	}
	throw invalid?.() ?? new SimError('InvalidParameterException', 'Invalid parameter at \'nextToken\' failed to satisfy constraint: \'Invalid NextToken\'');
}

/** Slices one page out of `items`, returning the next token when more remain. */
export function page<T>(scope: string, items: readonly T[], token: unknown, size: number, invalid?: () => SimError): {items: T[]; nextToken?: string} {
	const offset = decodeToken(scope, token, invalid);
	const slice = items.slice(offset, offset + size);
	const next = offset + size;
	return next < items.length ? {items: slice, nextToken: encodeToken(scope, next)} : {items: slice};
}
