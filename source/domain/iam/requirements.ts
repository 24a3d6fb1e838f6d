/**
 * What a task execution role must be allowed to do, given what the task uses. The managed
 * AmazonECSTaskExecutionRolePolicy grants the ECR and log-stream actions on "*"; everything
 * else depends on the task definition. [DOC task_execution_IAM_role; spec E]
 */
import type {CheckId} from '../diagnosis/types.js';

/** Features of the task definition that need extra permissions. */
export type ExecutionRoleNeeds = {
	/** awslogs: the log group ARNs, and whether `awslogs-create-group` is "true". */
	readonly logs?: {readonly createGroup: boolean; readonly logGroupArns: readonly string[]};
	/** Secrets Manager ARNs from `secrets[].valueFrom` / `repositoryCredentials` (JSON-key suffixes allowed). */
	readonly secrets?: readonly string[];
	/** SSM parameter ARNs from `secrets[].valueFrom`. */
	readonly ssmParameters?: readonly string[];
	/** Customer managed KMS key ARNs protecting those secrets/parameters. */
	readonly kmsKeys?: readonly string[];
};

/** One permission requirement; a check is built per requirement. */
export type Requirement = {
	readonly id: CheckId;
	readonly title: string;
	readonly actions: readonly string[];
	/** The resource IAM evaluates the actions against. */
	readonly resource: string;
	/** Set when `resource` is an ECR repository, so its repository policy applies too. */
	readonly repositoryArn?: string;
	/** Status when the permission is missing: `warn` for ones that do not block a pull. */
	readonly severity: 'fail' | 'warn';
	/** Why the task needs it, for evidence text. */
	readonly purpose: string;
};

/** The pull actions ECR checks on a repository. [DOC ECR repository-policy examples] */
export const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] as const;

/** `repository/team/web` → `team/web`. */
export function repositoryNameOf(repositoryArn: string): string {
	return repositoryArn.replace(/^arn:[^:]+:ecr:[^:]*:\d*:repository\//, '');
}

/**
 * A secret ARN without the ECS `:json-key:version-stage:version-id` suffix: IAM evaluates
 * GetSecretValue against the secret itself. [DOC specifying-sensitive-data]
 */
export function secretBaseArn(valueFrom: string): string {
	return valueFrom.split(':').slice(0, 7).join(':');
}

// A log group ARN as DescribeLogGroups prints it ends with `:*`; IAM sees the group or stream.
function logGroupBase(arn: string): string {
	return arn.replace(/:\*$/, '').replace(/:log-stream:.*$/, '');
}

/**
 * Requirements for the execution role. GetAuthorizationToken is only required when the
 * task pulls from ECR private repositories. Logs actions are evaluated on
 * `<group>:log-stream:*` (streams) and `<group>:log-stream:` (CreateLogGroup), the resource
 * shapes CloudWatch Logs reports in its AccessDenied errors [OBS; INF].
 */
export function executionRoleRequirements({repositoryArns, needs = {}}: {repositoryArns: readonly string[]; needs?: ExecutionRoleNeeds}): Requirement[] {
	const requirements: Requirement[] = [];
	if (repositoryArns.length > 0) {
		requirements.push({
			id: 'iam:ecr-auth',
			title: 'ecr:GetAuthorizationToken on *',
			actions: ['ecr:GetAuthorizationToken'],
			resource: '*',
			severity: 'fail',
			purpose: 'log in to ECR before any pull',
		});
	}
	for (const repositoryArn of repositoryArns) {
		const name = repositoryNameOf(repositoryArn);
		requirements.push(
			{id: 'iam:ecr-pull', title: `pull from ${name}`, actions: PULL_ACTIONS, resource: repositoryArn, repositoryArn, severity: 'fail', purpose: `pull images from ${name}`},
			{
				id: 'iam:ecr-layer-availability',
				title: `ecr:BatchCheckLayerAvailability on ${name}`,
				actions: ['ecr:BatchCheckLayerAvailability'],
				resource: repositoryArn,
				repositoryArn,
				severity: 'warn',
				purpose: `match AmazonECSTaskExecutionRolePolicy for ${name} (not needed to pull)`,
			},
		);
	}
	for (const arn of needs.logs?.logGroupArns ?? []) {
		const group = logGroupBase(arn);
		requirements.push({
			id: 'iam:logs',
			title: `write logs to ${group.replace(/^.*:log-group:/, '')}`,
			actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
			resource: `${group}:log-stream:*`,
			severity: 'fail',
			purpose: 'create the awslogs stream and send log events',
		});
		if (needs.logs?.createGroup === true) {
			requirements.push({
				id: 'iam:logs',
				title: `logs:CreateLogGroup for ${group.replace(/^.*:log-group:/, '')}`,
				actions: ['logs:CreateLogGroup'],
				resource: `${group}:log-stream:`,
				severity: 'fail',
				purpose: 'create the log group (awslogs-create-group is "true"; the managed policy lacks this)',
			});
		}
	}
	for (const secret of needs.secrets ?? []) {
		const base = secretBaseArn(secret);
		requirements.push({id: 'iam:secrets', title: `read secret ${base.split(':').at(-1) ?? base}`, actions: ['secretsmanager:GetSecretValue'], resource: base, severity: 'fail', purpose: 'inject a Secrets Manager secret'});
	}
	for (const parameter of needs.ssmParameters ?? []) {
		requirements.push({id: 'iam:ssm', title: `read parameter ${parameter.replace(/^.*:parameter/, '')}`, actions: ['ssm:GetParameters'], resource: parameter, severity: 'fail', purpose: 'inject an SSM parameter'});
	}
	for (const key of needs.kmsKeys ?? []) {
		requirements.push({id: 'iam:kms', title: `decrypt with ${key.split('/').at(-1) ?? key}`, actions: ['kms:Decrypt'], resource: key, severity: 'fail', purpose: 'decrypt secrets encrypted with a customer managed key'});
	}
	return requirements;
}
