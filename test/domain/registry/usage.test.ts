import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {repositoryUsage, usageMark, type Consumer, type UsageInput} from '../../../source/domain/registry/usage.js';
import type {ImageRecord} from '../../../source/domain/registry/types.js';
import type {DeploymentRecord, ServiceRecord, TaskDefinitionRecord} from '../../../source/domain/ecs/types.js';
import type {TaskRecord} from '../../../source/domain/tasks/types.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const ACCOUNT = '111122223333';
const REPO = {name: 'payments', registryId: ACCOUNT, region: 'us-east-1'};
const URI = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/payments`;

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;
const D4 = `sha256:${'4'.repeat(64)}`;

function image(digest: string, tags: string[], overrides: Partial<ImageRecord> = {}): ImageRecord {
	return {repositoryName: 'payments', registryId: ACCOUNT, digest, tags, sizeInBytes: 100, pushedAt: NOW, status: 'ACTIVE', ...overrides};
}

/** v1/stable -> D1, v2/latest -> D2, D3 untagged, D4 archived with tag "old". */
const IMAGES: ImageRecord[] = [image(D1, ['v1', 'stable']), image(D2, ['v2', 'latest']), image(D3, []), image(D4, ['old'], {status: 'ARCHIVED'})];

let taskCounter = 0;
function task(cluster: string, containers: TaskRecord['containers'], overrides: Partial<TaskRecord> = {}): {task: TaskRecord; cluster: string} {
	taskCounter++;
	const id = `${String(taskCounter).padStart(2, '0')}aabbcc${'f'.repeat(24)}`;
	return {
		cluster,
		task: {
			taskArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/${cluster}/${id}`,
			clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`,
			taskDefinitionArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/payments:3`,
			group: 'service:payments',
			lastStatus: 'RUNNING',
			createdAt: NOW,
			containers,
			...overrides,
		},
	};
}

function tdArn(family: string, revision: number): string {
	return `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${family}:${revision}`;
}

function definition(family: string, revision: number, images: string[]): TaskDefinitionRecord {
	return {
		arn: tdArn(family, revision),
		family,
		revision,
		status: 'ACTIVE',
		requiresCompatibilities: ['FARGATE'],
		containers: images.map((uri, index) => ({name: `c${index}`, image: uri, essential: true, secrets: [], environment: []})),
	};
}

function deployment(status: string, taskDefinition: string): DeploymentRecord {
	return {id: `ecs-svc/${status}`, status, taskDefinition, desiredCount: 1, pendingCount: 0, runningCount: 1, failedTasks: 0};
}

function service(cluster: string, name: string, deployments: DeploymentRecord[]): {service: ServiceRecord; cluster: string} {
	return {
		cluster,
		service: {
			arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/${cluster}/${name}`,
			name,
			clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${cluster}`,
			status: 'ACTIVE',
			desiredCount: 1,
			runningCount: 1,
			pendingCount: 0,
			taskDefinition: deployments[0]?.taskDefinition ?? '',
			deployments,
			events: [],
		},
	};
}

function input(overrides: Partial<UsageInput>): UsageInput {
	return {tasks: [], services: [], taskDefinitions: [], recentRevisions: new Set(), ...overrides};
}

function kinds(consumers: readonly Consumer[] | undefined): string[] {
	return (consumers ?? []).map(consumer => `${consumer.kind}:${consumer.via}${consumer.tag ? `:${consumer.tag}` : ''}`);
}

