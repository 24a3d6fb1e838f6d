// Human-readable labels and reasons for evaluation results ("pushed 41 days ago > 30").

/** 24 hours in ms; lifecycle ages are whole multiples of it (assumption `day-arithmetic`). */
export const DAY_MS = 86_400_000;

const HOUR_MS = 3_600_000;

/** Short label of a selection: `tagged prod*`, `tagged prefix prod`, `untagged`, `any`, plus ` (archive)`. */
export function selectionLabel(selection: {tagStatus?: unknown; tagPatternList?: unknown; tagPrefixList?: unknown; storageClass?: unknown}): string {
	const suffix = selection.storageClass === 'archive' ? ' (archive)' : '';
	if (selection.tagStatus !== 'tagged') return `${String(selection.tagStatus)}${suffix}`;
	const list = (value: unknown): string => (Array.isArray(value) ? (value.length === 1 ? String(value[0]) : `[${value.join(', ')}]`) : '?');
	if (Array.isArray(selection.tagPatternList)) return `tagged ${list(selection.tagPatternList)}${suffix}`;
	return `tagged prefix ${list(selection.tagPrefixList)}${suffix}`;
}

/**
 * An age for a reason string, precise enough to show why it passes the limit: whole days
 * when at least a day over, else days plus hours/minutes ("30 days 5 h").
 */
export function formatAge(ms: number, limitDays: number): string {
	const whole = Math.floor(ms / DAY_MS);
	if (whole > limitDays) return `${whole} days`;
	const over = ms - whole * DAY_MS;
	if (over >= HOUR_MS) return `${whole} days ${Math.floor(over / HOUR_MS)} h`;
	if (over >= 60_000) return `${whole} days ${Math.floor(over / 60_000)} min`;
	return `${whole} days ${Math.max(0, Math.round(over / 1000))} s`;
}

/**
 * Reason for an `imageCountMoreThan` mark: `beyond the newest 1 of tagged prod*`. The same
 * string for every image of a rule (there can be 100,000 of them; building one string each
 * cost a fifth of the evaluation time); the image's rank is in `ImageOutcome.position`.
 */
export function countReason(keep: number, label: string): string {
	return `beyond the newest ${keep} of ${label}`;
}

/** Reason for a `sinceImagePushed` mark. */
export function pushedReason(ageMs: number, limit: number, restored: boolean): string {
	return `${restored ? 'restored' : 'pushed'} ${formatAge(ageMs, limit)} ago > ${limit}`;
}

/** Reason for a `sinceImagePulled` mark; `basis` says which time was used. */
export function pulledReason(ageMs: number, limit: number, basis: 'pull' | 'push' | 'restore'): string {
	const age = formatAge(ageMs, limit);
	if (basis === 'pull') return `last pulled ${age} ago > ${limit}`;
	if (basis === 'restore') return `restored ${age} ago, not pulled since > ${limit}`;
	return `never pulled; pushed ${age} ago > ${limit}`;
}

/** Reason for a `sinceImageTransitioned` mark. */
export function archivedReason(ageMs: number, limit: number): string {
	return `archived ${formatAge(ageMs, limit)} ago > ${limit}`;
}
