import {test} from 'node:test';
import assert from 'node:assert/strict';
import {DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, type Task} from '@aws-sdk/client-ecs';
import {DescribeNetworkInterfacesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {clientConfig, useSimulator} from '../helpers/sim.js';
import type {VirtualClock} from '../../source/sim/clock.js';
import {classifyReason} from '../../source/domain/diagnosis/catalog.js';
import {ecsStateOf, findTaskDefinition} from '../../source/sim/world/ecs.js';
import {addService} from '../../source/sim/services/ecs-setup.js';
import {circuitBreakerThreshold, launchBackoffMs} from '../../source/sim/services/ecs-scheduler.js';
import {DEMO_NETWORK} from '../../source/sim/scenarios/demo-network.js';

const sim = await useSimulator();
const ecs = new ECSClient(clientConfig(sim));
const ec2 = new EC2Client(clientConfig(sim));
const clock = sim.clock as VirtualClock;
const state = ecsStateOf(sim.world, '123456789012', 'us-east-1');

async function tasksOf(cluster: string, serviceName: string, desiredStatus: 'RUNNING' | 'STOPPED'): Promise<Task[]> {
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster, serviceName, desiredStatus}));
	if (taskArns.length === 0) return [];
	const {tasks = []} = await ecs.send(new DescribeTasksCommand({cluster, tasks: taskArns}));
	return tasks;
}

function addProbe(name: string, family: string, subnet: string = DEMO_NETWORK.subnets.privateA) {
	const staging = state.clusters.get('staging')!;
	const definition = findTaskDefinition(state, family)!;
	return addService(sim.world, '123456789012', 'us-east-1', staging, {
		name,
		definition,
		desiredCount: 1,
		network: {subnets: [subnet], securityGroups: [DEMO_NETWORK.securityGroups.svcDefault], assignPublicIp: false},
		deployedAt: clock.now(),
	});
}

test('a healthy task moves PROVISIONING -> PENDING -> (pull) -> ACTIVATING -> RUNNING on the clock', async () => {
	addProbe('probe-ok', 'payments');
	clock.advance(1000);
	const seen: string[] = [];
	let task: Task | undefined;
	for (let step = 0; step < 120 && task?.lastStatus !== 'RUNNING'; step++) {
		[task] = await tasksOf('staging', 'probe-ok', 'RUNNING');
		const label = `${task?.lastStatus}${task?.pullStartedAt ? (task.pullStoppedAt ? '+pulled' : '+pulling') : ''}`;
		if (seen.at(-1) !== label) seen.push(label);
		clock.advance(1000);
	}
	assert.deepEqual(seen, ['PROVISIONING', 'PENDING', 'PENDING+pulling', 'PENDING+pulled', 'ACTIVATING+pulled', 'RUNNING+pulled']);
	assert.ok(task?.connectivityAt && task.createdAt && task.connectivityAt > task.createdAt, 'connectivity after creation');
	assert.ok(task?.startedAt && task.pullStoppedAt && task.startedAt > task.pullStoppedAt);
	assert.equal(task?.attachments?.[0]?.status, 'ATTACHED');
	const {services = []} = await ecs.send(new DescribeServicesCommand({cluster: 'staging', services: ['probe-ok']}));
	const messages = services[0]?.events?.map(event => event.message) ?? [];
	assert.ok(messages.includes('(service probe-ok) has reached a steady state.'));
	assert.ok(messages.some(message => message?.startsWith('(service probe-ok) has started 1 tasks: (task ')));
	assert.equal(services[0]?.deployments?.[0]?.rolloutState, 'COMPLETED');
});

