import {test} from 'node:test';
import assert from 'node:assert/strict';
import {useSimulator, demoSession} from '../helpers/sim.js';
import {DEMO_NETWORK as N} from '../../source/sim/scenarios/demo-network.js';
import {ec2StateOf} from '../../source/sim/world/ec2.js';
import {loadSubnetNetwork, loadTaskNetwork, loadVpcOverview, taskNeeds, type NetworkResult} from '../../source/data/network.js';
import {isProblem} from '../../source/data/problems.js';
import type {TaskRecord} from '../../source/domain/tasks/types.js';
import type {ServiceRecord, TaskDefinitionRecord} from '../../source/domain/ecs/types.js';
import type {Hop} from '../../source/domain/network/types.js';

const sim = await useSimulator();

const ec2Calls = () => sim.calls.filter(call => call.service === 'ec2').map(call => call.operation);

/** The first failing hop over all paths, with its dependency. */
function failing(result: NetworkResult): {dependency: string; hop: Hop} | undefined {
	for (const path of result.paths.paths) {
		const hop = path.hops.find(candidate => candidate.status === 'fail');
		if (hop) return {dependency: path.dependency, hop};
	}
	return undefined;
}

const s = await demoSession(sim);

test('private-b: the NAT route is a blackhole — fails at the route, with a replace-route fix', async () => {
	const result = await loadSubnetNetwork(s, N.subnets.privateB);
	assert.equal(result.verdict.status, 'fail');
	assert.equal(result.verdict.text, `cannot pull: the NAT route in ${N.routeTables.privateB} is a blackhole`);
	const fail = failing(result);
	assert.equal(fail?.dependency, 's3');
	assert.equal(fail?.hop.id, 's3.route');
	assert.equal(fail?.hop.resourceId, N.routeTables.privateB);
	assert.match(fail?.hop.evidence ?? '', new RegExp(`${N.natGateways.deleted} \\(blackhole`));
	assert.equal(fail?.hop.fix?.cli, `aws ec2 replace-route --route-table-id ${N.routeTables.privateB} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id ${N.natGateways.available}`);
	assert.equal(result.subnet?.class, 'blackhole');
	assert.equal(result.checks.find(check => check.id === 'network:s3')?.status, 'fail');
});

test('isolated-c: ecr.api and ecr.dkr endpoints but no S3 gateway endpoint — fails at the S3 route', async () => {
	const result = await loadSubnetNetwork(s, N.subnets.isolatedC);
	assert.equal(result.verdict.text, `cannot pull: no S3 gateway endpoint on ${N.routeTables.isolated} and no NAT — image layers cannot download`);
	assert.equal(failing(result)?.hop.id, 's3.route');
	assert.match(failing(result)?.hop.fix?.cli ?? '', /aws ec2 create-vpc-endpoint .*--vpc-endpoint-type Gateway .*com\.amazonaws\.us-east-1\.s3/);
	for (const dependency of ['ecr-api', 'ecr-dkr', 'logs']) {
		const path = result.paths.paths.find(candidate => candidate.dependency === dependency);
		assert.equal(path?.status, 'pass', dependency);
		assert.equal(path?.via, 'interface-endpoint');
	}
	assert.ok(result.paths.findings.some(finding => finding === "You have enabled ECR related private endpoints ['ecr.dkr', 'ecr.api'], However missing endpoint/s {'s3'}"));
});

test('private-a with the search-indexer security group: egress 443 is blocked', async () => {
	const result = await loadSubnetNetwork(s, N.subnets.privateA, {securityGroupId: N.securityGroups.searchIndexer});
	assert.deepEqual(result.taskNetwork.securityGroupIds, [N.securityGroups.searchIndexer]);
	assert.equal(result.verdict.status, 'fail');
	assert.match(result.verdict.text, new RegExp(`^cannot pull: security group ${N.securityGroups.searchIndexer} allows no outbound TCP 443`));
	const fail = failing(result);
	assert.equal(fail?.hop.kind, 'security-group');
	assert.equal(fail?.hop.resourceId, N.securityGroups.searchIndexer);
	assert.match(fail?.hop.fix?.cli ?? '', /aws ec2 authorize-security-group-egress --group-id sg-0a1b2c3d4e5f61002/);
});

test('private-e: the strict NACL drops return traffic — fails at the NACL on ephemeral ports', async () => {
	const result = await loadSubnetNetwork(s, N.subnets.privateE);
	assert.equal(result.verdict.status, 'fail');
	assert.match(result.verdict.text, new RegExp(`^cannot pull: network ACL ${N.networkAcls.strict} on ${N.subnets.privateE} drops return traffic \\(inbound TCP 1024-65535`));
	const fail = failing(result);
	assert.equal(fail?.hop.kind, 'nacl');
	assert.equal(fail?.hop.resourceId, N.networkAcls.strict);
	assert.match(fail?.hop.fix?.cli ?? '', /aws ec2 create-network-acl-entry --network-acl-id acl-0a1b2c3d4e5f66002 --ingress/);
	// Routing alone would pass: the class is still "behind a NAT".
	assert.equal(result.subnet?.class, 'nat');
});

