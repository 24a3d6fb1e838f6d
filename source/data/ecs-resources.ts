import {randomUUID} from 'node:crypto';
import type {Descriptor} from './store.js';
import type {Session} from './session.js';
import {toProblem, type Problem} from './problems.js';
import {describeServices, describeTaskDefinition, describeTasks, listClusters, listServices, listTaskArns, listTasks, stopTask} from './ecs.js';
import type {AuditLog} from '../config/audit.js';
import type {ClusterRecord, ServiceRecord, TaskDefinitionRecord} from '../domain/ecs/types.js';
import type {TaskRecord} from '../domain/tasks/types.js';
import {nameOfArn} from '../domain/ecs/types.js';

/**
 * Cache descriptors of the ECS reads behind the watcher and the diagnosis. Keys sit under
 * `<account>/<region>/ecs/`, one cluster's under `.../ecs/cluster/<name>/`, so stopping a task
 * invalidates exactly that cluster. Every load calls at the APIs' maxima (ListTasks pages of
 * 100, DescribeTasks by 100, DescribeServices by 10), so a refresh costs the batch minimum.
 */

type Scoped = Pick<Session, 'scope' | 'clients'>;

/** Live views poll these; a little under the default 5 s refresh so a poll always reloads. */
const LIVE_TTL_MS = 4000;
const MINUTE = 60_000;

/** Prefix of everything cached about ECS in a session. */
export function ecsPrefix(session: Pick<Session, 'scope'>): string {
	return `${session.scope}/ecs/`;
}

/** Prefix of everything cached about one cluster (invalidated after StopTask). */
export function clusterPrefix(session: Pick<Session, 'scope'>, cluster: string): string {
	return `${ecsPrefix(session)}cluster/${cluster}/`;
}

/** `aws ecs list-clusters` + `describe-clusters`. */
export function clustersResource(session: Scoped): Descriptor<ClusterRecord[]> {
	return {
		key: `${ecsPrefix(session)}clusters`,
		ttlMs: LIVE_TTL_MS,
		what: 'Listing ECS clusters (ecs:ListClusters, ecs:DescribeClusters)',
		load: ({signal}) => listClusters(session.clients, signal),
	};
}

/** `aws ecs list-services` + `describe-services` (10 per call). */
export function servicesResource(session: Scoped, cluster: string): Descriptor<ServiceRecord[]> {
	return {
		key: `${clusterPrefix(session, cluster)}services`,
		ttlMs: LIVE_TTL_MS,
		what: `Listing the services of ${cluster} (ecs:ListServices, ecs:DescribeServices)`,
		load: ({signal}) => listServices(session.clients, cluster, signal),
	};
}

/** One service (`describe-services --services S`): the tasks view's parent row; null when it is gone. */
export function serviceResource(session: Scoped, cluster: string, service: string): Descriptor<ServiceRecord | null> {
	return {
		key: `${clusterPrefix(session, cluster)}service/${service}`,
		ttlMs: LIVE_TTL_MS,
		what: `Reading service ${service} (ecs:DescribeServices)`,
		load: async ({signal}) => (await describeServices(session.clients, cluster, [service], signal))[0] ?? null,
	};
}

/** Tasks of a cluster or a service, split by desired status. */
export type TaskListing = {running: TaskRecord[]; stopped: TaskRecord[]};

/**
 * Running and stopped tasks of a service (or of the whole cluster when `service` is
 * undefined): two ListTasks listings (RUNNING, STOPPED) in pages of 100, then one
 * DescribeTasks per 100 of their union. Stopped tasks are read on every refresh so that the
 * ones that stop while the watcher runs reach the local history.
 */
