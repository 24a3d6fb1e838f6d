import {SimError} from '../errors.js';
import {eventAt, hashString, indexAtTime, streamLength, type SimLogEvent, type SimLogGroup, type SimLogStream} from '../world/logs.js';
import type {Matcher} from './logs-pattern.js';

/**
 * The two event reads of CloudWatch Logs, on the simulated streams [MODEL GetLogEvents,
 * FilterLogEvents; DOC]:
 *
 * - GetLogEvents reads one stream by position. Without a token it returns the newest `limit`
 *   events (oldest first within the page), or the oldest with `startFromHead`. Each answer
 *   carries `nextForwardToken` (after the last event) and `nextBackwardToken` (before the
 *   first); at the end of the stream the same token comes back, which is how a follower knows
 *   it has caught up.
 * - FilterLogEvents searches a group's streams, interleaved by time, oldest first (newest
 *   first with `startFromHead: false`). Like AWS it examines a bounded number of events per
 *   call, so a page may hold fewer matches than `limit`, or none, and still have a nextToken.
 *
 * Both stop at 1 MB per answer, counting each event as its UTF-8 bytes plus 26, as
 * PutLogEvents counts them [DOC quotas].
 */

export const MAX_RESPONSE_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;
/** Events FilterLogEvents examines per call before answering with what it has [INF]. */
export const FILTER_SCAN_BUDGET = 50_000;

const sizeOf = (event: SimLogEvent) => Buffer.byteLength(event.message, 'utf8') + EVENT_OVERHEAD;
const invalidToken = () => new SimError('InvalidParameterException', 'The specified nextToken is invalid.');

/** `f/<56 digits>/s`, like AWS's tokens: the stream's hash, then the position. */
function positionToken(direction: 'f' | 'b', streamHash: number, position: number): string {
	return `${direction}/${String(streamHash).padStart(10, '0')}${String(position).padStart(46, '0')}/s`;
}

function parsePositionToken(token: string, streamHash: number): {direction: 'f' | 'b'; position: number} {
	const match = /^([fb])\/(\d{10})(\d{46})\/s$/.exec(token);
	if (!match || Number(match[2]) !== streamHash) throw invalidToken();
	return {direction: match[1] as 'f' | 'b', position: Number(match[3])};
}

export type GetEventsInput = {startTime?: number; endTime?: number; nextToken?: string; limit: number; startFromHead: boolean};

/** GetLogEvents on one stream at time `now`. */
export function getLogEvents(group: SimLogGroup, stream: SimLogStream, input: GetEventsInput, now: number) {
	const streamHash = hashString(`${group.name}\u0000${stream.name}`);
	const length = streamLength(stream, now);
	// startTime is inclusive, endTime exclusive [MODEL GetLogEventsRequest].
	const low = input.startTime === undefined ? 0 : indexAtTime(stream, input.startTime, length);
	const high = input.endTime === undefined ? length : Math.max(low, indexAtTime(stream, input.endTime, length));
	const token = input.nextToken ? parsePositionToken(input.nextToken, streamHash) : undefined;
	const forward = token ? token.direction === 'f' : input.startFromHead;
	const events: SimLogEvent[] = [];
	let first: number;
	let end: number;
	if (forward) {
		first = Math.min(Math.max(token?.position ?? low, low), Math.max(high, low));
		let bytes = 0;
		end = first;
		while (end < high && events.length < input.limit) {
			const event = eventAt(stream, end);
			bytes += sizeOf(event);
			if (bytes > MAX_RESPONSE_BYTES && events.length > 0) break;
			events.push(event);
			end++;
		}
	} else {
		end = Math.max(Math.min(token?.position ?? high, high), low);
		let bytes = 0;
		first = end;
		while (first > low && events.length < input.limit) {
			const event = eventAt(stream, first - 1);
			bytes += sizeOf(event);
			if (bytes > MAX_RESPONSE_BYTES && events.length > 0) break;
			events.unshift(event);
			first--;
		}
	}
	return {
		events: events.map(event => ({timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime})),
		nextForwardToken: positionToken('f', streamHash, end),
		nextBackwardToken: positionToken('b', streamHash, first),
	};
}

export type FilterInput = {
	streams: SimLogStream[];
	startTime?: number;
	endTime?: number;
	matcher: Matcher;
	nextToken?: string;
	limit: number;
	startFromHead: boolean;
};

/** Where a search stopped: the last event examined, by (timestamp, stream rank, index). */
type Cursor = {direction: 'asc' | 'desc'; timestamp: number; rank: number; index: number; scope: number};

