/**
 * Execution-role checks by reading and evaluating the role's policies locally (the
 * fallback when iam:SimulatePrincipalPolicy is unavailable, and the only way to include
 * ECR repository policies: "Simulation of resource-based policies isn't supported for IAM
 * roles"). Same-account pulls need an Allow in IAM *or* the repository policy;
 * cross-account pulls need both; an explicit Deny in either wins; GetAuthorizationToken
 * always comes from IAM. [DOC ECR repository-policies; spec E; runbook phrasing D.1]
 */
import type {Check, CheckStatus} from '../diagnosis/types.js';
import {accountOfArn, describeStatement, evaluatePolicies, type Evaluation, type MatchedStatement, type PolicyInput} from './evaluate.js';
import {denyFix, grantFix, repositoryAllowFix, roleNameOf, trustFix} from './fix-text.js';
import type {PolicyDocument} from './policy-document.js';
import {executionRoleRequirements, PULL_ACTIONS, repositoryNameOf, type ExecutionRoleNeeds, type Requirement} from './requirements.js';
import {trustAllowsEcsTasks} from './trust.js';

/** The execution role as read from IAM. */
export type ExecutionRole = {
	readonly arn: string;
	/** AssumeRolePolicyDocument from GetRole (URL-encoded or plain). */
	readonly trustPolicy: string | PolicyDocument;
	/** Attached (aws-managed / customer-managed) and inline policies. */
	readonly policies: readonly PolicyInput[];
};

/** How one action fared once identity and repository policies are combined. */
type ActionOutcome = {
	readonly action: string;
	readonly allowed: boolean;
	readonly deniedBy?: MatchedStatement;
	readonly allowedBy: readonly MatchedStatement[];
	/** A conditional statement could change the outcome. */
	readonly conditional: boolean;
	/** Cross-account and the repository policy does not allow the role. */
	readonly repositoryAllowMissing: boolean;
	readonly identity: Evaluation;
};

function firstUnconditional(evaluation: Evaluation | undefined, effect: 'Allow' | 'Deny'): MatchedStatement | undefined {
	return evaluation?.matched.find(statement => statement.effect === effect && !statement.conditional);
}

function outcomeOf(requirement: Requirement, action: string, role: ExecutionRole, repositoryPolicy: string | PolicyDocument | undefined): ActionOutcome {
	const identity = evaluatePolicies({policies: role.policies.filter(policy => policy.kind !== 'resource'), action, resource: requirement.resource});
	const repositoryArn = requirement.repositoryArn;
	const repository =
		repositoryArn === undefined || repositoryPolicy === undefined
			? undefined
			: evaluatePolicies({
					policies: [{name: `the repository policy of ${repositoryNameOf(repositoryArn)}`, kind: 'resource', document: repositoryPolicy}],
					action,
					resource: repositoryArn,
					context: {principal: {arn: role.arn}},
				});
	const crossAccount = repositoryArn !== undefined && accountOfArn(repositoryArn) !== accountOfArn(role.arn);
	const deniedBy = firstUnconditional(identity, 'Deny') ?? firstUnconditional(repository, 'Deny');
	const identityAllow = firstUnconditional(identity, 'Allow');
	const repositoryAllow = firstUnconditional(repository, 'Allow');
	const allowedBy = [identityAllow, repositoryAllow].filter((statement): statement is MatchedStatement => statement !== undefined);
	const allowed = deniedBy === undefined && (crossAccount ? identityAllow !== undefined && repositoryAllow !== undefined : allowedBy.length > 0);
	return {
		action,
		allowed,
		...(deniedBy === undefined ? {} : {deniedBy}),
		allowedBy,
		conditional: identity.conditionsIgnored || repository?.conditionsIgnored === true,
		repositoryAllowMissing: crossAccount && repositoryAllow === undefined,
		identity,
	};
}

function nearMissNote(outcome: ActionOutcome, resource: string): string {
	const miss = outcome.identity.nearMisses.find(statement => statement.effect === 'Allow' && statement.resources !== undefined);
	if (miss === undefined) return '';
	const scope = miss.resources?.join(', ') ?? '';
	const star = resource === '*' ? '; this action only works with Resource "*"' : '';
	return ` (${describeStatement(miss)} allows it only on ${scope}${star})`;
}

