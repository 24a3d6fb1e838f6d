/**
 * Plain-data view of an ECS task, mapped by `data/` from DescribeTasks. Field names follow
 * the API (camelCase); times are epoch milliseconds; attachment details are flattened.
 * [MODEL ecs DescribeTasks / Task / Container]
 */

/** `lastStatus` values in lifecycle order. [DOC task-lifecycle] */
export const TASK_STATUSES = [
	'PROVISIONING',
	'PENDING',
	'ACTIVATING',
	'RUNNING',
	'DEACTIVATING',
	'STOPPING',
	'DEPROVISIONING',
	'STOPPED',
	'DELETED',
] as const;

/** A known task `lastStatus`. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** `stopCode` values in the ECS model. [MODEL] */
export const STOP_CODES = [
	'TaskFailedToStart',
	'EssentialContainerExited',
	'UserInitiated',
	'ServiceSchedulerInitiated',
	'SpotInterruption',
	'TerminationNotice',
	'InfrastructureHealth',
] as const;

/** A known task `stopCode`. */
export type StopCode = (typeof STOP_CODES)[number];

/** One container of a task, as DescribeTasks reports it. */
export type ContainerRecord = {
	readonly name: string;
	/** Image reference as written in the task definition. */
	readonly image?: string;
	/** Digest the container actually runs (resolved by ECS). */
	readonly imageDigest?: string;
	readonly lastStatus?: string;
	readonly exitCode?: number;
	/** Why the container stopped or failed (up to 1024 characters). */
	readonly reason?: string;
	readonly healthStatus?: string;
};

/**
 * One task. `lastStatus`, `desiredStatus` and `stopCode` stay raw strings so that a value
 * AWS adds later still flows through; use {@link asTaskStatus} / {@link asStopCode}.
 */
export type TaskRecord = {
	readonly taskArn: string;
	readonly clusterArn?: string;
	readonly taskDefinitionArn?: string;
	/** `service:<name>` for service tasks, `family:<name>` for RunTask. */
	readonly group?: string;
	readonly startedBy?: string;
	readonly lastStatus: string;
	readonly desiredStatus?: string;
	readonly launchType?: string;
	readonly platformVersion?: string;
	readonly availabilityZone?: string;
	/** Always present in DescribeTasks output: when the task was created. */
	readonly createdAt: number;
	readonly pullStartedAt?: number;
	readonly pullStoppedAt?: number;
	readonly startedAt?: number;
	readonly stoppingAt?: number;
	readonly executionStoppedAt?: number;
	readonly stoppedAt?: number;
	readonly connectivityAt?: number;
	readonly stopCode?: string;
	readonly stoppedReason?: string;
	readonly healthStatus?: string;
	readonly containers: readonly ContainerRecord[];
	/** From `attachments[type=ElasticNetworkInterface].details[name=subnetId]`. */
	readonly subnetId?: string;
	/** From `details[name=networkInterfaceId]`. */
	readonly eniId?: string;
	/** From `details[name=privateIPv4Address]`. */
	readonly privateIp?: string;
};

/** Narrows a raw `lastStatus` to a known status, or undefined for a value this code does not know. */
export function asTaskStatus(value: string | undefined): TaskStatus | undefined {
	return (TASK_STATUSES as readonly string[]).includes(value ?? '') ? (value as TaskStatus) : undefined;
}

/** Narrows a raw `stopCode` to a known code, or undefined. */
export function asStopCode(value: string | undefined): StopCode | undefined {
	return (STOP_CODES as readonly string[]).includes(value ?? '') ? (value as StopCode) : undefined;
}

/** The service that started the task (its group is `service:<name>`), or undefined for a standalone task. */
export function serviceNameOf(task: Pick<TaskRecord, 'group'>): string | undefined {
	return task.group?.startsWith('service:') ? task.group.slice('service:'.length) : undefined;
}

/** Region and account from a task ARN (`arn:aws:ecs:<region>:<account>:task/...`). */
export function taskLocation(taskArn: string): {region?: string; account?: string} {
	const match = /^arn:aws[\w-]*:ecs:([a-z0-9-]+):(\d{12}):task\//.exec(taskArn);
	if (!match) return {};
	return {region: match[1], account: match[2]};
}
