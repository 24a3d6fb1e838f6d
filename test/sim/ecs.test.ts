import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	DescribeClustersCommand,
	DescribeServicesCommand,
	DescribeTaskDefinitionCommand,
	DescribeTasksCommand,
	ECSClient,
	ListClustersCommand,
	ListServicesCommand,
	ListTaskDefinitionFamiliesCommand,
	ListTaskDefinitionsCommand,
	ListTasksCommand,
	StopTaskCommand,
} from '@aws-sdk/client-ecs';
import {DescribeNetworkInterfacesCommand, EC2Client} from '@aws-sdk/client-ec2';
import {clientConfig, useSimulator, rejectsWith} from '../helpers/sim.js';
import type {VirtualClock} from '../../source/sim/clock.js';
import {DEMO_NETWORK} from '../../source/sim/scenarios/demo-network.js';

const sim = await useSimulator();
const ecs = new ECSClient(clientConfig(sim));
const ec2 = new EC2Client(clientConfig(sim));
const clock = sim.clock as VirtualClock;

test('ListClusters pages and DescribeClusters counts tasks and services', async () => {
	const first = await ecs.send(new ListClustersCommand({maxResults: 1}));
	assert.equal(first.clusterArns?.length, 1);
	assert.ok(first.nextToken);
	const all = await ecs.send(new ListClustersCommand({}));
	assert.deepEqual(all.clusterArns, ['arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'arn:aws:ecs:us-east-1:123456789012:cluster/staging']);
	const described = await ecs.send(new DescribeClustersCommand({clusters: ['prod', 'nope'], include: ['STATISTICS']}));
	const prod = described.clusters?.[0];
	assert.equal(prod?.clusterName, 'prod');
	assert.equal(prod?.status, 'ACTIVE');
	assert.equal(prod?.activeServicesCount, 9);
	assert.ok((prod?.runningTasksCount ?? 0) >= 5, 'payments and web run');
	assert.ok(prod?.statistics?.some(item => item.name === 'runningFargateTasksCount'));
	assert.deepEqual(described.failures, [{arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING'}]);
	await rejectsWith(ecs.send(new ListClustersCommand({maxResults: 101})), 'ValidationException', /less than or equal to 100/);
});

test('ListServices defaults to 10 per page and names a missing cluster like AWS', async () => {
	const page = await ecs.send(new ListServicesCommand({cluster: 'prod', maxResults: 4}));
	assert.equal(page.serviceArns?.length, 4);
	const rest = await ecs.send(new ListServicesCommand({cluster: 'prod', maxResults: 100, nextToken: page.nextToken}));
	assert.equal(rest.serviceArns?.length, 5);
	assert.equal(rest.nextToken, undefined);
	const all = await ecs.send(new ListServicesCommand({cluster: 'prod'}));
	assert.equal(all.serviceArns?.length, 9, 'default page size 10 holds all nine');
	await rejectsWith(ecs.send(new ListServicesCommand({cluster: 'nope'})), 'ClusterNotFoundException', 'Cluster not found.');
});

test('DescribeServices: counts, deployments, events, network; at most 10; MISSING failures', async () => {
	const result = await ecs.send(new DescribeServicesCommand({cluster: 'prod', services: ['payments', 'orders', 'ghost']}));
	const [payments, orders] = result.services ?? [];
	assert.equal(payments?.serviceName, 'payments');
	assert.equal(payments?.desiredCount, 3);
	assert.equal(payments?.runningCount, 3);
	assert.equal(payments?.pendingCount, 0);
	assert.equal(payments?.taskDefinition, 'arn:aws:ecs:us-east-1:123456789012:task-definition/payments:3');
	assert.equal(payments?.deployments?.[0]?.rolloutState, 'COMPLETED');
	assert.match(payments?.deployments?.[0]?.id ?? '', /^ecs-svc\/\d{19}$/);
	assert.ok(payments?.deployments?.[0]?.createdAt instanceof Date);
	assert.ok(payments?.events?.some(event => event.message === '(service payments) has reached a steady state.'));
	assert.deepEqual(payments?.networkConfiguration?.awsvpcConfiguration, {subnets: [DEMO_NETWORK.subnets.privateA], securityGroups: [DEMO_NETWORK.securityGroups.svcDefault], assignPublicIp: 'DISABLED'});
	assert.equal(orders?.deployments?.[0]?.rolloutState, 'FAILED', 'orders has the circuit breaker on');
	assert.ok((orders?.deployments?.[0]?.failedTasks ?? 0) >= 3);
	assert.ok(orders?.events?.some(event => event.message?.startsWith('(service orders) was unable to place a task. Reason: ResourceInitializationError')));
	assert.ok(orders?.events?.some(event => /^\(service orders\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/.test(event.message ?? '')));
	assert.deepEqual(result.failures, [{arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/ghost', reason: 'MISSING'}]);
	const eleven = Array.from({length: 11}, (_, index) => `s${index}`);
	await rejectsWith(ecs.send(new DescribeServicesCommand({cluster: 'prod', services: eleven})), 'InvalidParameterException', 'service names can have at most 10 items.');
});

test('ListTasks: RUNNING by default, STOPPED on request, per service; unknown service fails', async () => {
	const running = await ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'payments'}));
	assert.equal(running.taskArns?.length, 3);
	const stopped = await ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'orders', desiredStatus: 'STOPPED'}));
	assert.ok((stopped.taskArns?.length ?? 0) >= 5, 'failed orders tasks from the last hour are still listed');
	const pending = await ecs.send(new ListTasksCommand({cluster: 'prod', desiredStatus: 'PENDING'}));
	assert.deepEqual(pending.taskArns, [], 'ECS never sets desiredStatus PENDING');
	const paged = await ecs.send(new ListTasksCommand({cluster: 'prod', desiredStatus: 'STOPPED', maxResults: 2}));
	assert.equal(paged.taskArns?.length, 2);
	assert.ok(paged.nextToken);
	await rejectsWith(ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'ghost'})), 'ServiceNotFoundException', 'Service not found.');
});

