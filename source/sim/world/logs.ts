import type {World} from './world.js';

/**
 * The simulated CloudWatch Logs of one account and region: log groups, their streams, and
 * the events in them. Times are epoch ms.
 *
 * A stream is append-only and ordered by timestamp, and only events whose timestamp has come
 * (`<= now`) are visible, so what a reader sees is always a prefix of the stream and an index
 * into it never changes meaning: GetLogEvents tokens are indexes. A long-running task's
 * steady output (request logs, health checks: days of it) is not stored: a {@link
 * SimLogGenerator} computes event `i` on demand, so the demo's streams cost nothing until read.
 */
export type LogsState = {
	/** By log group name, in creation order. */
	groups: Map<string, SimLogGroup>;
};

export type SimLogEvent = {timestamp: number; message: string; ingestionTime: number};

/**
 * Events computed on demand: event `i` falls in the slot `[from + i*every, from + (i+1)*every)`
 * at a per-event offset, so timestamps strictly increase and none repeats.
 */
export type SimLogGenerator = {
	from: number;
	/** Slot length, ms: one event per slot. */
	every: number;
	/** No event at or after this time (the container stopped); open-ended while undefined. */
	to?: number;
	/** Seed of the offsets and of whatever the line function varies. */
	seed: number;
	/** The message of event `index`, logged at `at`. */
	line(index: number, at: number, hash: number): string;
};

export type SimLogStream = {
	name: string;
	creationTime: number;
	/** Explicit events before the generator's window (or all events without one), by time. */
	head: SimLogEvent[];
	generator?: SimLogGenerator;
	/** Explicit events at or after the generator's `to` (shutdown lines), by time. */
	tail: SimLogEvent[];
};

export type SimLogGroup = {
	name: string;
	creationTime: number;
	retentionInDays?: number;
	/** By stream name. */
	streams: Map<string, SimLogStream>;
};

export function emptyLogsState(): LogsState {
	return {groups: new Map()};
}

/** The Logs slice of an account's region, created empty on first use. */
export function logsStateOf(world: World, accountId: string, region: string): LogsState {
	return world.slice(accountId, region, 'logs', emptyLogsState);
}

/** Creates a log group (scenarios; CreateLogGroup); an existing one is returned unchanged. */
export function addLogGroup(state: LogsState, name: string, creationTime: number, retentionInDays?: number): SimLogGroup {
	const existing = state.groups.get(name);
	if (existing) return existing;
	const group: SimLogGroup = {name, creationTime, streams: new Map(), ...(retentionInDays === undefined ? {} : {retentionInDays})};
	state.groups.set(name, group);
	return group;
}

/** Creates a log stream in a group (CreateLogStream); an existing one is returned unchanged. */
export function addLogStream(group: SimLogGroup, name: string, creationTime: number): SimLogStream {
	const existing = group.streams.get(name);
	if (existing) return existing;
	const stream: SimLogStream = {name, creationTime, head: [], tail: []};
	group.streams.set(name, stream);
	return stream;
}

/** A 32-bit hash of a string (FNV-1a): seeds for generators. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** A well-mixed 32-bit value for event `index` of a seed (murmur3's finaliser). */
export function mix(seed: number, index: number): number {
	let value = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
	value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
	value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
	return (value ^ (value >>> 16)) >>> 0;
}

/** Writes an event with a realistic ingestion delay (the agent batches for up to a second). */
export function logEvent(timestamp: number, message: string): SimLogEvent {
	return {timestamp, message, ingestionTime: timestamp + 150 + (hashString(message) % 700)};
}

function generated(generator: SimLogGenerator, index: number): SimLogEvent {
	const hash = mix(generator.seed, index);
	const timestamp = generator.from + index * generator.every + (hash % generator.every);
	return {timestamp, message: generator.line(index, timestamp, hash), ingestionTime: timestamp + 150 + ((hash >>> 8) % 700)};
}

/** How many generated events exist up to `limit` (inclusive), ignoring `to`. */
function generatedUpTo(generator: SimLogGenerator, limit: number): number {
	if (limit < generator.from) return 0;
	const full = Math.floor((limit - generator.from) / generator.every);
	return full + (generated(generator, full).timestamp <= limit ? 1 : 0);
}

function generatedCount(generator: SimLogGenerator, now: number): number {
	return generatedUpTo(generator, generator.to === undefined ? now : Math.min(now, generator.to - 1));
}

const visible = (events: readonly SimLogEvent[], now: number) => {
	let count = 0;
	while (count < events.length && events[count]!.timestamp <= now) count++;
	return count;
};

/** The number of events of a stream visible at `now` (their timestamp has come). */
export function streamLength(stream: SimLogStream, now: number): number {
	const head = visible(stream.head, now);
	if (head < stream.head.length || !stream.generator) return head;
	const middle = generatedCount(stream.generator, now);
	return head + middle + (stream.generator.to === undefined ? 0 : visible(stream.tail, now));
}

/** Event `index` of a stream (0 = oldest); the caller keeps `index` below {@link streamLength}. */
export function eventAt(stream: SimLogStream, index: number): SimLogEvent {
	if (index < stream.head.length) return stream.head[index]!;
	const generator = stream.generator;
	const rest = index - stream.head.length;
	if (!generator) throw new RangeError(`no event ${index} in ${stream.name}`);
	const middle = generator.to === undefined ? Number.POSITIVE_INFINITY : generatedUpTo(generator, generator.to - 1);
	if (rest < middle) return generated(generator, rest);
	const event = stream.tail[rest - middle];
	if (!event) throw new RangeError(`no event ${index} in ${stream.name}`);
	return event;
}

/** The index of the first event at or after `time` among the first `length` events. */
export function indexAtTime(stream: SimLogStream, time: number, length: number): number {
	let low = 0;
	let high = length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (eventAt(stream, middle).timestamp < time) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Appends events (PutLogEvents, scenarios, tests). They must not be older than the stream's
 * last event, so indexes already handed out keep their meaning.
 */
export function appendEvents(stream: SimLogStream, events: readonly SimLogEvent[]): void {
	const target = stream.generator ? stream.tail : stream.head;
	for (const event of [...events].sort((a, b) => a.timestamp - b.timestamp)) target.push(event);
}
