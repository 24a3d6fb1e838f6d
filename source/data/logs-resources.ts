import type {Descriptor} from './store.js';
import type {Session} from './session.js';
import {filterLogEvents, filterPatternFor, getLogEvents, type LogLine, type ReadableSource} from './logs.js';

/**
 * Cache descriptors of the log viewer. A tail is one source's newest lines; every load after
 * the first asks only for what is new since (GetLogEvents with the forward token, or
 * FilterLogEvents after the newest timestamp when the stream name is not exact), so a follow
 * poll costs one call when nothing or little was written. Older lines are fetched on demand,
 * page by page, with the backward token. Keys sit under `<scope>/logs/`.
 */

type Scoped = Pick<Session, 'scope' | 'clients' | 'store'>;

/** Lines read when a tail is first opened, and per page of older lines. */
export const TAIL_PAGE = 500;
/** Lines per follow call; a full page means more may be waiting, so the load asks again. */
const FOLLOW_PAGE = 1000;
const FOLLOW_CALLS = 5;
/** Lines kept per source; older ones are let go (and said so) to bound memory. */
export const MAX_TAIL_LINES = 5000;
/** Matches a search keeps, newest first, per source and overall. */
export const MAX_MATCHES = 300;
const SEARCH_PAGES = 5;

/** One source's lines, oldest first, and where to read on from. */
export type LogTail = {
	lines: LogLine[];
	/** GetLogEvents tokens (exact streams). */
	forwardToken?: string;
	backwardToken?: string;
	/** FilterLogEvents sources: the newest timestamp read and the ids read at it. */
	after?: {timestamp: number; ids: string[]};
	/** The oldest line of the source is loaded. */
	atHead: boolean;
	/** Lines let go from the top (MAX_TAIL_LINES). */
	dropped: number;
	/** Lines the last load added: 0 when a follow poll found nothing new. */
	added: number;
	/** Calls the last load made (the follow mode's cost per poll). */
	calls: number;
	/** Line ids are positions: older pages count down from here, newer ones up from `nextSeq`. */
	firstSeq: number;
	nextSeq: number;
};

/** The cache key of a source's tail. */
export function tailKey(session: Pick<Session, 'scope'>, source: ReadableSource): string {
	return `${session.scope}/logs/${source.region}/${source.group}/${source.stream ?? `prefix:${source.streamPrefix ?? ''}`}`;
}

const numbered = (lines: readonly LogLine[], from: number): LogLine[] => lines.map((line, index) => ({...line, id: String(from + index)}));

function keepBounded(tail: LogTail): LogTail {
	const extra = tail.lines.length - MAX_TAIL_LINES;
	if (extra <= 0) return tail;
	// Older lines go; the backward token would now skip them, so older paging stops here.
	const {backwardToken: _gone, ...rest} = tail;
	return {...rest, lines: tail.lines.slice(extra), firstSeq: tail.firstSeq + extra, dropped: tail.dropped + extra, atHead: false};
}

function afterOf(lines: readonly LogLine[], previous?: LogTail['after']): LogTail['after'] {
	const last = lines.at(-1);
	if (!last) return previous;
	const ids = lines.filter(line => line.timestamp === last.timestamp).map(line => line.id);
	return {timestamp: last.timestamp, ids: previous?.timestamp === last.timestamp ? [...previous.ids, ...ids] : ids};
}

async function firstLoad(session: Scoped, source: ReadableSource, since: number, signal: AbortSignal): Promise<LogTail> {
	if (source.stream) {
		const page = await getLogEvents(session.clients, {...source, stream: source.stream}, {limit: TAIL_PAGE}, signal);
		return {
			lines: numbered(page.lines, 0),
			...(page.forwardToken ? {forwardToken: page.forwardToken} : {}),
			...(page.backwardToken ? {backwardToken: page.backwardToken} : {}),
			atHead: page.lines.length < TAIL_PAGE,
			dropped: 0,
			added: page.lines.length,
			calls: 1,
			firstSeq: 0,
			nextSeq: page.lines.length,
		};
	}
	const page = await filterLogEvents(session.clients, source, {startTime: since, newestFirst: true, limit: TAIL_PAGE}, signal);
	const lines = [...page.lines].reverse();
	return {lines: numbered(lines, 0), after: afterOf(lines), atHead: page.nextToken === undefined, dropped: 0, added: lines.length, calls: 1, firstSeq: 0, nextSeq: lines.length};
}

/** What was written since `current`: the new lines, where to read on from, and the calls made. */
async function follow(session: Scoped, source: ReadableSource, current: LogTail, signal: AbortSignal): Promise<{lines: LogLine[]; forwardToken?: string; after?: LogTail['after']; calls: number}> {
	const fresh: LogLine[] = [];
	let calls = 0;
	if (source.stream) {
		let token = current.forwardToken;
		for (; calls < FOLLOW_CALLS; ) {
			const page = await getLogEvents(session.clients, {...source, stream: source.stream}, {limit: FOLLOW_PAGE, startFromHead: true, ...(token ? {nextToken: token} : {})}, signal);
			calls++;
			fresh.push(...page.lines);
			// Caught up when the page is not full (AWS returns the same token once at the end).
			const caughtUp = page.lines.length < FOLLOW_PAGE || page.forwardToken === token;
			token = page.forwardToken ?? token;
			if (caughtUp) break;
		}
		return {lines: fresh, ...(token ? {forwardToken: token} : {}), calls};
	}
	const after = current.after;
	const seen = new Set(after?.ids ?? []);
	let nextToken: string | undefined;
	do {
		const page = await filterLogEvents(session.clients, source, {startTime: after?.timestamp ?? 0, limit: FOLLOW_PAGE, ...(nextToken ? {nextToken} : {})}, signal);
		calls++;
		fresh.push(...page.lines.filter(line => !seen.has(line.id)));
		nextToken = page.nextToken;
	} while (nextToken && calls < FOLLOW_CALLS);
	return {lines: fresh, after: afterOf(fresh, after), calls};
}