test('DescribeTasks: timestamps, attachment details, pinned digests; at most 100; MISSING failures', async () => {
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'payments'}));
	const result = await ecs.send(new DescribeTasksCommand({cluster: 'prod', tasks: [...taskArns, 'ffffffffffffffffffffffffffffffff']}));
	const task = result.tasks?.[0];
	assert.ok(task);
	assert.equal(task.lastStatus, 'RUNNING');
	assert.equal(task.desiredStatus, 'RUNNING');
	assert.equal(task.launchType, 'FARGATE');
	assert.equal(task.platformVersion, '1.4.0');
	assert.equal(task.group, 'service:payments');
	assert.match(task.startedBy ?? '', /^ecs-svc\//);
	for (const field of ['createdAt', 'connectivityAt', 'pullStartedAt', 'pullStoppedAt', 'startedAt'] as const) assert.ok(task[field] instanceof Date, field);
	assert.ok(task.createdAt! < task.pullStartedAt! && task.pullStartedAt! < task.pullStoppedAt! && task.pullStoppedAt! < task.startedAt!);
	const eni = task.attachments?.find(attachment => attachment.type === 'ElasticNetworkInterface');
	const detail = (name: string) => eni?.details?.find(item => item.name === name)?.value;
	assert.equal(detail('subnetId'), DEMO_NETWORK.subnets.privateA);
	assert.match(detail('networkInterfaceId') ?? '', /^eni-[0-9a-f]{17}$/);
	assert.match(detail('privateIPv4Address') ?? '', /^10\.0\.10\.\d+$/);
	assert.match(task.containers?.[0]?.imageDigest ?? '', /^sha256:[0-9a-f]{64}$/);
	assert.deepEqual(result.failures, [{arn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/ffffffffffffffffffffffffffffffff', reason: 'MISSING'}]);
	const many = Array.from({length: 101}, (_, index) => index.toString(16).padStart(32, '0'));
	await rejectsWith(ecs.send(new DescribeTasksCommand({cluster: 'prod', tasks: many})), 'InvalidParameterException', 'tasks can have at most 100 items.');
	await rejectsWith(ecs.send(new DescribeTasksCommand({cluster: 'prod', tasks: []})), 'InvalidParameterException', 'Tasks cannot be empty.');
});

test('a task ENI is visible to DescribeNetworkInterfaces with the service security groups', async () => {
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster: 'prod', serviceName: 'payments'}));
	const {tasks = []} = await ecs.send(new DescribeTasksCommand({cluster: 'prod', tasks: taskArns.slice(0, 1)}));
	const eniId = tasks[0]?.attachments?.[0]?.details?.find(item => item.name === 'networkInterfaceId')?.value ?? '';
	const {NetworkInterfaces = []} = await ec2.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [eniId]}));
	assert.equal(NetworkInterfaces[0]?.SubnetId, DEMO_NETWORK.subnets.privateA);
	assert.deepEqual(NetworkInterfaces[0]?.Groups?.map(group => group.GroupId), [DEMO_NETWORK.securityGroups.svcDefault]);
	assert.equal(NetworkInterfaces[0]?.InterfaceType, 'interface');
	assert.equal(NetworkInterfaces[0]?.RequesterManaged, true);
});

