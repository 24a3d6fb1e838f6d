import {addRole, serviceTrustPolicy} from '../world/iam.js';
import type {World} from '../world/world.js';
import {DAY} from './factory.js';

/**
 * The IAM half of the demo account (aws-semantics.md E): task execution roles, one of which
 * cannot call ecr:GetAuthorizationToken (the demo's ResourceInitializationError), and the
 * DemoAdmin role the demo caller assumes.
 */

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** Role names, ARNs and the ARNs their policies mention, for scenarios and tests. */
export const DEMO_ROLES = {
	accountId: ACCOUNT,
	taskExecution: {name: 'ecsTaskExecutionRole', arn: arn('ecsTaskExecutionRole')},
	ordersExecution: {name: 'orders-execution-role', arn: arn('orders-execution-role'), inlinePolicy: 'orders-pull'},
	etlExecution: {name: 'etl-execution-role', arn: arn('etl-execution-role'), inlinePolicy: 'etl-secrets'},
	admin: {name: 'DemoAdmin', arn: arn('DemoAdmin')},
	policies: {
		taskExecution: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
		administrator: 'arn:aws:iam::aws:policy/AdministratorAccess',
	},
	ordersRepositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/orders-worker`,
	etlSecretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:etl/warehouse-credentials-Qm3x9Z`,
} as const;

const R = DEMO_ROLES;
const ecsTasks = serviceTrustPolicy('ecs-tasks.amazonaws.com');
const pretty = (document: unknown) => JSON.stringify(document, null, 4);

/**
 * Pulls from one repository and writes logs, but misses ecr:GetAuthorizationToken, which is
 * not resource-scopable and must be allowed on `*` (aws-semantics.md E).
 */
const ORDERS_PULL = pretty({
	Version: '2012-10-17',
	Statement: [
		{Sid: 'PullOrdersWorker', Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], Resource: R.ordersRepositoryArn},
		{Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*'},
	],
});

const ETL_SECRETS = pretty({
	Version: '2012-10-17',
	Statement: [{Sid: 'ReadWarehouseCredentials', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: R.etlSecretArn}],
});

/** Builds the demo roles into the world (account 123456789012; IAM is global). */
export function buildDemoIam(world: World, now: number = world.clock.now()): void {
	addRole(world, ACCOUNT, R.taskExecution.name, {trustPolicy: ecsTasks, attached: [R.policies.taskExecution], createDate: now - 900 * DAY});
	addRole(world, ACCOUNT, R.ordersExecution.name, {
		trustPolicy: ecsTasks,
		inline: {[R.ordersExecution.inlinePolicy]: ORDERS_PULL},
		description: 'Execution role for orders-worker tasks',
		createDate: now - 400 * DAY,
	});
	addRole(world, ACCOUNT, R.etlExecution.name, {
		trustPolicy: ecsTasks,
		attached: [R.policies.taskExecution],
		inline: {[R.etlExecution.inlinePolicy]: ETL_SECRETS},
		createDate: now - 300 * DAY,
	});
	addRole(world, ACCOUNT, R.admin.name, {
		trustPolicy: pretty({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCOUNT}:root`}, Action: 'sts:AssumeRole'}]}),
		attached: [R.policies.administrator],
		description: 'Role the ecrtui demo caller assumes',
		createDate: now - 1000 * DAY,
	});
}
