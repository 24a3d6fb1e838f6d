import type {ImageRecord} from './types.js';
import {parseImageUri, type ImageReference} from './image-uri.js';
import type {ServiceRecord, TaskDefinitionRecord} from '../ecs/types.js';
import {nameOfArn, shortTaskDefinition} from '../ecs/types.js';
import {serviceNameOf, type TaskRecord} from '../tasks/types.js';

/**
 * "In use by": which running or pending tasks, service deployments and recent task-definition
 * revisions use each image of a repository, and where a tag has moved on from the digest a
 * service's tasks run (drift). Pure; the data layer gathers the inputs across every cluster.
 * ECS pins the digest a tag resolved to when a deployment starts [DOC C.4], so tasks are
 * matched by `imageDigest`; definitions and deployments by tag (current digest) or digest.
 */
export type Consumer = {
	kind: 'task' | 'service' | 'task-definition';
	/** Human label: "task 1a2b3c (prod/payments)", "service prod/payments (PRIMARY)", "payments:42". */
	label: string;
	cluster?: string;
	service?: string;
	taskArn?: string;
	taskDefinition?: string;
	/** How the image is referenced. */
	via: 'digest' | 'tag';
	tag?: string;
	status?: string;
};

export type UsageInput = {
	tasks: readonly {task: TaskRecord; cluster: string}[];
	services: readonly {service: ServiceRecord; cluster: string}[];
	/** Definitions of service deployments and the latest N ACTIVE revisions of each family. */
	taskDefinitions: readonly TaskDefinitionRecord[];
	/** ARNs of the "latest N revisions" (others are only there for deployments). */
	recentRevisions: ReadonlySet<string>;
};

export type Drift = {cluster: string; service: string; tag: string; runningDigest: string; tagDigest: string};

export type RepositoryUsage = {
	byDigest: Map<string, Consumer[]>;
	drift: Drift[];
};

export type RepositoryLocation = {name: string; registryId: string; region: string};

function refersTo(reference: ImageReference, repository: RepositoryLocation): boolean {
	return reference.kind === 'ecr-private' && reference.repository === repository.name && reference.account === repository.registryId && reference.region === repository.region;
}

function add(map: Map<string, Consumer[]>, digest: string | undefined, consumer: Consumer): void {
	if (!digest) return;
	const list = map.get(digest) ?? [];
	if (!list.some(existing => existing.label === consumer.label)) list.push(consumer);
	map.set(digest, list);
}

/** Resolves references to this repository in a task definition: [digest, via, tag]. */
function references(definition: TaskDefinitionRecord, repository: RepositoryLocation, tagDigest: {get(tag: string): string | undefined}): {digest?: string; via: 'digest' | 'tag'; tag?: string}[] {
	const out: {digest?: string; via: 'digest' | 'tag'; tag?: string}[] = [];
	for (const container of definition.containers) {
		const parsed = parseImageUri(container.image);
		if (!parsed.ok || !refersTo(parsed.image, repository)) continue;
		if (parsed.image.digest) out.push({digest: parsed.image.digest, via: 'digest'});
		else {
			const tag = parsed.image.tag ?? 'latest';
			const digest = tagDigest.get(tag);
			out.push({...(digest ? {digest} : {}), via: 'tag', tag});
		}
	}
	return out;
}

