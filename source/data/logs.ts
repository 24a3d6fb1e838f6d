import type {FilteredLogEvent, OutputLogEvent} from '@aws-sdk/client-cloudwatch-logs';
import type {AwsClients} from './clients.js';
import {loadLogs as sdk} from './sdk.js';
import type {ContainerDefinitionRecord, TaskDefinitionRecord} from '../domain/ecs/types.js';
import type {TaskRecord} from '../domain/tasks/types.js';
import {nameOfArn} from '../domain/ecs/types.js';

/**
 * Where an ECS task's containers log, and the CloudWatch Logs reads behind the log viewer.
 * The mapping follows the log drivers' own rules, so it reaches further than the ECS console
 * (containers-roadmap #2212) and e1s ("only support awslogs logDriver"):
 *
 * - `awslogs`: group `awslogs-group` in `awslogs-region`, stream
 *   `<awslogs-stream-prefix>/<container>/<task id>` [DOC using_awslogs];
 * - `awsfirelens` with Fluent Bit's `cloudwatch_logs` (or the Go `cloudwatch`) output: group
 *   `log_group_name` in `region`, stream `log_stream_name` (its `$(ecs_task_id)`-style
 *   templates resolved) or `<log_stream_prefix><container>-firelens-<task id>`; records are
 *   FireLens JSON with the line under `log` unless `log_key` sends the line alone [DOC firelens];
 * - any other driver or FireLens output: named, and said to be unreadable here.
 *
 * When only part of a stream name is known, the source is the group (or a stream prefix) and
 * is read with FilterLogEvents instead of GetLogEvents.
 */

/** Where one container's output can be read (or why it cannot). */
export type LogSource =
	| {
			container: string;
			kind: 'cloudwatch';
			via: 'awslogs' | 'firelens';
			region: string;
			group: string;
			/** The exact stream, when the configuration names it. */
			stream?: string;
			/** Otherwise the known start of the stream names ('' = the whole group). */
			streamPrefix?: string;
			/** FireLens records are JSON objects; the line is under this key. */
			recordKey?: string;
			/** Why the stream is not exact, or another caveat. */
			note?: string;
	  }
	| {container: string; kind: 'unreadable'; driver: string; why: string}
	| {container: string; kind: 'none'; why: string};

export type ReadableSource = Extract<LogSource, {kind: 'cloudwatch'}>;

/** One log event as the viewer shows it. */
export type LogLine = {
	/** Unique within a source (FilterLogEvents' eventId, or stream position). */
	id: string;
	timestamp: number;
	ingestionTime?: number;
	/** The line: the message, or a FireLens record's `log` field. Untrusted text. */
	text: string;
	/** The message as stored (a FireLens record's whole JSON). */
	message: string;
	stream?: string;
	/** The container whose source it came from (search results mix them). */
	container?: string;
};

const cloudWatchOutputs = new Set(['cloudwatch_logs', 'cloudwatch']);
const NEWEST_FIRST_FLOOR = Date.UTC(2024, 0, 1);

