/**
 * One-line fixes with copyable AWS CLI commands for missing execution-role permissions.
 * Each names the missing action and resource first, then the command.
 */
import {describeStatement, type MatchedStatement} from './evaluate.js';
import {repositoryNameOf} from './requirements.js';
import {nameOfArn} from '../ecs/types.js';

/** `arn:aws:iam::123:role/path/name` → `name`. */
export function roleNameOf(roleArn: string): string {
	return nameOfArn(roleArn);
}

function policyJson(statement: Record<string, unknown>): string {
	return JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', ...statement}]});
}

/** Allow `actions` on `resource` for the role: an `aws iam put-role-policy` one-liner. */
export function grantFix({roleArn, actions, resource, policyName}: {roleArn: string; actions: readonly string[]; resource: string; policyName: string}): string {
	const role = roleNameOf(roleArn);
	const document = policyJson({Action: [...actions], Resource: resource});
	return `Allow ${actions.join(', ')} on ${resource} for role ${role}: aws iam put-role-policy --role-name ${role} --policy-name ${policyName} --policy-document '${document}'`;
}

/** An explicit Deny cannot be outweighed by an Allow: it must go or be narrowed. */
export function denyFix(statement: MatchedStatement, {actions, resource}: {actions: readonly string[]; resource: string}): string {
	if (statement.kind === 'resource') return repositoryDenyFix(statement, resource);
	return `Remove or narrow ${describeStatement(statement)}: it denies ${actions.join(', ')} on ${resource}, and an explicit Deny overrides every Allow`;
}

function repositoryDenyFix(statement: MatchedStatement, repositoryArn: string): string {
	const name = repositoryNameOf(repositoryArn);
	const account = repositoryArn.split(':')[4] ?? '';
	return `Drop or narrow ${describeStatement(statement)} of ${name}: aws ecr get-repository-policy --registry-id ${account} --repository-name ${name} > policy.json, edit it, then aws ecr set-repository-policy --registry-id ${account} --repository-name ${name} --policy-text file://policy.json`;
}

/** Cross-account pulls need an Allow in the repository policy naming the role. */
export function repositoryAllowFix({roleArn, repositoryArn, actions}: {roleArn: string; repositoryArn: string; actions: readonly string[]}): string {
	const name = repositoryNameOf(repositoryArn);
	const account = repositoryArn.split(':')[4] ?? '';
	const document = policyJson({Sid: 'AllowPullFromTaskRole', Principal: {AWS: roleArn}, Action: [...actions]});
	return `Allow ${roleArn} ${actions.join(', ')} in the repository policy of ${name} (account ${account}): aws ecr set-repository-policy --registry-id ${account} --repository-name ${name} --policy-text '${document}' (replaces the current policy: merge its statements first)`;
}

/** Trust ecs-tasks.amazonaws.com: an `aws iam update-assume-role-policy` one-liner. */
export function trustFix(roleArn: string): string {
	const role = roleNameOf(roleArn);
	const document = policyJson({Principal: {Service: 'ecs-tasks.amazonaws.com'}, Action: 'sts:AssumeRole'});
	return `Let ecs-tasks.amazonaws.com assume role ${role}: aws iam update-assume-role-policy --role-name ${role} --policy-document '${document}'`;
}
