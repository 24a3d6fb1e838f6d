import type {Container, ContainerDefinition, Deployment, Service, Task, TaskDefinition} from '@aws-sdk/client-ecs';
import type {AwsClients} from './clients.js';
import {loadEcs as sdk} from './sdk.js';
import type {ClusterRecord, DeploymentRecord, NetworkConfiguration, ServiceRecord, TaskDefinitionRecord} from '../domain/ecs/types.js';
import type {ContainerRecord, TaskRecord} from '../domain/tasks/types.js';
import {nameOfArn} from '../domain/ecs/types.js';
import {allPages, chunks} from './paging.js';

/**
 * ECS reads at the APIs' maximum page and batch sizes: ListX pages of 100, DescribeTasks by
 * 100, DescribeServices by 10, DescribeClusters by 100 [MODEL]. Each names its CLI equivalent.
 */

const ms = (date: Date | undefined) => (date === undefined ? undefined : date.getTime());

function networkOf(config: {awsvpcConfiguration?: {subnets?: string[]; securityGroups?: string[]; assignPublicIp?: string}} | undefined): NetworkConfiguration | undefined {
	const awsvpc = config?.awsvpcConfiguration;
	if (!awsvpc) return undefined;
	return {subnets: awsvpc.subnets ?? [], securityGroups: awsvpc.securityGroups ?? [], assignPublicIp: awsvpc.assignPublicIp === 'ENABLED'};
}

function toDeployment(deployment: Deployment): DeploymentRecord {
	const network = networkOf(deployment.networkConfiguration);
	return {
		id: deployment.id ?? '',
		status: deployment.status ?? '',
		taskDefinition: deployment.taskDefinition ?? '',
		desiredCount: deployment.desiredCount ?? 0,
		pendingCount: deployment.pendingCount ?? 0,
		runningCount: deployment.runningCount ?? 0,
		failedTasks: deployment.failedTasks ?? 0,
		...(deployment.rolloutState ? {rolloutState: deployment.rolloutState} : {}),
		...(deployment.rolloutStateReason ? {rolloutStateReason: deployment.rolloutStateReason} : {}),
		...(deployment.createdAt ? {createdAt: deployment.createdAt.getTime()} : {}),
		...(deployment.updatedAt ? {updatedAt: deployment.updatedAt.getTime()} : {}),
		...(deployment.platformVersion ? {platformVersion: deployment.platformVersion} : {}),
		...(deployment.launchType ? {launchType: deployment.launchType} : {}),
		...(network ? {networkConfiguration: network} : {}),
	};
}

export function toServiceRecord(service: Service): ServiceRecord {
	const network = networkOf(service.networkConfiguration);
	return {
		arn: service.serviceArn ?? '',
		name: service.serviceName ?? '',
		clusterArn: service.clusterArn ?? '',
		status: service.status ?? '',
		desiredCount: service.desiredCount ?? 0,
		runningCount: service.runningCount ?? 0,
		pendingCount: service.pendingCount ?? 0,
		taskDefinition: service.taskDefinition ?? '',
		...(service.launchType ? {launchType: service.launchType} : {}),
		...(service.platformVersion ? {platformVersion: service.platformVersion} : {}),
		deployments: (service.deployments ?? []).map(toDeployment),
		events: (service.events ?? []).map(event => ({id: event.id ?? '', createdAt: ms(event.createdAt) ?? 0, message: event.message ?? ''})),
		...(network ? {networkConfiguration: network} : {}),
		...(service.createdAt ? {createdAt: service.createdAt.getTime()} : {}),
	};
}

function toContainer(container: Container): ContainerRecord {
	return {
		name: container.name ?? '',
		...(container.image ? {image: container.image} : {}),
		...(container.imageDigest ? {imageDigest: container.imageDigest} : {}),
		...(container.lastStatus ? {lastStatus: container.lastStatus} : {}),
		...(container.exitCode === undefined ? {} : {exitCode: container.exitCode}),
		...(container.reason ? {reason: container.reason} : {}),
		...(container.healthStatus ? {healthStatus: container.healthStatus} : {}),
	};
}