test('private-a (healthy NAT): nothing fails; S3 goes through the NAT, ECR through the endpoints (cross-AZ warning)', async () => {
	const result = await loadSubnetNetwork(s, N.subnets.privateA);
	assert.equal(failing(result), undefined);
	assert.notEqual(result.verdict.status, 'fail');
	const s3 = result.paths.paths.find(path => path.dependency === 's3');
	assert.deepEqual([s3?.status, s3?.via, s3?.viaId], ['pass', 'nat', N.natGateways.available]);
	// The demo's endpoints live only in us-east-1c; private-a is in us-east-1a.
	assert.equal(result.verdict.status, 'warn');
	assert.match(result.verdict.hop?.reason ?? '', /has no subnet in us-east-1a; traffic crosses AZs/);
	assert.ok(result.checks.every(check => check.status !== 'fail'));
});

test('public-a: needs a public IP — fails without, passes with assignPublicIp', async () => {
	const without = await loadSubnetNetwork(s, N.subnets.publicA);
	assert.match(without.verdict.text, /^cannot pull: the task has no public IP \(assignPublicIp is DISABLED\)/);
	const withIp = await loadSubnetNetwork(s, N.subnets.publicA, {assignPublicIp: true});
	assert.equal(failing(withIp), undefined);
	assert.equal(withIp.paths.paths.find(path => path.dependency === 's3')?.via, 'igw');
});

test('a missing subnet is a not-found Problem', async () => {
	await assert.rejects(loadSubnetNetwork(s, 'subnet-0000000000000dead'), (error: unknown) => isProblem(error) && error.kind === 'not-found' && /subnet-0000000000000dead/.test(error.why));
});

const taskArn = 'arn:aws:ecs:us-east-1:123456789012:task/demo-cluster/0f1e2d3c4b5a69788';
const eniId = 'eni-0c0ffee0000000001';

function aTask(overrides: Partial<TaskRecord> = {}): TaskRecord {
	return {
		taskArn, clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-cluster', taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:7',
		group: 'service:payments-api', lastStatus: 'PROVISIONING', createdAt: 0, containers: [], platformVersion: '1.4.0',
		subnetId: N.subnets.privateB, eniId, privateIp: '10.0.11.25', ...overrides,
	};
}