describe('repositoryUsage: tasks', () => {
	const cases: {name: string; image: string; imageDigest?: string; expect: string | undefined; via?: 'digest' | 'tag'}[] = [
		{name: 'pinned digest wins over the tag that has moved on', image: `${URI}:v2`, imageDigest: D1, expect: D1, via: 'digest'},
		{name: 'pinned digest of an untagged image', image: `${URI}:v2`, imageDigest: D3, expect: D3, via: 'digest'},
		{name: 'no digest: the tag resolves to its current digest', image: `${URI}:v1`, expect: D1, via: 'tag'},
		{name: 'no digest, second tag of the same image', image: `${URI}:stable`, expect: D1, via: 'tag'},
		{name: 'no tag and no digest means latest', image: URI, expect: D2, via: 'tag'},
		{name: 'digest in the image reference', image: `${URI}@${D3}`, expect: D3, via: 'digest'},
		{name: 'tag that no longer exists: nothing to protect', image: `${URI}:deleted`, expect: undefined},
		{name: 'tag only on an archived image does not resolve', image: `${URI}:old`, expect: undefined},
		{name: 'FIPS endpoint of the same repository counts', image: `${ACCOUNT}.dkr.ecr-fips.us-east-1.amazonaws.com/payments:v1`, expect: D1, via: 'tag'},
	];
	for (const item of cases) {
		test(item.name, () => {
			const usage = repositoryUsage(input({tasks: [task('prod', [{name: 'app', image: item.image, ...(item.imageDigest ? {imageDigest: item.imageDigest} : {})}])]}), REPO, IMAGES);
			if (item.expect === undefined) {
				assert.equal(usage.byDigest.size, 0);
				return;
			}
			assert.deepEqual([...usage.byDigest.keys()], [item.expect]);
			const [consumer] = usage.byDigest.get(item.expect)!;
			assert.equal(consumer?.kind, 'task');
			assert.equal(consumer?.via, item.via);
			assert.equal(consumer?.cluster, 'prod');
			assert.equal(consumer?.service, 'payments');
			assert.equal(consumer?.status, 'RUNNING');
		});
	}

	test('label names the task id, cluster, service and status; standalone tasks have no service', () => {
		const inService = task('prod', [{name: 'app', image: `${URI}:v1`, imageDigest: D1}], {lastStatus: 'PENDING'});
		const standalone = task('batch', [{name: 'app', image: `${URI}:v1`, imageDigest: D1}], {group: 'family:payments-migrate'});
		const usage = repositoryUsage(input({tasks: [inService, standalone]}), REPO, IMAGES);
		const consumers = usage.byDigest.get(D1)!;
		assert.equal(consumers.length, 2);
		const id = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 9);
		assert.equal(consumers[0]?.label, `task ${id(inService.task.taskArn)} (prod/payments, PENDING)`);
		assert.equal(consumers[0]?.taskArn, inService.task.taskArn);
		assert.equal(consumers[1]?.label, `task ${id(standalone.task.taskArn)} (batch, RUNNING)`);
		assert.equal(consumers[1]?.service, undefined);
		assert.equal('service' in consumers[1]!, false);
	});

	test('containers of other images and containers without an image are ignored', () => {
		const usage = repositoryUsage(input({tasks: [task('prod', [{name: 'sidecar'}, {name: 'proxy', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest'}, {name: 'app', image: `${URI}:v2`, imageDigest: D2}])]}), REPO, IMAGES);
		assert.deepEqual([...usage.byDigest.keys()], [D2]);
		assert.equal(usage.byDigest.get(D2)!.length, 1);
	});
});

describe('repositoryUsage: other repositories, regions and accounts', () => {
	const others: [string, string][] = [
		['same name in us-west-2', `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/payments:v1`],
		['same name in another account', `999988887777.dkr.ecr.us-east-1.amazonaws.com/payments:v1`],
		['longer name with the same prefix', `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/payments-worker:v1`],
		['nested repository with the same last segment', `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/payments:v1`],
		['Docker Hub image of the same name', 'payments:v1'],
		['ECR Public image of the same name', 'public.ecr.aws/acme/payments:v1'],
	];
	for (const [name, uri] of others) {
		test(`${name} does not count (task pinned to a digest that also exists here)`, () => {
			const usage = repositoryUsage(
				input({
					tasks: [task('prod', [{name: 'app', image: uri, imageDigest: D1}])],
					services: [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 3))])],
					taskDefinitions: [definition('payments', 3, [uri])],
					recentRevisions: new Set([tdArn('payments', 3)]),
				}),
				REPO,
				IMAGES,
			);
			assert.equal(usage.byDigest.size, 0);
			assert.deepEqual(usage.drift, []);
		});
	}
});

describe('repositoryUsage: services', () => {
	test('PRIMARY and ACTIVE deployments resolve tags to the current digest; INACTIVE is ignored', () => {
		const usage = repositoryUsage(
			input({
				services: [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 3)), deployment('ACTIVE', tdArn('payments', 2)), deployment('INACTIVE', tdArn('payments', 1))])],
				taskDefinitions: [definition('payments', 3, [`${URI}:v2`]), definition('payments', 2, [`${URI}:v1`]), definition('payments', 1, [`${URI}@${D3}`])],
			}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(kinds(usage.byDigest.get(D2)), ['service:tag:v2']);
		assert.deepEqual(kinds(usage.byDigest.get(D1)), ['service:tag:v1']);
		assert.equal(usage.byDigest.has(D3), false, 'INACTIVE deployment does not protect its image');
		const primary = usage.byDigest.get(D2)![0]!;
		assert.equal(primary.status, 'PRIMARY');
		assert.equal(primary.service, 'payments');
		assert.equal(primary.cluster, 'prod');
		assert.equal(primary.taskDefinition, tdArn('payments', 3));
		assert.match(primary.label, /^service prod\/payments \(primary\)$/i);
		assert.match(usage.byDigest.get(D1)![0]!.label, /\(active\)$/i);
	});

	test('a deployment pinned by digest protects that digest', () => {
		const usage = repositoryUsage(
			input({services: [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 4))])], taskDefinitions: [definition('payments', 4, [`${URI}@${D3}`])]}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(kinds(usage.byDigest.get(D3)), ['service:digest']);
	});

	test('a deployment whose task definition was not loaded is skipped', () => {
		const usage = repositoryUsage(input({services: [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 9))])]}), REPO, IMAGES);
		assert.equal(usage.byDigest.size, 0);
	});

	test('a container referencing a tag that does not exist adds nothing', () => {
		const usage = repositoryUsage(
			input({services: [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 3))])], taskDefinitions: [definition('payments', 3, [`${URI}:gone`])]}),
			REPO,
			IMAGES,
		);
		assert.equal(usage.byDigest.size, 0);
	});

	test('two containers with the same image give one consumer', () => {
		const usage = repositoryUsage(
			input({
				services: [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 3))])],
				taskDefinitions: [definition('payments', 3, [`${URI}:v2`, `${URI}:latest`])],
				recentRevisions: new Set([tdArn('payments', 3)]),
			}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(kinds(usage.byDigest.get(D2)), ['service:tag:v2', 'task-definition:tag:v2']);
	});
});

