// Timestamps as the AWS CLI prints them: ISO 8601 strings ("2024-05-01T10:12:33.123000+02:00")
// with the default `cli_timestamp_format = iso8601`, or epoch seconds (possibly fractional)
// with `none` or from the raw JSON protocol [MODEL: AWS JSON protocols send epoch seconds].

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Result of reading one timestamp. */
export type TimestampResult =
	| {readonly ok: true; readonly ms: number; readonly zoneless: boolean}
	| {readonly ok: false; readonly message: string};

function daysInMonth(year: number, month: number): number {
	return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Reads an ISO 8601 date-time; a missing zone is read as UTC (flagged `zoneless`). */
export function parseIsoTimestamp(text: string): TimestampResult {
	const m = ISO.exec(text.trim());
	if (m === null) return {ok: false, message: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not an ISO 8601 date-time such as 2024-05-01T10:12:33Z`};
	const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
		return {ok: false, message: `"${text}" is not a valid date-time (a field is out of range)`};
	}
	const fraction = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
	let offsetMinutes = 0;
	const zone = m[8];
	if (zone !== undefined && zone.toUpperCase() !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
	}
	const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) + fraction - offsetMinutes * 60_000;
	return {ok: true, ms, zoneless: zone === undefined};
}

/**
 * Reads a timestamp given as ISO text or epoch seconds. Numbers above 1e11 are refused:
 * as seconds they would be after the year 5000, so they are almost surely milliseconds.
 */
export function parseTimestamp(value: unknown): TimestampResult {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value < 0) return {ok: false, message: `${value} is not a valid epoch time`};
		if (value > 1e11) return {ok: false, message: `${value} looks like epoch milliseconds; describe-images prints epoch seconds (divide by 1000)`};
		return {ok: true, ms: Math.round(value * 1000), zoneless: false};
	}
	if (typeof value === 'string') {
		if (/^\d+(\.\d+)?$/.test(value.trim())) return parseTimestamp(Number(value));
		return parseIsoTimestamp(value);
	}
	return {ok: false, message: `expected an ISO 8601 string or epoch seconds, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`};
}