function statusFor(requirement: Requirement, outcomes: readonly ActionOutcome[], unreadable: boolean): CheckStatus {
	if (outcomes.some(outcome => outcome.deniedBy !== undefined)) return 'fail';
	const missing = outcomes.filter(outcome => !outcome.allowed);
	if (missing.length === 0) return outcomes.some(outcome => outcome.conditional) ? 'warn' : 'pass';
	// Unreadable policies or conditional Allows may still grant it: say so rather than fail.
	if (unreadable || missing.every(outcome => outcome.conditional)) return 'warn';
	return requirement.severity;
}

function buildCheck(requirement: Requirement, role: ExecutionRole, repositoryPolicy: string | PolicyDocument | undefined): Check {
	const outcomes = requirement.actions.map(action => outcomeOf(requirement, action, role, repositoryPolicy));
	const unreadable = outcomes[0]?.identity.unreadable ?? [];
	const status = statusFor(requirement, outcomes, unreadable.length > 0);
	const roleName = roleNameOf(role.arn);
	const base = {id: requirement.id, group: 'iam' as const, title: requirement.title, status, resourceId: requirement.resource, method: 'evaluated' as const};
	const denied = outcomes.find(outcome => outcome.deniedBy !== undefined);
	if (denied?.deniedBy !== undefined) {
		return {...base, evidence: `${denied.action} on ${requirement.resource} is denied by ${describeStatement(denied.deniedBy)}`, fix: denyFix(denied.deniedBy, requirement)};
	}
	const missing = outcomes.filter(outcome => !outcome.allowed);
	const unreadableNote = unreadable.length === 0 ? '' : `; could not read ${unreadable.map(entry => `"${entry.policy}" (${entry.error})`).join(', ')}`;
	if (missing.length === 0) {
		const by = [...new Set(outcomes.flatMap(outcome => outcome.allowedBy.map(describeStatement)))].join(' and ');
		const conditional = status === 'warn' ? '; a conditional statement (not evaluated) also applies' : '';
		return {...base, evidence: `${requirement.actions.join(', ')} allowed by ${by}${conditional}`};
	}
	const actions = missing.map(outcome => outcome.action);
	const crossAccount = missing.find(outcome => outcome.repositoryAllowMissing && outcome.allowedBy.length > 0);
	if (crossAccount !== undefined && requirement.repositoryArn !== undefined) {
		const owner = accountOfArn(requirement.repositoryArn) ?? 'another account';
		return {
			...base,
			evidence: `${repositoryNameOf(requirement.repositoryArn)} is in account ${owner}: the ECR repository resource policy may be missing permissions to pull the image (${actions.join(', ')} for ${role.arn})${unreadableNote}`,
			fix: repositoryAllowFix({roleArn: role.arn, repositoryArn: requirement.repositoryArn, actions}),
		};
	}
	const conditional = status === 'warn' && unreadable.length === 0 ? ' except under conditions not evaluated here' : '';
	const first = missing[0];
	return {
		...base,
		evidence: `no policy of role ${roleName} allows ${actions.join(', ')} on ${requirement.resource}${conditional}${first === undefined ? '' : nearMissNote(first, requirement.resource)}${unreadableNote}`,
		fix: grantFix({roleArn: role.arn, actions, resource: requirement.resource, policyName: `ecrtui-${requirement.id.replace(/^iam:/, '')}`}),
	};
}

function trustCheck(role: ExecutionRole): Check {
	const trust = trustAllowsEcsTasks(role.trustPolicy);
	const base = {id: 'iam:trust', group: 'iam' as const, title: 'trusted by ecs-tasks.amazonaws.com', resourceId: role.arn, method: 'evaluated' as const};
	if (trust.trusted) return {...base, status: 'pass', evidence: trust.reason};
	return {...base, status: 'fail', evidence: trust.reason, fix: trustFix(role.arn)};
}

