import {SimError, checkListLength, checkRange, validationError} from '../errors.js';
import {page} from '../paging.js';
import type {CallContext, ServiceDefinition} from '../service.js';
import {logsStateOf, streamLength, eventAt, type SimLogGroup, type SimLogStream} from '../world/logs.js';
import {syncEcsLogs} from './logs-ecs.js';
import {compilePattern} from './logs-pattern.js';
import {filterLogEvents, getLogEvents} from './logs-read.js';

/**
 * CloudWatch Logs over AWS JSON 1.1 (`X-Amz-Target: Logs_20140328.<Op>`): the reads a log
 * viewer needs, with the model's limits (DescribeLogGroups / DescribeLogStreams limit 1..50,
 * GetLogEvents / FilterLogEvents limit 1..10000, filterPattern up to 1024 characters,
 * logStreamNames 1..100) and AWS's errors [OBS: "The specified log group does not exist.",
 * "The specified log stream does not exist."]. Before answering, the ECS tasks of the account
 * write what they have logged by now (`logs-ecs.ts`).
 */

const groupNotFound = () => new SimError('ResourceNotFoundException', 'The specified log group does not exist.');
const streamNotFound = () => new SimError('ResourceNotFoundException', 'The specified log stream does not exist.');
/** FilterLogEvents with startFromHead false needs a startTime from 2024 on [MODEL]. */
const NEWEST_FIRST_FLOOR = Date.UTC(2024, 0, 1);

function optionalString(input: Record<string, unknown>, field: string): string | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SimError('SerializationException', `Expected a string for '${field}'`);
	return value;
}

function optionalTime(input: Record<string, unknown>, field: string): number | undefined {
	const value = input[field];
	if (value === undefined || value === null) return undefined;
	checkRange(field, value, 0, Number.MAX_SAFE_INTEGER);
	return value as number;
}