function firelensSource(container: ContainerDefinitionRecord, options: Record<string, string>, task: TaskRecord, region: string): LogSource {
	const name = options.Name ?? options.name;
	if (name === undefined) {
		return {container: container.name, kind: 'unreadable', driver: 'awsfirelens', why: 'FireLens without a Name option: the destination is in the log router\'s own configuration file'};
	}
	if (!cloudWatchOutputs.has(name.toLowerCase())) {
		return {container: container.name, kind: 'unreadable', driver: `awsfirelens → ${name}`, why: `FireLens sends this container's logs to ${name}, not to CloudWatch Logs`};
	}
	const group = options.log_group_name;
	if (!group) {
		return {container: container.name, kind: 'unreadable', driver: `awsfirelens → ${name}`, why: 'the log group comes from log_group_template, which ecrtui cannot resolve'};
	}
	const id = nameOfArn(task.taskArn);
	const cluster = task.clusterArn ? nameOfArn(task.clusterArn) : '';
	const tag = `${container.name}-firelens-${id}`;
	const base = {container: container.name, kind: 'cloudwatch' as const, via: 'firelens' as const, region: options.region ?? region, group, ...(options.log_key ? {} : {recordKey: 'log'})};
	const template = options.log_stream_name ?? options.log_stream_template;
	if (template) {
		const resolved = template.replace(/\$\((ecs_task_id|ecs_task_arn|ecs_cluster|container_name|tag)\)/g, (_all, key: string) => ({ecs_task_id: id, ecs_task_arn: task.taskArn, ecs_cluster: cluster, container_name: container.name, tag})[key] ?? '');
		const open = resolved.search(/\$\(|\$\{|\$[A-Za-z]/);
		if (open === -1 && options.log_stream_name) return {...base, stream: resolved};
		return {...base, streamPrefix: resolved.slice(0, Math.max(0, open)), note: 'the stream name is a template ecrtui cannot fully resolve: searching by its known start'};
	}
	return {...base, stream: `${options.log_stream_prefix ?? ''}${tag}`};
}

/** Where one container of a task logs. `region` is the session's (awslogs-region may differ). */
export function logSourceOf(container: ContainerDefinitionRecord, task: TaskRecord, region: string): LogSource {
	const config = container.logConfiguration;
	if (!config) return {container: container.name, kind: 'none', why: 'no log configuration: this container\'s output is not kept anywhere'};
	const options = config.options;
	if (config.logDriver === 'awslogs') {
		const group = options['awslogs-group'];
		if (!group) return {container: container.name, kind: 'unreadable', driver: 'awslogs', why: 'awslogs without awslogs-group'};
		const prefix = options['awslogs-stream-prefix'];
		const base = {container: container.name, kind: 'cloudwatch' as const, via: 'awslogs' as const, region: options['awslogs-region'] ?? region, group};
		if (prefix) return {...base, stream: `${prefix}/${container.name}/${nameOfArn(task.taskArn)}`};
		return {...base, streamPrefix: '', note: 'awslogs without awslogs-stream-prefix names the stream after the Docker container id: searching the whole group'};
	}
	if (config.logDriver === 'awsfirelens') return firelensSource(container, options, task, region);
	return {container: container.name, kind: 'unreadable', driver: config.logDriver, why: `the ${config.logDriver} log driver sends output outside CloudWatch Logs; ecrtui reads CloudWatch Logs only`};
}

/** The log sources of every container of a task, in task-definition order. */
export function logSourcesOf(task: TaskRecord, definition: TaskDefinitionRecord, region: string): LogSource[] {
	return definition.containers.map(container => logSourceOf(container, task, region));
}


/** The line of a message: a FireLens record's `log` field, or the message itself. */
export function lineText(message: string, recordKey: string | undefined): string {
	if (recordKey === undefined || !message.startsWith('{')) return message;
	try {
		const record = JSON.parse(message) as Record<string, unknown>;
		const value = record[recordKey];
		return typeof value === 'string' ? value.replace(/\r?\n$/, '') : message;
	} catch {
		return message;
	}
}

/**
 * The filter pattern for what a user typed: plain text becomes one quoted phrase (a
 * case-sensitive substring, punctuation included); text already in CloudWatch's syntax
 * (`?a ?b`, `-x`, `"…"`, `%regex%`, `{ $.json }`, `[…]`) is sent as it is.
 */
export function filterPatternFor(text: string): string {
	const trimmed = text.trim();
	if (trimmed === '' || /^[?\-"%{[]/.test(trimmed) || trimmed.includes('"')) return trimmed;
	return `"${trimmed}"`;
}

function toLine(event: OutputLogEvent | FilteredLogEvent, source: ReadableSource, id: string): LogLine {
	const message = event.message ?? '';
	const stream = 'logStreamName' in event ? event.logStreamName : source.stream;
	return {
		id,
		timestamp: event.timestamp ?? 0,
		...(event.ingestionTime === undefined ? {} : {ingestionTime: event.ingestionTime}),
		text: lineText(message, source.recordKey),
		message,
		...(stream ? {stream} : {}),
		container: source.container,
	};
}

export type EventsPage = {lines: LogLine[]; forwardToken?: string; backwardToken?: string};

/**
 * `aws logs get-log-events --log-group-name G --log-stream-name S [--next-token T] [--start-from-head]`.
 * Without a token: the newest `limit` events. Line ids are positions relative to `base` so
 * pages read in either direction line up.
 */
export async function getLogEvents(
	clients: AwsClients,
	source: ReadableSource & {stream: string},
	input: {nextToken?: string; startFromHead?: boolean; limit: number},
	signal?: AbortSignal,
): Promise<EventsPage> {
	const {GetLogEventsCommand} = await sdk();
	const client = await clients.forRegion(source.region).logs();
	const output = await client.send(
		new GetLogEventsCommand({logGroupName: source.group, logStreamName: source.stream, limit: input.limit, startFromHead: input.startFromHead ?? false, ...(input.nextToken ? {nextToken: input.nextToken} : {})}),
		{abortSignal: signal},
	);
	const events = output.events ?? [];
	return {
		lines: events.map(event => toLine(event, source, `${source.stream}@${event.timestamp ?? 0}:${event.message?.length ?? 0}:${event.ingestionTime ?? 0}`)),
		...(output.nextForwardToken ? {forwardToken: output.nextForwardToken} : {}),
		...(output.nextBackwardToken ? {backwardToken: output.nextBackwardToken} : {}),
	};
}

/**
 * `aws logs filter-log-events --log-group-name G [--log-stream-names S | --log-stream-name-prefix P]
 * [--filter-pattern F] [--start-time T] [--no-start-from-head]`: one page.
 */
export async function filterLogEvents(
	clients: AwsClients,
	source: ReadableSource,
	input: {pattern?: string; startTime?: number; endTime?: number; newestFirst?: boolean; limit: number; nextToken?: string},
	signal?: AbortSignal,
): Promise<{lines: LogLine[]; nextToken?: string}> {
	const {FilterLogEventsCommand} = await sdk();
	const client = await clients.forRegion(source.region).logs();
	const streams = source.stream ? {logStreamNames: [source.stream]} : source.streamPrefix ? {logStreamNamePrefix: source.streamPrefix} : {};
	// Newest-first needs a startTime from 2024 on, or AWS refuses the call [MODEL startFromHead].
	const startTime = input.newestFirst ? Math.max(input.startTime ?? 0, NEWEST_FIRST_FLOOR) : input.startTime;
	const output = await client.send(
		new FilterLogEventsCommand({
			logGroupName: source.group,
			...streams,
			limit: input.limit,
			...(input.pattern ? {filterPattern: input.pattern} : {}),
			...(startTime === undefined ? {} : {startTime}),
			...(input.endTime === undefined ? {} : {endTime: input.endTime}),
			...(input.newestFirst ? {startFromHead: false} : {}),
			...(input.nextToken ? {nextToken: input.nextToken} : {}),
		}),
		{abortSignal: signal},
	);
	return {
		lines: (output.events ?? []).map(event => toLine(event, source, event.eventId ?? `${event.logStreamName ?? ''}@${event.timestamp ?? 0}`)),
		...(output.nextToken ? {nextToken: output.nextToken} : {}),
	};
}
