import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {isProblem, parseAccessDenied, problem, toProblem, type ProblemKind} from '../../source/data/problems.js';

const WHAT = 'Listing images of payments-api';

/** An error shaped like an AWS SDK v3 service exception. */
function serviceError(name: string, message: string, status: number, extra: Record<string, unknown> = {}): Error {
	return Object.assign(new Error(message), {
		name,
		$fault: status >= 500 ? 'server' : 'client',
		$metadata: {httpStatusCode: status, requestId: 'c0ffee00-0000-4000-8000-000000000000', attempts: 3, totalRetryDelay: 1200},
		...extra,
	});
}

/** A Node socket error as the SDK's HTTP handler rejects with it. */
function nodeError(code: string, message: string): Error {
	return Object.assign(new Error(message), {code, errno: -111, syscall: 'connect', $metadata: {attempts: 3}});
}

function credentialsError(message: string): Error {
	return Object.assign(new Error(message), {name: 'CredentialsProviderError', tryNextLink: false});
}

describe('toProblem: kinds from realistic errors', () => {
	const cases: [string, unknown, ProblemKind, boolean][] = [
		['ECR throttling', serviceError('ThrottlingException', 'Rate exceeded', 400), 'throttled', true],
		['EC2 throttling', serviceError('RequestLimitExceeded', 'Request limit exceeded.', 503), 'throttled', true],
		['IAM throttling', serviceError('Throttling', 'Rate exceeded', 400), 'throttled', true],
		['too many requests', serviceError('TooManyRequestsException', 'Too Many Requests', 429), 'throttled', true],
		['expired STS token', serviceError('ExpiredTokenException', 'The security token included in the request is expired', 400), 'expired-credentials', true],
		['EC2 expired token', serviceError('RequestExpired', 'Request has expired.', 400), 'expired-credentials', true],
		['unknown access key', serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400), 'expired-credentials', true],
		['STS invalid client token', serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403), 'expired-credentials', true],
		['EC2 auth failure', serviceError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401), 'expired-credentials', true],
		['ECR access denied', serviceError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:123456789012:repository/payments-api because no identity-based policy allows the ecr:DescribeImages action', 400), 'access-denied', false],
		['EC2 unauthorized operation', serviceError('UnauthorizedOperation', 'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/ReadOnly/dev is not authorized to perform: ec2:DescribeVpcEndpoints because no identity-based policy allows the ec2:DescribeVpcEndpoints action', 403), 'access-denied', false],
		['IAM AccessDenied', serviceError('AccessDenied', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:GetRole on resource: role ecsTaskExecutionRole because no identity-based policy allows the iam:GetRole action', 403), 'access-denied', false],
		['repository not found', serviceError('RepositoryNotFoundException', "The repository with name 'payments-api' does not exist in the registry with id '123456789012'", 400), 'not-found', false],
		['IAM no such entity', serviceError('NoSuchEntity', 'The role with name ecsTaskExecutionRole cannot be found.', 404), 'not-found', false],
		['ECS cluster not found', serviceError('ClusterNotFoundException', 'Cluster not found.', 400), 'not-found', false],
		['lifecycle policy not found', serviceError('LifecyclePolicyNotFoundException', "Lifecycle policy does not exist for the repository with name 'web'", 400), 'not-found', false],
		['invalid parameter', serviceError('InvalidParameterException', "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure'", 400), 'invalid-request', false],
		['validation', serviceError('ValidationException', '1 validation error detected', 400), 'invalid-request', false],
		['ECS client exception', serviceError('ClientException', 'Unable to describe task definition.', 400), 'invalid-request', false],
		['server fault', serviceError('ServerException', 'Internal server error', 500), 'server', true],
		['503 without a known name', serviceError('ServiceUnavailable', 'Service Unavailable', 503), 'server', true],
		['$fault server on a 4xx-less error', Object.assign(new Error('boom'), {name: 'InternalFailure', $fault: 'server'}), 'server', true],
		['connection refused', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566'), 'network', true],
		['DNS failure', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.ecr.us-east-1.amazonaws.com'), 'network', true],
		['DNS try again', nodeError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN ecs.us-east-1.amazonaws.com'), 'network', true],
		['connection reset', nodeError('ECONNRESET', 'read ECONNRESET'), 'network', true],
		['socket timeout', Object.assign(new Error('Connection timed out after 5000 ms'), {name: 'TimeoutError'}), 'network', true],
		['socket hang up in the message only', new Error('socket hang up'), 'network', true],
		['code only on the cause', Object.assign(new Error('fetch failed'), {cause: {code: 'ECONNREFUSED'}}), 'network', true],
		['no credentials', credentialsError('Could not load credentials from any providers'), 'no-credentials', false],
		['unknown profile', credentialsError('Profile prod was not found.'), 'no-credentials', false],
		['SSO session expired', credentialsError('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), 'expired-credentials', true],
		['SSO session invalid', credentialsError('The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), 'expired-credentials', true],
		['SSO token expired (token provider)', credentialsError("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), 'expired-credentials', true],
		['SSO token missing', credentialsError("The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."), 'expired-credentials', true],
		['older SDK SSO message', credentialsError('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), 'expired-credentials', true],
		['abort', Object.assign(new Error('This operation was aborted'), {name: 'AbortError'}), 'cancelled', true],
		['abort by code', Object.assign(new Error('The operation was aborted'), {code: 'ABORT_ERR'}), 'cancelled', true],
		['a plain Error', new Error('something odd'), 'unknown', true],
		['a string', 'boom', 'unknown', true],
		['undefined', undefined, 'unknown', true],
	];
	for (const [name, error, kind, retryable] of cases) {
		test(`${name} -> ${kind}`, () => {
			const result = toProblem(error, {what: WHAT});
			assert.equal(result.kind, kind);
			assert.equal(result.retryable, retryable);
			assert.equal(result.what, WHAT);
			assert.ok(result.why.length > 0);
			assert.ok(result.next.length > 0);
			assert.equal(isProblem(result), true);
		});
	}
});

describe('toProblem: misconfigured SSO profiles are not "expired"', () => {
	// These are configuration mistakes: `aws sso login` does not fix them.
	const cases = [
		'Profile is configured with invalid SSO credentials. Required parameters "sso_account_id", "sso_region", "sso_role_name", "sso_start_url". Got sso_account_id, sso_role_name',
		'Conflicting SSO region settings in profile dev and sso-session corp',
		'Profile dev is not configured with SSO credentials.',
		'Incomplete configuration. The fromSSO() argument hash must include "ssoStartUrl", "ssoAccountId", "ssoRegion", "ssoRoleName"',
	];
	for (const message of cases) {
		test(message.slice(0, 60), () => {
			const result = toProblem(credentialsError(message), {what: WHAT, profile: 'dev'});
			assert.equal(result.kind, 'no-credentials');
			assert.ok(result.why.includes(message), 'the SDK message is shown');
		});
	}
});

describe('toProblem: wording', () => {
	test('throttled names the code and AWS message', () => {
		const result = toProblem(serviceError('ThrottlingException', 'Rate exceeded', 400), {what: WHAT});
		assert.match(result.why, /ThrottlingException: Rate exceeded/);
		assert.equal(result.code, 'ThrottlingException');
		assert.match(result.next, /Ctrl-R/);
	});

	test('an SSO-expired problem tells the exact login command for the profile', () => {
		const result = toProblem(credentialsError('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), {what: WHAT, profile: 'prod-admin'});
		assert.match(result.next, /`aws sso login --profile prod-admin`/);
		assert.match(result.why, /has expired/);
		assert.equal(result.code, 'CredentialsProviderError');
	});

	test('without a profile the login command has no --profile', () => {
		const result = toProblem(credentialsError('Token is expired. To refresh this SSO session run \'aws sso login\' with the corresponding profile.'), {what: WHAT});
		assert.match(result.next, /`aws sso login`/);
		assert.doesNotMatch(result.next, /--profile/);
	});

	test('expired STS credentials name the login command for the profile too', () => {
		const result = toProblem(serviceError('ExpiredTokenException', 'The security token included in the request is expired', 400), {what: WHAT, profile: 'dev'});
		assert.match(result.next, /aws sso login --profile dev/);
		assert.match(result.why, /ExpiredTokenException: The security token included in the request is expired/);
	});

	test('no credentials suggests --profile, aws configure, sso login with the profile, and the demo', () => {
		const result = toProblem(credentialsError('Could not load credentials from any providers'), {what: WHAT, profile: 'dev'});
		assert.match(result.next, /--profile/);
		assert.match(result.next, /aws configure/);
		assert.match(result.next, /aws sso login --profile dev/);
		assert.match(result.next, /ecrtui --demo/);
	});

	test('network names the endpoint when given', () => {
		const withEndpoint = toProblem(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566'), {what: WHAT, endpoint: 'http://127.0.0.1:4566'});
		assert.match(withEndpoint.why, /Could not reach http:\/\/127\.0\.0\.1:4566 \(ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:4566\)/);
		assert.equal(withEndpoint.code, 'ECONNREFUSED');
		const without = toProblem(nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.ecr.us-east-1.amazonaws.com'), {what: WHAT});
		assert.match(without.why, /the AWS endpoint/);
	});

	test('server errors carry the HTTP status', () => {
		const result = toProblem(serviceError('ServiceUnavailableException', 'Service Unavailable', 503), {what: WHAT});
		assert.match(result.why, /HTTP 503/);
	});

	test('messages are flattened to one line', () => {
		const result = toProblem(serviceError('ValidationException', 'line one\n   line two\ttabbed', 400), {what: WHAT});
		assert.match(result.why, /line one line two tabbed/);
	});

	test('an existing problem passes through unchanged', () => {
		const first = toProblem(serviceError('ThrottlingException', 'Rate exceeded', 400), {what: WHAT});
		assert.equal(toProblem(first, {what: 'something else'}), first);
	});

	test('the brand is not enumerable (problems serialise cleanly)', () => {
		const result = toProblem(new Error('x'), {what: WHAT});
		assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(result))).sort(), Object.keys(result).sort());
		assert.equal(isProblem({...result}), false);
		assert.equal(isProblem(null), false);
		assert.equal(isProblem('x'), false);
	});
});

describe('toProblem: access denied details', () => {
	const cases: [string, string, string | undefined, string | undefined][] = [
		[
			'ECR, identity-based',
			'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:123456789012:repository/payments-api because no identity-based policy allows the ecr:DescribeImages action',
			'ecr:DescribeImages',
			'arn:aws:ecr:us-east-1:123456789012:repository/payments-api',
		],
		[
			'explicit deny in an SCP',
			'User: arn:aws:sts::123456789012:assumed-role/Dev/alice is not authorized to perform: ecr:BatchDeleteImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/web with an explicit deny in a service control policy',
			'ecr:BatchDeleteImage',
			'arn:aws:ecr:us-east-1:123456789012:repository/web',
		],
		['resource *', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:ListClusters on resource: *', 'ecs:ListClusters', '*'],
		['resource * then because', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:ListClusters on resource: * because no identity-based policy allows the ecs:ListClusters action', 'ecs:ListClusters', '*'],
		['no resource (EC2)', 'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/ReadOnly/dev is not authorized to perform: ec2:DescribeRouteTables because no identity-based policy allows the ec2:DescribeRouteTables action', 'ec2:DescribeRouteTables', undefined],
		['IAM names the resource by type and name', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:GetRole on resource: role ecsTaskExecutionRole because no identity-based policy allows the iam:GetRole action', 'iam:GetRole', 'role ecsTaskExecutionRole'],
		['IAM, older form without because', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:GetRole on resource: role helloworld-dev', 'iam:GetRole', 'role helloworld-dev'],
		['resource-based policy', 'User: arn:aws:sts::210987654321:assumed-role/ci/run is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-1:123456789012:repository/shared because no resource-based policy allows the ecr:BatchGetImage action', 'ecr:BatchGetImage', 'arn:aws:ecr:eu-west-1:123456789012:repository/shared'],
		['STS assume role', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/Admin', 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/Admin'],
		['unparsed message, action only', 'Access to ecr:PutLifecyclePolicy denied; not authorized to perform: ecr:PutLifecyclePolicy', 'ecr:PutLifecyclePolicy', undefined],
		['nothing to parse', 'Access Denied', undefined, undefined],
	];
	for (const [name, message, action, resource] of cases) {
		test(name, () => {
			const result = toProblem(serviceError('AccessDeniedException', message, 400), {what: WHAT});
			assert.equal(result.kind, 'access-denied');
			assert.equal(result.action, action);
			assert.equal(result.resource, resource);
			if (action) {
				assert.equal(result.why, `Missing permission ${action}${resource ? ` on ${resource}` : ''}.`);
				assert.match(result.next, new RegExp(`Ask for ${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
			} else {
				assert.match(result.why, /^Access denied: /);
				assert.match(result.next, /IAM policy/);
			}
		});
	}

	test('parseAccessDenied returns the principal too', () => {
		assert.deepEqual(parseAccessDenied('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecr:ListImages on resource: arn:aws:ecr:us-east-1:123456789012:repository/web because no identity-based policy allows the ecr:ListImages action'), {
			principal: 'arn:aws:iam::123456789012:user/dev',
			action: 'ecr:ListImages',
			resource: 'arn:aws:ecr:us-east-1:123456789012:repository/web',
		});
		assert.deepEqual(parseAccessDenied(''), {});
	});

	test('an access-denied message under another error name is still access denied', () => {
		const result = toProblem(serviceError('SomethingException', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: logs:GetLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:x', 400), {what: WHAT});
		assert.equal(result.kind, 'access-denied');
		assert.equal(result.action, 'logs:GetLogEvents');
	});
});

describe('problem()', () => {
	const cases: [ProblemKind, boolean][] = [
		['access-denied', false],
		['no-credentials', false],
		['not-found', true],
		['network', true],
		['no-region', true],
	];
	for (const [kind, retryable] of cases) {
		test(`${kind} retryable=${retryable}`, () => {
			const result = problem(kind, 'Checking the region', 'No region is configured.', 'Pass --region.');
			assert.equal(result.kind, kind);
			assert.equal(result.retryable, retryable);
			assert.equal(isProblem(result), true);
		});
	}
	test('extra fields override', () => {
		const result = problem('access-denied', 'w', 'y', 'n', {action: 'ecr:ListImages', retryable: true});
		assert.equal(result.action, 'ecr:ListImages');
		assert.equal(result.retryable, true);
	});
});
