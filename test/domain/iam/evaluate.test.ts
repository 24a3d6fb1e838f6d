import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {accountOfArn, describeStatement, evaluatePolicies, type Decision, type PolicyInput, type RequestPrincipal} from '../../../source/domain/iam/evaluate.js';
import type {PolicyDocument, PolicyStatement} from '../../../source/domain/iam/policy-document.js';
import {trustAllowsEcsTasks} from '../../../source/domain/iam/trust.js';
import {ACCOUNT, ECS_TASKS_TRUST, MANAGED_EXECUTION_POLICY, OTHER_ACCOUNT, REPO_ARN, ROLE_ARN, rfc3986} from './policies.js';

function inline(...statements: PolicyStatement[]): PolicyInput {
	return {name: 'inline', kind: 'inline', document: {Version: '2012-10-17', Statement: statements}};
}

function repoPolicy(...statements: PolicyStatement[]): PolicyInput {
	return {name: 'the repository policy of web', kind: 'resource', document: {Version: '2012-10-17', Statement: statements}};
}

const managed: PolicyInput = {name: 'AmazonECSTaskExecutionRolePolicy', kind: 'aws-managed', document: MANAGED_EXECUTION_POLICY};

describe('evaluatePolicies: identity policies', () => {
	const cases: Array<{name: string; policies: PolicyInput[]; action: string; resource: string; decision: Decision; conditionsIgnored?: boolean}> = [
		{name: 'managed policy allows GetAuthorizationToken on *', policies: [managed], action: 'ecr:GetAuthorizationToken', resource: '*', decision: 'allowed'},
		{name: 'managed policy allows BatchGetImage on a repository', policies: [managed], action: 'ecr:BatchGetImage', resource: REPO_ARN, decision: 'allowed'},
		{name: 'managed policy lacks logs:CreateLogGroup', policies: [managed], action: 'logs:CreateLogGroup', resource: '*', decision: 'implicitDeny'},
		{name: 'no policies: implicit deny', policies: [], action: 'ecr:BatchGetImage', resource: REPO_ARN, decision: 'implicitDeny'},
		{
			name: 'explicit deny wins over an allow in another policy',
			policies: [managed, inline({Effect: 'Deny', Action: 'ecr:*', Resource: '*'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'explicitDeny',
		},
		{
			name: 'explicit deny wins within one policy',
			policies: [inline({Effect: 'Allow', Action: '*', Resource: '*'}, {Effect: 'Deny', Action: 'ecr:BatchGetImage', Resource: REPO_ARN})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'explicitDeny',
		},
		{
			name: 'deny on another resource does not apply',
			policies: [managed, inline({Effect: 'Deny', Action: 'ecr:*', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/secret'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'allowed',
		},
		{
			name: 'NotAction allow covers everything else',
			policies: [inline({Effect: 'Allow', NotAction: 'iam:*', Resource: '*'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'allowed',
		},
		{
			name: 'NotAction allow excludes the listed actions',
			policies: [inline({Effect: 'Allow', NotAction: ['ecr:BatchGetImage', 'iam:*'], Resource: '*'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'implicitDeny',
		},
		{
			name: 'Deny with NotAction denies everything not listed',
			policies: [managed, inline({Effect: 'Deny', NotAction: ['logs:*'], Resource: '*'})],
			action: 'ecr:GetAuthorizationToken',
			resource: '*',
			decision: 'explicitDeny',
		},
		{
			name: 'NotResource allow applies to other resources',
			policies: [inline({Effect: 'Allow', Action: 'ecr:BatchGetImage', NotResource: 'arn:aws:ecr:us-east-1:123456789012:repository/secret'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'allowed',
		},
		{
			name: 'NotResource allow excludes the listed resource',
			policies: [inline({Effect: 'Allow', Action: 'ecr:BatchGetImage', NotResource: [REPO_ARN]})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'implicitDeny',
		},
		{
			name: 'action wildcards and case-insensitive actions',
			policies: [inline({Effect: 'Allow', Action: 'ECR:BatchGet*', Resource: 'arn:aws:ecr:*:123456789012:repository/*'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'allowed',
		},
		{
			name: 'resources are case-sensitive',
			policies: [inline({Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/WEB'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'implicitDeny',
		},
		{
			name: '? matches exactly one character',
			policies: [inline({Effect: 'Allow', Action: 'ecr:BatchGetImag?', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/w?b'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'allowed',
		},
		{
			name: 'GetAuthorizationToken scoped to a repository ARN does not match "*"',
			policies: [inline({Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: REPO_ARN})],
			action: 'ecr:GetAuthorizationToken',
			resource: '*',
			decision: 'implicitDeny',
		},
		{
			name: 'identity statement without Resource never matches',
			policies: [inline({Effect: 'Allow', Action: 'ecr:*'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'implicitDeny',
		},
		{
			name: 'conditional allow is not counted as allowed',
			policies: [inline({Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*', Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1'}}})],
			action: 'ecr:GetAuthorizationToken',
			resource: '*',
			decision: 'implicitDeny',
			conditionsIgnored: true,
		},
		{
			name: 'conditional deny does not count as explicit deny',
			policies: [managed, inline({Effect: 'Deny', Action: 'ecr:*', Resource: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
			decision: 'allowed',
			conditionsIgnored: true,
		},
		{
			name: 'policy variables in Resource are treated like conditions',
			policies: [inline({Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/${aws:PrincipalTag/team}/*'})],
			action: 'ecr:BatchGetImage',
			resource: 'arn:aws:ecr:us-east-1:123456789012:repository/x/web',
			decision: 'implicitDeny',
			conditionsIgnored: true,
		},
		{
			name: 'URL-encoded documents are read',
			policies: [{name: 'encoded', kind: 'customer-managed', document: rfc3986(MANAGED_EXECUTION_POLICY)}],
			action: 'ecr:GetDownloadUrlForLayer',
			resource: REPO_ARN,
			decision: 'allowed',
		},
	];
	for (const {name, policies, action, resource, decision, conditionsIgnored = false} of cases) {
		test(name, () => {
			const result = evaluatePolicies({policies, action, resource});
			assert.equal(result.decision, decision);
			assert.equal(result.conditionsIgnored, conditionsIgnored);
		});
	}

	test('matched statements name policy, sid and effect', () => {
		const result = evaluatePolicies({
			policies: [managed, inline({Sid: 'NoEcr', Effect: 'Deny', Action: 'ecr:*', Resource: '*'})],
			action: 'ecr:BatchGetImage',
			resource: REPO_ARN,
		});
		assert.deepEqual(
			result.matched.map(statement => [statement.policy, statement.sid, statement.effect]),
			[
				['AmazonECSTaskExecutionRolePolicy', undefined, 'Allow'],
				['inline', 'NoEcr', 'Deny'],
			],
		);
		assert.equal(describeStatement(result.matched[1]!), 'statement "NoEcr" in inline policy "inline"');
		assert.equal(describeStatement(result.matched[0]!), 'statement #1 in aws-managed policy "AmazonECSTaskExecutionRolePolicy"');
	});

	test('near misses keep the resource the statement was scoped to', () => {
		const result = evaluatePolicies({policies: [inline({Sid: 'Scoped', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: REPO_ARN})], action: 'ecr:GetAuthorizationToken', resource: '*'});
		assert.deepEqual(result.nearMisses[0]?.resources, [REPO_ARN]);
		assert.equal(result.nearMisses[0]?.sid, 'Scoped');
	});

	test('unreadable policies are reported, not thrown', () => {
		const result = evaluatePolicies({policies: [{name: 'broken', kind: 'inline', document: '%7Bnot'}, managed], action: 'ecr:BatchGetImage', resource: REPO_ARN});
		assert.equal(result.decision, 'allowed');
		assert.equal(result.unreadable[0]?.policy, 'broken');
	});
});

describe('evaluatePolicies: resource policies and principals', () => {
	const sessionArn = `arn:aws:sts::${ACCOUNT}:assumed-role/ecsTaskExecutionRole/a1b2c3`;
	const cases: Array<{name: string; statement: PolicyStatement; principal?: RequestPrincipal; decision: Decision}> = [
		{name: 'Principal "*"', statement: {Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage'}, principal: {arn: ROLE_ARN}, decision: 'allowed'},
		{name: 'AWS "*"', statement: {Effect: 'Allow', Principal: {AWS: '*'}, Action: 'ecr:BatchGetImage'}, principal: {arn: ROLE_ARN}, decision: 'allowed'},
		{name: 'role ARN', statement: {Effect: 'Allow', Principal: {AWS: ROLE_ARN}, Action: 'ecr:BatchGetImage'}, principal: {arn: ROLE_ARN}, decision: 'allowed'},
		{name: 'role ARN vs assumed-role session', statement: {Effect: 'Allow', Principal: {AWS: ROLE_ARN}, Action: 'ecr:BatchGetImage'}, principal: {arn: sessionArn}, decision: 'allowed'},
		{name: 'account id', statement: {Effect: 'Allow', Principal: {AWS: ACCOUNT}, Action: 'ecr:*'}, principal: {arn: ROLE_ARN}, decision: 'allowed'},
		{name: 'account root ARN', statement: {Effect: 'Allow', Principal: {AWS: [`arn:aws:iam::${ACCOUNT}:root`]}, Action: 'ecr:*'}, principal: {arn: ROLE_ARN}, decision: 'allowed'},
		{name: 'another account', statement: {Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root`}, Action: 'ecr:*'}, principal: {arn: ROLE_ARN}, decision: 'implicitDeny'},
		{name: 'another role', statement: {Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCOUNT}:role/other`}, Action: 'ecr:*'}, principal: {arn: ROLE_ARN}, decision: 'implicitDeny'},
		{name: 'deny to everyone', statement: {Effect: 'Deny', Principal: '*', Action: 'ecr:BatchGetImage'}, principal: {arn: ROLE_ARN}, decision: 'explicitDeny'},
		{name: 'NotPrincipal deny spares the named role', statement: {Effect: 'Deny', NotPrincipal: {AWS: ROLE_ARN}, Action: 'ecr:*'}, principal: {arn: ROLE_ARN}, decision: 'implicitDeny'},
		{name: 'NotPrincipal deny hits others', statement: {Effect: 'Deny', NotPrincipal: {AWS: `arn:aws:iam::${ACCOUNT}:role/other`}, Action: 'ecr:*'}, principal: {arn: ROLE_ARN}, decision: 'explicitDeny'},
		{name: 'no principal known: only "*" matches', statement: {Effect: 'Allow', Principal: {AWS: ROLE_ARN}, Action: 'ecr:*'}, decision: 'implicitDeny'},
		{name: 'service principal', statement: {Effect: 'Allow', Principal: {Service: 'ECS-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'}, principal: {service: 'ecs-tasks.amazonaws.com'}, decision: 'allowed'},
	];
	for (const {name, statement, principal, decision} of cases) {
		test(name, () => {
			const action = statement.Action === 'sts:AssumeRole' ? 'sts:AssumeRole' : 'ecr:BatchGetImage';
			const result = evaluatePolicies({policies: [repoPolicy(statement)], action, resource: REPO_ARN, context: principal === undefined ? {} : {principal}});
			assert.equal(result.decision, decision);
		});
	}

	test('accountOfArn', () => {
		assert.equal(accountOfArn(ROLE_ARN), ACCOUNT);
		assert.equal(accountOfArn('arn:aws:s3:::bucket'), undefined);
	});
});

describe('trustAllowsEcsTasks', () => {
	const cases: Array<{name: string; document: string | PolicyDocument; trusted: boolean; conditional: boolean; reason: RegExp}> = [
		{name: 'standard trust policy', document: ECS_TASKS_TRUST, trusted: true, conditional: false, reason: /allows ecs-tasks/},
		{name: 'URL-encoded as GetRole returns it', document: rfc3986(ECS_TASKS_TRUST), trusted: true, conditional: false, reason: /allows/},
		{
			name: 'service list including ecs-tasks',
			document: {Statement: [{Effect: 'Allow', Principal: {Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com']}, Action: ['sts:AssumeRole', 'sts:TagSession']}]},
			trusted: true,
			conditional: false,
			reason: /allows/,
		},
		{
			name: 'confused-deputy conditions are reported, still trusted',
			document: {
				Statement: [
					{
						Effect: 'Allow',
						Principal: {Service: 'ecs-tasks.amazonaws.com'},
						Action: 'sts:AssumeRole',
						Condition: {StringEquals: {'aws:SourceAccount': ACCOUNT}, ArnLike: {'aws:SourceArn': `arn:aws:ecs:us-east-1:${ACCOUNT}:*`}},
					},
				],
			},
			trusted: true,
			conditional: true,
			reason: /aws:SourceAccount, aws:SourceArn/,
		},
		{
			name: 'only EC2 trusted',
			document: {Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]},
			trusted: false,
			conditional: false,
			reason: /no statement allows/,
		},
		{
			name: 'wrong action',
			document: {Statement: [{Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRoleWithWebIdentity'}]},
			trusted: false,
			conditional: false,
			reason: /no statement allows/,
		},
		{
			name: 'explicit deny',
			document: {
				Statement: [
					{Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'},
					{Sid: 'Block', Effect: 'Deny', Principal: '*', Action: 'sts:*'},
				],
			},
			trusted: false,
			conditional: false,
			reason: /"Block".*denies/,
		},
		{name: 'unreadable', document: '%%%', trusted: false, conditional: false, reason: /could not be read/},
	];
	for (const {name, document, trusted, conditional, reason} of cases) {
		test(name, () => {
			const result = trustAllowsEcsTasks(document);
			assert.equal(result.trusted, trusted);
			assert.equal(result.conditional, conditional);
			assert.match(result.reason, reason);
		});
	}
});
