import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {diagnoseTask, type Diagnosis} from '../../../source/domain/diagnosis/diagnose.js';
import {imageChecks} from '../../../source/domain/diagnosis/image-checks.js';
import type {Check} from '../../../source/domain/diagnosis/types.js';
import {checkExecutionRole} from '../../../source/domain/iam/execution-role.js';
import type {TaskRecord} from '../../../source/domain/tasks/types.js';
import {ECS_TASKS_TRUST, MANAGED_EXECUTION_POLICY, REPO_ARN, ROLE_ARN, rfc3986} from '../iam/policies.js';
import {aTask, at} from '../tasks/task-builder.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3';
const managedRoleChecks = checkExecutionRole({
	role: {arn: ROLE_ARN, trustPolicy: rfc3986(ECS_TASKS_TRUST), policies: [{name: 'AmazonECSTaskExecutionRolePolicy', kind: 'aws-managed', document: rfc3986(MANAGED_EXECUTION_POLICY)}]},
	repositoryArns: [REPO_ARN],
});

function network(id: string, status: Check['status'], evidence: string, extra: Partial<Check> = {}): Check {
	return {id, group: 'network', title: id.replace('network:', ''), status, evidence, method: 'evaluated', ...extra};
}

/** A Fargate task that stalled and then stopped with `stoppedReason`. */
function failedTask(stoppedReason: string, overrides: Partial<TaskRecord> = {}): TaskRecord {
	return aTask({
		lastStatus: 'STOPPED',
		desiredStatus: 'STOPPED',
		stopCode: 'TaskFailedToStart',
		stoppedReason,
		stoppingAt: at(175),
		executionStoppedAt: at(178),
		stoppedAt: at(190),
		...overrides,
	});
}

function problem(diagnosis: Diagnosis): Extract<Diagnosis, {kind: 'problem'}> {
	assert.equal(diagnosis.kind, 'problem', JSON.stringify(diagnosis, null, 2));
	return diagnosis as Extract<Diagnosis, {kind: 'problem'}>;
}