export function taskListResource(session: Scoped, cluster: string, service?: string): Descriptor<TaskListing> {
	return {
		key: `${clusterPrefix(session, cluster)}tasks/${service ?? '*'}`,
		ttlMs: LIVE_TTL_MS,
		what: `Listing the tasks of ${service ?? cluster} (ecs:ListTasks, ecs:DescribeTasks)`,
		load: async ({signal}) => {
			const scope = service === undefined ? {} : {serviceName: service};
			const [running, stopped] = await Promise.all([
				listTaskArns(session.clients, cluster, {...scope, desiredStatus: 'RUNNING'}, signal),
				listTaskArns(session.clients, cluster, {...scope, desiredStatus: 'STOPPED'}, signal),
			]);
			const all = [...running, ...stopped];
			const described = all.length === 0 ? [] : await describeTasks(session.clients, cluster, all, signal);
			const isStopped = new Set(stopped);
			return {running: described.filter(task => !isStopped.has(task.taskArn)), stopped: described.filter(task => isStopped.has(task.taskArn))};
		},
	};
}

/** Stopped tasks of a cluster (the services view counts start failures of the last hour from them). */
export function stoppedTasksResource(session: Scoped, cluster: string): Descriptor<TaskRecord[]> {
	return {
		key: `${clusterPrefix(session, cluster)}stopped`,
		ttlMs: LIVE_TTL_MS,
		what: `Listing the stopped tasks of ${cluster} (ecs:ListTasks, ecs:DescribeTasks)`,
		load: ({signal}) => listTasks(session.clients, cluster, {desiredStatus: 'STOPPED'}, signal),
	};
}

/** One task by id or ARN; null once ECS no longer has it (stopped more than about an hour ago). */
export function taskResource(session: Scoped, cluster: string, task: string): Descriptor<TaskRecord | null> {
	const id = nameOfArn(task);
	return {
		key: `${clusterPrefix(session, cluster)}task/${id}`,
		ttlMs: LIVE_TTL_MS,
		what: `Reading task ${id} (ecs:DescribeTasks)`,
		load: async ({signal}) => (await describeTasks(session.clients, cluster, [task], signal))[0] ?? null,
	};
}

/** A task-definition revision (immutable, so cached long). */
export function taskDefinitionResource(session: Scoped, taskDefinition: string): Descriptor<TaskDefinitionRecord> {
	return {
		key: `${ecsPrefix(session)}task-definition/${nameOfArn(taskDefinition)}`,
		ttlMs: 30 * MINUTE,
		what: `Reading task definition ${nameOfArn(taskDefinition)} (ecs:DescribeTaskDefinition)`,
		load: ({signal}) => describeTaskDefinition(session.clients, taskDefinition, signal),
	};
}

/**
 * `aws ecs stop-task`, audited: an intent line before the call, a result line after, then the
 * cluster's cache is invalidated so the watcher shows what ECS now says.
 */
export async function stopTaskAudited(
	session: Pick<Session, 'scope' | 'clients' | 'store' | 'accountId' | 'region'>,
	audit: AuditLog,
	input: {cluster: string; taskArn: string; reason: string},
): Promise<{ok: true; task?: TaskRecord} | {ok: false; problem: Problem}> {
	const runId = randomUUID();
	const base = {runId, action: 'stop-task' as const, account: session.accountId, region: session.region, cluster: input.cluster};
	audit.append({...base, phase: 'intent', detail: input.reason, items: [{taskArn: input.taskArn}]});
	try {
		const task = await stopTask(session.clients, input.cluster, input.taskArn, input.reason);
		audit.append({...base, phase: 'result', outcome: 'ok', items: [{taskArn: input.taskArn, result: 'stopped'}]});
		return {ok: true, ...(task ? {task} : {})};
	} catch (error) {
		const problem = toProblem(error, {what: `Stopping task ${nameOfArn(input.taskArn)} (ecs:StopTask)`});
		audit.append({...base, phase: 'result', outcome: 'failed', detail: `${problem.code ?? problem.kind}: ${problem.why}`, items: [{taskArn: input.taskArn, failureCode: problem.code ?? problem.kind, failureReason: problem.why}]});
		return {ok: false, problem};
	} finally {
		void session.store.invalidate(clusterPrefix(session, input.cluster));
	}
}