export function repositoryUsage(input: UsageInput, repository: RepositoryLocation, images: readonly ImageRecord[]): RepositoryUsage {
	// Which digest a tag names now: built on the first task or definition that refers by tag
	// (a 100,000-image repository would otherwise build it on every open, used or not).
	let tags: Map<string, string> | undefined;
	const tagDigest = {
		get(tag: string): string | undefined {
			if (tags === undefined) {
				tags = new Map();
				for (const image of images) if (image.status !== 'ARCHIVED') for (const name of image.tags) tags.set(name, image.digest);
			}
			return tags.get(tag);
		},
	};
	const byDigest = new Map<string, Consumer[]>();
	const definitions = new Map(input.taskDefinitions.map(definition => [definition.arn, definition]));

	// Running and pending tasks: the digest ECS actually pulled.
	const taskDigestsByService = new Map<string, Set<string>>();
	for (const {task, cluster} of input.tasks) {
		const service = serviceNameOf(task);
		for (const container of task.containers) {
			if (!container.image) continue;
			const parsed = parseImageUri(container.image);
			if (!parsed.ok || !refersTo(parsed.image, repository)) continue;
			const digest = container.imageDigest ?? parsed.image.digest ?? tagDigest.get(parsed.image.tag ?? 'latest');
			const id = nameOfArn(task.taskArn).slice(0, 8);
			add(byDigest, digest, {
				kind: 'task',
				label: `task ${id} (${cluster}${service ? `/${service}` : ''}, ${task.lastStatus})`,
				cluster,
				...(service ? {service} : {}),
				taskArn: task.taskArn,
				via: container.imageDigest || parsed.image.digest ? 'digest' : 'tag',
				...(parsed.image.tag ? {tag: parsed.image.tag} : {}),
				status: task.lastStatus,
			});
			if (service && container.imageDigest) {
				const key = `${cluster}/${service}/${parsed.image.tag ?? 'latest'}`;
				const digests = taskDigestsByService.get(key);
				if (digests === undefined) taskDigestsByService.set(key, new Set([container.imageDigest]));
				else digests.add(container.imageDigest);
			}
		}
	}

	// Service deployments still running (PRIMARY and ACTIVE).
	const drift: Drift[] = [];
	for (const {service, cluster} of input.services) {
		for (const deployment of service.deployments) {
			if (deployment.status === 'INACTIVE') continue;
			const definition = definitions.get(deployment.taskDefinition);
			if (!definition) continue;
			for (const reference of references(definition, repository, tagDigest)) {
				add(byDigest, reference.digest, {
					kind: 'service',
					label: `service ${cluster}/${service.name} (${deployment.status.toLowerCase()})`,
					cluster,
					service: service.name,
					taskDefinition: definition.arn,
					via: reference.via,
					...(reference.tag ? {tag: reference.tag} : {}),
					status: deployment.status,
				});
				if (reference.via === 'tag' && reference.tag && reference.digest) {
					for (const running of taskDigestsByService.get(`${cluster}/${service.name}/${reference.tag}`) ?? []) {
						if (running !== reference.digest && !drift.some(item => item.service === service.name && item.cluster === cluster && item.runningDigest === running)) {
							drift.push({cluster, service: service.name, tag: reference.tag, runningDigest: running, tagDigest: reference.digest});
						}
					}
				}
			}
		}
	}

	// Recent task-definition revisions (a rollback target is in use too).
	for (const definition of input.taskDefinitions) {
		if (!input.recentRevisions.has(definition.arn)) continue;
		for (const reference of references(definition, repository, tagDigest)) {
			add(byDigest, reference.digest, {
				kind: 'task-definition',
				label: `task definition ${shortTaskDefinition(definition.arn)}`,
				taskDefinition: definition.arn,
				via: reference.via,
				...(reference.tag ? {tag: reference.tag} : {}),
			});
		}
	}
	return {byDigest, drift};
}

/** A compact mark for the table: "2 tasks · 1 svc · 3 td" or "". */
export function usageMark(consumers: readonly Consumer[] | undefined): string {
	if (!consumers || consumers.length === 0) return '';
	const count = (kind: Consumer['kind']) => consumers.filter(consumer => consumer.kind === kind).length;
	const parts = [
		count('task') ? `${count('task')} task${count('task') === 1 ? '' : 's'}` : '',
		count('service') ? `${count('service')} svc` : '',
		count('task-definition') ? `${count('task-definition')} td` : '',
	].filter(Boolean);
	return parts.join(' · ');
}

/**
 * One line naming every consumer, tasks grouped by service: "3 tasks of prod/payments ·
 * service prod/payments (primary) · task definition payments:3".
 */
export function describeConsumers(consumers: readonly Consumer[]): string {
	const taskGroups = new Map<string, number>();
	const others: string[] = [];
	for (const consumer of consumers) {
		if (consumer.kind === 'task') {
			const key = `${consumer.cluster ?? '?'}${consumer.service ? `/${consumer.service}` : ''}`;
			taskGroups.set(key, (taskGroups.get(key) ?? 0) + 1);
		} else {
			others.push(consumer.label);
		}
	}
	const tasks = [...taskGroups].map(([key, count]) => `${count} task${count === 1 ? '' : 's'} of ${key}`);
	return [...tasks, ...others].join(' · ');
}
