import {ec2StateOf} from '../world/ec2.js';
import {ecsStateOf, findTaskDefinition, type EcsState, type SimCluster, type SimService, type SimTask} from '../world/ecs.js';
import type {World} from '../world/world.js';
import {launchTask, primaryDeployment, releaseEni, type LaunchScope} from './ecs-launch.js';
import {noFreeAddress, requestId} from './ecs-messages.js';
import {applyStep, requestStop} from './ecs-task-steps.js';

/**
 * The ECS service scheduler on the simulated clock. Services keep `desiredCount` tasks:
 * when short, they launch the missing tasks; a task that fails to start counts against the
 * PRIMARY deployment (`failedTasks`, circuit breaker) and delays the next launch with a
 * backoff like ECS's (aws-semantics.md C.3: "is unable to consistently start tasks
 * successfully"). Service events are written as ECS words them. Time only moves forward:
 * before each request the world ticks and every step due by then is applied in time order,
 * at its own time, so a long jump of the clock replays the whole history faithfully.
 */

type Item = {at: number; seq: number; scope: LaunchScope; task?: SimTask; service?: SimService};

/** A min-heap of due times; stale items are skipped when popped. */
class Queue {
	private items: Item[] = [];
	private seq = 0;

	push(item: Omit<Item, 'seq'>): void {
		const entry = {...item, seq: this.seq++};
		this.items.push(entry);
		let index = this.items.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!this.before(entry, this.items[parent]!)) break;
			this.items[index] = this.items[parent]!;
			index = parent;
		}
		this.items[index] = entry;
	}

	peek(): Item | undefined {
		return this.items[0];
	}

	pop(): Item | undefined {
		const {items} = this;
		const top = items[0];
		const last = items.pop();
		if (top === undefined || last === undefined || items.length === 0) return top;
		items[0] = last;
		let index = 0;
		for (;;) {
			const left = index * 2 + 1;
			const right = left + 1;
			let smallest = index;
			if (left < items.length && this.before(items[left]!, items[smallest]!)) smallest = left;
			if (right < items.length && this.before(items[right]!, items[smallest]!)) smallest = right;
			if (smallest === index) break;
			[items[index], items[smallest]] = [items[smallest]!, items[index]!];
			index = smallest;
		}
		return top;
	}

	private before(a: Item, b: Item): boolean {
		return a.at < b.at || (a.at === b.at && a.seq < b.seq);
	}
}

const MINUTE = 60_000;

/** Delay before the next launch after `failures` consecutive start failures. [INF: shape of ECS's service throttling] */
export function launchBackoffMs(failures: number): number {
	if (failures <= 0) return 0;
	if (failures === 1) return 10_000;
	return Math.min(5 * MINUTE, 15_000 * 2 ** (failures - 2));
}

/** The deployment circuit breaker's threshold: half the desired count, between 3 and 200 [DOC deployment-circuit-breaker]. */
export function circuitBreakerThreshold(desiredCount: number): number {
	return Math.max(3, Math.min(200, Math.ceil(desiredCount * 0.5)));
}

/** Appends a service event (newest first, the latest 100 kept). */
export function addServiceEvent(service: SimService, at: number, message: string): void {
	service.events.unshift({id: requestId(`${service.arn}/${at}/${message}`), createdAt: at, message});
	if (service.events.length > 100) service.events.length = 100;
}

const isActive = (task: SimTask) => task.desiredStatus === 'RUNNING';

/** The scheduler of one world; see {@link ecsScheduler}. */
export class EcsScheduler {
	private readonly queue = new Queue();

	constructor(private readonly world: World) {}

	/** Scope of a cluster: the world, the region's EC2 state and the cluster. */
	scopeOf(accountId: string, region: string, cluster: SimCluster): LaunchScope {
		return {world: this.world, ec2: ec2StateOf(this.world, accountId, region), accountId, region, cluster};
	}

	/** Starts managing a service (scenarios call this after adding one). */
	watchService(scope: LaunchScope, service: SimService): void {
		this.queue.push({at: service.nextLaunchAt, scope, service});
	}

	/** Re-queues a task after its steps changed (StopTask). */
	watchTask(scope: LaunchScope, task: SimTask): void {
		const next = task.steps[0];
		if (next) this.queue.push({at: next.at, scope, task});
	}

	/** Applies everything due up to `now`, in time order. */
	advance(now: number): void {
		for (let item = this.queue.peek(); item !== undefined && item.at <= now; item = this.queue.peek()) {
			this.queue.pop();
			if (item.task) this.runTask(item.scope, item.task, item.at);
			else if (item.service) this.runService(item.scope, item.service, item.at);
		}
	}

	/** Stops a task at `at` (StopTask); the service replaces it. */
	stop(scope: LaunchScope, task: SimTask, at: number, reason: string): void {
		requestStop(task, at, 'UserInitiated', reason);
		this.watchTask(scope, task);
		const service = task.serviceName ? scope.cluster.services.get(task.serviceName) : undefined;
		if (service) {
			service.nextLaunchAt = Math.max(service.nextLaunchAt, at + 5000);
			this.afterChange(scope, service, at);
		}
	}

	private runTask(scope: LaunchScope, task: SimTask, at: number): void {
		const step = task.steps[0];
		if (!step || step.at !== at || !scope.cluster.tasks.has(task.id)) return;
		const effect = applyStep(task, step);
		const service = task.serviceName ? scope.cluster.services.get(task.serviceName) : undefined;
		if (effect === 'expired') {
			scope.cluster.tasks.delete(task.id);
			return;
		}
		if (effect === 'stopped') releaseEni(scope.ec2, task);
		this.watchTask(scope, task);
		if (!service) return;
		if (effect === 'running') {
			service.consecutiveFailures = 0;
			const deployment = service.deployments.find(candidate => candidate.id === task.startedBy);
			if (deployment && deployment.rolloutState !== 'FAILED') deployment.failedTasks = 0;
		}
		if (effect === 'failed') this.onFailure(service, task, at);
		this.afterChange(scope, service, at);
	}

