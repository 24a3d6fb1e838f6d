import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {CATALOG, catalogEntry, classifyReason, classifyTask, type CatalogEntryId} from '../../../source/domain/diagnosis/catalog.js';
import {aTask, at} from '../tasks/task-builder.js';

// Real-world stop reasons. Account ids, ARNs and digests are anonymised; otherwise the text is
// as AWS printed it in the cited source. [DOC] AWS docs / KC, [AGENT] amazon-ecs-agent,
// [OBS] a user's paste in the cited GitHub issue, [SPEC] quoted in aws-semantics.md C.2,
// [BUILT] assembled from documented fragments where no full verbatim copy was found.
const reasons: Array<[string, CatalogEntryId, string]> = [
	// --- registry auth ---
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 5 time(s): RequestError: send request failed caused by: Post https://api.ecr.us-east-1.amazonaws.com/: dial tcp 52.46.158.4:443: i/o timeout',
		'registry-auth-network',
		'[OBS aws/aws-app-mesh-examples#413, completed per KC ecs-unable-to-pull-secrets]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 172.40.1.94:443: i/o timeout',
		'registry-auth-network',
		'[OBS aws/copilot-cli#5927]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded',
		'registry-auth-network',
		'[SPEC C.2 #1]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/4f1c2d3e is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action status code: 400',
		'registry-auth-access-denied',
		'[SPEC C.2 #2; denial wording OBS buildkite/elastic-ci-stack-for-aws#193]',
	],
	[
		'CannotPullECRContainerError: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/TilesContainerRole/abc is not authorized to perform: ecr:GetAuthorizationToken on r',
		'registry-auth-access-denied',
		'[OBS OvertureMaps/overture-tiles#20, truncated by AWS Batch]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: pull command failed: : signal: killed',
		'resource-init-killed',
		'[DOC KC ecs-unable-to-pull-secrets]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to get registry auth from asm: service call has been retried 5 time(s): asm fetching secret from the service for arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf: RequestError: send request failed caused by: Post https://secretsmanager.us-east-1.amazonaws.com/: dial tcp 3.5.1.2:443: i/o timeout',
		'private-registry-auth-network',
		'[OBS aws-samples/keycloak-on-aws#222, completed]',
	],
	// --- secrets ---
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-west-2:123456789012:secret:DBPasswordSecret-AbCdEf from secrets manager: RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.',
		'secrets-manager-network',
		'[OBS Releem/releem-agent#195]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull secrets from AWS Secrets Manager. There is a connection issue between the task and AWS Secrets Manager. Check your task network configuration.',
		'secrets-manager-network',
		'[SPEC C.2 #3 newer wording]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-Xy12Ab from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-Xy12Ab because no identity-based policy allows the secretsmanager:GetSecretValue action status code: 400',
		'secrets-manager-access-denied',
		'[BUILT from SPEC C.2 #3 + IAM denial wording]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-key from secrets manager: ResourceNotFoundException: Secrets Manager can\'t find the specified secret value for staging label: AWSCURRENT',
		'secrets-manager-not-found',
		'[SPEC C.2 #3 OBS]',
	],
	[
		"The task can't retrieve the secret with ARN 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-key' from AWS Secrets Manager. Check whether the secret exists in the specified Region. ResourceNotFoundException: Secrets Manager can't find the specified secret.",
		'secrets-manager-not-found',
		'[AGENT asm.go enhanced message, aws/amazon-ecs-agent#4181]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:db from secrets manager: AccessDeniedException: Access to KMS is not allowed status code: 400',
		'secrets-kms-denied',
		'[BUILT: Secrets Manager KMS denial text]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded',
		'ssm-network',
		'[OBS umotif-public/terraform-aws-ecs-fargate#50]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull secrets from AWS Systems Manager. There is a connection issue between the task and AWS Systems Manager Parameter Store. Check your task network configuration.',
		'ssm-network',
		'[SPEC C.2 #4 newer wording]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/app-exec/abc is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/db_url because no identity-based policy allows the ssm:GetParameters action',
		'ssm-access-denied',
		'[OBS aws/copilot-cli#3104, completed]',
	],
	[
		'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: /app/prod/DB_PASSWORD',
		'ssm-parameter-missing',
		'[OBS]',
	],
	// --- logs ---
	[
		'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
		'log-group-missing',
		'[SPEC C.2 #6 OBS]',
	],
	[
		'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code: 400',
		'log-group-missing',
		'[OBS Rayraegah/terraform-aws-hasura#25]',
	],
	[
		'ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration. : signal: killed',
		'logs-network',
		'[SPEC C.2 #6 OBS newer wording]',
	],
	['ResourceInitializationError: failed to validate logger args: : signal: killed', 'logs-network', '[OBS]'],
	[
		'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc is not authorized to perform: logs:CreateLogStream on resource: arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:ecs/web/abc because no identity-based policy allows the logs:CreateLogStream action : exit status 1',
		'logs-access-denied',
		'[BUILT from SPEC C.2 #6]',
	],
	['ResourceInitializationError: failed to validate logger args: awslogs-region is required : exit status 1', 'awslogs-options', '[SPEC C.2 #6]'],
	[
		'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "fs-0123abcd.efs.us-east-1.amazonaws.com" - check that your file system ID is correct. : unsuccessful EFS utils command execution; code: 1',
		'efs-mount',
		'[DOC heading + OBS]',
	],
	// --- image pull ---
	[
		'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/tryretool/backend:2.110.5: failed to do request: Head "https://registry-1.docker.io/v2/tryretool/backend/manifests/2.110.5": dial tcp 34.205.13.154:443: i/o timeout',
		'pull-registry-network',
		'[OBS ActionIQ/terraform-aws-retool-ecs-fargate#20]',
	],
	[
		'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v1.2.3: failed to do request: Head "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/v1.2.3": dial tcp 10.0.2.15:443: i/o timeout',
		'pull-registry-network',
		'[SPEC C.2 #8]',
	],
	[
		'CannotPullContainerError: API error (500): Get https://123456789012.dkr.ecr.ap-southeast-2.amazonaws.com/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
		'pull-registry-network',
		'[OBS aws/amazon-ecs-agent#1680]',
	],
	[
		'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/ab12-123456789012-cd34/5e6f": dial tcp 52.217.12.34:443: i/o timeout',
		'pull-layer-download',
		'[SPEC C.2 #9]',
	],
	[
		"CannotPullContainerError: The task cannot pull '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1' from the registry '123456789012.dkr.ecr.us-east-1.amazonaws.com'. There is a connection issue between the task and the registry. Check your task network configuration. : failed to copy: httpReadSeeker: failed open: failed to do request: Get \"https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/x\": dial tcp 54.231.1.1:443: i/o timeout",
		'pull-layer-download',
		'[SPEC C.2 #9 newer wording]',
	],
	[
		'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code https://prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com/abc: 403 Forbidden',
		'pull-layer-download',
		'[SPEC C.2 #9: endpoint policy without s3:GetObject]',
	],
	[
		"CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/test_image, repository does not exist or may require 'docker login': denied: User: arn:aws:sts::123456789012:assumed-role/BrokenRole/xyz is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/test_image because no identity-based policy allows the ecr:BatchGetImage action",
		'pull-access-denied',
		'[AGENT error_messages.go example]',
	],
	[
		'CannotPullContainerError: inspect image has been retried 1 time(s): failed to resolve ref "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1": unexpected status code [manifests v1]: 403 Forbidden',
		'pull-access-denied',
		'[OBS aws/aws-cdk#14457]',
	],
	[
		"CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-west-2.amazonaws.com/web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
		'pull-repository-not-found',
		'[AGENT error_messages.go example]',
	],
	['CannotPullContainerError: API error (404): repository serverless-batch not found: does not exist or no pull access', 'pull-repository-not-found', '[OBS RafalWilinski/deploy-with-serverless#11]'],
	[
		'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3: not found',
		'pull-image-not-found',
		'[SPEC C.2 #12]',
	],
	[
		'CannotPullContainerError: Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/cci:0f6b3cd not found: manifest unknown: Requested image not found',
		'pull-image-not-found',
		'[OBS CircleCI-Public/circleci-demo-aws-ecs-ecr#4, ECR form]',
	],
	[
		'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.',
		'dockerhub-rate-limit',
		'[DOC Docker Hub limits]',
	],
	[
		'CannotPullContainerError: failed to register layer: Error processing tar file(exit status 1): write /usr/lib/libx.so: no space left on device',
		'pull-no-space',
		'[DOC]',
	],
	['CannotPullECRContainerError: ThrottlingException: Rate exceeded status code: 400', 'ecr-throttling', '[OBS aws/amazon-ecs-agent#498]'],
	[
		'CannotPullContainerError: inspect image has been retried 5 time(s): httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/amazon/aws-for-fluent-bit/manifests/sha256:330a24bc',
		'pull-other',
		'[OBS aws/aws-for-fluent-bit#234: Docker Hub, not the S3 layer bucket]',
	],
	// --- timeouts, containers, placement, stops ---
	['DockerTimeoutError: Could not transition to started; timed out after waiting 3m0s', 'fargate-start-timeout', '[OBS aws-actions/amazon-ecs-deploy-task-definition#232 (8m0s on EC2) / KC]'],
	['Timeout waiting for network interface provisioning to complete.', 'eni-provisioning-timeout', '[OBS aws-solutions/distributed-load-testing-on-aws#82]'],
	['OutOfMemoryError: Container killed due to memory usage', 'container-oom', '[DOC stopped-task-error-codes]'],
	['Essential container in task exited', 'essential-container-exited', '[DOC]'],
	['Task failed container health checks', 'container-health-check', '[DOC]'],
	[
		'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/555a47e25c5a1850)',
		'elb-health-check',
		'[OBS boltops-tools/ufo#171]',
	],
	['TaskFailedToStart: RESOURCE:MEMORY', 'capacity-resource', '[DOC api_failures_messages]'],
	[
		'(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 0123abcd) has insufficient memory available.',
		'capacity-resource',
		'[DOC service-event-messages]',
	],
	["(service web) was unable to place a task. Reason: You've reached the limit on the number of vCPUs you can run concurrently", 'concurrency-limit', '[DOC service-event-messages]'],
	['Capacity is unavailable at this time. Please try again later or in a different availability zone', 'capacity-fargate', '[OBS]'],
	['(service web) was unable to place a task. Reason: Internal error.', 'internal-error', '[DOC service-event-messages]'],
	['Your Spot Task was interrupted.', 'spot-interruption', '[DOC]'],
	['ECS is performing maintenance on the underlying infrastructure hosting the task', 'infrastructure-maintenance', '[DOC task-maintenance]'],
	['Task stopped by user', 'user-initiated', '[OBS aws-solutions/distributed-load-testing-on-aws#82]'],
	['Scaling activity initiated by (deployment ecs-svc/1234567890123456789)', 'service-scheduler', '[OBS]'],
	[
		'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/start.sh": permission denied: unknown',
		'cannot-start-container',
		'[OBS]',
	],
	['There is a connection issue between the task and AWS Key Management Service. Check your task network configuration.', 'connection-issue-other', '[BUILT]'],
	['ResourceInitializationError: failed to configure the task network: some new failure', 'resource-initialization-other', '[BUILT]'],
];

