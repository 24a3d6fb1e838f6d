import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Check} from '../../../source/domain/diagnosis/types.js';
import type {PolicyInput} from '../../../source/domain/iam/evaluate.js';
import {checkExecutionRole, type ExecutionRole} from '../../../source/domain/iam/execution-role.js';
import type {PolicyStatement} from '../../../source/domain/iam/policy-document.js';
import {executionRoleRequirements, secretBaseArn} from '../../../source/domain/iam/requirements.js';
import {ECS_TASKS_TRUST, MANAGED_EXECUTION_POLICY, OTHER_ACCOUNT, OTHER_REPO_ARN, REPO_ARN, ROLE_ARN, rfc3986} from './policies.js';

const managed: PolicyInput = {name: 'AmazonECSTaskExecutionRolePolicy', kind: 'aws-managed', document: rfc3986(MANAGED_EXECUTION_POLICY)};

function role(policies: PolicyInput[], trustPolicy: ExecutionRole['trustPolicy'] = rfc3986(ECS_TASKS_TRUST)): ExecutionRole {
	return {arn: ROLE_ARN, trustPolicy, policies};
}

function inline(name: string, ...statements: PolicyStatement[]): PolicyInput {
	return {name, kind: 'inline', document: rfc3986({Version: '2012-10-17', Statement: statements})};
}

function find(checks: Check[], id: string, resourceId?: string): Check {
	const check = checks.find(candidate => candidate.id === id && (resourceId === undefined || candidate.resourceId === resourceId));
	assert.ok(check, `expected a ${id} check${resourceId === undefined ? '' : ` for ${resourceId}`}`);
	return check;
}

