import {hexId} from '../ids.js';
import {parseRoleArn} from '../world/iam.js';

/**
 * The exact texts ECS and the Fargate agent write into `stoppedReason` and
 * `containers[].reason` for the failures the simulator reproduces (aws-semantics.md C.2; forms
 * observed in public issue threads [OBS]). Addresses in `dial tcp <ip>:443` follow the D.2
 * tip: a public address when the name resolved publicly (no private-DNS endpoint in use), the
 * endpoint ENI's private address when an interface endpoint answered.
 */

/**
 * Public addresses of the service hosts, per service; stable per task so a task's messages
 * agree. The S3 ones lie inside the us-east-1 S3 prefix list, as real layer-bucket IPs do.
 */
const PUBLIC_IPS: Record<string, readonly string[]> = {
	'ecr-api': ['52.94.226.14', '3.227.250.133', '52.46.158.4'],
	'ecr-dkr': ['44.213.79.86', '52.0.111.46', '3.216.210.201'],
	s3: ['52.216.185.42', '54.231.134.80', '3.5.25.112'],
	logs: ['52.46.133.7', '3.236.94.200'],
	secretsmanager: ['52.46.145.180', '3.210.144.33'],
	ssm: ['52.46.141.166', '3.210.146.19'],
	kms: ['52.46.136.71'],
};

/** A public address of the service behind `dependency`, chosen by `seed`. */
export function publicAddress(dependency: string, seed: string): string {
	const list = PUBLIC_IPS[dependency] ?? ['52.94.0.1'];
	return list[Number.parseInt(hexId(seed, 6), 16) % list.length] ?? '52.94.0.1';
}

/** A request id in AWS's UUID form, stable per seed. */
export function requestId(seed: string): string {
	const hex = hexId(`request/${seed}`, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const RESOURCE_INIT = 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed';

/** The assumed-role ARN the agent acts as: the task id is the session name. */
export function executionPrincipal(roleArn: string, taskId: string): string {
	const role = parseRoleArn(roleArn);
	if (!role) return roleArn;
	return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.name}/${taskId}`;
}

/** No network path to api.ecr (PV 1.4.0+ fetches the registry token itself). */
export function registryAuthTimeout(region: string, ip: string): string {
	return `${RESOURCE_INIT}: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.${region}.amazonaws.com/": dial tcp ${ip}:443: i/o timeout. Please check your task network configuration.`;
}

/** The execution role may not call ecr:GetAuthorizationToken (the brief's exact wording). */
export function registryAuthDenied(principal: string, seed: string): string {
	return `${RESOURCE_INIT}: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: ${principal} is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action status code: 400, request id: ${requestId(seed)}`;
}

/** The execution role cannot be assumed (missing, or its trust policy does not name ecs-tasks). */
export function assumeRoleFailed(roleArn: string): string {
	return `${RESOURCE_INIT}: unable to retrieve ecr registry auth: failed to assume the task execution role: AccessDenied: ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions.`;
}

/** No network path to Secrets Manager. */
export function secretsTimeout(secretArn: string, region: string, ip: string): string {
	return `${RESOURCE_INIT}: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret ${secretArn} from secrets manager: RequestError: send request failed caused by: Post "https://secretsmanager.${region}.amazonaws.com/": dial tcp ${ip}:443: i/o timeout`;
}

/** The execution role may not read the secret. */
export function secretsDenied(secretArn: string, principal: string, seed: string): string {
	return `${RESOURCE_INIT}: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${secretArn} from secrets manager: AccessDeniedException: User: ${principal} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretArn} because no identity-based policy allows the secretsmanager:GetSecretValue action status code: 400, request id: ${requestId(seed)}`;
}

/** No network path to SSM Parameter Store. */
export function ssmTimeout(region: string, ip: string): string {
	return `${RESOURCE_INIT}: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestError: send request failed caused by: Post "https://ssm.${region}.amazonaws.com/": dial tcp ${ip}:443: i/o timeout`;
}

/** No path to the registry host (*.dkr.ecr): the manifest request times out. */
export function manifestTimeout(image: string, host: string, repository: string, reference: string, ip: string): string {
	return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${image}: failed to do request: Head "https://${host}/v2/${repository}/manifests/${reference}": dial tcp ${ip}:443: i/o timeout`;
}

/** The tag or digest does not exist where the URI points (deleted tag, wrong Region). */
export function imageNotFound(image: string): string {
	return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${image}: ${image}: not found`;
}

/** The execution role may not pull from the repository. */
export function pullDenied(host: string, repository: string, principal: string, repositoryArn: string): string {
	return `CannotPullContainerError: pull access denied for ${host}/${repository}, repository does not exist or may require 'docker login': denied: User: ${principal} is not authorized to perform: ecr:BatchGetImage on resource: ${repositoryArn} because no identity-based policy allows the ecr:BatchGetImage action`;
}

/** Layers live in S3; without a path to the layer bucket the download times out. */
export function layerDownloadTimeout(region: string, account: string, ip: string, seed: string): string {
	const object = `${hexId(`${seed}/layer-a`, 4)}-${account}-${hexId(`${seed}/layer-b`, 4)}/${requestId(`${seed}/layer`)}`;
	return `CannotPullContainerError: ref pull has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-${region}-starport-layer-bucket.s3.${region}.amazonaws.com/${object}": dial tcp ${ip}:443: i/o timeout`;
}

/** awslogs cannot create its stream: the log driver gives up and the task fails to start. */
export function logsTimeout(region: string, ip: string): string {
	return `ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: RequestError: send request failed caused by: Post "https://logs.${region}.amazonaws.com/": dial tcp ${ip}:443: i/o timeout : signal: killed`;
}

/** The subnet has no free address for the task's ENI [INF: wording assembled from ECS placement failures]. */
export function noFreeAddress(subnetId: string): string {
	return `Reason: The subnet ${subnetId} does not have enough free IP addresses for the task's network interface.`;
}