function repositoryPolicyCheck(role: ExecutionRole, repositoryArn: string, policy: string | PolicyDocument | undefined): Check | undefined {
	const crossAccount = accountOfArn(repositoryArn) !== accountOfArn(role.arn);
	if (policy === undefined && !crossAccount) return undefined;
	const name = repositoryNameOf(repositoryArn);
	const base = {id: 'iam:repo-policy', group: 'iam' as const, title: `repository policy of ${name}`, resourceId: repositoryArn, method: 'evaluated' as const};
	if (policy === undefined) {
		return {...base, status: 'warn', evidence: `${name} is in account ${accountOfArn(repositoryArn) ?? '?'} and its repository policy was not read; cross-account pulls need an Allow there`};
	}
	const evaluations = PULL_ACTIONS.map(action =>
		evaluatePolicies({policies: [{name: `the repository policy of ${name}`, kind: 'resource', document: policy}], action, resource: repositoryArn, context: {principal: {arn: role.arn}}}),
	);
	const unreadable = evaluations[0]?.unreadable[0];
	if (unreadable !== undefined) return {...base, status: 'warn', evidence: `the repository policy could not be read: ${unreadable.error}`};
	const deny = evaluations.map(evaluation => firstUnconditional(evaluation, 'Deny')).find(statement => statement !== undefined);
	if (deny !== undefined) return {...base, status: 'fail', evidence: `${describeStatement(deny)} denies ${role.arn}`, fix: denyFix(deny, {actions: PULL_ACTIONS, resource: repositoryArn})};
	const notAllowed = PULL_ACTIONS.filter((_, index) => evaluations[index]?.decision !== 'allowed');
	const conditional = evaluations.some(evaluation => evaluation.conditionsIgnored);
	if (crossAccount && notAllowed.length > 0) {
		return {
			...base,
			status: conditional ? 'warn' : 'fail',
			evidence: `the ECR repository resource policy may be missing permissions to pull the image: it does not allow ${notAllowed.join(', ')} for ${role.arn}${conditional ? ' (conditional statements not evaluated)' : ''}`,
			fix: repositoryAllowFix({roleArn: role.arn, repositoryArn, actions: notAllowed}),
		};
	}
	return {...base, status: conditional ? 'warn' : 'pass', evidence: `no Deny for ${roleNameOf(role.arn)} in the repository policy of ${name}${crossAccount ? ', and it allows the pull' : ''}`};
}

/**
 * Checks an execution role against what the task needs: trust, ECR auth, pull (per
 * repository, with its repository policy), logs, secrets, SSM parameters and KMS keys.
 * Returns `iam:*` checks (see `diagnosis/types.ts`), method `evaluated`.
 */
export function checkExecutionRole({
	role,
	repositoryArns,
	needs = {},
	repositoryPolicies = {},
}: {
	role: ExecutionRole;
	repositoryArns: readonly string[];
	needs?: ExecutionRoleNeeds;
	repositoryPolicies?: Readonly<Record<string, string | PolicyDocument>>;
}): Check[] {
	const checks: Check[] = [trustCheck(role)];
	for (const requirement of executionRoleRequirements({repositoryArns, needs})) {
		const policy = requirement.repositoryArn === undefined ? undefined : repositoryPolicies[requirement.repositoryArn];
		checks.push(buildCheck(requirement, role, policy));
	}
	checks.push(...repositoryPolicyChecks(role, repositoryArns, repositoryPolicies));
	return checks;
}

/**
 * The checks that need no identity policy: trust, and each repository's policy. The IAM
 * simulator does not cover them for roles, so they are evaluated here even when it runs.
 */
export function trustAndRepositoryChecks(role: Pick<ExecutionRole, 'arn' | 'trustPolicy'>, repositoryArns: readonly string[], repositoryPolicies: Readonly<Record<string, string | PolicyDocument>> = {}): Check[] {
	const withoutPolicies = {...role, policies: []};
	return [trustCheck(withoutPolicies), ...repositoryPolicyChecks(withoutPolicies, repositoryArns, repositoryPolicies)];
}

function repositoryPolicyChecks(role: ExecutionRole, repositoryArns: readonly string[], repositoryPolicies: Readonly<Record<string, string | PolicyDocument>>): Check[] {
	return repositoryArns.flatMap(repositoryArn => repositoryPolicyCheck(role, repositoryArn, repositoryPolicies[repositoryArn]) ?? []);
}
