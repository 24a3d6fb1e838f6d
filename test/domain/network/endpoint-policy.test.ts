import {test} from 'node:test';
import assert from 'node:assert/strict';
import {evaluateEndpointPolicy} from '../../../source/domain/network/endpoint-policy.js';
import {matchesAction, matchesResource} from '../../../source/domain/iam/wildcard.js';

const role = 'arn:aws:iam::111122223333:role/ecsTaskExecutionRole';
const pull = [
	{action: 'ecr:GetAuthorizationToken', resource: '*'},
	{action: 'ecr:BatchGetImage', resource: 'arn:aws:ecr:us-east-1:111122223333:repository/web'},
];
const doc = (...statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});

test('no policy document is the default full-access policy', () => {
	assert.equal(evaluateEndpointPolicy(undefined, pull).outcome, 'allowed');
});

test('wildcard actions and resources allow; matching is case-insensitive for actions only', () => {
	assert.equal(matchesAction('ecr:Batch*', 'ECR:BatchGetImage'), true);
	assert.equal(matchesResource('arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*', 'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*'), true);
	assert.equal(matchesResource('arn:aws:s3:::Prod-*', 'arn:aws:s3:::prod-x'), false);
	const policy = doc({Effect: 'Allow', Principal: '*', Action: ['ecr:*'], Resource: '*'});
	assert.equal(evaluateEndpointPolicy(policy, pull).outcome, 'allowed');
});

test('an explicit Deny wins over an Allow', () => {
	const policy = doc({Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'}, {Sid: 'NoPull', Effect: 'Deny', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*'});
	const result = evaluateEndpointPolicy(policy, pull, role);
	assert.equal(result.outcome, 'explicit-deny');
	assert.match(result.evidence, /NoPull/);
});

test('nothing allowing a request is an implicit deny', () => {
	const policy = doc({Effect: 'Allow', Principal: '*', Action: 'ecr:GetAuthorizationToken', Resource: '*'});
	const result = evaluateEndpointPolicy(policy, pull, role);
	assert.equal(result.outcome, 'implicit-deny');
	assert.equal(result.request?.action, 'ecr:BatchGetImage');
});

test('a Condition makes it "cannot verify"; a principal naming the execution role applies', () => {
	const conditional = doc({Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: {StringEquals: {'aws:PrincipalAccount': '111122223333'}}});
	assert.equal(evaluateEndpointPolicy(conditional, pull, role).outcome, 'conditional');
	const byRole = doc({Effect: 'Allow', Principal: {AWS: [role]}, Action: 'ecr:*', Resource: '*'});
	assert.equal(evaluateEndpointPolicy(byRole, pull, role).outcome, 'allowed');
	const otherRole = doc({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::999999999999:role/x'}, Action: 'ecr:*', Resource: '*'});
	assert.equal(evaluateEndpointPolicy(otherRole, pull, role).outcome, 'implicit-deny');
	assert.equal(evaluateEndpointPolicy('{not json', pull).outcome, 'unparseable');
});
