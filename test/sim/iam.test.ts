import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRoleCommand,
	GetRolePolicyCommand,
	IAMClient,
	ListAttachedRolePoliciesCommand,
	ListRolePoliciesCommand,
	SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import {clientConfig, useSimulator, rejectsWith} from '../helpers/sim.js';
import {DEMO_ROLES as R} from '../../source/sim/scenarios/demo-iam.js';
import {addRole, serviceTrustPolicy} from '../../source/sim/world/iam.js';
import {encodePolicyDocument} from '../../source/sim/services/iam.js';

const sim = await useSimulator();
const iam = new IAMClient(clientConfig(sim));

type PolicyDocument = {Version: string; Statement: {Effect: string; Action: string | string[]; Resource?: string | string[]; Principal?: {Service?: string}}[]};

/** IAM documents arrive percent-encoded (the JS SDK does not decode them): decode, then parse. */
function decode(text: string | undefined): PolicyDocument {
	assert.ok(text, 'a document arrived');
	assert.match(text, /^%7B/, 'the document is URL-encoded on the wire');
	return JSON.parse(decodeURIComponent(text)) as PolicyDocument;
}

test('encodePolicyDocument follows RFC 3986', () => {
	assert.equal(encodePolicyDocument(`{"a": "b*(c)!'"}`), '%7B%22a%22%3A%20%22b%2A%28c%29%21%27%22%7D');
});

