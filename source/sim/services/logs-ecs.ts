import {hexId} from '../ids.js';
import {findTaskDefinition, type EcsState, type SimCluster, type SimContainerDefinition, type SimTask, type SimTaskDefinition} from '../world/ecs.js';
import {addLogGroup, addLogStream, appendEvents, hashString, logEvent, logsStateOf, type SimLogStream} from '../world/logs.js';
import type {World} from '../world/world.js';
import {profileFor, type LineContext, type Timed} from './logs-lines.js';

/**
 * The simulated log drivers: what the ECS tasks of an account have written to CloudWatch
 * Logs by now. Only containers that started write anything (a task that failed before its
 * containers ran has no stream, as on AWS). Destinations follow the drivers' own rules:
 *
 * - `awslogs`: group `awslogs-group` in `awslogs-region`, stream
 *   `<awslogs-stream-prefix>/<container>/<task id>` [DOC using_awslogs];
 * - `awsfirelens` with Fluent Bit's `cloudwatch_logs` (or the older `cloudwatch`) output:
 *   group `log_group_name`, stream `log_stream_name` or `<log_stream_prefix><tag>` where the
 *   tag is `<container>-firelens-<task id>`; records are FireLens JSON
 *   (`{"container_id", ..., "log", "source"}`) unless `log_key` is `log` [DOC firelens].
 *
 * A group must exist unless the driver may create it (`awslogs-create-group`,
 * `auto_create_group`). Runs before each Logs request; a task is looked at again only when
 * its `version` changed, so a big cluster costs one map lookup per task.
 */

type Destination = {region: string; group: string; stream: string; createGroup: boolean; firelens: boolean; logKey?: string};

const synced = new WeakMap<World, Map<string, number>>();
/** Which shutdown lines a stream already has. */
const shutdown = new WeakMap<SimLogStream, {sigterm: boolean; exit: boolean}>();

function firelensStream(options: Record<string, string>, container: SimContainerDefinition, task: SimTask, cluster: SimCluster): string {
	const tag = `${container.name}-firelens-${task.id}`;
	const fixed = options.log_stream_name;
	if (fixed) {
		// The Go plugin's templates [DOC amazon-cloudwatch-logs-for-fluent-bit].
		return fixed.replace(/\$\((ecs_task_id|ecs_task_arn|ecs_cluster|container_name|tag)\)/g, (_all, key: string) => ({ecs_task_id: task.id, ecs_task_arn: task.arn, ecs_cluster: cluster.name, container_name: container.name, tag})[key] ?? '');
	}
	return `${options.log_stream_prefix ?? ''}${tag}`;
}

/** Where a container's output goes, or undefined when not to CloudWatch Logs. */
export function destinationOf(container: SimContainerDefinition, task: SimTask, cluster: SimCluster, region: string): Destination | undefined {
	const config = container.logConfiguration;
	if (!config) return undefined;
	const options = config.options;
	if (config.logDriver === 'awslogs') {
		const group = options['awslogs-group'];
		const prefix = options['awslogs-stream-prefix'];
		// Fargate requires the prefix; without it the stream would be the Docker container id.
		if (!group || !prefix) return undefined;
		return {region: options['awslogs-region'] ?? region, group, stream: `${prefix}/${container.name}/${task.id}`, createGroup: options['awslogs-create-group'] === 'true', firelens: false};
	}
	if (config.logDriver === 'awsfirelens' && (options.Name === 'cloudwatch_logs' || options.Name === 'cloudwatch')) {
		const group = options.log_group_name;
		if (!group) return undefined;
		return {
			region: options.region ?? region,
			group,
			stream: firelensStream(options, container, task, cluster),
			createGroup: options.auto_create_group === 'true' || options.auto_create_group === 'On',
			firelens: true,
			...(options.log_key ? {logKey: options.log_key} : {}),
		};
	}
	return undefined;
}

