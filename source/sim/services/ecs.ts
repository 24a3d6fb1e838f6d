import {SimError, checkRange} from '../errors.js';
import {page} from '../paging.js';
import type {CallContext, ServiceDefinition} from '../service.js';
import {ecsStateOf, findCluster, findTaskDefinition, type EcsState, type SimCluster, type SimTask} from '../world/ecs.js';
import {stopSimTask} from './ecs-scheduler.js';
import {clusterShape, serviceShape, taskDefinitionShape, taskShape} from './ecs-shapes.js';

/**
 * ECS over AWS JSON 1.1 (`X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Op>`): the reads the
 * watcher and the diagnosis use, plus StopTask, with the model's limits (ListX maxResults
 * 1..100, ListServices default 10, DescribeServices at most 10, DescribeTasks at most 100,
 * ListTasks default desiredStatus RUNNING), `failures[]` with reason MISSING for unknown
 * names, and AWS's error wording [OBS: "service names can have at most 10 items.",
 * "Cluster not found.", "Service not found."].
 */

function stateOf(context: CallContext): EcsState {
	return ecsStateOf(context.world, context.accountId, context.region);
}

function requireCluster(context: CallContext, reference: unknown): SimCluster {
	const cluster = findCluster(stateOf(context), typeof reference === 'string' ? reference : undefined);
	if (!cluster) throw new SimError('ClusterNotFoundException', 'Cluster not found.');
	return cluster;
}

function stringList(value: unknown, field: string, max: number, noun: string): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new SimError('SerializationException', `Expected a list for '${field}'`);
	if (value.length > max) throw new SimError('InvalidParameterException', `${noun} can have at most ${max} items.`);
	return value.map(String);
}

function idOf(reference: string): string {
	return reference.slice(reference.lastIndexOf('/') + 1);
}

function findTask(cluster: SimCluster, reference: string): SimTask | undefined {
	const task = cluster.tasks.get(idOf(reference));
	if (task && reference.startsWith('arn:') && task.arn !== reference) return undefined;
	return task;
}

const listSize = (input: Record<string, unknown>, fallback: number) => {
	checkRange('maxResults', input.maxResults, 1, 100);
	return (input.maxResults as number | undefined) ?? fallback;
};

