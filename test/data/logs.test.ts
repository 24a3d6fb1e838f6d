import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {filterPatternFor, lineText, logSourceOf, logSourcesOf, type ReadableSource} from '../../source/data/logs.js';
import {loadOlderLines, logSearchResource, logTailResource, tailKey, type LogTail} from '../../source/data/logs-resources.js';
import {describeTaskDefinition, describeTasks} from '../../source/data/ecs.js';
import type {ContainerDefinitionRecord} from '../../source/domain/ecs/types.js';
import type {TaskRecord} from '../../source/domain/tasks/types.js';
import type {VirtualClock} from '../../source/sim/clock.js';
import {ecsStateOf} from '../../source/sim/world/ecs.js';
import {useSimulator, demoSession} from '../helpers/sim.js';

const ID = '0123456789abcdef0123456789abcdef';
const task: TaskRecord = {taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${ID}`, clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', lastStatus: 'RUNNING', createdAt: 0, containers: []};
const container = (logDriver: string | undefined, options: Record<string, string> = {}): ContainerDefinitionRecord => ({
	name: 'app',
	image: 'nginx',
	essential: true,
	secrets: [],
	environment: [],
	...(logDriver ? {logConfiguration: {logDriver, options}} : {}),
});

describe('log sources from a task definition', () => {
	const cases: [string, ContainerDefinitionRecord, Record<string, unknown>][] = [
		['awslogs: group, region, <prefix>/<container>/<task id>', container('awslogs', {'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'}), {kind: 'cloudwatch', via: 'awslogs', region: 'us-east-1', group: '/ecs/app', stream: `ecs/app/${ID}`}],
		['awslogs in another region', container('awslogs', {'awslogs-group': '/ecs/app', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web'}), {region: 'eu-west-1', stream: `web/app/${ID}`}],
		['awslogs without a region uses the session\'s', container('awslogs', {'awslogs-group': '/ecs/app', 'awslogs-stream-prefix': 'ecs'}), {region: 'us-east-1'}],
		['awslogs without a stream prefix: the whole group', container('awslogs', {'awslogs-group': '/ecs/app'}), {kind: 'cloudwatch', streamPrefix: '', stream: undefined}],
		[
			'FireLens cloudwatch_logs: <log_stream_prefix><container>-firelens-<task id>, JSON records',
			container('awsfirelens', {Name: 'cloudwatch_logs', region: 'us-west-2', log_group_name: '/firelens/app', log_stream_prefix: 'app/'}),
			{kind: 'cloudwatch', via: 'firelens', region: 'us-west-2', group: '/firelens/app', stream: `app/app-firelens-${ID}`, recordKey: 'log'},
		],
		['FireLens cloudwatch (Go plugin) with a templated stream name', container('awsfirelens', {Name: 'cloudwatch', log_group_name: '/g', log_stream_name: '$(ecs_cluster)/$(container_name)/$(ecs_task_id)'}), {stream: `prod/app/${ID}`, region: 'us-east-1'}],
		['FireLens with log_key sends the line alone', container('awsfirelens', {Name: 'cloudwatch_logs', log_group_name: '/g', log_key: 'log'}), {stream: `app-firelens-${ID}`, recordKey: undefined}],
		['FireLens with a template it cannot resolve: searched by prefix', container('awsfirelens', {Name: 'cloudwatch_logs', log_group_name: '/g', log_stream_template: 'app-$kubernetes[\'pod\']'}), {stream: undefined, streamPrefix: 'app-'}],
		['FireLens to Firehose is not readable here', container('awsfirelens', {Name: 'firehose', delivery_stream: 'x'}), {kind: 'unreadable', driver: 'awsfirelens → firehose'}],
		['FireLens with a config file only', container('awsfirelens', {}), {kind: 'unreadable', driver: 'awsfirelens'}],
		['FireLens with only a group template', container('awsfirelens', {Name: 'cloudwatch_logs', log_group_template: '/x/$ecs_cluster'}), {kind: 'unreadable'}],
		['splunk is not readable here', container('splunk', {'splunk-url': 'https://splunk'}), {kind: 'unreadable', driver: 'splunk'}],
		['no log configuration', container(undefined), {kind: 'none'}],
	];
	for (const [name, definition, expected] of cases) {
		test(name, () => {
			const source = logSourceOf(definition, task, 'us-east-1') as Record<string, unknown>;
			for (const [field, value] of Object.entries(expected)) assert.equal(source[field], value, `${field} of ${JSON.stringify(source)}`);
		});
	}

	test('a FireLens record shows its log field; other text stays as it is', () => {
		assert.equal(lineText('{"container_name":"/ecs-x","log":"GET / 200\\n","source":"stdout"}', 'log'), 'GET / 200');
		assert.equal(lineText('{"not":"a record with log"}', 'log'), '{"not":"a record with log"}');
		assert.equal(lineText('{broken', 'log'), '{broken');
		assert.equal(lineText('{"log":"x"}', undefined), '{"log":"x"}');
	});

	test('search text becomes a quoted phrase unless it is already a filter pattern', () => {
		assert.equal(filterPatternFor('GET /health'), '"GET /health"');
		assert.equal(filterPatternFor('  timeout '), '"timeout"');
		assert.equal(filterPatternFor('?ERROR ?WARN'), '?ERROR ?WARN');
		assert.equal(filterPatternFor('"a b" -c'), '"a b" -c');
		assert.equal(filterPatternFor('%5\\d\\d%'), '%5\\d\\d%');
		assert.equal(filterPatternFor('{ $.level = "error" }'), '{ $.level = "error" }');
		assert.equal(filterPatternFor(''), '');
	});
});

describe('reading the demo\'s logs', async () => {
	const sim = await useSimulator();
	const clock = sim.clock as VirtualClock;
	const session = await demoSession(sim);
	const staging = [...ecsStateOf(sim.world, '123456789012', 'us-east-1').clusters.get('staging')!.tasks.values()].find(candidate => candidate.serviceName === 'payments' && candidate.lastStatus === 'RUNNING')!;
	const [record] = await describeTasks(session.clients, 'staging', [staging.arn]);
	const definition = await describeTaskDefinition(session.clients, record!.taskDefinitionArn!);
	const sources = logSourcesOf(record!, definition, session.region);
	const readable = sources.filter((source): source is ReadableSource => source.kind === 'cloudwatch');
	const logsCalls = () => sim.calls.filter(call => call.service === 'logs');

	test('a FireLens app and its log router: two groups, both readable', () => {
		assert.deepEqual(
			sources.map(source => (source.kind === 'cloudwatch' ? [source.container, source.via, source.group, source.stream] : [source.container, source.kind])),
			[
				['payments-api', 'firelens', '/ecs/payments-staging', `app/payments-api-firelens-${staging.id}`],
				['log_router', 'awslogs', '/ecs/firelens', `firelens/log_router/${staging.id}`],
			],
		);
	});

	test('the tail reads the newest lines once, then only what is new: one call per poll', async () => {
		const app = readable[0]!;
		const descriptor = logTailResource(session, app, record!.createdAt);
		sim.resetCalls();
		const first = (await session.store.load(descriptor)).data!;
		assert.equal(first.lines.length, 500);
		assert.equal(first.atHead, false);
		assert.ok(first.lines.every(line => !line.text.startsWith('{')), 'FireLens records are unwrapped');
		assert.equal(logsCalls().length, 1);
		sim.resetCalls();
		const idle = (await session.store.load(descriptor)).data!;
		assert.equal(idle.added, 0);
		assert.equal(idle.calls, 1);
		assert.deepEqual(logsCalls().map(call => [call.operation, call.input.nextToken]), [['GetLogEvents', first.forwardToken]]);
		clock.advance(20_000);
		const next = (await session.store.load(descriptor)).data!;
		assert.ok(next.added >= 3, `added ${next.added}`);
		assert.equal(next.lines.length, 500 + next.added);
		assert.ok(next.lines.at(-1)!.timestamp > first.lines.at(-1)!.timestamp);
		assert.deepEqual(new Set(next.lines.map(line => line.id)).size, next.lines.length, 'ids stay unique');
		const older = await loadOlderLines(session, app, record!.createdAt);
		assert.equal(older, 500);
		const grown = session.store.peek<LogTail>(tailKey(session, app))!;
		assert.equal(grown.lines.length, 1000 + next.added);
		assert.ok(grown.lines[0]!.timestamp < first.lines[0]!.timestamp);
		assert.ok(grown.lines.every((line, index) => index === 0 || line.timestamp >= grown.lines[index - 1]!.timestamp), 'still in order');
	});

	test('a search covers every container of the task and labels the matches', async () => {
		const found = (await session.store.load(logSearchResource(session, readable, 'Created log stream', record!.createdAt))).data!;
		assert.equal(found.pattern, '"Created log stream"');
		assert.deepEqual(found.lines.map(line => line.container), ['log_router']);
		const health = (await session.store.load(logSearchResource(session, readable, '/health', record!.createdAt))).data!;
		assert.equal(health.lines.length, 300);
		assert.equal(health.more, true);
		assert.ok(health.lines.every(line => line.text.includes('/health') && line.container === 'payments-api'));
	});

	test('a stream that does not exist is reported, not thrown, by the search', async () => {
		const ghost: ReadableSource = {container: 'ghost', kind: 'cloudwatch', via: 'awslogs', region: 'us-east-1', group: '/ecs/orders-worker', stream: 'ecs/orders-worker/none'};
		const noGroup: ReadableSource = {...ghost, container: 'no-group', group: '/ecs/nope'};
		const result = (await session.store.load(logSearchResource(session, [ghost, noGroup], 'x', 0))).data!;
		assert.deepEqual(result.missing, ['no-group'], 'a search of an unknown stream finds nothing; of an unknown group, says so');
		assert.deepEqual(result.lines, []);
		const tail = await session.store.load(logTailResource(session, ghost, 0));
		assert.equal(tail.problem?.kind, 'not-found');
		assert.match(tail.problem?.why ?? '', /log stream does not exist/);
	});
});