test('orders: the task stalls in PENDING, then stops with the registry-auth AccessDenied its role earns', async () => {
	addProbe('probe-orders', 'orders');
	const seen: string[] = [];
	let first: string | undefined;
	for (let step = 0; step < 180; step++) {
		clock.advance(1000);
		const all = [...(await tasksOf('staging', 'probe-orders', 'RUNNING')), ...(await tasksOf('staging', 'probe-orders', 'STOPPED'))];
		first ??= all[0]?.taskArn;
		const task = all.find(candidate => candidate.taskArn === first);
		if (task?.lastStatus === 'PENDING') assert.equal(task.pullStartedAt, undefined, 'registry auth comes before the pull');
		const label = `${task?.lastStatus}/${task?.desiredStatus}`;
		if (seen.at(-1) !== label) seen.push(label);
		if (task?.lastStatus === 'STOPPED') break;
	}
	assert.deepEqual(seen, ['PROVISIONING/RUNNING', 'PENDING/RUNNING', 'DEPROVISIONING/STOPPED', 'STOPPED/STOPPED']);
	const [stopped] = await tasksOf('staging', 'probe-orders', 'STOPPED');
	assert.ok(stopped);
	const id = stopped.taskArn?.split('/').pop() ?? '';
	assert.equal(stopped.lastStatus, 'STOPPED');
	assert.equal(stopped.stopCode, 'TaskFailedToStart');
	assert.match(
		stopped.stoppedReason ?? '',
		new RegExp(
			`^ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time\\(s\\): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/orders-execution-role/${id} is not authorized to perform: ecr:GetAuthorizationToken on resource: \\* because no identity-based policy allows the ecr:GetAuthorizationToken action`,
		),
	);
	for (const field of ['stoppingAt', 'executionStoppedAt', 'stoppedAt'] as const) assert.ok(stopped[field] instanceof Date, field);
	assert.equal(stopped.attachments?.[0]?.status, 'DELETED');
	const eniId = stopped.attachments?.[0]?.details?.find(item => item.name === 'networkInterfaceId')?.value ?? '';
	const {NetworkInterfaces = []} = await ec2.send(new DescribeNetworkInterfacesCommand({Filters: [{Name: 'network-interface-id', Values: [eniId]}]}));
	assert.deepEqual(NetworkInterfaces, [], 'the ENI is released once STOPPED');
});

test('each failing demo service stops with the reason its configuration earns', async () => {
	const expected: Record<string, {entry: string; address?: RegExp}> = {
		orders: {entry: 'registry-auth-access-denied'},
		// private-b's NAT is a blackhole; the VPC's ecr.api/ecr.dkr endpoints (private DNS) still answer, S3 does not.
		notify: {entry: 'pull-layer-download', address: /dial tcp (52\.216|54\.231|3\.5)\.\d+\.\d+:443: i\/o timeout/},
		etl: {entry: 'pull-layer-download', address: /starport-layer-bucket.*dial tcp (52\.216|54\.231|3\.5)\.\d+\.\d+:443/},
		// Private addresses: the endpoint exists but the security group / NACL blocks (D.2 tip).
		search: {entry: 'registry-auth-network', address: /dial tcp 10\.0\.20\.37:443: i\/o timeout/},
		ledger: {entry: 'registry-auth-network', address: /dial tcp 10\.0\.20\.37:443: i\/o timeout/},
		batch: {entry: 'pull-image-not-found', address: /legacy-batch:2024\.09: not found$/},
		reports: {entry: 'pull-image-not-found', address: /us-west-2\.amazonaws\.com\/reports:v3\.2\.0: not found$/},
	};
	for (const [service, want] of Object.entries(expected)) {
		const stopped = await tasksOf('prod', service, 'STOPPED');
		const failed = stopped.filter(task => task.lastStatus === 'STOPPED');
		assert.ok(failed.length >= 2, `${service} has failed tasks in its history (${failed.length})`);
		for (const task of failed) {
			assert.equal(task.stopCode, 'TaskFailedToStart', service);
			assert.equal(task.startedAt, undefined, `${service} never started`);
			const classification = classifyReason(task.stoppedReason ?? '');
			assert.equal(classification.kind === 'classified' && classification.entry.id, want.entry, `${service}: ${task.stoppedReason}`);
			if (want.address) assert.match(task.stoppedReason ?? '', want.address, service);
		}
		const pull = failed.find(task => task.pullStartedAt !== undefined);
		if (want.entry.startsWith('pull-')) assert.ok(pull?.containers?.[0]?.reason?.startsWith('CannotPullContainerError'), `${service}: container reason`);
	}
});

