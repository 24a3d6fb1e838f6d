import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {checksFromSimulation, type SimulationResult} from '../../../source/domain/iam/simulation.js';
import {REPO_ARN, ROLE_ARN} from './policies.js';

const managedMatch = [{SourcePolicyId: 'AmazonECSTaskExecutionRolePolicy', SourcePolicyType: 'aws-managed'}];

describe('checksFromSimulation', () => {
	test('allowed results become passing checks grouped by check id and resource', () => {
		const results: SimulationResult[] = [
			{EvalActionName: 'ecr:GetAuthorizationToken', EvalResourceName: '*', EvalDecision: 'allowed', MatchedStatements: managedMatch},
			{EvalActionName: 'ecr:BatchGetImage', EvalResourceName: REPO_ARN, EvalDecision: 'allowed', MatchedStatements: managedMatch},
			{EvalActionName: 'ecr:GetDownloadUrlForLayer', EvalResourceName: REPO_ARN, EvalDecision: 'allowed', MatchedStatements: managedMatch},
		];
		const checks = checksFromSimulation(results, {roleArn: ROLE_ARN});
		assert.deepEqual(
			checks.map(check => [check.id, check.status, check.title]),
			[
				['iam:ecr-auth', 'pass', 'ecr:GetAuthorizationToken on *'],
				['iam:ecr-pull', 'pass', 'pull from web'],
			],
		);
		assert.ok(checks.every(check => check.method === 'simulated'));
		assert.match(checks[0]?.evidence ?? '', /^IAM policy simulator: ecr:GetAuthorizationToken on \*: allowed by AmazonECSTaskExecutionRolePolicy \(aws-managed\)/);
		assert.match(checks[1]?.evidence ?? '', /repository policies are not simulated for roles/);
	});

	test('implicit deny fails with a put-role-policy fix naming action and resource', () => {
		const [check] = checksFromSimulation([{EvalActionName: 'ecr:GetAuthorizationToken', EvalResourceName: '*', EvalDecision: 'implicitDeny'}], {roleArn: ROLE_ARN});
		assert.equal(check?.status, 'fail');
		assert.equal(check?.evidence, 'IAM policy simulator: ecr:GetAuthorizationToken on *: implicitDeny');
		assert.match(check?.fix ?? '', /^Allow ecr:GetAuthorizationToken on \* for role ecsTaskExecutionRole: aws iam put-role-policy/);
	});

	test('explicit deny by an SCP is named', () => {
		const [check] = checksFromSimulation([
			{
				EvalActionName: 'ecr:BatchGetImage',
				EvalResourceName: REPO_ARN,
				EvalDecision: 'explicitDeny',
				OrganizationsDecisionDetail: {AllowedByOrganizations: false},
			},
		]);
		assert.equal(check?.status, 'fail');
		assert.match(check?.evidence ?? '', /an SCP in AWS Organizations does not allow it/);
		assert.match(check?.fix ?? '', /SCP in AWS Organizations/);
	});

	test('missing context values turn an implicit deny into a warning', () => {
		const [check] = checksFromSimulation([{EvalActionName: 'ecr:GetAuthorizationToken', EvalResourceName: '*', EvalDecision: 'implicitDeny', MissingContextValues: ['aws:SourceVpce']}]);
		assert.equal(check?.status, 'warn');
		assert.match(check?.evidence ?? '', /depends on context not supplied \(aws:SourceVpce\)/);
	});

	test('resource-specific results are expanded, the worst status wins', () => {
		const other = 'arn:aws:ecr:us-east-1:123456789012:repository/api';
		const checks = checksFromSimulation([
			{
				EvalActionName: 'ecr:BatchGetImage',
				EvalDecision: 'implicitDeny',
				ResourceSpecificResults: [
					{EvalResourceName: REPO_ARN, EvalResourceDecision: 'allowed', MatchedStatements: managedMatch},
					{EvalResourceName: other, EvalResourceDecision: 'implicitDeny'},
				],
			},
			{EvalActionName: 'ecr:GetDownloadUrlForLayer', EvalResourceName: other, EvalDecision: 'allowed'},
		]);
		assert.deepEqual(
			checks.map(check => [check.resourceId, check.status]),
			[
				[REPO_ARN, 'pass'],
				[other, 'fail'],
			],
		);
		assert.match(checks[1]?.fix ?? '', /Allow ecr:BatchGetImage on arn:aws:ecr:us-east-1:123456789012:repository\/api/);
	});

	test('BatchCheckLayerAvailability missing is only a warning; other actions map to their checks', () => {
		const checks = checksFromSimulation([
			{EvalActionName: 'ecr:BatchCheckLayerAvailability', EvalResourceName: REPO_ARN, EvalDecision: 'implicitDeny'},
			{EvalActionName: 'logs:CreateLogGroup', EvalResourceName: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:', EvalDecision: 'implicitDeny'},
			{EvalActionName: 'secretsmanager:GetSecretValue', EvalResourceName: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x', EvalDecision: 'allowed'},
		]);
		assert.deepEqual(
			checks.map(check => [check.id, check.status]),
			[
				['iam:ecr-layer-availability', 'warn'],
				['iam:logs', 'fail'],
				['iam:secrets', 'pass'],
			],
		);
	});
});
