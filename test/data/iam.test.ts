import {test} from 'node:test';
import assert from 'node:assert/strict';
import {checkRole, readRolePolicies} from '../../source/data/iam.js';
import {DEMO_ROLES} from '../../source/sim/scenarios/demo-iam.js';
import {useSimulator, demoSession} from '../helpers/sim.js';

const sim = await useSimulator();
const {clients} = await demoSession(sim);
const ordersRepository = DEMO_ROLES.ordersRepositoryArn;

const status = (checks: {id: string; status: string}[], id: string) => checks.find(check => check.id === id)?.status;

test('SimulatePrincipalPolicy when allowed: the missing ecr:GetAuthorizationToken fails, method simulated', async () => {
	sim.resetCalls();
	const result = await checkRole(clients, {roleArn: DEMO_ROLES.ordersExecution.arn, repositoryArns: [ordersRepository]});
	assert.equal(result.method, 'simulated');
	assert.match(result.methodText, /SimulatePrincipalPolicy/);
	assert.equal(status(result.checks, 'iam:ecr-auth'), 'fail');
	assert.equal(status(result.checks, 'iam:ecr-pull'), 'pass');
	assert.equal(status(result.checks, 'iam:trust'), 'pass', 'trust is evaluated locally from GetRole');
	assert.ok(result.checks.every(check => check.id === 'iam:trust' || check.id === 'iam:repo-policy' || check.method === 'simulated'));
	assert.deepEqual([...new Set(sim.calls.map(call => call.operation))].sort(), ['GetRole', 'SimulatePrincipalPolicy']);
});

test('AccessDenied on SimulatePrincipalPolicy falls back to reading and evaluating the policies', async () => {
	const fault = sim.faults.add({kind: 'access-denied', service: 'iam', operation: 'SimulatePrincipalPolicy'});
	try {
		sim.resetCalls();
		const result = await checkRole(clients, {roleArn: DEMO_ROLES.ordersExecution.arn, repositoryArns: [ordersRepository]});
		assert.equal(result.method, 'evaluated');
		assert.match(result.methodText, /evaluated locally/);
		assert.equal(status(result.checks, 'iam:ecr-auth'), 'fail');
		const auth = result.checks.find(check => check.id === 'iam:ecr-auth');
		assert.equal(auth?.method, 'evaluated');
		assert.match(auth?.fix ?? '', /aws iam put-role-policy --role-name orders-execution-role/);
		const operations = new Set(sim.calls.map(call => call.operation));
		for (const operation of ['GetRole', 'ListAttachedRolePolicies', 'ListRolePolicies', 'GetRolePolicy']) assert.ok(operations.has(operation), operation);
	} finally {
		sim.faults.remove(fault);
	}
});

test('readRolePolicies reads managed (default version) and inline documents, URL-encoded', async () => {
	const policies = await readRolePolicies(clients, DEMO_ROLES.etlExecution.arn);
	assert.deepEqual(policies.map(policy => [policy.name, policy.kind]), [['AmazonECSTaskExecutionRolePolicy', 'aws-managed'], ['etl-secrets', 'inline']]);
	assert.match(String(policies[1]?.document), /^%7B/, 'IAM returns documents URL-encoded');
});

test('a role that does not exist fails the trust check; unreadable roles are unknown, not guessed', async () => {
	const missing = await checkRole(clients, {roleArn: 'arn:aws:iam::123456789012:role/ghost', repositoryArns: [ordersRepository]});
	assert.equal(status(missing.checks, 'iam:trust'), 'fail');
	assert.match(missing.checks[0]?.evidence ?? '', /role ghost does not exist/);
	const fault = sim.faults.add({kind: 'access-denied', service: 'iam'});
	try {
		const denied = await checkRole(clients, {roleArn: DEMO_ROLES.ordersExecution.arn, repositoryArns: [ordersRepository]});
		assert.equal(denied.method, 'unavailable');
		assert.equal(denied.checks[0]?.status, 'unknown');
		assert.match(denied.methodText, /missing iam:GetRole/);
	} finally {
		sim.faults.remove(fault);
	}
});