export const ecsService: ServiceDefinition = {
	name: 'ecs',
	protocol: 'json',
	targetPrefix: 'AmazonEC2ContainerServiceV20141113',
	handlers: {
		ListClusters(input, context) {
			const arns = [...stateOf(context).clusters.values()].map(cluster => cluster.arn);
			const result = page('ListClusters', arns, input.nextToken, listSize(input, 100));
			return {clusterArns: result.items, nextToken: result.nextToken};
		},

		DescribeClusters(input, context) {
			const include = stringList(input.include, 'include', 5, 'include');
			const names = stringList(input.clusters, 'clusters', 100, 'clusters');
			const clusters: unknown[] = [];
			const failures: unknown[] = [];
			for (const reference of names.length > 0 ? names : ['default']) {
				const cluster = findCluster(stateOf(context), reference);
				if (cluster) clusters.push(clusterShape(cluster, include));
				else failures.push({arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${context.region}:${context.accountId}:cluster/${reference}`, reason: 'MISSING'});
			}
			return {clusters, failures};
		},

		ListServices(input, context) {
			const cluster = requireCluster(context, input.cluster);
			const launchType = input.launchType as string | undefined;
			const arns = [...cluster.services.values()].filter(service => service.status !== 'INACTIVE' && (launchType === undefined || service.launchType === launchType)).map(service => service.arn);
			const result = page(`ListServices/${cluster.name}`, arns, input.nextToken, listSize(input, 10));
			return {serviceArns: result.items, nextToken: result.nextToken};
		},

		DescribeServices(input, context) {
			const cluster = requireCluster(context, input.cluster);
			const names = stringList(input.services, 'services', 10, 'service names');
			if (names.length === 0) throw new SimError('InvalidParameterException', 'Services cannot be empty.');
			const services: unknown[] = [];
			const failures: unknown[] = [];
			for (const reference of names) {
				const service = cluster.services.get(idOf(reference));
				if (service && (!reference.startsWith('arn:') || reference === service.arn)) services.push(serviceShape(service, cluster, context.accountId));
				else failures.push({arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${context.region}:${context.accountId}:service/${cluster.name}/${reference}`, reason: 'MISSING'});
			}
			return {services, failures};
		},

		ListTasks(input, context) {
			const cluster = requireCluster(context, input.cluster);
			const desiredStatus = (input.desiredStatus as string | undefined) ?? 'RUNNING';
			if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
				throw new SimError('InvalidParameterException', `Invalid parameter at 'desiredStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [RUNNING, PENDING, STOPPED]'`);
			}
			const serviceName = typeof input.serviceName === 'string' ? idOf(input.serviceName) : undefined;
			if (serviceName !== undefined && !cluster.services.has(serviceName)) throw new SimError('ServiceNotFoundException', 'Service not found.');
			const family = typeof input.family === 'string' ? input.family : undefined;
			const startedBy = typeof input.startedBy === 'string' ? input.startedBy : undefined;
			// ECS never sets desiredStatus PENDING: filtering on it returns nothing [MODEL].
			const arns = [...cluster.tasks.values()]
				.filter(task => task.desiredStatus === desiredStatus)
				.filter(task => serviceName === undefined || task.serviceName === serviceName)
				.filter(task => family === undefined || task.taskDefinitionArn.includes(`/${family}:`))
				.filter(task => startedBy === undefined || task.startedBy === startedBy)
				.map(task => task.arn);
			const result = page(`ListTasks/${cluster.name}/${desiredStatus}/${serviceName ?? ''}`, arns, input.nextToken, listSize(input, 100));
			return {taskArns: result.items, nextToken: result.nextToken};
		},

		DescribeTasks(input, context) {
			const cluster = requireCluster(context, input.cluster);
			const references = stringList(input.tasks, 'tasks', 100, 'tasks');
			if (references.length === 0) throw new SimError('InvalidParameterException', 'Tasks cannot be empty.');
			const tasks: unknown[] = [];
			const failures: unknown[] = [];
			for (const reference of references) {
				const task = findTask(cluster, reference);
				if (task) tasks.push(taskShape(task, context.region, context.accountId, cluster.name));
				else failures.push({arn: reference.startsWith('arn:') ? reference : `arn:aws:ecs:${context.region}:${context.accountId}:task/${cluster.name}/${reference}`, reason: 'MISSING'});
			}
			return {tasks, failures};
		},

		DescribeTaskDefinition(input, context) {
			const reference = typeof input.taskDefinition === 'string' ? input.taskDefinition : '';
			const definition = reference === '' ? undefined : findTaskDefinition(stateOf(context), reference);
			if (!definition) throw new SimError('ClientException', 'Unable to describe task definition.');
			const include = stringList(input.include, 'include', 1, 'include');
			return {taskDefinition: taskDefinitionShape(definition), ...(include.includes('TAGS') ? {tags: []} : {})};
		},

		ListTaskDefinitions(input, context) {
			const status = (input.status as string | undefined) ?? 'ACTIVE';
			const prefix = typeof input.familyPrefix === 'string' ? input.familyPrefix : '';
			const arns = [...stateOf(context).taskDefinitions.values()].filter(definition => definition.status === status && definition.family.startsWith(prefix)).map(definition => definition.arn);
			if (input.sort === 'DESC') arns.reverse();
			const result = page(`ListTaskDefinitions/${prefix}/${status}/${String(input.sort)}`, arns, input.nextToken, listSize(input, 100));
			return {taskDefinitionArns: result.items, nextToken: result.nextToken};
		},

		ListTaskDefinitionFamilies(input, context) {
			const status = (input.status as string | undefined) ?? 'ACTIVE';
			const prefix = typeof input.familyPrefix === 'string' ? input.familyPrefix : '';
			const families = new Map<string, boolean>();
			for (const definition of stateOf(context).taskDefinitions.values()) {
				if (!definition.family.startsWith(prefix)) continue;
				families.set(definition.family, (families.get(definition.family) ?? false) || definition.status === 'ACTIVE');
			}
			// A family is ACTIVE while any revision is; INACTIVE once none is [MODEL].
			const names = [...families].filter(([, active]) => status === 'ALL' || (status === 'ACTIVE' ? active : !active)).map(([name]) => name);
			const result = page(`ListTaskDefinitionFamilies/${prefix}/${status}`, names, input.nextToken, listSize(input, 100));
			return {families: result.items, nextToken: result.nextToken};
		},

		StopTask(input, context) {
			const cluster = requireCluster(context, input.cluster);
			const reference = typeof input.task === 'string' ? input.task : '';
			const task = reference === '' ? undefined : findTask(cluster, reference);
			if (!task) throw new SimError('InvalidParameterException', 'The referenced task was not found.');
			const reason = typeof input.reason === 'string' && input.reason !== '' ? input.reason : 'Task stopped by user';
			stopSimTask(context.world, {accountId: context.accountId, region: context.region, cluster}, task, context.now, reason);
			return {task: taskShape(task, context.region, context.accountId, cluster.name)};
		},
	},
};
