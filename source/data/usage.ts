import type {AwsClients} from './clients.js';
import type {Descriptor} from './store.js';
import type {Session} from './session.js';
import {describeTaskDefinition, latestTaskDefinitionArns, listClusters, listServices, listTaskDefinitionFamilies, listTasks} from './ecs.js';
import {runPool} from './pool.js';
import type {UsageInput} from '../domain/registry/usage.js';
import type {TaskDefinitionRecord} from '../domain/ecs/types.js';

/**
 * Everything the "in use by" view needs, across every cluster of the region: running and
 * pending tasks, services and their deployments, and the task definitions of those
 * deployments plus the latest N ACTIVE revisions of each family. Loaded once and shared by
 * every repository's images screen (cached for two minutes).
 */
export async function loadUsageInput(clients: AwsClients, revisions: number, signal?: AbortSignal): Promise<UsageInput> {
	const clusters = await listClusters(clients, signal);
	const tasks: {task: UsageInput['tasks'][number]['task']; cluster: string}[] = [];
	const services: {service: UsageInput['services'][number]['service']; cluster: string}[] = [];
	await runPool(
		clusters,
		4,
		async cluster => {
			const [clusterServices, clusterTasks] = await Promise.all([listServices(clients, cluster.arn, signal), listTasks(clients, cluster.arn, {desiredStatus: 'RUNNING'}, signal)]);
			for (const service of clusterServices) services.push({service, cluster: cluster.name});
			for (const task of clusterTasks) tasks.push({task, cluster: cluster.name});
		},
		signal,
	);
	const families = await listTaskDefinitionFamilies(clients, signal);
	const recent = new Set<string>();
	await runPool(
		families,
		4,
		async family => {
			for (const arn of await latestTaskDefinitionArns(clients, family, revisions, signal)) recent.add(arn);
		},
		signal,
	);
	const wanted = new Set<string>(recent);
	for (const {service} of services) for (const deployment of service.deployments) if (deployment.taskDefinition) wanted.add(deployment.taskDefinition);
	const definitions: TaskDefinitionRecord[] = [];
	await runPool(
		[...wanted],
		4,
		async arn => {
			try {
				definitions.push(await describeTaskDefinition(clients, arn, signal));
			} catch (error) {
				// A deregistered revision can vanish between list and describe; skip it.
				if ((error as Error).name !== 'ClientException') throw error;
			}
		},
		signal,
	);
	return {tasks, services, taskDefinitions: definitions, recentRevisions: recent};
}

export function usageKey(session: Pick<Session, 'scope'>, revisions: number): string {
	return `${session.scope}/ecs/usage/${revisions}`;
}

export function usageResource(session: Pick<Session, 'scope' | 'clients'>, revisions: number): Descriptor<UsageInput> {
	return {
		key: usageKey(session, revisions),
		ttlMs: 2 * 60_000,
		what: 'Finding which ECS tasks, services and task definitions use these images (ecs:List*/Describe*)',
		load: ({signal}) => loadUsageInput(session.clients, revisions, signal),
	};
}
