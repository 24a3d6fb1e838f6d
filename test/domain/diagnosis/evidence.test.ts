import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {classifyReason} from '../../../source/domain/diagnosis/catalog.js';
import {addressKind, destinationOfHost, extractEvidence} from '../../../source/domain/diagnosis/evidence.js';

describe('addressKind', () => {
	const cases: Array<[string, ReturnType<typeof addressKind>]> = [
		['10.0.1.94', 'private'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['172.40.1.94', 'public'],
		['192.168.1.1', 'private'],
		['100.64.0.10', 'private'],
		['52.46.158.4', 'public'],
		['fd12:3456::1', 'private'],
		['2600:1f18::1', 'public'],
		['api.ecr.us-east-1.amazonaws.com', 'hostname'],
	];
	for (const [address, kind] of cases) test(`${address} -> ${kind}`, () => assert.equal(addressKind(address), kind));
});

describe('destinationOfHost', () => {
	const cases: Array<[string, ReturnType<typeof destinationOfHost>]> = [
		['api.ecr.us-east-1.amazonaws.com', 'ecr-api'],
		['api.ecr-fips.us-east-1.amazonaws.com', 'ecr-api'],
		['123456789012.dkr.ecr.us-east-1.amazonaws.com', 'ecr-dkr'],
		['prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com', 's3'],
		['logs.eu-west-1.amazonaws.com', 'logs'],
		['secretsmanager.us-east-1.amazonaws.com', 'secretsmanager'],
		['ssm.us-east-1.amazonaws.com', 'ssm'],
		['registry-1.docker.io', 'internet'],
	];
	for (const [host, destination] of cases) test(`${host} -> ${destination}`, () => assert.equal(destinationOfHost(host), destination));
});

describe('extractEvidence', () => {
	test('public dial address: no private-DNS endpoint in use', () => {
		const evidence = extractEvidence('RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.46.158.4:443: i/o timeout');
		assert.deepEqual(evidence.hosts, ['api.ecr.us-east-1.amazonaws.com']);
		assert.equal(evidence.destination, 'ecr-api');
		assert.equal(evidence.dial?.address, '52.46.158.4');
		assert.equal(evidence.dial?.port, 443);
		assert.equal(evidence.dial?.kind, 'public');
		assert.match(evidence.dial?.hint ?? '', /no interface endpoint with private DNS/);
	});

	test('private dial address: endpoint exists, something drops 443', () => {
		const evidence = extractEvidence('Head "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/v1": dial tcp 10.0.2.15:443: i/o timeout');
		assert.equal(evidence.destination, 'ecr-dkr');
		assert.equal(evidence.dial?.kind, 'private');
		assert.match(evidence.dial?.hint ?? '', /security group/);
	});

	test('DNS lookup failure names the host', () => {
		const evidence = extractEvidence('failed to do request: Head "https://public.ecr.aws/v2/x/manifests/1": dial tcp: lookup public.ecr.aws on 10.0.2.3:53: read udp 10.0.2.100:57540->10.0.2.3:53: i/o timeout');
		assert.equal(evidence.dial?.kind, 'hostname');
		assert.equal(evidence.dial?.address, 'public.ecr.aws');
		assert.match(evidence.dial?.hint ?? '', /DNS/);
	});

	test('service named in the newer wording when no host is present', () => {
		assert.equal(extractEvidence('There is a connection issue between the task and AWS Secrets Manager.').destination, 'secretsmanager');
		assert.equal(extractEvidence('There is a connection issue between the task and Amazon CloudWatch.').destination, 'logs');
	});

	test('"the registry" resolves to the image registry', () => {
		const evidence = extractEvidence(
			"The task cannot pull '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1' from the registry. There is a connection issue between the task and the registry.",
		);
		assert.equal(evidence.destination, 'ecr-dkr');
		assert.equal(evidence.imageReference?.repository, 'web');
	});

	test('access denied: principal, action, resource, implicit identity denial', () => {
		const evidence = extractEvidence(
			'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/4f1c is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action',
		);
		assert.deepEqual(evidence.accessDenied, {
			principal: 'arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/4f1c',
			action: 'ecr:GetAuthorizationToken',
			resource: '*',
			denial: 'implicit',
			policyType: 'identity-based',
		});
	});

	test('access denied: explicit deny in an SCP', () => {
		const evidence = extractEvidence(
			'User: arn:aws:sts::123456789012:assumed-role/exec/x is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/web with an explicit deny in a service control policy',
		);
		assert.equal(evidence.accessDenied?.denial, 'explicit');
		assert.equal(evidence.accessDenied?.policyType, 'service control');
		assert.equal(evidence.accessDenied?.resource, 'arn:aws:ecr:us-east-1:123456789012:repository/web');
	});

	test('access denied: resource-based policy missing (cross-account hint)', () => {
		const evidence = extractEvidence(
			'denied: User: arn:aws:iam::111111111111:user/me is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-west-2:328549459982:repository/x because no resource-based policy allows the ecr:BatchGetImage action',
		);
		assert.equal(evidence.accessDenied?.policyType, 'resource-based');
	});

	test('secret ARN, parameters and log group', () => {
		assert.equal(
			extractEvidence('failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf from secrets manager').secretArn,
			'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
		);
		assert.deepEqual(extractEvidence('invalid parameters: /app/a, /app/b').parameters, ['/app/a', '/app/b']);
		assert.equal(extractEvidence("log group '/ecs/web' does not exist").logGroup, '/ecs/web');
	});

	test('classification carries the evidence', () => {
		const result = classifyReason(
			"CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/test_image, repository does not exist or may require 'docker login': denied: User: arn:aws:sts::123456789012:assumed-role/BrokenRole/xyz is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/test_image because no identity-based policy allows the ecr:BatchGetImage action",
		);
		assert.equal(result.kind, 'classified');
		if (result.kind !== 'classified') return;
		assert.equal(result.evidence.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/test_image');
		assert.equal(result.evidence.accessDenied?.action, 'ecr:BatchGetImage');
		assert.equal(result.evidence.imageReference?.account, '123456789012');
	});

	test('private registry credentials denied', () => {
		const result = classifyReason(
			'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to get registry auth from asm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/x is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf',
		);
		assert.equal(result.kind === 'classified' && result.entry.id, 'private-registry-auth-denied');
	});
});