describe('diagnoseTask: the demo failures', () => {
	test('missing ecr:GetAuthorizationToken', () => {
		const task = failedTask(
			'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/8d1e is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action status code: 400',
		);
		const pullOnly = checkExecutionRole({
			role: {
				arn: ROLE_ARN,
				trustPolicy: rfc3986(ECS_TASKS_TRUST),
				policies: [{name: 'pull', kind: 'inline', document: rfc3986({Statement: [{Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: REPO_ARN}]})}],
			},
			repositoryArns: [REPO_ARN],
		});
		const checks = [...pullOnly, network('network:route', 'pass', '0.0.0.0/0 → nat-0abc (available) in rtb-0priv')];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, 'the execution role may not call ecr:GetAuthorizationToken: no policy of role ecsTaskExecutionRole allows ecr:GetAuthorizationToken on *');
		assert.deepEqual(result.confirmedBy, ['iam:ecr-auth']);
		assert.deepEqual(result.contradictedBy, []);
		assert.match(result.fix, /aws iam put-role-policy --role-name ecsTaskExecutionRole .*"Action":\["ecr:GetAuthorizationToken"\],"Resource":"\*"/);
		assert.ok(result.evidence.some(line => line.startsWith('access denied: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/8d1e → ecr:GetAuthorizationToken on *')));
		assert.deepEqual(result.basis, {kind: 'catalog', entryId: 'registry-auth-access-denied', family: 'registry-auth', docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html'});
	});

	test('private subnet whose NAT route is a blackhole', () => {
		const task = failedTask(
			'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.94.226.14:443: i/o timeout',
		);
		const checks = [
			...managedRoleChecks,
			network('network:route', 'fail', 'the NAT route in rtb-x is a blackhole', {resourceId: 'rtb-x', fix: 'Point 0.0.0.0/0 in rtb-x at an available NAT gateway: aws ec2 replace-route --route-table-id rtb-x --destination-cidr-block 0.0.0.0/0 --nat-gateway-id nat-NEW'}),
			network('network:sg-egress', 'pass', 'sg-0app allows TCP 443 to 0.0.0.0/0'),
			network('network:nacl', 'pass', 'acl-0def allows TCP 443 out and 1024-65535 in'),
		];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, 'cannot reach ECR: the NAT route in rtb-x is a blackhole');
		assert.deepEqual(result.confirmedBy, ['network:route']);
		assert.match(result.fix, /aws ec2 replace-route --route-table-id rtb-x/);
		assert.ok(result.evidence.some(line => /52\.94\.226\.14 is a public address: no interface endpoint with private DNS/.test(line)));
		assert.ok(result.evidence.includes('[fail] route: the NAT route in rtb-x is a blackhole'));
	});

	test('isolated subnet with ecr.api and ecr.dkr endpoints but no S3 gateway endpoint', () => {
		const task = failedTask(
			"CannotPullContainerError: The task cannot pull '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3' from the registry '123456789012.dkr.ecr.us-east-1.amazonaws.com'. There is a connection issue between the task and the registry. Check your task network configuration. : failed to copy: httpReadSeeker: failed open: failed to do request: Get \"https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/7b1e-123456789012-a0c3/3c2f\": dial tcp 52.216.185.42:443: i/o timeout",
			{pullStartedAt: at(40)},
		);
		const checks = [
			...managedRoleChecks,
			...imageChecks({image: IMAGE, taskRegion: 'us-east-1', lookup: {kind: 'found', imageDigest: 'sha256:1111'}, egress: 'endpoints-only'}),
			network('network:route', 'fail', 'rtb-0iso has no default route (no NAT gateway or internet gateway)'),
			network('network:ecr-api', 'pass', 'interface endpoint vpce-0api (com.amazonaws.us-east-1.ecr.api) with private DNS'),
			network('network:ecr-dkr', 'pass', 'interface endpoint vpce-0dkr (com.amazonaws.us-east-1.ecr.dkr) with private DNS'),
			network('network:s3', 'fail', "You have enabled ECR related private endpoints ['ecr.dkr', 'ecr.api'], however the S3 gateway endpoint is missing from rtb-0iso", {
				fix: 'aws ec2 create-vpc-endpoint --vpc-id vpc-0iso --vpc-endpoint-type Gateway --service-name com.amazonaws.us-east-1.s3 --route-table-ids rtb-0iso',
			}),
		];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, "cannot download image layers from S3: You have enabled ECR related private endpoints ['ecr.dkr', 'ecr.api'], however the S3 gateway endpoint is missing from rtb-0iso");
		assert.deepEqual(result.confirmedBy, ['network:s3', 'network:route']);
		assert.match(result.fix, /create-vpc-endpoint .*--vpc-endpoint-type Gateway .*com\.amazonaws\.us-east-1\.s3/);
	});

	test('security group blocking egress 443', () => {
		const task = failedTask(
			'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 10.0.128.17:443: i/o timeout',
		);
		const checks = [
			...managedRoleChecks,
			network('network:route', 'pass', 'rtb-0priv: 10.0.0.0/16 → local (interface endpoints reached locally)'),
			network('network:sg-egress', 'fail', 'task security group sg-0app allows no outbound TCP 443 (egress: tcp 5432 → 10.0.0.0/16)', {
				fix: 'aws ec2 authorize-security-group-egress --group-id sg-0app --ip-permissions IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=10.0.0.0/16}]',
			}),
		];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, 'cannot reach ECR: task security group sg-0app allows no outbound TCP 443 (egress: tcp 5432 → 10.0.0.0/16)');
		assert.deepEqual(result.confirmedBy, ['network:sg-egress']);
		assert.match(result.fix, /authorize-security-group-egress --group-id sg-0app/);
		assert.ok(result.evidence.some(line => /10\.0\.128\.17 is a VPC-private address: .*security group/.test(line)), 'the private IP points at an endpoint that exists');
	});

	test('deleted tag: CannotPullContainerError not found', () => {
		const task = failedTask(
			`CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${IMAGE}: ${IMAGE}: not found`,
			{pullStartedAt: at(35)},
		);
		const checks = [...managedRoleChecks, ...imageChecks({image: IMAGE, taskRegion: 'us-east-1', lookup: {kind: 'image-not-found'}})];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, 'the image tag or digest does not exist: web has no image v1.2.3 in 123456789012/us-east-1: deleted, expired by a lifecycle rule, or never pushed');
		assert.deepEqual(result.confirmedBy, ['image:exists']);
		assert.deepEqual(result.contradictedBy, []);
		assert.match(result.fix, /aws ecr describe-images --repository-name web/);
	});

	test('image in another Region, task in an endpoint-only subnet', () => {
		const foreignImage = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3';
		const task = failedTask(
			'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 3.227.250.133:443: i/o timeout',
			{taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/demo/abc', availabilityZone: 'eu-west-1a', containers: [{name: 'web', image: foreignImage}]},
		);
		const checks = [
			...imageChecks({image: foreignImage, taskRegion: 'eu-west-1', lookup: {kind: 'found'}, egress: 'endpoints-only'}),
			network('network:ecr-api', 'pass', 'interface endpoint vpce-0api (com.amazonaws.eu-west-1.ecr.api) with private DNS'),
		];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, 'cannot reach ECR: the image is in us-east-1 but the task runs in eu-west-1 with only VPC endpoints, which serve their own Region only');
		assert.deepEqual(result.confirmedBy, ['image:region']);
		assert.ok(result.evidence.includes('the image registry is in us-east-1, the task runs in eu-west-1'));
		assert.match(result.fix, /Replicate the repository to eu-west-1/);
	});

	test('image URI names the wrong Region: repository not found there', () => {
		const wrong = '123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v1.2.3';
		const task = failedTask(
			`CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-west-2.amazonaws.com/web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
			{containers: [{name: 'web', image: wrong}]},
		);
		const checks = imageChecks({image: wrong, taskRegion: 'us-east-1', lookup: {kind: 'repository-not-found', existsInRegions: ['us-east-1']}});
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.equal(result.verdict, 'the repository does not exist where the image URI points: the image URI names us-west-2, but repository web exists in us-east-1');
		assert.deepEqual(result.confirmedBy, ['image:region', 'image:exists']);
		assert.equal(result.fix, 'Use 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3 in the task definition');
	});
});

describe('diagnoseTask: other outcomes', () => {
	test('without checks the verdict comes from the reason itself', () => {
		const task = failedTask(
			'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 5 time(s): RequestError: send request failed caused by: Post https://api.ecr.us-east-1.amazonaws.com/: dial tcp 52.46.158.4:443: i/o timeout',
		);
		const result = problem(diagnoseTask({task, now: at(300)}));
		assert.equal(result.verdict, 'cannot reach ECR: the connection to api.ecr.us-east-1.amazonaws.com (52.46.158.4) timed out');
		assert.deepEqual(result.confirmedBy, []);
		assert.match(result.fix, /NAT gateway/);
	});

	test('passing checks contradict the cause and say so', () => {
		const task = failedTask('ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: RequestCanceled: request context canceled caused by: context deadline exceeded');
		const checks = [network('network:ecr-api', 'pass', 'api.ecr reachable via nat-0abc'), network('network:route', 'pass', '0.0.0.0/0 → nat-0abc')];
		const result = problem(diagnoseTask({task, checks, now: at(300)}));
		assert.deepEqual(result.contradictedBy, ['network:ecr-api']);
		assert.ok(result.evidence.some(line => /may have been fixed, or been transient/.test(line)));
	});

	test('a failing check about another destination does not confirm', () => {
		const task = failedTask('ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: context deadline exceeded');
		const result = problem(diagnoseTask({task, checks: [network('network:s3', 'fail', 'no S3 gateway endpoint')], now: at(300)}));
		assert.deepEqual(result.confirmedBy, []);
	});

	test('essential container exit code is explained', () => {
		const task = aTask({lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', startedAt: at(60), stoppedAt: at(400)}, {exitCode: 127});
		const result = problem(diagnoseTask({task, now: at(500)}));
		assert.equal(result.verdict, 'an essential container exited: container web stopped with exit code 127 (command not found (check entryPoint/command and the image))');
	});

	test('a job whose containers all exited 0 completed normally', () => {
		const task = aTask({lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited', startedAt: at(60)}, {exitCode: 0});
		const result = diagnoseTask({task, now: at(500)});
		assert.equal(result.kind, 'healthy');
		assert.equal(result.kind === 'healthy' && result.summary, 'completed: every container exited 0');
	});

	test('user and scheduler stops are not problems', () => {
		for (const stoppedReason of ['Task stopped by user', 'Scaling activity initiated by (deployment ecs-svc/1234567890123456789)']) {
			const result = diagnoseTask({task: aTask({lastStatus: 'STOPPED', stoppedReason, startedAt: at(60)}), now: at(500)});
			assert.equal(result.kind, 'healthy', stoppedReason);
		}
	});

	test('running task: healthy, failing checks become notes', () => {
		const task = aTask({lastStatus: 'RUNNING', startedAt: at(60)});
		const result = diagnoseTask({task, checks: [network('network:route', 'fail', 'the NAT route in rtb-x is a blackhole')], now: at(500)});
		assert.equal(result.kind, 'healthy');
		assert.deepEqual(result.kind === 'healthy' && result.notes, ['would block the next start: [fail] route: the NAT route in rtb-x is a blackhole']);
	});

	test('unrecognised start failure with a failing check: the check is the verdict', () => {
		const task = failedTask('Something new and strange happened');
		const result = problem(diagnoseTask({task, checks: [...managedRoleChecks, network('network:route', 'fail', 'the NAT route in rtb-x is a blackhole')], now: at(300)}));
		assert.equal(result.verdict, 'route: the NAT route in rtb-x is a blackhole');
		assert.deepEqual(result.basis, {kind: 'checks'});
	});

	test('unrecognised failure and no failing check: inconclusive with the raw reason', () => {
		const task = failedTask('Something new and strange happened');
		const result = diagnoseTask({task, checks: managedRoleChecks, now: at(300)});
		assert.equal(result.kind, 'inconclusive');
		if (result.kind !== 'inconclusive') return;
		assert.equal(result.raw, 'Something new and strange happened');
		assert.deepEqual(result.missing, ['a stop reason ecrtui recognises', 'a failing live check (none of the checks run so far fails)']);
	});

	test('stalled in PENDING before the pull: verdict from the phase and the checks', () => {
		const task = aTask({lastStatus: 'PENDING', connectivityAt: at(25)});
		const checks = [...managedRoleChecks, network('network:route', 'fail', 'the NAT route in rtb-x is a blackhole')];
		const result = problem(diagnoseTask({task, checks, now: at(150)}));
		assert.equal(result.verdict, 'stuck getting registry auth, secrets and log setup: the NAT route in rtb-x is a blackhole');
		assert.deepEqual(result.basis, {kind: 'stall', phase: 'pre-pull'});
		assert.ok(result.evidence.includes('PENDING for 2m 30s (since createdAt)'));
		assert.ok(result.evidence.includes('Fargate stops tasks not RUNNING within ~3 min'));
	});

	test('stalled pulling with no checks yet: inconclusive, naming the checks to run', () => {
		const task = aTask({lastStatus: 'PENDING', pullStartedAt: at(30)});
		const result = diagnoseTask({task, now: at(400), stallThresholdMs: 60_000});
		assert.equal(result.kind, 'inconclusive');
		assert.ok(result.kind === 'inconclusive' && result.missing.includes('check network:s3'));
	});

	test('still within the threshold: starting, not a problem', () => {
		const result = diagnoseTask({task: aTask({lastStatus: 'PROVISIONING'}), now: at(20)});
		assert.deepEqual(result, {kind: 'healthy', summary: 'starting: attaching the network interface', notes: ['PROVISIONING for 20s (since createdAt)']});
	});

	test('a starting task already told to stop is not called starting', () => {
		const result = diagnoseTask({task: aTask({lastStatus: 'PENDING', desiredStatus: 'STOPPED'}), now: at(400)});
		assert.equal(result.kind === 'healthy' && result.summary, 'task is PENDING (desired STOPPED)');
	});

	test('a stopped task with no reason at all is inconclusive', () => {
		const result = diagnoseTask({task: aTask({lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', startedAt: at(10)}), now: at(300)});
		assert.equal(result.kind, 'inconclusive');
		assert.ok(result.kind === 'inconclusive' && result.missing[0] === 'a stoppedReason (ECS recorded none)');
	});
});