export function toTaskRecord(task: Task): TaskRecord {
	const eni = task.attachments?.find(attachment => attachment.type === 'ElasticNetworkInterface');
	const detail = (name: string) => eni?.details?.find(item => item.name === name)?.value;
	const subnetId = detail('subnetId');
	const eniId = detail('networkInterfaceId');
	const privateIp = detail('privateIPv4Address');
	const times = {
		pullStartedAt: ms(task.pullStartedAt),
		pullStoppedAt: ms(task.pullStoppedAt),
		startedAt: ms(task.startedAt),
		stoppingAt: ms(task.stoppingAt),
		executionStoppedAt: ms(task.executionStoppedAt),
		stoppedAt: ms(task.stoppedAt),
		connectivityAt: ms(task.connectivityAt),
	};
	return {
		taskArn: task.taskArn ?? '',
		...(task.clusterArn ? {clusterArn: task.clusterArn} : {}),
		...(task.taskDefinitionArn ? {taskDefinitionArn: task.taskDefinitionArn} : {}),
		...(task.group ? {group: task.group} : {}),
		...(task.startedBy ? {startedBy: task.startedBy} : {}),
		lastStatus: task.lastStatus ?? 'UNKNOWN',
		...(task.desiredStatus ? {desiredStatus: task.desiredStatus} : {}),
		...(task.launchType ? {launchType: task.launchType} : {}),
		...(task.platformVersion ? {platformVersion: task.platformVersion} : {}),
		...(task.availabilityZone ? {availabilityZone: task.availabilityZone} : {}),
		createdAt: ms(task.createdAt) ?? 0,
		...Object.fromEntries(Object.entries(times).filter(([, value]) => value !== undefined)),
		...(task.stopCode ? {stopCode: task.stopCode} : {}),
		...(task.stoppedReason ? {stoppedReason: task.stoppedReason} : {}),
		...(task.healthStatus ? {healthStatus: task.healthStatus} : {}),
		containers: (task.containers ?? []).map(toContainer),
		...(subnetId ? {subnetId} : {}),
		...(eniId ? {eniId} : {}),
		...(privateIp ? {privateIp} : {}),
	};
}

function toContainerDefinition(definition: ContainerDefinition): TaskDefinitionRecord['containers'][number] {
	const log = definition.logConfiguration;
	return {
		name: definition.name ?? '',
		image: definition.image ?? '',
		essential: definition.essential ?? true,
		secrets: (definition.secrets ?? []).map(secret => ({name: secret.name ?? '', valueFrom: secret.valueFrom ?? ''})),
		environment: (definition.environment ?? []).map(variable => ({name: variable.name ?? '', value: variable.value ?? ''})),
		...(log
			? {
				logConfiguration: {
					logDriver: log.logDriver ?? '',
					options: log.options ?? {},
					...(log.secretOptions ? {secretOptions: log.secretOptions.map(option => ({name: option.name ?? '', valueFrom: option.valueFrom ?? ''}))} : {}),
				},
			}
			: {}),
		...(definition.repositoryCredentials?.credentialsParameter ? {repositoryCredentials: definition.repositoryCredentials.credentialsParameter} : {}),
	};
}

export function toTaskDefinitionRecord(definition: TaskDefinition): TaskDefinitionRecord {
	return {
		arn: definition.taskDefinitionArn ?? '',
		family: definition.family ?? '',
		revision: definition.revision ?? 0,
		status: definition.status ?? '',
		...(definition.executionRoleArn ? {executionRoleArn: definition.executionRoleArn} : {}),
		...(definition.taskRoleArn ? {taskRoleArn: definition.taskRoleArn} : {}),
		...(definition.networkMode ? {networkMode: definition.networkMode} : {}),
		...(definition.cpu ? {cpu: definition.cpu} : {}),
		...(definition.memory ? {memory: definition.memory} : {}),
		requiresCompatibilities: definition.requiresCompatibilities ?? [],
		containers: (definition.containerDefinitions ?? []).map(toContainerDefinition),
		...(definition.registeredAt ? {registeredAt: definition.registeredAt.getTime()} : {}),
	};
}

/** `aws ecs list-clusters` + `describe-clusters` (100 per call). */
export async function listClusters(clients: AwsClients, signal?: AbortSignal): Promise<ClusterRecord[]> {
	const {ListClustersCommand, DescribeClustersCommand} = await sdk();
	const client = await clients.ecs();
	const arns = await allPages(async nextToken => {
		const page = await client.send(new ListClustersCommand({maxResults: 100, nextToken}), {abortSignal: signal});
		return {items: page.clusterArns ?? [], next: page.nextToken};
	});
	const clusters: ClusterRecord[] = [];
	for (const batch of chunks(arns, 100)) {
		const result = await client.send(new DescribeClustersCommand({clusters: batch}), {abortSignal: signal});
		for (const cluster of result.clusters ?? []) {
			clusters.push({
				arn: cluster.clusterArn ?? '',
				name: cluster.clusterName ?? '',
				status: cluster.status ?? '',
				runningTasksCount: cluster.runningTasksCount ?? 0,
				pendingTasksCount: cluster.pendingTasksCount ?? 0,
				activeServicesCount: cluster.activeServicesCount ?? 0,
			});
		}
	}
	return clusters;
}

/** `aws ecs list-services` (100 per page) + `describe-services` (10 per call, the API's maximum). */
export async function listServices(clients: AwsClients, cluster: string, signal?: AbortSignal): Promise<ServiceRecord[]> {
	const {ListServicesCommand} = await sdk();
	const client = await clients.ecs();
	const arns = await allPages(async nextToken => {
		const page = await client.send(new ListServicesCommand({cluster, maxResults: 100, nextToken}), {abortSignal: signal});
		return {items: page.serviceArns ?? [], next: page.nextToken};
	});
	return describeServices(clients, cluster, arns, signal);
}

