import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {decodePolicyDocument, normalizePolicyDocument, readPolicy} from '../../../source/domain/iam/policy-document.js';
import {matchesAction, matchesResource} from '../../../source/domain/iam/wildcard.js';
import {ECS_TASKS_TRUST, MANAGED_EXECUTION_POLICY, rfc3986} from './policies.js';

describe('decodePolicyDocument', () => {
	test('URL-encoded (RFC 3986) document from GetRolePolicy / GetPolicyVersion', () => {
		const result = decodePolicyDocument(rfc3986(MANAGED_EXECUTION_POLICY));
		assert.equal(result.ok, true);
		if (!result.ok) return;
		assert.equal(result.statements.length, 1);
		assert.equal(result.statements[0]?.actions?.length, 6);
	});

	test('a captured IAM-style encoding of a trust policy', () => {
		const text =
			'%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Sid%22%3A%22%22%2C%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ecs-tasks.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D';
		const result = decodePolicyDocument(text);
		assert.equal(result.ok, true);
		if (result.ok) assert.deepEqual(result.statements[0]?.principals?.service, ['ecs-tasks.amazonaws.com']);
	});

	test('plain JSON, including a literal % that must not be URL-decoded', () => {
		const doc = {Statement: {Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/100%25/*'}};
		const result = decodePolicyDocument(JSON.stringify(doc));
		assert.equal(result.ok, true);
		if (result.ok) assert.deepEqual(result.statements[0]?.resources, ['arn:aws:s3:::bucket/100%25/*']);
	});

	test('singular Statement, Action and Resource become lists', () => {
		const result = decodePolicyDocument('{"Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::x"}}');
		assert.equal(result.ok, true);
		if (!result.ok) return;
		const [statement] = result.statements;
		assert.deepEqual(statement?.notActions, ['iam:*']);
		assert.deepEqual(statement?.notResources, ['arn:aws:s3:::x']);
		assert.equal(statement?.effect, 'Deny');
	});

	test('condition keys are collected', () => {
		const result = readPolicy({
			Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Condition: {StringEquals: {'aws:SourceAccount': '1'}, ArnLike: {'aws:SourceArn': 'x'}}}],
		});
		assert.equal(result.ok, true);
		if (result.ok) assert.deepEqual(result.statements[0]?.conditionKeys, ['aws:SourceAccount', 'aws:SourceArn']);
	});

	const invalid: Array<[string, string, RegExp]> = [
		['empty', '   ', /empty/],
		['bad JSON', '{"Statement": [', /not valid JSON/],
		['bad percent-encoding', '%7B%ZZ', /neither JSON nor valid URL-encoded/],
		['encoded non-JSON', '%41%42', /URL-decoded policy document is not valid JSON/],
		['no Statement', '{"Version":"2012-10-17"}', /no Statement/],
		['bad Effect', '{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}', /Effect/],
		['no Action', '{"Statement":[{"Effect":"Allow","Resource":"*"}]}', /neither Action nor NotAction/],
		['non-string Action', '{"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]}', /Action must be/],
		['array document', '[1,2]', /neither JSON nor valid URL-encoded|not a JSON object/],
	];
	for (const [name, text, error] of invalid) {
		test(`never throws: ${name}`, () => {
			const result = decodePolicyDocument(text);
			assert.equal(result.ok, false);
			if (!result.ok) assert.match(result.error, error);
		});
	}

	test('normalizePolicyDocument accepts parsed documents and rejects non-objects', () => {
		assert.equal(normalizePolicyDocument(ECS_TASKS_TRUST).ok, true);
		assert.equal(normalizePolicyDocument('text').ok, false);
		assert.equal(normalizePolicyDocument(null).ok, false);
	});
});

describe('wildcards', () => {
	const actions: Array<[string, string, boolean]> = [
		['*', 'ecr:GetAuthorizationToken', true],
		['ecr:*', 'ecr:BatchGetImage', true],
		['ecr:Get*', 'ecr:GetDownloadUrlForLayer', true],
		['ecr:Get*', 'ecr:BatchGetImage', false],
		['ECR:batchgetimage', 'ecr:BatchGetImage', true],
		['ecr:BatchGet?mage', 'ecr:BatchGetImage', true],
		['ecr:BatchGet?mage', 'ecr:BatchGetImmage', false],
		['s3:Get*', 'ecr:GetAuthorizationToken', false],
	];
	for (const [pattern, action, expected] of actions) {
		test(`action ${pattern} ~ ${action} -> ${expected}`, () => assert.equal(matchesAction(pattern, action), expected));
	}
	const resources: Array<[string, string, boolean]> = [
		['*', 'arn:aws:ecr:us-east-1:123456789012:repository/web', true],
		['arn:aws:ecr:*:123456789012:repository/*', 'arn:aws:ecr:us-east-1:123456789012:repository/team/web', true],
		['arn:aws:ecr:us-east-1:123456789012:repository/Web', 'arn:aws:ecr:us-east-1:123456789012:repository/web', false],
		['arn:aws:ecr:us-east-1:123456789012:repository/we?', 'arn:aws:ecr:us-east-1:123456789012:repository/web', true],
		['arn:aws:ecr:us-east-1:123456789012:repository/web', '*', false],
		['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*', 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:*', true],
		['arn:aws:s3:::a.b(c)+', 'arn:aws:s3:::a.b(c)+', true],
		['arn:aws:s3:::a.b', 'arn:aws:s3:::aXb', false],
	];
	for (const [pattern, resource, expected] of resources) {
		test(`resource ${pattern} ~ ${resource} -> ${expected}`, () => assert.equal(matchesResource(pattern, resource), expected));
	}
});
