import {addCluster, ecsStateOf, registerTaskDefinition, type SimContainerDefinition, type SimNetworkConfiguration, type SimTaskDefinition} from '../world/ecs.js';
import type {World} from '../world/world.js';
import {addService} from '../services/ecs-setup.js';
import {DEMO_NETWORK} from './demo-network.js';
import {DEMO_ROLES} from './demo-iam.js';
import {DAY} from './factory.js';
import {buildDemoLogs} from './demo-logs.js';

/**
 * The ECS half of the demo account (design.md, "The demo account"; aws-semantics.md C): a
 * `prod` cluster whose services each show one way a Fargate task starts or fails to, and a
 * small healthy `staging` cluster. Nothing here says how a task fails: the scheduler decides
 * that from the configuration (execution role, network path, image), so each service earns
 * its stop reason.
 *
 * | service | image | placement | what happens |
 * |---|---|---|---|
 * | payments | payments-api:v2.26.0 | private-a | 3 healthy tasks (older revision :2 with v2.25.0 still ACTIVE) |
 * | web | web-frontend:latest | private-a | 2 healthy tasks (multi-arch image) |
 * | orders | orders-worker:1.7.0 | private-a | role lacks ecr:GetAuthorizationToken: AccessDenied |
 * | notify | notifications:3.5.1 | private-b | NAT route is a blackhole: api.ecr i/o timeout |
 * | etl | data-pipeline:nightly | isolated-c | ecr.api + ecr.dkr endpoints, no S3 gateway: layer download timeout |
 * | search | search-indexer:2026.10 | private-a, sg-…1002 | security group blocks egress 443 |
 * | ledger | payments-api:v2.25.0 | private-e | strict NACL drops return traffic |
 * | batch | legacy-batch:2024.09 | private-a | tag deleted: not found |
 * | reports | reports:v3.2.0 in us-west-2 | private-a | repository only in us-east-1: not found |
 *
 * Containers log with awslogs to `/ecs/<container>`; staging `payments` ships its app's logs
 * through a FireLens (Fluent Bit) sidecar to `/ecs/payments-staging` instead.
 */

const ACCOUNT = DEMO_NETWORK.accountId;
const REGION = DEMO_NETWORK.region;
const REGISTRY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
const MINUTE = 60_000;
const S = DEMO_NETWORK.subnets;
const G = DEMO_NETWORK.securityGroups;

function container(name: string, image: string, extra: Partial<SimContainerDefinition> = {}): SimContainerDefinition {
	return {
		name,
		image,
		essential: true,
		cpu: 0,
		portMappings: [{containerPort: 8080, protocol: 'tcp'}],
		environment: [{name: 'AWS_REGION', value: REGION}],
		logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': `/ecs/${name}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs'}},
		...extra,
	};
}

type DefinitionSpec = {family: string; image: string; role?: string; cpu?: string; memory?: string; registeredAt: number; containerName?: string; /** Route the app's logs through a FireLens sidecar to this group. */ firelensGroup?: string};

/** A Fluent Bit log router (FireLens) that logs itself with awslogs, as AWS's examples do. */
const logRouter = (): SimContainerDefinition =>
	container('log_router', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4', {
		portMappings: [],
		logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/firelens', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'firelens'}},
	});