describe('checkExecutionRole', () => {
	test('AmazonECSTaskExecutionRolePolicy passes every ECR and log-stream check', () => {
		const checks = checkExecutionRole({
			role: role([managed]),
			repositoryArns: [REPO_ARN],
			needs: {logs: {createGroup: false, logGroupArns: ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*']}},
		});
		assert.deepEqual(
			checks.map(check => [check.id, check.status]),
			[
				['iam:trust', 'pass'],
				['iam:ecr-auth', 'pass'],
				['iam:ecr-pull', 'pass'],
				['iam:ecr-layer-availability', 'pass'],
				['iam:logs', 'pass'],
			],
		);
		assert.match(find(checks, 'iam:ecr-auth').evidence, /allowed by statement #1 in aws-managed policy "AmazonECSTaskExecutionRolePolicy"/);
		assert.ok(checks.every(check => check.group === 'iam' && check.method === 'evaluated'));
	});

	test('a role missing ecr:GetAuthorizationToken fails with evidence and a put-role-policy fix', () => {
		const pullOnly = inline('pull', {Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], Resource: REPO_ARN});
		const check = find(checkExecutionRole({role: role([pullOnly]), repositoryArns: [REPO_ARN]}), 'iam:ecr-auth');
		assert.equal(check.status, 'fail');
		assert.equal(check.evidence, 'no policy of role ecsTaskExecutionRole allows ecr:GetAuthorizationToken on *');
		assert.match(check.fix ?? '', /^Allow ecr:GetAuthorizationToken on \* for role ecsTaskExecutionRole: aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name ecrtui-ecr-auth --policy-document '\{"Version":"2012-10-17","Statement":\[\{"Effect":"Allow","Action":\["ecr:GetAuthorizationToken"\],"Resource":"\*"\}\]\}'$/);
		assert.equal(find(checkExecutionRole({role: role([pullOnly]), repositoryArns: [REPO_ARN]}), 'iam:ecr-pull').status, 'pass');
	});

	test('GetAuthorizationToken scoped to a repository ARN fails and says why', () => {
		const scoped = inline('scoped', {Sid: 'EcrAll', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: REPO_ARN});
		const checks = checkExecutionRole({role: role([scoped]), repositoryArns: [REPO_ARN]});
		const auth = find(checks, 'iam:ecr-auth');
		assert.equal(auth.status, 'fail');
		assert.match(auth.evidence, /statement "EcrAll" in inline policy "scoped" allows it only on arn:aws:ecr:us-east-1:123456789012:repository\/web; this action only works with Resource "\*"/);
		assert.equal(find(checks, 'iam:ecr-pull').status, 'pass');
		assert.equal(find(checks, 'iam:ecr-layer-availability').status, 'warn');
	});

	test('an explicit deny in the role fails with the denying statement', () => {
		const guard = inline('guardrail', {Sid: 'NoEcrAuth', Effect: 'Deny', Action: 'ecr:GetAuthorizationToken', Resource: '*'});
		const check = find(checkExecutionRole({role: role([managed, guard]), repositoryArns: [REPO_ARN]}), 'iam:ecr-auth');
		assert.equal(check.status, 'fail');
		assert.equal(check.evidence, 'ecr:GetAuthorizationToken on * is denied by statement "NoEcrAuth" in inline policy "guardrail"');
		assert.match(check.fix ?? '', /Remove or narrow statement "NoEcrAuth".*explicit Deny overrides every Allow/);
	});

	test('a repository-policy Deny for the role wins over the managed policy', () => {
		const repositoryPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Sid: 'DenyExec', Effect: 'Deny', Principal: {AWS: ROLE_ARN}, Action: 'ecr:BatchGetImage'}]});
		const checks = checkExecutionRole({role: role([managed]), repositoryArns: [REPO_ARN], repositoryPolicies: {[REPO_ARN]: repositoryPolicy}});
		const pull = find(checks, 'iam:ecr-pull');
		assert.equal(pull.status, 'fail');
		assert.match(pull.evidence, /ecr:BatchGetImage on .*repository\/web is denied by statement "DenyExec" of the repository policy of web/);
		assert.match(pull.fix ?? '', /aws ecr get-repository-policy --registry-id 123456789012 --repository-name web/);
		const policyCheck = find(checks, 'iam:repo-policy');
		assert.equal(policyCheck.status, 'fail');
		assert.match(policyCheck.evidence, /"DenyExec" of the repository policy of web denies arn:aws:iam::123456789012:role\/ecsTaskExecutionRole/);
	});

	test('same account: a repository-policy Allow is enough without an IAM pull Allow', () => {
		const authOnly = inline('auth', {Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*'});
		const repositoryPolicy = {Version: '2012-10-17', Statement: [{Effect: 'Allow' as const, Principal: {AWS: ROLE_ARN}, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']}]};
		const checks = checkExecutionRole({role: role([authOnly]), repositoryArns: [REPO_ARN], repositoryPolicies: {[REPO_ARN]: repositoryPolicy}});
		assert.equal(find(checks, 'iam:ecr-pull').status, 'pass');
		assert.equal(find(checks, 'iam:repo-policy').status, 'pass');
	});

	test('cross account: IAM Allow alone is not enough', () => {
		const checks = checkExecutionRole({role: role([managed]), repositoryArns: [OTHER_REPO_ARN], repositoryPolicies: {[OTHER_REPO_ARN]: {Statement: []}}});
		const pull = find(checks, 'iam:ecr-pull');
		assert.equal(pull.status, 'fail');
		assert.match(pull.evidence, new RegExp(`shared/base is in account ${OTHER_ACCOUNT}: the ECR repository resource policy may be missing permissions to pull the image`));
		assert.match(pull.fix ?? '', /aws ecr set-repository-policy --registry-id 210987654321 --repository-name shared\/base/);
		assert.equal(find(checks, 'iam:repo-policy').status, 'fail');
	});

	test('cross account: IAM Allow plus a repository-policy Allow passes', () => {
		const repositoryPolicy = {Statement: [{Effect: 'Allow' as const, Principal: {AWS: 'arn:aws:iam::123456789012:root'}, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']}]};
		const checks = checkExecutionRole({role: role([managed]), repositoryArns: [OTHER_REPO_ARN], repositoryPolicies: {[OTHER_REPO_ARN]: repositoryPolicy}});
		assert.equal(find(checks, 'iam:ecr-pull').status, 'pass');
		assert.equal(find(checks, 'iam:repo-policy').status, 'pass');
	});

	test('cross account without the repository policy read: warn', () => {
		const checks = checkExecutionRole({role: role([managed]), repositoryArns: [OTHER_REPO_ARN]});
		assert.equal(find(checks, 'iam:repo-policy').status, 'warn');
		assert.match(find(checks, 'iam:repo-policy').evidence, /was not read/);
	});

	test('awslogs-create-group needs logs:CreateLogGroup, which the managed policy lacks', () => {
		const checks = checkExecutionRole({
			role: role([managed]),
			repositoryArns: [REPO_ARN],
			needs: {logs: {createGroup: true, logGroupArns: ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web']}},
		});
		const logs = checks.filter(check => check.id === 'iam:logs');
		assert.deepEqual(logs.map(check => check.status), ['pass', 'fail']);
		assert.match(logs[1]?.fix ?? '', /Allow logs:CreateLogGroup on arn:aws:logs:us-east-1:123456789012:log-group:\/ecs\/web:log-stream: for role ecsTaskExecutionRole/);
	});

	test('secrets, SSM parameters and KMS keys', () => {
		const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
		const parameter = 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db_url';
		const key = 'arn:aws:kms:us-east-1:123456789012:key/1111-2222';
		const secretsPolicy = inline('secrets', {Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*'});
		const checks = checkExecutionRole({
			role: role([managed, secretsPolicy]),
			repositoryArns: [],
			needs: {secrets: [`${secret}:password::`], ssmParameters: [parameter], kmsKeys: [key]},
		});
		assert.equal(checks.some(check => check.id === 'iam:ecr-auth'), false, 'no ECR images, no GetAuthorizationToken requirement');
		assert.equal(find(checks, 'iam:secrets').status, 'pass');
		assert.equal(find(checks, 'iam:secrets').resourceId, secret);
		assert.equal(find(checks, 'iam:ssm').status, 'fail');
		assert.match(find(checks, 'iam:ssm').evidence, /ssm:GetParameters on arn:aws:ssm:us-east-1:123456789012:parameter\/app\/db_url/);
		assert.equal(find(checks, 'iam:kms').status, 'fail');
	});

	test('a conditional Allow is a warning, not a failure', () => {
		const conditional = inline('vpce-only', {Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*', Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1'}}});
		const check = find(checkExecutionRole({role: role([conditional]), repositoryArns: [REPO_ARN]}), 'iam:ecr-auth');
		assert.equal(check.status, 'warn');
		assert.match(check.evidence, /except under conditions not evaluated here/);
	});

	test('an unreadable policy makes a missing permission a warning', () => {
		const check = find(checkExecutionRole({role: role([{name: 'broken', kind: 'inline', document: '%7B%22'}]), repositoryArns: [REPO_ARN]}), 'iam:ecr-auth');
		assert.equal(check.status, 'warn');
		assert.match(check.evidence, /could not read "broken"/);
	});

	test('a role not trusted by ecs-tasks fails with an update-assume-role-policy fix', () => {
		const ec2Trust = {Statement: [{Effect: 'Allow' as const, Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]};
		const check = find(checkExecutionRole({role: role([managed], ec2Trust), repositoryArns: []}), 'iam:trust');
		assert.equal(check.status, 'fail');
		assert.match(check.fix ?? '', /aws iam update-assume-role-policy --role-name ecsTaskExecutionRole/);
	});
});

describe('requirements', () => {
	test('secret ARNs lose the ECS json-key suffix', () => {
		assert.equal(secretBaseArn('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password:AWSCURRENT:'), 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf');
		assert.equal(secretBaseArn('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'), 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf');
	});

	test('one auth requirement, two per repository', () => {
		const ids = executionRoleRequirements({repositoryArns: [REPO_ARN, OTHER_REPO_ARN]}).map(requirement => requirement.id);
		assert.deepEqual(ids, ['iam:ecr-auth', 'iam:ecr-pull', 'iam:ecr-layer-availability', 'iam:ecr-pull', 'iam:ecr-layer-availability']);
	});
});