test('GetRole returns the role with its trust policy URL-encoded', async () => {
	const {Role} = await iam.send(new GetRoleCommand({RoleName: R.taskExecution.name}));
	assert.equal(Role?.RoleName, 'ecsTaskExecutionRole');
	assert.equal(Role?.Arn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
	assert.equal(Role?.Path, '/');
	assert.match(Role?.RoleId ?? '', /^AROA[A-Z2-7]{17}$/);
	assert.ok(Role?.CreateDate instanceof Date);
	assert.equal(Role?.MaxSessionDuration, 3600);
	const trust = decode(Role?.AssumeRolePolicyDocument);
	assert.equal(trust.Statement[0]?.Principal?.Service, 'ecs-tasks.amazonaws.com');
	assert.equal(trust.Statement[0]?.Action, 'sts:AssumeRole');
	const orders = await iam.send(new GetRoleCommand({RoleName: R.ordersExecution.name}));
	assert.equal(orders.Role?.Description, 'Execution role for orders-worker tasks');
	await rejectsWith(iam.send(new GetRoleCommand({RoleName: 'nope'})), 'NoSuchEntityException', 'The role with name nope cannot be found.', 404);
});

test('ListAttachedRolePolicies lists managed policies and pages with MaxItems/Marker', async () => {
	const {AttachedPolicies, IsTruncated} = await iam.send(new ListAttachedRolePoliciesCommand({RoleName: R.taskExecution.name}));
	assert.deepEqual(AttachedPolicies, [{PolicyName: 'AmazonECSTaskExecutionRolePolicy', PolicyArn: R.policies.taskExecution}]);
	assert.equal(IsTruncated, false);
	const orders = await iam.send(new ListAttachedRolePoliciesCommand({RoleName: R.ordersExecution.name}));
	assert.deepEqual(orders.AttachedPolicies, []);
	addRole(sim.world, '123456789012', 'two-policies', {trustPolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com'), attached: [R.policies.taskExecution, R.policies.administrator], createDate: 0});
	const first = await iam.send(new ListAttachedRolePoliciesCommand({RoleName: 'two-policies', MaxItems: 1}));
	assert.equal(first.AttachedPolicies?.length, 1);
	assert.equal(first.IsTruncated, true);
	assert.ok(first.Marker);
	const second = await iam.send(new ListAttachedRolePoliciesCommand({RoleName: 'two-policies', MaxItems: 1, Marker: first.Marker}));
	assert.deepEqual(second.AttachedPolicies?.map(policy => policy.PolicyName), ['AdministratorAccess']);
	assert.equal(second.IsTruncated, false);
	const byPath = await iam.send(new ListAttachedRolePoliciesCommand({RoleName: 'two-policies', PathPrefix: '/service-role/'}));
	assert.deepEqual(byPath.AttachedPolicies?.map(policy => policy.PolicyName), ['AmazonECSTaskExecutionRolePolicy']);
	await rejectsWith(iam.send(new ListAttachedRolePoliciesCommand({RoleName: R.taskExecution.name, MaxItems: 0})), 'ValidationError');
	await rejectsWith(iam.send(new ListAttachedRolePoliciesCommand({RoleName: 'nope'})), 'NoSuchEntityException');
});

test('GetPolicy describes the AWS-managed task execution policy', async () => {
	const {Policy} = await iam.send(new GetPolicyCommand({PolicyArn: R.policies.taskExecution}));
	assert.equal(Policy?.PolicyName, 'AmazonECSTaskExecutionRolePolicy');
	assert.equal(Policy?.Arn, R.policies.taskExecution);
	assert.equal(Policy?.Path, '/service-role/');
	assert.equal(Policy?.DefaultVersionId, 'v1');
	assert.equal(Policy?.IsAttachable, true);
	assert.match(Policy?.PolicyId ?? '', /^ANPA/);
	assert.ok(Policy?.CreateDate instanceof Date);
	assert.ok((Policy?.AttachmentCount ?? 0) >= 2, 'ecsTaskExecutionRole and etl-execution-role attach it');
	const missing = 'arn:aws:iam::123456789012:policy/nope';
	await rejectsWith(iam.send(new GetPolicyCommand({PolicyArn: missing})), 'NoSuchEntityException', `Policy ${missing} does not exist or is not attachable.`, 404);
	await rejectsWith(iam.send(new GetPolicyCommand({PolicyArn: 'not-an-arn'})), 'InvalidInputException');
});

test('GetPolicyVersion returns the real AmazonECSTaskExecutionRolePolicy document, URL-encoded', async () => {
	const {PolicyVersion} = await iam.send(new GetPolicyVersionCommand({PolicyArn: R.policies.taskExecution, VersionId: 'v1'}));
	assert.equal(PolicyVersion?.VersionId, 'v1');
	assert.equal(PolicyVersion?.IsDefaultVersion, true);
	assert.ok(PolicyVersion?.CreateDate instanceof Date);
	const document = decode(PolicyVersion?.Document);
	assert.equal(document.Version, '2012-10-17');
	assert.equal(document.Statement.length, 1);
	assert.equal(document.Statement[0]?.Effect, 'Allow');
	assert.equal(document.Statement[0]?.Resource, '*');
	assert.deepEqual(document.Statement[0]?.Action, ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents']);
	await rejectsWith(iam.send(new GetPolicyVersionCommand({PolicyArn: R.policies.taskExecution, VersionId: 'v9'})), 'NoSuchEntityException');
});

test('ListRolePolicies and GetRolePolicy return inline policies, URL-encoded', async () => {
	const names = await iam.send(new ListRolePoliciesCommand({RoleName: R.ordersExecution.name}));
	assert.deepEqual(names.PolicyNames, ['orders-pull']);
	assert.equal(names.IsTruncated, false);
	assert.deepEqual((await iam.send(new ListRolePoliciesCommand({RoleName: R.taskExecution.name}))).PolicyNames, []);
	const inline = await iam.send(new GetRolePolicyCommand({RoleName: R.ordersExecution.name, PolicyName: 'orders-pull'}));
	assert.equal(inline.RoleName, R.ordersExecution.name);
	assert.equal(inline.PolicyName, 'orders-pull');
	const document = decode(inline.PolicyDocument);
	const actions = document.Statement.flatMap(statement => statement.Action);
	assert.ok(actions.includes('ecr:BatchGetImage'));
	assert.ok(!actions.includes('ecr:GetAuthorizationToken'), 'the demo role misses GetAuthorizationToken');
	assert.equal(document.Statement[0]?.Resource, 'arn:aws:ecr:us-east-1:123456789012:repository/orders-worker');
	const etl = decode((await iam.send(new GetRolePolicyCommand({RoleName: R.etlExecution.name, PolicyName: R.etlExecution.inlinePolicy}))).PolicyDocument);
	assert.equal(etl.Statement[0]?.Action, 'secretsmanager:GetSecretValue');
	await rejectsWith(iam.send(new GetRolePolicyCommand({RoleName: R.ordersExecution.name, PolicyName: 'nope'})), 'NoSuchEntityException', 'The role policy with name nope cannot be found.');
});

const pullActions = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

test('SimulatePrincipalPolicy: the orders role cannot get an authorization token', async () => {
	const {EvaluationResults = [], IsTruncated} = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.ordersExecution.arn, ActionNames: pullActions, ResourceArns: [R.ordersRepositoryArn]}));
	assert.equal(IsTruncated, false);
	assert.deepEqual(EvaluationResults.map(result => [result.EvalActionName, result.EvalResourceName, result.EvalDecision]), [
		['ecr:GetAuthorizationToken', R.ordersRepositoryArn, 'implicitDeny'],
		['ecr:BatchGetImage', R.ordersRepositoryArn, 'allowed'],
		['ecr:GetDownloadUrlForLayer', R.ordersRepositoryArn, 'allowed'],
	]);
	assert.deepEqual(EvaluationResults[0]?.MatchedStatements, []);
	const matched = EvaluationResults[1]?.MatchedStatements?.[0];
	assert.equal(matched?.SourcePolicyId, 'orders-pull');
	assert.equal(matched?.SourcePolicyType, 'role');
	assert.deepEqual(matched?.StartPosition, {Line: 4, Column: 9});
	assert.ok((matched?.EndPosition?.Line ?? 0) > 4);
	// Another repository is not covered by the inline policy.
	const other = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.ordersExecution.arn, ActionNames: ['ecr:BatchGetImage'], ResourceArns: ['arn:aws:ecr:us-east-1:123456789012:repository/payments-api']}));
	assert.equal(other.EvaluationResults?.[0]?.EvalDecision, 'implicitDeny');
});

