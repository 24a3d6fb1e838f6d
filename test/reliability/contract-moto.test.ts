// Contract suite against moto (python3 -m moto.server on loopback, started here and stopped
// after; skipped with the reason when moto is missing), extending test/contract/ to what issue 9
// lists that those suites do not cover: ECS clusters, task definitions, services and tasks
// created through the SDK and read back through source/data/ecs.ts; lifecycle policy put, get
// and delete through source/data/lifecycle.ts (audited) and data/ecr.ts; a private subnet
// behind a NAT gateway judged by the network engine (test/contract/network-moto covers the
// public and isolated classes). The session is opened the way `--endpoint-url` opens it.
//
// Where moto 5.2 differs from AWS (seen while writing this suite):
// - RunTask on Fargate answers HTTP 500 unless every container has `memory` and the VPC has
//   enableDnsHostnames; AWS accepts task-level memory alone.
// - Tasks start RUNNING at once (no PROVISIONING/PENDING) while their containers stay PENDING
//   with exitCode 0, with no pull or start timestamps, no platformVersion and no createdAt (AWS
//   always sends createdAt; the mapping falls back to 0). Each DescribeTasks moves a task one
//   step toward STOPPED unless the state manager is set to manual progression (done below).
// - The ENI attachment's privateIPv4Address is not inside the subnet's CIDR block.
// - StopTask answers with lastStatus STOPPED at once (AWS answers RUNNING and moves through
//   DEACTIVATING, STOPPING and DEPROVISIONING over seconds to minutes); stoppedReason is kept.
// - A service never gets a running task (runningCount 0, pendingCount = desiredCount, rollout
//   IN_PROGRESS for ever) and has no events.
// - ListTaskDefinitions ignores sort=DESC and lists oldest first; data/ecs relies on AWS's order
//   for "the newest N revisions", so this suite compares the set only.
// - Lifecycle policies are stored but never applied, and GetLifecyclePolicyPreview is not
//   implemented (the comparison with AWS's preview is tested against the simulator only).
// - DeleteLifecyclePolicy without a policy raises LifecyclePolicyNotFoundException, as AWS does.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand} from '@aws-sdk/client-ecs';
import {CreateRepositoryCommand, ECRClient} from '@aws-sdk/client-ecr';
import {AllocateAddressCommand, AssociateRouteTableCommand, AttachInternetGatewayCommand, CreateInternetGatewayCommand, CreateNatGatewayCommand, CreateRouteCommand, CreateRouteTableCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client, ModifyVpcAttributeCommand} from '@aws-sdk/client-ec2';
import {openSession, type Session} from '../../source/data/session.js';
import {describeServices, describeTaskDefinition, describeTasks, latestTaskDefinitionArns, listClusters, listServices, listTaskDefinitionFamilies, listTasks, stopTask} from '../../source/data/ecs.js';
import {deleteLifecyclePolicy, putLifecyclePolicy} from '../../source/data/lifecycle.js';
import {getLifecyclePolicy} from '../../source/data/ecr.js';
import {loadSubnetNetwork} from '../../source/data/network.js';
import {memoryAuditLog} from '../../source/config/audit.js';
import {MOTO_ACCOUNT, motoCredentials, motoUnavailable, useMoto} from '../helpers/moto.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const REGION = 'us-east-1';
const moto = useMoto();

async function session(): Promise<Session> {
	const opened = await openSession({endpoint: moto.endpoint(), region: REGION, readOnly: false, maxAttempts: 1, env: {AWS_ACCESS_KEY_ID: motoCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: motoCredentials.secretAccessKey}});
	if (!opened.ok) throw new Error(`${opened.problem.what}: ${opened.problem.why}`);
	return opened.session;
}

const sdk = () => ({endpoint: moto.endpoint(), region: REGION, credentials: motoCredentials, maxAttempts: 1});