test('DescribeTaskDefinition by family, family:revision and ARN; ListTaskDefinitions and families', async () => {
	const latest = await ecs.send(new DescribeTaskDefinitionCommand({taskDefinition: 'payments'}));
	assert.equal(latest.taskDefinition?.revision, 3);
	assert.equal(latest.taskDefinition?.containerDefinitions?.[0]?.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api:v2.26.0');
	assert.equal(latest.taskDefinition?.executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
	assert.equal(latest.taskDefinition?.containerDefinitions?.[0]?.logConfiguration?.logDriver, 'awslogs');
	assert.ok(latest.taskDefinition?.registeredAt instanceof Date);
	const older = await ecs.send(new DescribeTaskDefinitionCommand({taskDefinition: 'payments:2'}));
	assert.equal(older.taskDefinition?.containerDefinitions?.[0]?.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api:v2.25.0');
	assert.equal(older.taskDefinition?.status, 'ACTIVE');
	const byArn = await ecs.send(new DescribeTaskDefinitionCommand({taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/orders:1'}));
	assert.equal(byArn.taskDefinition?.executionRoleArn, 'arn:aws:iam::123456789012:role/orders-execution-role');
	await rejectsWith(ecs.send(new DescribeTaskDefinitionCommand({taskDefinition: 'nope:9'})), 'ClientException', 'Unable to describe task definition.');
	const listed = await ecs.send(new ListTaskDefinitionsCommand({familyPrefix: 'payments', sort: 'DESC'}));
	assert.deepEqual(listed.taskDefinitionArns?.slice(0, 2), ['arn:aws:ecs:us-east-1:123456789012:task-definition/payments-staging:1', 'arn:aws:ecs:us-east-1:123456789012:task-definition/payments:3']);
	const inactive = await ecs.send(new ListTaskDefinitionsCommand({familyPrefix: 'payments', status: 'INACTIVE'}));
	assert.deepEqual(inactive.taskDefinitionArns, ['arn:aws:ecs:us-east-1:123456789012:task-definition/payments:1']);
	const families = await ecs.send(new ListTaskDefinitionFamiliesCommand({}));
	assert.ok(families.families?.includes('orders') && families.families.includes('payments'));
});

test('StopTask: desiredStatus STOPPED now, STOPPED with UserInitiated later, and a replacement starts', async () => {
	const {taskArns = []} = await ecs.send(new ListTasksCommand({cluster: 'staging', serviceName: 'web'}));
	const target = taskArns[0]!;
	const {task} = await ecs.send(new StopTaskCommand({cluster: 'staging', task: target, reason: 'ecrtui test'}));
	assert.equal(task?.desiredStatus, 'STOPPED');
	assert.equal(task?.lastStatus, 'STOPPING');
	assert.equal(task?.stopCode, 'UserInitiated');
	assert.equal(task?.stoppedReason, 'ecrtui test');
	clock.advance(90_000);
	const {tasks = []} = await ecs.send(new DescribeTasksCommand({cluster: 'staging', tasks: [target]}));
	assert.equal(tasks[0]?.lastStatus, 'STOPPED');
	assert.ok(tasks[0]?.stoppedAt instanceof Date);
	assert.equal(tasks[0]?.containers?.[0]?.exitCode, 0);
	const replacement = await ecs.send(new ListTasksCommand({cluster: 'staging', serviceName: 'web'}));
	assert.equal(replacement.taskArns?.length, 1);
	assert.notEqual(replacement.taskArns?.[0], target);
	await rejectsWith(ecs.send(new StopTaskCommand({cluster: 'staging', task: 'ffffffffffffffffffffffffffffffff'})), 'InvalidParameterException', 'The referenced task was not found.');
	assert.equal(sim.calls.filter(call => call.operation === 'StopTask').every(call => call.mutating), true);
});