test('SimulatePrincipalPolicy: ecsTaskExecutionRole and DemoAdmin are allowed via AWS-managed policies', async () => {
	const execution = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.taskExecution.arn, ActionNames: [...pullActions, 'logs:PutLogEvents']}));
	for (const result of execution.EvaluationResults ?? []) {
		assert.equal(result.EvalDecision, 'allowed', result.EvalActionName);
		assert.equal(result.EvalResourceName, '*');
		assert.deepEqual(result.MatchedStatements?.map(statement => [statement.SourcePolicyId, statement.SourcePolicyType]), [['AmazonECSTaskExecutionRolePolicy', 'aws-managed']]);
	}
	const secrets = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.etlExecution.arn, ActionNames: ['secretsmanager:GetSecretValue', 'ecr:GetAuthorizationToken'], ResourceArns: [R.etlSecretArn]}));
	assert.deepEqual(secrets.EvaluationResults?.map(result => result.EvalDecision), ['allowed', 'allowed']);
	const admin = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.admin.arn, ActionNames: ['ecs:StopTask', 'ECR:BatchDeleteImage']}));
	assert.deepEqual(admin.EvaluationResults?.map(result => result.EvalDecision), ['allowed', 'allowed']);
});

test('SimulatePrincipalPolicy: explicit deny wins, NotAction and ? wildcards apply, conditions are reported', async () => {
	const deny = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 'ecr:Get?uthorizationToken', Resource: '*'}]});
	const notAction = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', NotAction: 'ecr:*', Resource: '*'}]});
	const conditional = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*', Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1'}}}]});
	const {EvaluationResults = []} = await iam.send(new SimulatePrincipalPolicyCommand({
		PolicySourceArn: R.taskExecution.arn,
		ActionNames: ['ecr:GetAuthorizationToken', 's3:GetObject'],
		PolicyInputList: [deny, notAction],
	}));
	assert.equal(EvaluationResults[0]?.EvalDecision, 'explicitDeny');
	assert.deepEqual(EvaluationResults[0]?.MatchedStatements?.map(statement => [statement.SourcePolicyId, statement.SourcePolicyType]), [['PolicyInputList.1', 'none']]);
	assert.equal(EvaluationResults[1]?.EvalDecision, 'allowed');
	const withCondition = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.ordersExecution.arn, ActionNames: ['ecr:BatchGetImage'], PolicyInputList: [conditional]}));
	assert.equal(withCondition.EvaluationResults?.[0]?.EvalDecision, 'implicitDeny');
	assert.deepEqual(withCondition.EvaluationResults?.[0]?.MissingContextValues, ['aws:SourceVpce']);
});

test('SimulatePrincipalPolicy pages with MaxItems and fails for unknown roles', async () => {
	const first = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.taskExecution.arn, ActionNames: pullActions, MaxItems: 2}));
	assert.equal(first.EvaluationResults?.length, 2);
	assert.equal(first.IsTruncated, true);
	const rest = await iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: R.taskExecution.arn, ActionNames: pullActions, MaxItems: 2, Marker: first.Marker}));
	assert.deepEqual(rest.EvaluationResults?.map(result => result.EvalActionName), ['ecr:GetDownloadUrlForLayer']);
	assert.equal(rest.IsTruncated, false);
	await rejectsWith(iam.send(new SimulatePrincipalPolicyCommand({PolicySourceArn: 'arn:aws:iam::123456789012:role/ghost', ActionNames: ['ecr:BatchGetImage']})), 'NoSuchEntityException', 'The role with name ghost cannot be found.');
});
