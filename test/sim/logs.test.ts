import {test} from 'node:test';
import assert from 'node:assert/strict';
import {CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {ECSClient, ListTasksCommand, StopTaskCommand} from '@aws-sdk/client-ecs';
import {clientConfig, rejectsWith} from '../helpers/sim.js';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import type {VirtualClock} from '../../source/sim/clock.js';

async function setUp(t: {after(fn: () => unknown): void}) {
	const sim: Simulator = await startSimulator();
	t.after(() => sim.close());
	return {sim, logs: new CloudWatchLogsClient(clientConfig(sim)), ecs: new ECSClient(clientConfig(sim)), clock: sim.clock as VirtualClock};
}

const taskIdOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

test('DescribeLogGroups: the demo groups by name, prefix, paging and limits', async t => {
	const {logs} = await setUp(t);
	const all = await logs.send(new DescribeLogGroupsCommand({}));
	const names = all.logGroups?.map(group => group.logGroupName);
	assert.ok(names?.includes('/ecs/payments-api') && names.includes('/ecs/web-frontend') && names.includes('/ecs/firelens') && names.includes('/ecs/payments-staging'));
	assert.deepEqual(names, [...(names ?? [])].sort());
	const payments = all.logGroups?.find(group => group.logGroupName === '/ecs/payments-api');
	assert.equal(payments?.arn, 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/payments-api:*');
	assert.equal(payments?.logGroupArn, 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/payments-api');
	assert.equal(payments?.retentionInDays, 30);
	const first = await logs.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/ecs/pay', limit: 1}));
	assert.deepEqual(first.logGroups?.map(group => group.logGroupName), ['/ecs/payments-api']);
	const second = await logs.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/ecs/pay', limit: 1, nextToken: first.nextToken}));
	assert.deepEqual(second.logGroups?.map(group => group.logGroupName), ['/ecs/payments-staging']);
	assert.equal(second.nextToken, undefined);
	await rejectsWith(logs.send(new DescribeLogGroupsCommand({limit: 51})), 'ValidationException', /less than or equal to 50/);
	await rejectsWith(logs.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/ecs', logGroupNamePattern: 'pay'})), 'InvalidParameterException');
});

test('DescribeLogStreams: one stream per started container; the failing services have none', async t => {
	const {logs, ecs} = await setUp(t);
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'payments'}));
	const streams = await logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/payments-api'}));
	assert.deepEqual(streams.logStreams?.map(stream => stream.logStreamName), taskArns.map(arn => `ecs/payments-api/${taskIdOf(arn)}`).sort());
	const stream = streams.logStreams![0]!;
	assert.ok(stream.firstEventTimestamp! < stream.lastEventTimestamp!);
	assert.ok(stream.lastIngestionTime! > stream.lastEventTimestamp!);
	assert.match(stream.arn!, /^arn:aws:logs:us-east-1:123456789012:log-group:\/ecs\/payments-api:log-stream:ecs\/payments-api\/[0-9a-f]{32}$/);
	// Tasks that never started their containers wrote nothing.
	for (const group of ['/ecs/orders-worker', '/ecs/notifications', '/ecs/data-pipeline', '/ecs/legacy-batch']) {
		assert.deepEqual((await logs.send(new DescribeLogStreamsCommand({logGroupName: group}))).logStreams, [], group);
	}
	const newest = await logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/web-frontend', orderBy: 'LastEventTime', descending: true, limit: 1}));
	assert.equal(newest.logStreams?.length, 1);
	assert.ok(newest.nextToken);
	await rejectsWith(logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/web-frontend', orderBy: 'LastEventTime', logStreamNamePrefix: 'ecs/'})), 'InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
	await rejectsWith(logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/nope'})), 'ResourceNotFoundException', 'The specified log group does not exist.');
	const byArn = await logs.send(new DescribeLogStreamsCommand({logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/payments-api'}));
	assert.equal(byArn.logStreams?.length, taskArns.length);
	await rejectsWith(logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/payments-api', logGroupIdentifier: '/ecs/payments-api'})), 'InvalidParameterException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
});

test('GetLogEvents: newest page first, the same forward token until new events arrive, backward paging to the head', async t => {
	const {logs, ecs, clock} = await setUp(t);
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'payments'}));
	const stream = `ecs/payments-api/${taskIdOf(taskArns[0]!)}`;
	const tail = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, limit: 5}));
	const events = tail.events ?? [];
	assert.equal(events.length, 5);
	assert.ok(events.every((event, index) => index === 0 || event.timestamp! > events[index - 1]!.timestamp!), 'oldest first within the page');
	assert.ok(events.at(-1)!.timestamp! <= clock.now() && events.at(-1)!.timestamp! > clock.now() - 60_000, 'the newest events');
	assert.match(tail.nextForwardToken!, /^f\/\d{56}\/s$/);
	assert.match(tail.nextBackwardToken!, /^b\/\d{56}\/s$/);
	// Caught up: the same token comes back, with nothing.
	const idle = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, nextToken: tail.nextForwardToken}));
	assert.deepEqual(idle.events, []);
	assert.equal(idle.nextForwardToken, tail.nextForwardToken);
	clock.advance(30_000);
	const fresh = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, nextToken: tail.nextForwardToken}));
	assert.ok((fresh.events?.length ?? 0) >= 5, 'about one event per 4 s');
	assert.ok(fresh.events!.every(event => event.timestamp! > events.at(-1)!.timestamp!));
	assert.notEqual(fresh.nextForwardToken, tail.nextForwardToken);
	// Backwards: the page just before, then on to the first event, where the token repeats.
	const before = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, nextToken: tail.nextBackwardToken, limit: 3}));
	assert.equal(before.events?.length, 3);
	assert.ok(before.events!.at(-1)!.timestamp! < events[0]!.timestamp!);
	const head = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, startFromHead: true, limit: 2}));
	assert.match(head.events?.[0]?.message ?? '', /msg="starting payments-api" version=v2\.26\.0/);
	const atHead = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, nextToken: head.nextBackwardToken}));
	assert.deepEqual(atHead.events, []);
	assert.equal(atHead.nextBackwardToken, head.nextBackwardToken);
	// Time range: startTime inclusive, endTime exclusive.
	const start = events[1]!.timestamp!;
	const end = events[3]!.timestamp!;
	const range = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-api', logStreamName: stream, startTime: start, endTime: end, startFromHead: true}));
	assert.deepEqual(range.events?.map(event => event.timestamp), [events[1]!.timestamp, events[2]!.timestamp]);
});