describe('classifyReason: real-world reasons', () => {
	for (const [text, id, source] of reasons) {
		test(`${id} ${source}`, () => {
			const result = classifyReason(text);
			assert.equal(result.kind, 'classified', text);
			if (result.kind !== 'classified') return;
			assert.equal(result.entry.id, id, text);
			assert.ok(result.evidence.matched.length > 0);
			assert.ok(text.toLowerCase().includes(result.evidence.matched.toLowerCase()), 'matched text comes from the reason');
		});
	}

	test('at least 30 real-world reasons are covered', () => {
		assert.ok(reasons.length >= 30);
	});

	test('every catalog entry is exercised by at least one reason', () => {
		const covered = new Set(reasons.map(([, id]) => id));
		const missing = CATALOG.map(entry => entry.id).filter(id => !covered.has(id) && id !== 'container-killed' && id !== 'private-registry-auth-denied');
		assert.deepEqual(missing, []);
	});
});

describe('classifyReason: unknown text stays unclassified', () => {
	const unknown = [
		'Something unexpected happened',
		'CannotInspectContainerError: Could not transition to inspecting; timed out after waiting 30s',
		'Task is being deleted',
		'The task definition is invalid for reasons unknown',
		'denied',
	];
	for (const text of unknown) {
		test(JSON.stringify(text), () => {
			assert.deepEqual(classifyReason(text), {kind: 'unclassified', raw: text});
		});
	}

	test('empty text is none', () => {
		assert.deepEqual(classifyReason('  '), {kind: 'none'});
	});
});

