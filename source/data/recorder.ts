/**
 * Records every AWS call the app makes: operation, a summary of its arguments, duration,
 * outcome, attempts and throttles. Tests and benchmarks read it to count calls; `--debug`
 * writes it to a log; the `!` view shows recent errors and throttles from it.
 * Credentials never pass through here: only the command input (which holds none) is seen.
 */
export type CallRecord = {
	id: number;
	service: string;
	operation: string;
	/** Stable text of the input, truncated; used to spot duplicate concurrent requests. */
	input: string;
	startedAt: number;
	durationMs?: number;
	outcome?: 'ok' | 'error';
	errorCode?: string;
	errorMessage?: string;
	attempts: number;
	throttles: number;
	/** True when an identical request was already in flight when this one started. */
	duplicate: boolean;
};

export type RecorderEvent =
	| {type: 'start'; record: CallRecord}
	| {type: 'retry'; record: CallRecord; errorCode: string; throttled: boolean}
	| {type: 'finish'; record: CallRecord};

const maxInputChars = 400;

/** Stable JSON (sorted keys) so equal inputs give equal keys. */
export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([key, item]) => item !== undefined && key !== 'abortSignal')
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
}

export class CallRecorder {
	/** Most recent calls, oldest first, bounded so a long session does not grow without limit. */
	readonly records: CallRecord[] = [];
	/** Totals that survive trimming. */
	readonly totals = {calls: 0, errors: 0, throttles: 0, duplicates: 0};
	private readonly inFlight = new Map<string, number>();
	private readonly listeners = new Set<(event: RecorderEvent) => void>();
	private nextId = 1;

	constructor(private readonly limit = 10_000) {}

	subscribe(listener: (event: RecorderEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	start(service: string, operation: string, input: unknown): CallRecord {
		const full = stableStringify(input);
		const key = `${service}.${operation}:${full}`;
		const duplicate = (this.inFlight.get(key) ?? 0) > 0;
		this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
		const record: CallRecord = {
			id: this.nextId++,
			service,
			operation,
			input: full.length > maxInputChars ? `${full.slice(0, maxInputChars)}…` : full,
			startedAt: Date.now(),
			attempts: 0,
			throttles: 0,
			duplicate,
		};
		(record as CallRecord & {key: string}).key = key;
		this.totals.calls++;
		if (duplicate) this.totals.duplicates++;
		this.records.push(record);
		if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
		this.emit({type: 'start', record});
		return record;
	}

	attempt(record: CallRecord): void {
		record.attempts++;
	}

	retry(record: CallRecord, errorCode: string, throttled: boolean): void {
		if (throttled) {
			record.throttles++;
			this.totals.throttles++;
		}
		this.emit({type: 'retry', record, errorCode, throttled});
	}

	finish(record: CallRecord, outcome: 'ok' | 'error', error?: {name?: string; message?: string}): void {
		record.durationMs = Date.now() - record.startedAt;
		record.outcome = outcome;
		if (error) {
			record.errorCode = error.name;
			record.errorMessage = error.message?.slice(0, 500);
			this.totals.errors++;
		}
		const key = (record as CallRecord & {key: string}).key;
		const count = (this.inFlight.get(key) ?? 1) - 1;
		if (count <= 0) this.inFlight.delete(key);
		else this.inFlight.set(key, count);
		this.emit({type: 'finish', record});
	}

	/** Calls counted per `service.operation`, for tests and the API-economy benchmark. */
	countByOperation(since = 0): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const record of this.records) {
			if (record.id <= since) continue;
			const name = `${record.service}.${record.operation}`;
			counts[name] = (counts[name] ?? 0) + 1;
		}
		return counts;
	}

	/** The id of the latest call, to count only what happens after a point. */
	mark(): number {
		return this.nextId - 1;
	}

	/** Calls in flight now (tests and benchmarks read it; the header watches the store instead). */
	get pending(): number {
		let total = 0;
		for (const count of this.inFlight.values()) total += count;
		return total;
	}

	private emit(event: RecorderEvent): void {
		for (const listener of this.listeners) listener(event);
	}
}