function define(world: World, spec: DefinitionSpec): SimTaskDefinition {
	return registerTaskDefinition(ecsStateOf(world, ACCOUNT, REGION), ACCOUNT, REGION, {
		family: spec.family,
		registeredAt: spec.registeredAt,
		executionRoleArn: spec.role ?? DEMO_ROLES.taskExecution.arn,
		taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${spec.family}-task-role`,
		cpu: spec.cpu ?? '512',
		memory: spec.memory ?? '1024',
		containerDefinitions: spec.firelensGroup
			? [container(spec.containerName ?? spec.family, spec.image, {logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'cloudwatch_logs', region: REGION, log_group_name: spec.firelensGroup, log_stream_prefix: 'app/'}}}), logRouter()]
			: [container(spec.containerName ?? spec.family, spec.image)],
	});
}

const privateA: SimNetworkConfiguration = {subnets: [S.privateA], securityGroups: [G.svcDefault], assignPublicIp: false};

/** Builds the demo clusters and replays them up to `now`. */
export function buildDemoEcs(world: World, now: number): void {
	const state = ecsStateOf(world, ACCOUNT, REGION);
	const prod = addCluster(state, ACCOUNT, REGION, 'prod', now - 400 * DAY);
	const staging = addCluster(state, ACCOUNT, REGION, 'staging', now - 300 * DAY);
	prod.tags = {environment: 'production'};
	staging.tags = {environment: 'staging'};
	const service = (cluster: typeof prod, name: string, definition: SimTaskDefinition, desiredCount: number, deployedAt: number, network: SimNetworkConfiguration = privateA, circuitBreaker = false) =>
		addService(world, ACCOUNT, REGION, cluster, {name, definition, desiredCount, network, deployedAt, circuitBreaker});

	// payments: revision 1 deregistered, 2 (v2.25.0) still ACTIVE, 3 (v2.26.0) deployed two days ago.
	const paymentsOld = define(world, {family: 'payments', image: `${REGISTRY}/payments-api:v2.24.0`, containerName: 'payments-api', registeredAt: now - 40 * DAY});
	paymentsOld.status = 'INACTIVE';
	define(world, {family: 'payments', image: `${REGISTRY}/payments-api:v2.25.0`, containerName: 'payments-api', registeredAt: now - 11 * DAY});
	const payments = define(world, {family: 'payments', image: `${REGISTRY}/payments-api:v2.26.0`, containerName: 'payments-api', registeredAt: now - 2 * DAY});
	service(prod, 'payments', payments, 3, now - 2 * DAY + 10 * MINUTE);
	service(prod, 'web', define(world, {family: 'web', image: `${REGISTRY}/web-frontend:latest`, containerName: 'web-frontend', cpu: '256', memory: '512', registeredAt: now - 3 * DAY}), 2, now - 3 * DAY);

	// The failing services: deployed within the last hour, so their failed tasks are still describable.
	const orders = define(world, {family: 'orders', image: `${REGISTRY}/orders-worker:1.7.0`, containerName: 'orders-worker', role: DEMO_ROLES.ordersExecution.arn, registeredAt: now - 56 * MINUTE});
	service(prod, 'orders', orders, 2, now - 55 * MINUTE, privateA, true);
	const notify = define(world, {family: 'notify', image: `${REGISTRY}/notifications:3.5.1`, containerName: 'notifications', registeredAt: now - 41 * MINUTE});
	service(prod, 'notify', notify, 2, now - 40 * MINUTE, {subnets: [S.privateB], securityGroups: [G.svcDefault], assignPublicIp: false});
	const etl = define(world, {family: 'etl', image: `${REGISTRY}/data-pipeline:nightly`, containerName: 'data-pipeline', role: DEMO_ROLES.etlExecution.arn, cpu: '2048', memory: '8192', registeredAt: now - 36 * MINUTE});
	service(prod, 'etl', etl, 1, now - 35 * MINUTE, {subnets: [S.isolatedC], securityGroups: [G.svcDefault], assignPublicIp: false});
	const search = define(world, {family: 'search', image: `${REGISTRY}/search-indexer:2026.10`, containerName: 'search-indexer', registeredAt: now - 31 * MINUTE});
	service(prod, 'search', search, 1, now - 30 * MINUTE, {subnets: [S.privateA], securityGroups: [G.searchIndexer], assignPublicIp: false});
	const ledger = define(world, {family: 'ledger', image: `${REGISTRY}/payments-api:v2.25.0`, containerName: 'ledger', registeredAt: now - 46 * MINUTE});
	service(prod, 'ledger', ledger, 2, now - 45 * MINUTE, {subnets: [S.privateE], securityGroups: [G.svcDefault], assignPublicIp: false});
	const batch = define(world, {family: 'batch', image: `${REGISTRY}/legacy-batch:2024.09`, containerName: 'legacy-batch', registeredAt: now - 26 * MINUTE});
	service(prod, 'batch', batch, 1, now - 25 * MINUTE);
	const reports = define(world, {family: 'reports', image: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/reports:v3.2.0`, containerName: 'reports', registeredAt: now - 21 * MINUTE});
	service(prod, 'reports', reports, 1, now - 20 * MINUTE);

	// staging: small and healthy.
	service(staging, 'web', define(world, {family: 'web-staging', image: `${REGISTRY}/web-frontend:v5.10.0`, containerName: 'web-frontend', cpu: '256', memory: '512', registeredAt: now - 5 * DAY}), 1, now - 5 * DAY);
	service(staging, 'payments', define(world, {family: 'payments-staging', image: `${REGISTRY}/payments-api:v2.27.0-rc1`, containerName: 'payments-api', registeredAt: now - 6 * 3_600_000, firelensGroup: '/ecs/payments-staging'}), 1, now - 6 * 3_600_000);

	// The hour of history is replayed on the first ECS, EC2 or Logs request (the scheduler is a
	// ticker on those services), not here: the repository list, the first screen, appears
	// without waiting for it.
	buildDemoLogs(world, ACCOUNT, REGION);
}