/**
 * The newest lines of a source; reloading (a follow poll, Ctrl-R) appends what is new.
 * `since`: no line is older (the task's creation), which bounds searches of a whole group.
 */
export function logTailResource(session: Scoped, source: ReadableSource, since: number): Descriptor<LogTail> {
	const key = tailKey(session, source);
	const what = source.stream ? `Reading log stream ${source.stream} of ${source.group} (logs:GetLogEvents)` : `Searching log group ${source.group} (logs:FilterLogEvents)`;
	return {
		key,
		ttlMs: 2000,
		what,
		load: async ({signal}) => {
			const current = session.store.peek<LogTail>(key);
			if (!current) return firstLoad(session, source, since, signal);
			const news = await follow(session, source, current, signal);
			// Merge into what is cached now: older lines may have been added meanwhile.
			const latest = session.store.peek<LogTail>(key) ?? current;
			const lines = numbered(news.lines, latest.nextSeq);
			return keepBounded({
				...latest,
				lines: [...latest.lines, ...lines],
				...(news.forwardToken ? {forwardToken: news.forwardToken} : {}),
				...(news.after ? {after: news.after} : {}),
				added: lines.length,
				calls: news.calls,
				nextSeq: latest.nextSeq + lines.length,
			});
		},
	};
}

/**
 * Reads the page of lines before the oldest one loaded (GetLogEvents with the backward token,
 * or FilterLogEvents before the oldest timestamp) into the cached tail. Returns the number of
 * lines added; 0 at the head of the stream.
 */
export async function loadOlderLines(session: Scoped, source: ReadableSource, since: number, signal?: AbortSignal): Promise<number> {
	const key = tailKey(session, source);
	const current = session.store.peek<LogTail>(key);
	if (!current || current.atHead) return 0;
	let lines: LogLine[];
	let patch: Partial<LogTail>;
	if (source.stream) {
		if (!current.backwardToken) return 0;
		const page = await getLogEvents(session.clients, {...source, stream: source.stream}, {limit: TAIL_PAGE, nextToken: current.backwardToken}, signal);
		lines = page.lines;
		patch = {...(page.backwardToken ? {backwardToken: page.backwardToken} : {}), atHead: lines.length === 0 || page.backwardToken === current.backwardToken};
	} else {
		const oldest = current.lines[0];
		if (!oldest) return 0;
		const page = await filterLogEvents(session.clients, source, {startTime: since, endTime: oldest.timestamp - 1, newestFirst: true, limit: TAIL_PAGE}, signal);
		lines = [...page.lines].reverse();
		patch = {atHead: page.nextToken === undefined};
	}
	const latest = session.store.peek<LogTail>(key) ?? current;
	session.store.put<LogTail>(key, {...latest, ...patch, lines: [...numbered(lines, latest.firstSeq - lines.length), ...latest.lines], firstSeq: latest.firstSeq - lines.length});
	return lines.length;
}

/** Matches of a search over several sources, oldest first, each labelled with its container. */
export type LogSearch = {
	lines: LogLine[];
	/** The filter pattern sent to CloudWatch Logs. */
	pattern: string;
	/** Older matches exist than the ones kept. */
	more: boolean;
	/** Containers whose stream does not exist (never started, or nothing written yet). */
	missing: string[];
};

const isNotFound = (error: unknown) => (error as {name?: string}).name === 'ResourceNotFoundException';

/**
 * Server-side search (FilterLogEvents, newest first) of every readable source of a task, from
 * `since` on: up to MAX_MATCHES matches per source, then the newest MAX_MATCHES overall.
 */
export function logSearchResource(session: Scoped, sources: readonly ReadableSource[], text: string, since: number): Descriptor<LogSearch> {
	const pattern = filterPatternFor(text);
	const ids = sources.map(source => `${source.region}/${source.group}/${source.stream ?? `prefix:${source.streamPrefix ?? ''}`}`).join('|');
	return {
		key: `${session.scope}/logs/search/${since}/${ids}/${pattern}`,
		ttlMs: 30_000,
		what: `Searching the task's logs for ${pattern} (logs:FilterLogEvents)`,
		load: async ({signal}) => {
			const missing: string[] = [];
			let more = false;
			const perSource = await Promise.all(
				sources.map(async source => {
					const found: LogLine[] = [];
					let nextToken: string | undefined;
					let pages = 0;
					try {
						do {
							const page = await filterLogEvents(session.clients, source, {pattern, startTime: since, newestFirst: true, limit: MAX_MATCHES - found.length, ...(nextToken ? {nextToken} : {})}, signal);
							found.push(...page.lines);
							nextToken = page.nextToken;
							pages++;
						} while (nextToken && found.length < MAX_MATCHES && pages < SEARCH_PAGES);
					} catch (error) {
						if (!isNotFound(error)) throw error;
						missing.push(source.container);
					}
					if (nextToken) more = true;
					return found.map(line => ({...line, id: `${source.container}/${line.id}`}));
				}),
			);
			const all = perSource.flat().sort((a, b) => a.timestamp - b.timestamp);
			if (all.length > MAX_MATCHES) more = true;
			return {lines: all.slice(-MAX_MATCHES), pattern, more, missing};
		},
	};
}
