/**
 * Plain records of ECS clusters, services and task definitions, mapped from the SDK in
 * `source/data/ecs.ts`. Tasks are `TaskRecord` in `domain/tasks/types.ts`. Times are epoch ms.
 */

export type ClusterRecord = {
	arn: string;
	name: string;
	status: string;
	runningTasksCount: number;
	pendingTasksCount: number;
	activeServicesCount: number;
};

export type NetworkConfiguration = {
	subnets: string[];
	securityGroups: string[];
	assignPublicIp: boolean;
};

export type DeploymentRecord = {
	id: string;
	/** PRIMARY (the newest), ACTIVE (still running, being replaced), INACTIVE. */
	status: string;
	taskDefinition: string;
	desiredCount: number;
	pendingCount: number;
	runningCount: number;
	/** Consecutive tasks that failed to launch or reach RUNNING; resets once one runs [MODEL]. */
	failedTasks: number;
	rolloutState?: string;
	rolloutStateReason?: string;
	createdAt?: number;
	updatedAt?: number;
	platformVersion?: string;
	launchType?: string;
	networkConfiguration?: NetworkConfiguration;
};

export type ServiceEvent = {id: string; createdAt: number; message: string};

export type ServiceRecord = {
	arn: string;
	name: string;
	clusterArn: string;
	status: string;
	desiredCount: number;
	runningCount: number;
	pendingCount: number;
	taskDefinition: string;
	launchType?: string;
	platformVersion?: string;
	deployments: DeploymentRecord[];
	/** The latest service events, newest first (the API keeps 100). */
	events: ServiceEvent[];
	networkConfiguration?: NetworkConfiguration;
	createdAt?: number;
};

export type ContainerDefinitionRecord = {
	name: string;
	image: string;
	essential: boolean;
	secrets: {name: string; valueFrom: string}[];
	environment: {name: string; value: string}[];
	logConfiguration?: {logDriver: string; options: Record<string, string>; secretOptions?: {name: string; valueFrom: string}[]};
	/** Private registry credentials (a Secrets Manager ARN). */
	repositoryCredentials?: string;
};

export type TaskDefinitionRecord = {
	arn: string;
	family: string;
	revision: number;
	status: string;
	executionRoleArn?: string;
	taskRoleArn?: string;
	networkMode?: string;
	cpu?: string;
	memory?: string;
	requiresCompatibilities: string[];
	containers: ContainerDefinitionRecord[];
	registeredAt?: number;
};

/** `family:revision` from a task-definition ARN or name. */
export function shortTaskDefinition(arnOrName: string): string {
	return nameOfArn(arnOrName);
}

/** The last `/` segment of an ARN: a cluster, service, task or role name (a name without `/` is returned whole). */
export function nameOfArn(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}