/** FireLens wraps each line in a JSON record with the task's metadata. */
function wrapper(destination: Destination, definition: SimTaskDefinition, container: SimContainerDefinition, task: SimTask, cluster: SimCluster): (line: string) => string {
	if (!destination.firelens || destination.logKey === 'log') return line => line;
	const record = {
		container_id: `${task.id}-${hexId(`${task.id}/${container.name}`, 10)}`,
		container_name: `/ecs-${definition.family}-${definition.revision}-${container.name}-${hexId(`${task.id}/${container.name}/name`, 16)}`,
		ecs_cluster: cluster.name,
		ecs_task_arn: task.arn,
		ecs_task_definition: `${definition.family}:${definition.revision}`,
	};
	return line => JSON.stringify({...record, log: line, source: 'stdout'});
}

function write(world: World, accountId: string, region: string, cluster: SimCluster, task: SimTask, definition: SimTaskDefinition, container: SimContainerDefinition): void {
	const destination = destinationOf(container, task, cluster, region);
	const startedAt = task.startedAt;
	if (!destination || startedAt === undefined) return;
	const state = logsStateOf(world, accountId, destination.region);
	const group = state.groups.get(destination.group) ?? (destination.createGroup ? addLogGroup(state, destination.group, startedAt) : undefined);
	if (!group) return;
	const profile = profileFor(container);
	const routed = container.name === 'log_router' || container.image.includes('fluent-bit')
		? definition.containerDefinitions.flatMap(other => {
				const target = other.logConfiguration?.logDriver === 'awsfirelens' ? destinationOf(other, task, cluster, region) : undefined;
				return target ? [{group: target.group, stream: target.stream}] : [];
			})
		: [];
	const context: LineContext = {taskId: task.id, clusterName: cluster.name, container, region: destination.region, routed};
	const wrap = wrapper(destination, definition, container, task, cluster);
	const events = (at: number, lines: Timed[]) => lines.map(([offset, line]) => logEvent(at + offset, wrap(line)));
	let stream = group.streams.get(destination.stream);
	if (!stream) {
		stream = addLogStream(group, destination.stream, startedAt);
		const head = events(startedAt, profile.startup(context, startedAt));
		stream.head = head;
		const steady = profile.steady;
		if (steady) {
			const from = (head.at(-1)?.timestamp ?? startedAt) + 1;
			stream.generator = {from, every: steady.every, seed: hashString(`${task.id}/${container.name}`), line: (index, at, hash) => wrap(steady.line(context, index, at, hash))};
		}
	}
	if (task.stoppingAt === undefined) return;
	const done = shutdown.get(stream) ?? {sigterm: false, exit: false};
	shutdown.set(stream, done);
	if (stream.generator && stream.generator.to === undefined) stream.generator.to = Math.max(stream.generator.from, task.stoppingAt);
	if (!done.sigterm) {
		done.sigterm = true;
		appendEvents(stream, events(task.stoppingAt, profile.sigterm(context, task.stoppingAt)));
	}
	if (!done.exit && task.executionStoppedAt !== undefined) {
		done.exit = true;
		appendEvents(stream, events(task.executionStoppedAt, profile.exit(context, task.executionStoppedAt, task.executionStoppedAt - startedAt)));
	}
}

/** Writes what the account's tasks have logged since the last call. */
export function syncEcsLogs(world: World, accountId: string): void {
	const account = world.accounts.get(accountId);
	if (!account) return;
	let seen = synced.get(world);
	if (!seen) {
		seen = new Map();
		synced.set(world, seen);
	}
	for (const [region, regionState] of account.regions) {
		const ecs = regionState.services.ecs as EcsState | undefined;
		if (!ecs) continue;
		for (const cluster of ecs.clusters.values()) {
			for (const task of cluster.tasks.values()) {
				if (seen.get(task.arn) === task.version) continue;
				seen.set(task.arn, task.version);
				if (task.startedAt === undefined) continue;
				const definition = findTaskDefinition(ecs, task.taskDefinitionArn);
				if (!definition) continue;
				for (const container of definition.containerDefinitions) write(world, accountId, region, cluster, task, definition, container);
			}
		}
	}
}