describe('repositoryUsage: task definitions', () => {
	test('only revisions listed in recentRevisions count as in use', () => {
		const usage = repositoryUsage(
			input({
				taskDefinitions: [definition('payments', 5, [`${URI}:v2`]), definition('payments', 4, [`${URI}:v1`]), definition('payments', 3, [`${URI}@${D3}`])],
				recentRevisions: new Set([tdArn('payments', 5), tdArn('payments', 3)]),
			}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(kinds(usage.byDigest.get(D2)), ['task-definition:tag:v2']);
		assert.deepEqual(kinds(usage.byDigest.get(D3)), ['task-definition:digest']);
		assert.equal(usage.byDigest.has(D1), false);
		assert.equal(usage.byDigest.get(D2)![0]!.label, 'task definition payments:5');
		assert.equal(usage.byDigest.get(D2)![0]!.taskDefinition, tdArn('payments', 5));
	});

	test('a definition loaded only for a deployment is a service consumer, not a task-definition one', () => {
		const usage = repositoryUsage(
			input({services: [service('prod', 'payments', [deployment('ACTIVE', tdArn('payments', 2))])], taskDefinitions: [definition('payments', 2, [`${URI}:v1`])]}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(kinds(usage.byDigest.get(D1)), ['service:tag:v1']);
	});
});

describe('repositoryUsage: drift', () => {
	const services = [service('prod', 'payments', [deployment('PRIMARY', tdArn('payments', 3))])];
	const taskDefinitions = [definition('payments', 3, [`${URI}:v2`])];

	test('tasks run a digest the tag no longer points to', () => {
		const usage = repositoryUsage(
			input({
				tasks: [task('prod', [{name: 'app', image: `${URI}:v2`, imageDigest: D1}]), task('prod', [{name: 'app', image: `${URI}:v2`, imageDigest: D1}]), task('prod', [{name: 'app', image: `${URI}:v2`, imageDigest: D2}])],
				services,
				taskDefinitions,
			}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(usage.drift, [{cluster: 'prod', service: 'payments', tag: 'v2', runningDigest: D1, tagDigest: D2}]);
		// The old digest is protected by the tasks running it, the new one by the service.
		assert.deepEqual(kinds(usage.byDigest.get(D1)), ['task:digest:v2', 'task:digest:v2']);
		assert.deepEqual(kinds(usage.byDigest.get(D2)), ['task:digest:v2', 'service:tag:v2']);
	});

	const none: [string, Partial<UsageInput>][] = [
		['tasks run the digest the tag points to', {tasks: [task('prod', [{name: 'app', image: `${URI}:v2`, imageDigest: D2}])]}],
		['tasks of the same service name in another cluster', {tasks: [task('staging', [{name: 'app', image: `${URI}:v2`, imageDigest: D1}])]}],
		['tasks of another service', {tasks: [task('prod', [{name: 'app', image: `${URI}:v2`, imageDigest: D1}], {group: 'service:checkout'})]}],
		['tasks without a resolved digest', {tasks: [task('prod', [{name: 'app', image: `${URI}:v2`}])]}],
		['tasks running another tag', {tasks: [task('prod', [{name: 'app', image: `${URI}:v1`, imageDigest: D1}])]}],
	];
	for (const [name, extra] of none) {
		test(`no drift: ${name}`, () => {
			const usage = repositoryUsage(input({services, taskDefinitions, ...extra}), REPO, IMAGES);
			assert.deepEqual(usage.drift, []);
		});
	}

	test('no drift when the service pins a digest', () => {
		const usage = repositoryUsage(
			input({tasks: [task('prod', [{name: 'app', image: `${URI}@${D1}`, imageDigest: D1}])], services, taskDefinitions: [definition('payments', 3, [`${URI}@${D3}`])]}),
			REPO,
			IMAGES,
		);
		assert.deepEqual(usage.drift, []);
	});
});

describe('usageMark', () => {
	const c = (kind: Consumer['kind'], n: number): Consumer => ({kind, label: `${kind} ${n}`, via: 'digest'});
	const cases: [string, Consumer[] | undefined, string][] = [
		['nothing', undefined, ''],
		['empty list', [], ''],
		['one task', [c('task', 1)], '1 task'],
		['two tasks', [c('task', 1), c('task', 2)], '2 tasks'],
		['one service', [c('service', 1)], '1 svc'],
		['one definition', [c('task-definition', 1)], '1 td'],
		['all kinds, in task, svc, td order', [c('task-definition', 1), c('service', 1), c('task', 1), c('task', 2), c('task-definition', 2), c('task-definition', 3)], '2 tasks · 1 svc · 3 td'],
		['services and definitions', [c('service', 1), c('service', 2), c('task-definition', 1)], '2 svc · 1 td'],
	];
	for (const [name, consumers, expected] of cases) {
		test(name, () => assert.equal(usageMark(consumers), expected));
	}
});