/** `logGroupName` or `logGroupIdentifier` (a name or an ARN), exactly one of them. */
function groupOf(input: Record<string, unknown>, context: CallContext): SimLogGroup {
	const name = optionalString(input, 'logGroupName');
	const identifier = optionalString(input, 'logGroupIdentifier');
	if (name !== undefined && identifier !== undefined) throw new SimError('InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
	if (name === undefined && identifier === undefined) throw new SimError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be specified.');
	let wanted = name ?? identifier!;
	let region = context.region;
	const arn = /^arn:aws[\w-]*:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(wanted);
	if (arn) {
		if (arn[2] !== context.accountId) throw groupNotFound();
		region = arn[1]!;
		wanted = arn[3]!;
	}
	const group = logsStateOf(context.world, context.accountId, region).groups.get(wanted);
	if (!group) throw groupNotFound();
	return group;
}

const groupArn = (context: CallContext, name: string) => `arn:aws:logs:${context.region}:${context.accountId}:log-group:${name}`;

function lastEvent(stream: SimLogStream, now: number) {
	const length = streamLength(stream, now);
	return length === 0 ? undefined : eventAt(stream, length - 1);
}

function streamShape(context: CallContext, group: SimLogGroup, stream: SimLogStream) {
	const length = streamLength(stream, context.now);
	const last = lastEvent(stream, context.now);
	return {
		logStreamName: stream.name,
		creationTime: stream.creationTime,
		...(length > 0 ? {firstEventTimestamp: eventAt(stream, 0).timestamp} : {}),
		...(last ? {lastEventTimestamp: last.timestamp, lastIngestionTime: last.ingestionTime} : {}),
		arn: `${groupArn(context, group.name)}:log-stream:${stream.name}`,
		// Deprecated and always 0 for streams [MODEL LogStream.storedBytes].
		storedBytes: 0,
	};
}

function limitOf(input: Record<string, unknown>, max: number, fallback: number): number {
	checkRange('limit', input.limit, 1, max);
	return (input.limit as number | undefined) ?? fallback;
}

function sync(context: CallContext): void {
	syncEcsLogs(context.world, context.accountId);
}

export const logsService: ServiceDefinition = {
	name: 'logs',
	protocol: 'json',
	targetPrefix: 'Logs_20140328',
	handlers: {
		DescribeLogGroups(input, context) {
			sync(context);
			const prefix = optionalString(input, 'logGroupNamePrefix');
			const pattern = optionalString(input, 'logGroupNamePattern');
			if (prefix !== undefined && pattern !== undefined) throw new SimError('InvalidParameterException', 'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
			const groups = [...logsStateOf(context.world, context.accountId, context.region).groups.values()]
				.filter(group => (prefix === undefined || group.name.startsWith(prefix)) && (pattern === undefined || group.name.toLowerCase().includes(pattern.toLowerCase())))
				.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			const result = page(`DescribeLogGroups/${prefix ?? ''}/${pattern ?? ''}`, groups, input.nextToken, limitOf(input, 50, 50));
			return {
				logGroups: result.items.map(group => ({
					logGroupName: group.name,
					creationTime: group.creationTime,
					...(group.retentionInDays === undefined ? {} : {retentionInDays: group.retentionInDays}),
					metricFilterCount: 0,
					arn: `${groupArn(context, group.name)}:*`,
					logGroupArn: groupArn(context, group.name),
					storedBytes: [...group.streams.values()].reduce((sum, stream) => sum + streamLength(stream, context.now) * 120, 0),
					logGroupClass: 'STANDARD',
				})),
				nextToken: result.nextToken,
			};
		},

		DescribeLogStreams(input, context) {
			sync(context);
			const group = groupOf(input, context);
			const prefix = optionalString(input, 'logStreamNamePrefix');
			const orderBy = optionalString(input, 'orderBy') ?? 'LogStreamName';
			if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') throw validationError('orderBy', orderBy, 'Member must satisfy enum value set: [LogStreamName, LastEventTime]');
			if (orderBy === 'LastEventTime' && prefix !== undefined) throw new SimError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
			const descending = input.descending === true;
			const lastTime = (stream: SimLogStream) => lastEvent(stream, context.now)?.timestamp ?? 0;
			const streams = [...group.streams.values()]
				.filter(stream => stream.creationTime <= context.now && (prefix === undefined || stream.name.startsWith(prefix)))
				.sort((a, b) => (orderBy === 'LastEventTime' ? lastTime(a) - lastTime(b) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			if (descending) streams.reverse();
			const result = page(`DescribeLogStreams/${group.name}/${prefix ?? ''}/${orderBy}/${descending}`, streams, input.nextToken, limitOf(input, 50, 50));
			return {logStreams: result.items.map(stream => streamShape(context, group, stream)), nextToken: result.nextToken};
		},

		GetLogEvents(input, context) {
			sync(context);
			const streamName = optionalString(input, 'logStreamName');
			if (streamName === undefined) throw validationError('logStreamName', null, 'Member must not be null');
			const group = groupOf(input, context);
			const stream = group.streams.get(streamName);
			if (!stream || stream.creationTime > context.now) throw streamNotFound();
			const startTime = optionalTime(input, 'startTime');
			const endTime = optionalTime(input, 'endTime');
			const nextToken = optionalString(input, 'nextToken');
			return getLogEvents(group, stream, {
				limit: limitOf(input, 10_000, 10_000),
				startFromHead: input.startFromHead === true,
				...(startTime === undefined ? {} : {startTime}),
				...(endTime === undefined ? {} : {endTime}),
				...(nextToken ? {nextToken} : {}),
			}, context.now);
		},

		FilterLogEvents(input, context) {
			sync(context);
			const group = groupOf(input, context);
			const pattern = optionalString(input, 'filterPattern');
			if (pattern !== undefined && pattern.length > 1024) throw validationError('filterPattern', '…', 'Member must have length less than or equal to 1024');
			checkListLength('logStreamNames', input.logStreamNames, 1, 100);
			const names = input.logStreamNames as string[] | undefined;
			const prefix = optionalString(input, 'logStreamNamePrefix');
			if (names !== undefined && prefix !== undefined) throw new SimError('InvalidParameterException', 'Cannot specify both logStreamNames and logStreamNamePrefix.');
			const startTime = optionalTime(input, 'startTime');
			const endTime = optionalTime(input, 'endTime');
			const startFromHead = input.startFromHead !== false;
			if (!startFromHead && (startTime === undefined || startTime < NEWEST_FIRST_FLOOR)) {
				throw new SimError('InvalidParameterException', 'startFromHead=false requires a startTime on or after Jan 1, 2024 00:00:00 UTC.');
			}
			const matcher = compilePattern(pattern);
			// Unknown names are searched as empty streams: a search does not check names [INF].
			const streams = [...group.streams.values()]
				.filter(stream => stream.creationTime <= context.now && (names === undefined || names.includes(stream.name)) && (prefix === undefined || stream.name.startsWith(prefix)))
				.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			const nextToken = optionalString(input, 'nextToken');
			return filterLogEvents(group, {
				streams,
				matcher,
				limit: limitOf(input, 10_000, 10_000),
				startFromHead,
				...(startTime === undefined ? {} : {startTime}),
				...(endTime === undefined ? {} : {endTime}),
				...(nextToken ? {nextToken} : {}),
			}, context.now);
		},
	},
};