test('GetLogEvents errors: missing group or stream, a foreign token, limits', async t => {
	const {logs} = await setUp(t);
	await rejectsWith(logs.send(new GetLogEventsCommand({logGroupName: '/ecs/nope', logStreamName: 'x'})), 'ResourceNotFoundException', 'The specified log group does not exist.');
	await rejectsWith(logs.send(new GetLogEventsCommand({logGroupName: '/ecs/orders-worker', logStreamName: 'ecs/orders-worker/0123'})), 'ResourceNotFoundException', 'The specified log stream does not exist.');
	const {logStreams = []} = await logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/web-frontend'}));
	const [a, b] = logStreams.map(stream => stream.logStreamName!);
	const page = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: a, limit: 1}));
	await rejectsWith(logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: b, nextToken: page.nextForwardToken})), 'InvalidParameterException', 'The specified nextToken is invalid.');
	await rejectsWith(logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: a, limit: 10_001})), 'ValidationException');
	await rejectsWith(logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: a, limit: 0})), 'ValidationException');
});

test('FilterLogEvents: terms, phrases, any-of, exclusion, regex, JSON; stream selection; paging without duplicates', async t => {
	const {logs, clock} = await setUp(t);
	const hour = clock.now() - 3_600_000;
	const filter = (input: Record<string, unknown>) => logs.send(new FilterLogEventsCommand({logGroupName: '/ecs/payments-api', startTime: hour, ...input}));
	const errors = await filter({filterPattern: 'level=error'});
	assert.ok((errors.events?.length ?? 0) > 0);
	assert.ok(errors.events!.every(event => event.message!.includes('level=error') && event.eventId!.length === 56));
	assert.ok(errors.events!.every((event, index) => index === 0 || event.timestamp! >= errors.events![index - 1]!.timestamp!), 'interleaved oldest first');
	const phrase = await filter({filterPattern: '"slow query"'});
	assert.ok(phrase.events!.length > 0 && phrase.events!.every(event => event.message!.includes('msg="slow query"')));
	const either = await filter({filterPattern: '?settlements ?refunds'});
	assert.ok(either.events!.some(event => event.message!.includes('/v1/refunds')) && either.events!.some(event => event.message!.includes('/v1/settlements')));
	const notHealth = await filter({filterPattern: 'GET -health', limit: 50});
	assert.ok(notHealth.events!.length > 0 && notHealth.events!.every(event => !event.message!.includes('/health')));
	const word = await filter({filterPattern: 'payment', limit: 5});
	assert.deepEqual(word.events, [], 'an unquoted word matches whole words only');
	const regex = await filter({filterPattern: '%status=5[0-9]{2}%', limit: 5});
	assert.ok(regex.events!.length > 0 && regex.events!.every(event => /status=5\d\d/.test(event.message!)));
	await rejectsWith(filter({filterPattern: '%(a|b)%'}), 'InvalidParameterException', /Invalid filter pattern/);
	const json = await logs.send(new FilterLogEventsCommand({logGroupName: '/ecs/payments-staging', filterPattern: '{ $.source = "stdout" && $.ecs_cluster = "staging" }', limit: 3}));
	assert.equal(json.events?.length, 3);

	const [first, second] = (await logs.send(new DescribeLogStreamsCommand({logGroupName: '/ecs/payments-api'}))).logStreams!.map(stream => stream.logStreamName!);
	const one = await filter({logStreamNames: [first!], limit: 20});
	assert.ok(one.events!.every(event => event.logStreamName === first));
	const prefixed = await filter({logStreamNamePrefix: second!.slice(0, -4), limit: 20});
	assert.ok(prefixed.events!.every(event => event.logStreamName === second));
	await rejectsWith(filter({logStreamNames: [first!], logStreamNamePrefix: 'ecs/'}), 'InvalidParameterException', 'Cannot specify both logStreamNames and logStreamNamePrefix.');
	const nothing = await filter({logStreamNames: ['ecs/payments-api/ffffffffffffffffffffffffffffffff']});
	assert.deepEqual(nothing.events, []);

	// Paging: pages of 7 over the last 5 minutes add up to one big answer, in order, no repeats.
	const window = {startTime: clock.now() - 300_000, endTime: clock.now()};
	const whole = await filter({...window});
	const paged: string[] = [];
	let token: string | undefined;
	do {
		const page = await filter({...window, limit: 7, ...(token ? {nextToken: token} : {})});
		assert.ok((page.events?.length ?? 0) <= 7);
		paged.push(...page.events!.map(event => event.eventId!));
		token = page.nextToken;
	} while (token);
	assert.deepEqual(paged, whole.events!.map(event => event.eventId!));
	assert.ok(whole.events!.every(event => event.timestamp! >= window.startTime && event.timestamp! <= window.endTime));

	// Newest first, which needs a startTime from 2024 on.
	const newest = await filter({startFromHead: false, limit: 3});
	assert.ok(newest.events![0]!.timestamp! >= newest.events![2]!.timestamp!);
	assert.equal(newest.events![0]!.eventId, whole.events!.at(-1)!.eventId);
	await rejectsWith(logs.send(new FilterLogEventsCommand({logGroupName: '/ecs/payments-api', startFromHead: false})), 'InvalidParameterException');
	await rejectsWith(filter({filterPattern: 'x'.repeat(1025)}), 'ValidationException');
	await rejectsWith(filter({logStreamNames: Array.from({length: 101}, (_, index) => `s${index}`)}), 'ValidationException');
});