	private onFailure(service: SimService, task: SimTask, at: number): void {
		service.consecutiveFailures++;
		const deployment = service.deployments.find(candidate => candidate.id === task.startedBy);
		if (deployment) {
			deployment.failedTasks++;
			deployment.updatedAt = at;
			if (service.circuitBreaker && deployment.rolloutState === 'IN_PROGRESS' && deployment.failedTasks >= circuitBreakerThreshold(deployment.desiredCount)) {
				deployment.rolloutState = 'FAILED';
				deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
				addServiceEvent(service, at, `(service ${service.name}) (deployment ${deployment.id}) deployment failed: tasks failed to start.`);
			}
		}
		service.nextLaunchAt = Math.max(service.nextLaunchAt, at + launchBackoffMs(service.consecutiveFailures));
		const reason = task.outcome.kind === 'fail' ? task.outcome.stoppedReason : (task.stoppedReason ?? '');
		const cause = task.outcome.kind === 'fail' ? task.outcome.cause : reason;
		// The same cause again within half an hour: ECS's event log does not repeat itself.
		const last = service.lastFailureEvent;
		if (!last || last.cause !== cause || last.at < at - 30 * MINUTE) {
			addServiceEvent(service, at, `(service ${service.name}) was unable to place a task. Reason: ${reason}`);
			service.lastFailureEvent = {cause, at};
		}
		if (service.consecutiveFailures === 3) {
			addServiceEvent(service, at, `(service ${service.name}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`);
		}
	}

	/** Steady-state bookkeeping and the next launch, after anything changed for a service. */
	private afterChange(scope: LaunchScope, service: SimService, at: number): void {
		const tasks = [...scope.cluster.tasks.values()].filter(task => task.serviceName === service.name && isActive(task));
		const running = tasks.filter(task => task.lastStatus === 'RUNNING').length;
		const steady = running === service.desiredCount && tasks.length === service.desiredCount;
		const primary = service.deployments.find(deployment => deployment.status === 'PRIMARY');
		if (steady && !service.steady) {
			if (primary && primary.rolloutState === 'IN_PROGRESS') {
				primary.rolloutState = 'COMPLETED';
				primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
				primary.updatedAt = at;
				addServiceEvent(service, at, `(service ${service.name}) (deployment ${primary.id}) deployment completed.`);
			}
			addServiceEvent(service, at, `(service ${service.name}) has reached a steady state.`);
		}
		service.steady = steady;
		if (tasks.length < service.desiredCount) this.queue.push({at: Math.max(at, service.nextLaunchAt), scope, service});
	}

	private runService(scope: LaunchScope, service: SimService, at: number): void {
		if (service.status !== 'ACTIVE') return;
		if (at < service.nextLaunchAt) {
			this.queue.push({at: service.nextLaunchAt, scope, service});
			return;
		}
		const active = [...scope.cluster.tasks.values()].filter(task => task.serviceName === service.name && isActive(task)).length;
		const missing = service.desiredCount - active;
		if (missing <= 0) return;
		const state: EcsState = ecsStateOf(this.world, scope.accountId, scope.region);
		const primaryArn = service.deployments.find(deployment => deployment.status === 'PRIMARY')?.taskDefinitionArn ?? service.taskDefinitionArn;
		const definition = findTaskDefinition(state, primaryArn);
		if (!definition) return;
		const deployment = primaryDeployment(this.world, service, definition, at, service.arn);
		const started: SimTask[] = [];
		for (let index = 0; index < missing; index++) {
			const result = launchTask(scope, service, deployment, definition, at, ++state.sequence);
			if (!result.ok) {
				service.consecutiveFailures++;
				service.nextLaunchAt = at + launchBackoffMs(service.consecutiveFailures);
				addServiceEvent(service, at, `(service ${service.name}) was unable to place a task. ${noFreeAddress(result.subnetId)}`);
				this.queue.push({at: service.nextLaunchAt, scope, service});
				break;
			}
			started.push(result.task);
			this.watchTask(scope, result.task);
		}
		if (started.length > 0) {
			addServiceEvent(service, at, `(service ${service.name}) has started ${started.length} tasks: ${started.map(task => `(task ${task.id})`).join(' ')}.`);
			service.steady = false;
		}
	}
}

const schedulers = new WeakMap<World, EcsScheduler>();

/** The world's ECS scheduler, created and hooked to the world's tick on first use. */
export function ecsScheduler(world: World): EcsScheduler {
	let scheduler = schedulers.get(world);
	if (!scheduler) {
		const created = new EcsScheduler(world);
		scheduler = created;
		schedulers.set(world, created);
		// Tasks live in ECS, their ENIs in EC2 and their lines in CloudWatch Logs.
		world.onTick(now => created.advance(now), ['ecs', 'ec2', 'logs']);
	}
	return scheduler;
}

/** Stops a task through the world's scheduler (StopTask). */
export function stopSimTask(world: World, scope: {accountId: string; region: string; cluster: SimCluster}, task: SimTask, at: number, reason: string): void {
	const scheduler = ecsScheduler(world);
	scheduler.stop(scheduler.scopeOf(scope.accountId, scope.region, scope.cluster), task, at, reason);
}