function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string, scope: number): Cursor {
	try {
		const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
		if (value.scope === scope && (value.direction === 'asc' || value.direction === 'desc') && typeof value.timestamp === 'number' && typeof value.rank === 'number' && typeof value.index === 'number') return value as Cursor;
	} catch {
		// fall through
	}
	throw invalidToken();
}

/** One stream being merged; `head` is the event at `next`, built once (the merge compares it every round). */
type Lane = {stream: SimLogStream; rank: number; next: number; stop: number; head?: SimLogEvent};

const keyBefore = (a: {timestamp: number; rank: number; index: number}, b: {timestamp: number; rank: number; index: number}) =>
	a.timestamp < b.timestamp || (a.timestamp === b.timestamp && (a.rank < b.rank || (a.rank === b.rank && a.index < b.index)));

/** FilterLogEvents over `streams` (already chosen by name or prefix) at time `now`. */
export function filterLogEvents(group: SimLogGroup, input: FilterInput, now: number) {
	const scope = hashString(`${group.name}\u0000${input.streams.map(stream => stream.name).join('\u0000')}\u0000${input.startTime ?? ''}\u0000${input.endTime ?? ''}`);
	const cursor = input.nextToken ? decodeCursor(input.nextToken, scope) : undefined;
	const ascending = cursor ? cursor.direction === 'asc' : input.startFromHead;
	// Both ends are inclusive here [MODEL FilterLogEventsRequest].
	const lanes: Lane[] = input.streams.map((stream, rank) => {
		const length = streamLength(stream, now);
		const low = input.startTime === undefined ? 0 : indexAtTime(stream, input.startTime, length);
		const high = input.endTime === undefined ? length : indexAtTime(stream, input.endTime + 1, length);
		let next = ascending ? low : high - 1;
		if (cursor) {
			// Resume strictly after (or before) the last event examined.
			next = ascending ? Math.max(low, indexAtTime(stream, cursor.timestamp, length)) : Math.min(high, indexAtTime(stream, cursor.timestamp + 1, length)) - 1;
			const done = (index: number) => {
				const key = {timestamp: eventAt(stream, index).timestamp, rank, index};
				return ascending ? !keyBefore(cursor, key) : !keyBefore(key, cursor);
			};
			if (ascending) while (next < high && done(next)) next++;
			else while (next >= low && done(next)) next--;
		}
		return {stream, rank, next, stop: ascending ? high : low - 1};
	});
	const events: {logStreamName: string; timestamp: number; message: string; ingestionTime: number; eventId: string}[] = [];
	let bytes = 0;
	let examined = 0;
	let last: Omit<Cursor, 'direction' | 'scope'> | undefined;
	for (;;) {
		let pick: {lane: Lane; event: SimLogEvent} | undefined;
		for (const lane of lanes) {
			if (lane.next === lane.stop) continue;
			const event = (lane.head ??= eventAt(lane.stream, lane.next));
			if (!pick) pick = {lane, event};
			else {
				const a = {timestamp: event.timestamp, rank: lane.rank, index: lane.next};
				const b = {timestamp: pick.event.timestamp, rank: pick.lane.rank, index: pick.lane.next};
				if (ascending ? keyBefore(a, b) : keyBefore(b, a)) pick = {lane, event};
			}
		}
		if (!pick) return {events, searchedLogStreams: searched(input.streams, true)};
		if (events.length >= input.limit || examined >= FILTER_SCAN_BUDGET) break;
		const {lane, event} = pick;
		if (input.matcher(event.message)) {
			const size = sizeOf(event);
			if (bytes + size > MAX_RESPONSE_BYTES && events.length > 0) break;
			bytes += size;
			events.push({logStreamName: lane.stream.name, timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime, eventId: eventId(group, lane.stream, lane.next, event.timestamp)});
		}
		examined++;
		last = {timestamp: event.timestamp, rank: lane.rank, index: lane.next};
		lane.next += ascending ? 1 : -1;
		lane.head = undefined;
	}
	const resume = last ?? (cursor ? {timestamp: cursor.timestamp, rank: cursor.rank, index: cursor.index} : {timestamp: ascending ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER, rank: -1, index: -1});
	return {events, searchedLogStreams: searched(input.streams, false), nextToken: encodeCursor({...resume, direction: ascending ? 'asc' : 'desc', scope})};
}

function searched(streams: readonly SimLogStream[], completely: boolean) {
	return streams.map(stream => ({logStreamName: stream.name, searchedCompletely: completely}));
}

/** A 56-digit event id, like AWS's: stable for an event, unique within the group. */
function eventId(group: SimLogGroup, stream: SimLogStream, index: number, timestamp: number): string {
	return `${String(hashString(`${group.name}\u0000${stream.name}`)).padStart(10, '0')}${String(timestamp).padStart(16, '0')}${String(index).padStart(30, '0')}`;
}