test('a stopped task writes its shutdown; FireLens records land in their own group and the router logs itself', async t => {
	const {logs, ecs, clock} = await setUp(t);
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster: 'staging', serviceName: 'web'}));
	const id = taskIdOf(taskArns[0]!);
	await ecs.send(new StopTaskCommand({cluster: 'staging', task: id, reason: 'ecrtui test'}));
	clock.advance(60_000);
	const stopped = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: `ecs/web-frontend/${id}`, limit: 5}));
	const lines = stopped.events!.map(event => event.message!);
	assert.match(lines.join('\n'), /signal 15 \(SIGTERM\) received from 1, exiting\n.*gracefully shutting down\n.*exiting\n.*\[notice\] 1#1: exit$/);
	clock.advance(60_000);
	const after = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: `ecs/web-frontend/${id}`, nextToken: stopped.nextForwardToken}));
	assert.deepEqual(after.events, [], 'nothing after the exit');

	const {taskArns: staging = []} = await ecs.send(new ListTasksCommand({cluster: 'staging', serviceName: 'payments'}));
	const stagingId = taskIdOf(staging[0]!);
	const app = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/payments-staging', logStreamName: `app/payments-api-firelens-${stagingId}`, startFromHead: true, limit: 1}));
	const record = JSON.parse(app.events![0]!.message!) as Record<string, string>;
	assert.equal(record.log, 'level=info msg="starting payments-api" version=v2.27.0-rc1 go=go1.23.4');
	assert.equal(record.ecs_cluster, 'staging');
	assert.equal(record.source, 'stdout');
	const router = await logs.send(new GetLogEventsCommand({logGroupName: '/ecs/firelens', logStreamName: `firelens/log_router/${stagingId}`, startFromHead: true}));
	assert.ok(router.events!.some(event => event.message === 'Fluent Bit v1.9.10'));
	assert.ok(router.events!.some(event => event.message!.endsWith(`Created log stream app/payments-api-firelens-${stagingId}`)));
});

test('access denied comes back as AWS words it, naming logs:GetLogEvents', async t => {
	const {sim, logs} = await setUp(t);
	sim.faults.add({kind: 'access-denied', service: 'logs', operation: 'GetLogEvents'});
	await rejectsWith(logs.send(new GetLogEventsCommand({logGroupName: '/ecs/web-frontend', logStreamName: 'x'})), 'AccessDeniedException', /not authorized to perform: logs:GetLogEvents/);
	assert.equal(sim.calls.filter(call => call.service === 'logs').every(call => !call.mutating), true);
});