test('failed services keep launching replacements with a growing backoff, and say so in events', async () => {
	assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 10].map(launchBackoffMs), [10_000, 15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
	assert.equal(circuitBreakerThreshold(2), 3);
	assert.equal(circuitBreakerThreshold(1000), 200);
	const before = (await tasksOf('prod', 'batch', 'STOPPED')).length;
	clock.advance(20 * 60_000);
	const after = (await tasksOf('prod', 'batch', 'STOPPED')).length + (await tasksOf('prod', 'batch', 'RUNNING')).length;
	assert.ok(after > before, `new batch tasks appeared (${before} -> ${after})`);
	const {services = []} = await ecs.send(new DescribeServicesCommand({cluster: 'prod', services: ['batch']}));
	const messages = services[0]?.events?.map(event => event.message) ?? [];
	assert.ok(messages.some(message => message === '(service batch) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.'));
	const launches = (services[0]?.events ?? []).filter(event => event.message?.includes('has started')).map(event => event.createdAt!.getTime()).sort((a, b) => a - b);
	const gaps = launches.slice(1).map((time, index) => time - launches[index]!);
	assert.ok(gaps.at(-1)! > gaps[0]!, `launch gaps grow: ${gaps.map(gap => Math.round(gap / 1000)).join(', ')} s`);
	assert.equal(services[0]?.deployments?.[0]?.rolloutState, 'IN_PROGRESS', 'no circuit breaker on batch');
});

test('STOPPED tasks stay describable for at least an hour, then DescribeTasks answers MISSING', async () => {
	const [oldest] = (await tasksOf('prod', 'reports', 'STOPPED')).filter(task => task.lastStatus === 'STOPPED').sort((a, b) => a.stoppedAt!.getTime() - b.stoppedAt!.getTime());
	assert.ok(oldest?.stoppedAt);
	const age = clock.now() - oldest.stoppedAt.getTime();
	clock.advance(Math.max(0, 60 * 60_000 - age - 60_000));
	const {tasks = []} = await ecs.send(new DescribeTasksCommand({cluster: 'prod', tasks: [oldest.taskArn!]}));
	assert.equal(tasks.length, 1, 'still there just under an hour after stopping');
	clock.advance(10 * 60_000);
	const later = await ecs.send(new DescribeTasksCommand({cluster: 'prod', tasks: [oldest.taskArn!]}));
	assert.deepEqual(later.failures, [{arn: oldest.taskArn, reason: 'MISSING'}]);
});

test('assignPublicIp ENABLED gives the task ENI a public IP; in a public subnet the task then runs', async () => {
	const staging = state.clusters.get('staging')!;
	addService(sim.world, '123456789012', 'us-east-1', staging, {
		name: 'probe-public',
		definition: findTaskDefinition(state, 'payments')!,
		desiredCount: 1,
		network: {subnets: [DEMO_NETWORK.subnets.publicA], securityGroups: [DEMO_NETWORK.securityGroups.svcDefault], assignPublicIp: true},
		deployedAt: clock.now(),
	});
	clock.advance(2000);
	const [task] = await tasksOf('staging', 'probe-public', 'RUNNING');
	const eniId = task?.attachments?.[0]?.details?.find(item => item.name === 'networkInterfaceId')?.value ?? '';
	const {NetworkInterfaces = []} = await ec2.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [eniId]}));
	assert.match(NetworkInterfaces[0]?.Association?.PublicIp ?? '', /^54\.\d+\.\d+\.\d+$/);
	clock.advance(120_000);
	const [later] = await tasksOf('staging', 'probe-public', 'RUNNING');
	assert.equal(later?.lastStatus, 'RUNNING');
});