/** `aws ecs describe-services` in batches of 10. */
export async function describeServices(clients: AwsClients, cluster: string, services: readonly string[], signal?: AbortSignal): Promise<ServiceRecord[]> {
	const {DescribeServicesCommand} = await sdk();
	const client = await clients.ecs();
	const records: ServiceRecord[] = [];
	for (const batch of chunks(services, 10)) {
		const result = await client.send(new DescribeServicesCommand({cluster, services: batch}), {abortSignal: signal});
		records.push(...(result.services ?? []).map(toServiceRecord));
	}
	return records;
}

/** `aws ecs list-task-arns` for one desired status (RUNNING or STOPPED), 100 per page. */
export async function listTaskArns(clients: AwsClients, cluster: string, options: {serviceName?: string; desiredStatus: 'RUNNING' | 'STOPPED'; family?: string}, signal?: AbortSignal): Promise<string[]> {
	const {ListTasksCommand} = await sdk();
	const client = await clients.ecs();
	return allPages(async nextToken => {
		const page = await client.send(
			new ListTasksCommand({cluster, maxResults: 100, nextToken, desiredStatus: options.desiredStatus, ...(options.serviceName ? {serviceName: options.serviceName} : {}), ...(options.family ? {family: options.family} : {})}),
			{abortSignal: signal},
		);
		return {items: page.taskArns ?? [], next: page.nextToken};
	});
}

/** `aws ecs describe-tasks` in batches of 100. */
export async function describeTasks(clients: AwsClients, cluster: string, tasks: readonly string[], signal?: AbortSignal): Promise<TaskRecord[]> {
	const {DescribeTasksCommand} = await sdk();
	const client = await clients.ecs();
	const records: TaskRecord[] = [];
	for (const batch of chunks(tasks, 100)) {
		const result = await client.send(new DescribeTasksCommand({cluster, tasks: batch}), {abortSignal: signal});
		records.push(...(result.tasks ?? []).map(toTaskRecord));
	}
	return records;
}

/** Running (and pending) plus stopped tasks of a cluster or one service. */
export async function listTasks(clients: AwsClients, cluster: string, options: {serviceName?: string; desiredStatus: 'RUNNING' | 'STOPPED'}, signal?: AbortSignal): Promise<TaskRecord[]> {
	const arns = await listTaskArns(clients, cluster, options, signal);
	return arns.length === 0 ? [] : describeTasks(clients, cluster, arns, signal);
}

/** `aws ecs describe-task-definition`. */
export async function describeTaskDefinition(clients: AwsClients, taskDefinition: string, signal?: AbortSignal): Promise<TaskDefinitionRecord> {
	const {DescribeTaskDefinitionCommand} = await sdk();
	const client = await clients.ecs();
	const result = await client.send(new DescribeTaskDefinitionCommand({taskDefinition}), {abortSignal: signal});
	if (!result.taskDefinition) throw Object.assign(new Error(`task definition ${taskDefinition} not found`), {name: 'ClientException'});
	return toTaskDefinitionRecord(result.taskDefinition);
}

/** `aws ecs list-task-definition-families --status ACTIVE`. */
export async function listTaskDefinitionFamilies(clients: AwsClients, signal?: AbortSignal): Promise<string[]> {
	const {ListTaskDefinitionFamiliesCommand} = await sdk();
	const client = await clients.ecs();
	const families = await allPages(async nextToken => {
		const page = await client.send(new ListTaskDefinitionFamiliesCommand({status: 'ACTIVE', maxResults: 100, nextToken}), {abortSignal: signal});
		return {items: page.families ?? [], next: page.nextToken};
	});
	return families;
}

/** The newest `count` ACTIVE revisions of a family (`list-task-definitions --sort DESC`). */
export async function latestTaskDefinitionArns(clients: AwsClients, family: string, count: number, signal?: AbortSignal): Promise<string[]> {
	const {ListTaskDefinitionsCommand} = await sdk();
	const client = await clients.ecs();
	const page = await client.send(new ListTaskDefinitionsCommand({familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: Math.min(100, Math.max(1, count))}), {abortSignal: signal});
	// familyPrefix matches by prefix: keep only this exact family.
	return (page.taskDefinitionArns ?? []).filter(arn => nameOfArn(arn).replace(/:\d+$/, '') === family).slice(0, count);
}

/** `aws ecs stop-task`. */
export async function stopTask(clients: AwsClients, cluster: string, task: string, reason: string, signal?: AbortSignal): Promise<TaskRecord | undefined> {
	const {StopTaskCommand} = await sdk();
	const client = await clients.ecs();
	const result = await client.send(new StopTaskCommand({cluster, task, reason}), {abortSignal: signal});
	return result.task ? toTaskRecord(result.task) : undefined;
}
