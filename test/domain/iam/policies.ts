// Policy fixtures for the IAM tests: the documented managed policy, trust policies, and an
// RFC 3986 encoder that mimics how IAM returns documents.
import type {PolicyDocument} from '../../../source/domain/iam/policy-document.js';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
export const REPO_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/web`;
export const OTHER_REPO_ARN = `arn:aws:ecr:us-east-1:${OTHER_ACCOUNT}:repository/shared/base`;

/** AmazonECSTaskExecutionRolePolicy as documented. [DOC task_execution_IAM_role; spec E] */
export const MANAGED_EXECUTION_POLICY: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [
		{
			Effect: 'Allow',
			Action: [
				'ecr:GetAuthorizationToken',
				'ecr:BatchCheckLayerAvailability',
				'ecr:GetDownloadUrlForLayer',
				'ecr:BatchGetImage',
				'logs:CreateLogStream',
				'logs:PutLogEvents',
			],
			Resource: '*',
		},
	],
};

export const ECS_TASKS_TRUST: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [{Sid: '', Effect: 'Allow', Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'}],
};

/** Percent-encodes like RFC 3986 (also `!'()*`, which encodeURIComponent leaves alone). */
export function rfc3986(document: unknown): string {
	return encodeURIComponent(JSON.stringify(document)).replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