describe('moto contract: ECS, lifecycle policies, a private subnet', {skip: motoUnavailable}, () => {
	test('a cluster, task definition, service and Fargate task made through the SDK read back through data/ecs', async () => {
		// Tasks would otherwise step toward STOPPED on every DescribeTasks.
		await fetch(`${moto.endpoint()}/moto-api/state-manager/set-transition`, {method: 'POST', body: JSON.stringify({model_name: 'ecs::task', transition: {progression: 'manual', times: 1_000_000_000}})});
		const ec2 = new EC2Client(sdk());
		const ecs = new ECSClient(sdk());
		const vpcId = (await ec2.send(new CreateVpcCommand({CidrBlock: '10.77.0.0/16'}))).Vpc!.VpcId!;
		await ec2.send(new ModifyVpcAttributeCommand({VpcId: vpcId, EnableDnsHostnames: {Value: true}}));
		const subnet = (await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.77.1.0/24', AvailabilityZone: `${REGION}a`}))).Subnet!.SubnetId!;
		const group = (await ec2.send(new CreateSecurityGroupCommand({VpcId: vpcId, GroupName: 'contract-ecs', Description: 'task'}))).GroupId!;
		await ecs.send(new CreateClusterCommand({clusterName: 'contract'}));
		const secretArn = `arn:aws:secretsmanager:${REGION}:${MOTO_ACCOUNT}:secret:contract/db-AbCdEf`;
		const registered = await ecs.send(
			new RegisterTaskDefinitionCommand({
				family: 'contract-app',
				networkMode: 'awsvpc',
				requiresCompatibilities: ['FARGATE'],
				cpu: '256',
				memory: '512',
				executionRoleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/ecsTaskExecutionRole`,
				containerDefinitions: [
					{
						name: 'app',
						image: `${MOTO_ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/contract/app:v1`,
						memory: 512,
						essential: true,
						environment: [{name: 'LOG_LEVEL', value: 'info'}, {name: 'DB_PASSWORD', value: 'not-for-display'}],
						secrets: [{name: 'DB_SECRET', valueFrom: secretArn}],
						logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/contract', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs'}},
					},
				],
			}),
		);
		const definitionArn = registered.taskDefinition!.taskDefinitionArn!;
		await ecs.send(new RegisterTaskDefinitionCommand({family: 'contract-app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{name: 'app', image: 'public.ecr.aws/docker/library/busybox:1', memory: 512, essential: true}]}));
		await ecs.send(new CreateServiceCommand({cluster: 'contract', serviceName: 'web', taskDefinition: definitionArn, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: {awsvpcConfiguration: {subnets: [subnet], securityGroups: [group], assignPublicIp: 'DISABLED'}}}));
		const run = await ecs.send(new RunTaskCommand({cluster: 'contract', taskDefinition: definitionArn, launchType: 'FARGATE', count: 1, networkConfiguration: {awsvpcConfiguration: {subnets: [subnet], securityGroups: [group], assignPublicIp: 'DISABLED'}}}));
		const taskArn = run.tasks![0]!.taskArn!;

		const live = await session();
		try {
			assert.equal(live.accountId, MOTO_ACCOUNT, 'the session asks STS who it is');
			const clusters = await listClusters(live.clients);
			assert.ok(clusters.some(cluster => cluster.name === 'contract' && cluster.status === 'ACTIVE'));

			const definition = await describeTaskDefinition(live.clients, 'contract-app:1');
			assert.equal(definition.arn, definitionArn);
			assert.equal(definition.family, 'contract-app');
			assert.equal(definition.revision, 1);
			assert.equal(definition.cpu, '256');
			assert.equal(definition.memory, '512');
			assert.equal(definition.networkMode, 'awsvpc');
			assert.deepEqual(definition.requiresCompatibilities, ['FARGATE']);
			assert.match(definition.executionRoleArn ?? '', /role\/ecsTaskExecutionRole$/);
			const [container] = definition.containers;
			assert.equal(container?.name, 'app');
			assert.match(container?.image ?? '', /contract\/app:v1$/);
			assert.deepEqual(container?.secrets, [{name: 'DB_SECRET', valueFrom: secretArn}]);
			assert.deepEqual(container?.environment.map(variable => variable.name), ['LOG_LEVEL', 'DB_PASSWORD']);
			assert.equal(container?.logConfiguration?.logDriver, 'awslogs');
			assert.equal(container?.logConfiguration?.options['awslogs-group'], '/ecs/contract');

			assert.ok((await listTaskDefinitionFamilies(live.clients)).includes('contract-app'));
			// AWS lists newest first (sort DESC); moto ignores the sort, so only the set is compared.
			const latest = await latestTaskDefinitionArns(live.clients, 'contract-app', 5);
			assert.deepEqual(latest.map(arn => arn.slice(arn.lastIndexOf(':') + 1)).sort(), ['1', '2']);

			const services = await listServices(live.clients, 'contract');
			const web = services.find(service => service.name === 'web');
			assert.ok(web, 'the service is listed');
			assert.equal(web.desiredCount, 1);
			assert.equal(web.taskDefinition, definitionArn);
			assert.deepEqual(web.networkConfiguration?.subnets, [subnet]);
			assert.equal(web.networkConfiguration?.assignPublicIp, false);
			assert.equal((await describeServices(live.clients, 'contract', [web.arn]))[0]?.name, 'web');

			const running = await listTasks(live.clients, 'contract', {desiredStatus: 'RUNNING'});
			const task = running.find(candidate => candidate.taskArn === taskArn);
			assert.ok(task, 'the task run through the SDK is listed');
			assert.equal(task.lastStatus, 'RUNNING');
			assert.equal(task.taskDefinitionArn, definitionArn);
			assert.equal(task.launchType, 'FARGATE');
			assert.equal(task.subnetId, subnet);
			// moto omits createdAt (AWS always sends it); the mapping falls back to 0 rather than failing.
			assert.ok(task.createdAt === 0 || task.createdAt > Date.UTC(2020, 0, 1));
			assert.deepEqual(task.containers.map(item => item.name), ['app']);
			const [described] = await describeTasks(live.clients, 'contract', [taskArn]);
			assert.equal(described?.taskArn, taskArn);

			const stopped = await stopTask(live.clients, 'contract', taskArn, 'contract test');
			assert.equal(stopped?.desiredStatus, 'STOPPED');
			assert.equal(stopped?.stoppedReason, 'contract test');
		} finally {
			live.clients.destroy();
			ec2.destroy();
			ecs.destroy();
		}
	});

	test('lifecycle policy put, get and delete through data/lifecycle (audited) and data/ecr', async () => {
		const ecr = new ECRClient(sdk());
		await ecr.send(new CreateRepositoryCommand({repositoryName: 'contract/lifecycle'}));
		const live = await session();
		const audit = memoryAuditLog();
		try {
			assert.equal(await getLifecyclePolicy(live.clients, 'contract/lifecycle'), undefined);
			const policy = JSON.stringify({rules: [{rulePriority: 1, description: 'keep 10 releases', selection: {tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 10}, action: {type: 'expire'}}]}, null, 2);
			await putLifecyclePolicy(live, 'contract/lifecycle', policy, audit, 'run-put');
			assert.equal((await getLifecyclePolicy(live.clients, 'contract/lifecycle'))?.text, policy);
			await deleteLifecyclePolicy(live, 'contract/lifecycle', audit, 'run-delete');
			assert.equal(await getLifecyclePolicy(live.clients, 'contract/lifecycle'), undefined);
			// Deleting again fails the way AWS fails, and the audit log says so.
			await assert.rejects(deleteLifecyclePolicy(live, 'contract/lifecycle', audit, 'run-again'), /LifecyclePolicyNotFound/);
			assert.deepEqual(
				audit.entries.map(entry => `${entry.action} ${entry.phase} ${entry.outcome ?? ''}`.trim()),
				['put-lifecycle-policy intent', 'put-lifecycle-policy result ok', 'delete-lifecycle-policy intent', 'delete-lifecycle-policy result ok', 'delete-lifecycle-policy intent', 'delete-lifecycle-policy result failed'],
			);
			assert.equal(audit.entries[0]?.detail, policy, 'the intent carries the policy sent');
		} finally {
			live.clients.destroy();
			ecr.destroy();
		}
	});

	test('a private subnet behind a NAT gateway: the network engine sends ECR and S3 through the NAT', async () => {
		const ec2 = new EC2Client(sdk());
		const vpcId = (await ec2.send(new CreateVpcCommand({CidrBlock: '10.78.0.0/16'}))).Vpc!.VpcId!;
		await ec2.send(new ModifyVpcAttributeCommand({VpcId: vpcId, EnableDnsHostnames: {Value: true}}));
		const publicSubnet = (await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.78.0.0/24', AvailabilityZone: `${REGION}a`}))).Subnet!.SubnetId!;
		const privateSubnet = (await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.78.1.0/24', AvailabilityZone: `${REGION}a`}))).Subnet!.SubnetId!;
		// The NAT gateway lives in a public subnet (a route to an internet gateway), as on AWS.
		const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
		await ec2.send(new AttachInternetGatewayCommand({InternetGatewayId: igw, VpcId: vpcId}));
		const publicTable = (await ec2.send(new CreateRouteTableCommand({VpcId: vpcId}))).RouteTable!.RouteTableId!;
		await ec2.send(new CreateRouteCommand({RouteTableId: publicTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw}));
		await ec2.send(new AssociateRouteTableCommand({RouteTableId: publicTable, SubnetId: publicSubnet}));
		const allocation = (await ec2.send(new AllocateAddressCommand({Domain: 'vpc'}))).AllocationId!;
		const nat = (await ec2.send(new CreateNatGatewayCommand({SubnetId: publicSubnet, AllocationId: allocation}))).NatGateway!.NatGatewayId!;
		const table = (await ec2.send(new CreateRouteTableCommand({VpcId: vpcId}))).RouteTable!.RouteTableId!;
		await ec2.send(new CreateRouteCommand({RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat}));
		await ec2.send(new AssociateRouteTableCommand({RouteTableId: table, SubnetId: privateSubnet}));
		const live = await session();
		try {
			const result = await loadSubnetNetwork(live, privateSubnet, {});
			assert.equal(result.subnet?.class, 'nat', result.verdict.text);
			assert.equal(result.verdict.status, 'pass', result.verdict.text);
			assert.equal(result.verdict.text, `ok: reaches ECR via ${nat}`);
			for (const dependency of ['ecr-api', 'ecr-dkr', 's3'] as const) {
				const path = result.paths.paths.find(item => item.dependency === dependency);
				assert.deepEqual([path?.status, path?.via, path?.viaId], ['pass', 'nat', nat], dependency);
			}
		} finally {
			live.clients.destroy();
			ec2.destroy();
		}
	});
});
