/** Human formats for sizes, ages, money. Pure; `now` is passed in. */

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Binary units (1 KB = 1024 B), as `docker images` and the ECR console show sizes. */
export function bytes(value: number): string {
	if (!Number.isFinite(value) || value < 0) return '-';
	let size = value;
	let unit = 0;
	while (size >= 1024 && unit < units.length - 1) {
		size /= 1024;
		unit++;
	}
	const digits = unit === 0 || size >= 100 ? 0 : size >= 10 ? 1 : 2;
	return `${size.toFixed(digits)} ${units[unit]}`;
}

/** Compact duration: 45s, 12m, 3h, 5d, 2y. */
export function duration(ms: number): string {
	if (!Number.isFinite(ms)) return '-';
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return seconds % 60 && minutes < 10 ? `${minutes}m${seconds % 60}s` : `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return minutes % 60 && hours < 10 ? `${hours}h${minutes % 60}m` : `${hours}h`;
	const days = Math.floor(hours / 24);
	if (days < 730) return `${days}d`;
	return `${Math.floor(days / 365)}y`;
}

/** Age of a timestamp relative to `now`, or '-' when unknown. */
export function age(time: number | undefined, now: number): string {
	return time === undefined ? '-' : duration(now - time);
}

/** US dollars: $0.42, $12.30, $1,234. */
export function usd(value: number): string {
	if (!Number.isFinite(value)) return '-';
	// Round first, so 999.999 becomes $1,000 rather than $1000.00.
	const cents = Math.round(value * 100) / 100;
	if (Math.abs(cents) >= 1000) return `$${Math.round(cents).toLocaleString('en-US')}`;
	return `$${cents.toFixed(2)}`;
}

/** A short digest: the first 12 hex characters, as docker shows image ids. */
export function shortDigest(digest: string): string {
	const hex = digest.includes(':') ? digest.slice(digest.indexOf(':') + 1) : digest;
	return hex.slice(0, 12);
}

/** ISO date-time without milliseconds, in UTC. */
export function isoTime(time: number | undefined): string {
	return time === undefined ? '-' : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