const taskDefinition: TaskDefinitionRecord = {
	arn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api:7', family: 'payments-api', revision: 7, status: 'ACTIVE',
	executionRoleArn: 'arn:aws:iam::123456789012:role/payments-api-execution', requiresCompatibilities: ['FARGATE'],
	containers: [{
		name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.4.2', essential: true, environment: [],
		secrets: [{name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/db-AbCdEf'}],
		logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/payments-api'}},
	}],
};

const service: ServiceRecord = {
	arn: 'arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/payments-api', name: 'payments-api', clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo-cluster',
	status: 'ACTIVE', desiredCount: 1, runningCount: 0, pendingCount: 1, taskDefinition: taskDefinition.arn, events: [],
	deployments: [{id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: taskDefinition.arn, desiredCount: 1, pendingCount: 1, runningCount: 0, failedTasks: 3, networkConfiguration: {subnets: [N.subnets.privateB], securityGroups: [N.securityGroups.svcDefault], assignPublicIp: false}}],
	networkConfiguration: {subnets: [N.subnets.privateB], securityGroups: [N.securityGroups.svcDefault], assignPublicIp: false},
};

test('loadTaskNetwork: the task ENI gives groups and IP, the task definition gives needs, and checks are ready for diagnose --json', async () => {
	const state = ec2StateOf(sim.world, N.accountId, N.region);
	state.networkInterfaces.set(eniId, {
		networkInterfaceId: eniId, subnetId: N.subnets.privateB, vpcId: N.vpcId, availabilityZone: 'us-east-1b', privateIpAddress: '10.0.11.25', macAddress: '0e:00:00:00:00:01',
		description: 'arn:aws:ecs:us-east-1:123456789012:attachment/1', interfaceType: 'interface', requesterManaged: true, status: 'in-use', sourceDestCheck: true,
		groupIds: [N.securityGroups.svcDefault], tags: {},
	});
	const fresh = await demoSession(sim);
	sim.resetCalls();
	const result = await loadTaskNetwork(fresh, {task: aTask(), taskDefinition, service});
	assert.deepEqual(result.taskNetwork, {
		region: 'us-east-1', accountId: '123456789012', subnetId: N.subnets.privateB, securityGroupIds: [N.securityGroups.svcDefault], assignPublicIp: false, platformVersion: '1.4.0',
		needs: {ecr: true, logs: true, secretsManager: true, ssm: false}, repositoryArns: ['arn:aws:ecr:us-east-1:123456789012:repository/payments-api'],
		eniId, privateIp: '10.0.11.25', executionRoleArn: 'arn:aws:iam::123456789012:role/payments-api-execution', clusterName: 'demo-cluster', serviceName: 'payments-api',
	});
	assert.deepEqual(result.notes, []);
	assert.equal(result.verdict.text, `cannot pull: the NAT route in ${N.routeTables.privateB} is a blackhole`);
	assert.deepEqual(result.checks.map(check => [check.id, check.group, check.status, check.method]), [
		['network:ecr-api', 'network', 'warn', 'evaluated'],
		['network:ecr-dkr', 'network', 'warn', 'evaluated'],
		['network:s3', 'network', 'fail', 'evaluated'],
		['network:logs', 'network', 'warn', 'evaluated'],
		['network:secretsmanager', 'network', 'fail', 'evaluated'],
	]);
	assert.match(result.checks.find(check => check.id === 'network:s3')?.fix ?? '', /aws ec2 replace-route/);
	// The ENI lookup plus the VPC's twelve calls; a second task in the same VPC costs only its ENI.
	assert.equal(ec2Calls().length, 13);
	sim.resetCalls();
	await loadTaskNetwork(fresh, {task: aTask({eniId: N.networkInterfaces.nat}), taskDefinition});
	assert.deepEqual(ec2Calls(), ['DescribeNetworkInterfaces']);
});

test('loadTaskNetwork: once Fargate deleted the ENI, groups come from the service and the subnet locates the VPC', async () => {
	const fresh = await demoSession(sim);
	const result = await loadTaskNetwork(fresh, {task: aTask({eniId: 'eni-0000000000000gone'}), taskDefinition, service});
	assert.deepEqual(result.taskNetwork.securityGroupIds, [N.securityGroups.svcDefault]);
	assert.equal(result.vpcId, N.vpcId);
	assert.match(result.notes[0] ?? '', /no longer exists/);
	assert.equal(result.verdict.status, 'fail');
});

test('taskNeeds: secrets by ARN or parameter name, registry credentials, non-ECR images, KMS keys', () => {
	const definition = (containers: Partial<TaskDefinitionRecord['containers'][number]>[]): TaskDefinitionRecord => ({
		...taskDefinition, containers: containers.map(container => ({name: 'c', image: 'nginx:1', essential: true, secrets: [], environment: [], ...container})),
	});
	assert.deepEqual(taskNeeds(definition([{}])).needs, {ecr: false, logs: false, secretsManager: false, ssm: false});
	assert.deepEqual(taskNeeds(definition([{secrets: [{name: 'A', valueFrom: '/prod/api-key'}]}])).needs, {ecr: false, logs: false, secretsManager: false, ssm: true});
	assert.deepEqual(taskNeeds(definition([{secrets: [{name: 'A', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/key'}]}])).needs.ssm, true);
	assert.deepEqual(taskNeeds(definition([{repositoryCredentials: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub-AbCdEf'}])).needs.secretsManager, true);
	assert.deepEqual(taskNeeds(definition([{logConfiguration: {logDriver: 'awsfirelens', options: {}, secretOptions: [{name: 'k', valueFrom: 'arn:aws:secretsmanager:us-east-1:1:secret:x'}]}}])).needs, {ecr: false, logs: false, secretsManager: true, ssm: false});
	assert.equal(taskNeeds(definition([{}]), ['arn:aws:kms:us-east-1:123456789012:key/1234']).needs.kms, true);
	assert.deepEqual(taskNeeds(definition([{image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web@sha256:' + 'a'.repeat(64)}])).repositoryArns, ['arn:aws:ecr:eu-west-1:123456789012:repository/team/web']);
});

test('loadVpcOverview: every subnet classed; the strict NACL turns private-e to "cannot pull"', async () => {
	const fresh = await demoSession(sim);
	sim.resetCalls();
	const overview = await loadVpcOverview(fresh);
	assert.equal(overview.vpc?.vpcId, N.vpcId);
	const byId = new Map(overview.subnets.map(row => [row.subnetId, row]));
	assert.deepEqual([...byId.values()].map(row => [row.name, row.class, row.canPull]), [
		['demo-public-a', 'public', 'only-with-public-ip'],
		['demo-private-a', 'nat', 'yes'],
		['demo-private-b', 'blackhole', 'no'],
		['demo-isolated-c', 'isolated', 'no'],
		['demo-private-e', 'nat', 'no'],
		['demo-spare-b', 'isolated', 'no'],
	]);
	assert.equal(byId.get(N.subnets.privateE)?.blockedBy?.resourceId, N.networkAcls.strict);
	assert.match(byId.get(N.subnets.privateE)?.reason ?? '', /drops return traffic/);
	assert.equal(byId.get(N.subnets.spareB)?.association, 'main');
	// The VPC list plus the model; opening a subnet afterwards needs no call at all.
	assert.equal(ec2Calls().length, 13);
	sim.resetCalls();
	await loadSubnetNetwork(fresh, N.subnets.privateB);
	assert.deepEqual(ec2Calls(), []);
});