describe('catalog entries', () => {
	test('ids are unique and every entry is complete', () => {
		const ids = CATALOG.map(entry => entry.id);
		assert.equal(new Set(ids).size, ids.length);
		for (const entry of CATALOG) {
			assert.ok(entry.title && entry.headline && entry.cause && entry.fix, entry.id);
			assert.match(entry.docs, /^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//, entry.id);
			assert.ok(!entry.fix.includes('\n'), `${entry.id}: fix is one line`);
			assert.ok(entry.checks.every(id => /^(iam|image|network|logs|secrets):[a-z0-9-]+$/.test(id)), entry.id);
		}
	});

	test('catalogEntry finds by id', () => {
		assert.equal(catalogEntry('pull-layer-download').checks[0], 'network:s3');
	});
});

describe('classifyTask', () => {
	test('a container reason beats the generic task reason', () => {
		const task = aTask(
			{lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: 'Essential container in task exited', stoppedAt: at(100)},
			{reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v9: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v9: not found'},
		);
		const result = classifyTask(task);
		assert.equal(result.kind === 'classified' && result.entry.id, 'pull-image-not-found');
		assert.deepEqual(result.kind === 'classified' && result.source, {kind: 'container', container: 'web'});
		assert.equal(result.kind === 'classified' && result.evidence.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v9');
	});

	test('exit 137 without an OOM message is a SIGKILL, not a guessed OOM', () => {
		const task = aTask({lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited'}, {exitCode: 137});
		const result = classifyTask(task);
		assert.equal(result.kind === 'classified' && result.entry.id, 'container-killed');
		assert.equal(result.kind === 'classified' && result.evidence.exitCode, 137);
	});

	test('OOM text beats exit 137', () => {
		const task = aTask({lastStatus: 'STOPPED', stoppedReason: 'Essential container in task exited'}, {exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage'});
		const result = classifyTask(task);
		assert.equal(result.kind === 'classified' && result.entry.id, 'container-oom');
		assert.equal(result.kind === 'classified' && result.evidence.exitCode, 137);
	});

	test('a non-zero exit code is carried into essential-container-exited', () => {
		const task = aTask({lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited'}, {exitCode: 1});
		const result = classifyTask(task);
		assert.equal(result.kind === 'classified' && result.entry.id, 'essential-container-exited');
		assert.equal(result.kind === 'classified' && result.evidence.exitCode, 1);
	});

	test('stop code alone identifies intentional and Spot stops', () => {
		const spot = classifyTask(aTask({lastStatus: 'STOPPED', stopCode: 'SpotInterruption'}));
		assert.equal(spot.kind === 'classified' && spot.entry.id, 'spot-interruption');
		assert.deepEqual(spot.kind === 'classified' && spot.source, {kind: 'stopCode', stopCode: 'SpotInterruption'});
		const user = classifyTask(aTask({lastStatus: 'STOPPED', stopCode: 'UserInitiated'}));
		assert.equal(user.kind === 'classified' && user.entry.id, 'user-initiated');
	});

	test('TaskFailedToStart with an unknown reason stays unclassified with all raw text', () => {
		const task = aTask({lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: 'Something new went wrong'}, {reason: 'and here is more'});
		assert.deepEqual(classifyTask(task), {kind: 'unclassified', raw: 'Something new went wrong\nand here is more'});
	});

	test('a running task has nothing to classify', () => {
		assert.deepEqual(classifyTask(aTask({lastStatus: 'RUNNING'})), {kind: 'none'});
		assert.deepEqual(classifyTask(aTask({lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart'})), {kind: 'none'});
	});
});
