/**
 * Whether a role's trust policy lets ECS tasks assume it: an Allow for `sts:AssumeRole` to
 * the service principal `ecs-tasks.amazonaws.com`, with no Deny. [DOC task_execution_IAM_role]
 */
import {describeStatement, evaluatePolicies} from './evaluate.js';
import type {PolicyDocument} from './policy-document.js';

/** The service principal Fargate and the ECS agent use for task and execution roles. */
export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** Result of {@link trustAllowsEcsTasks}. */
export type TrustResult = {
	/** True when an Allow matches (conditional Allows count; see `conditional`). */
	readonly trusted: boolean;
	/** The Allow carries conditions ecrtui does not evaluate (typically aws:SourceAccount / aws:SourceArn). */
	readonly conditional: boolean;
	/** Why, in plain words. */
	readonly reason: string;
};

/**
 * Evaluates a trust policy (raw URL-encoded / plain JSON, or parsed) for ECS tasks.
 * A conditional Allow counts as trusted: AWS recommends aws:SourceAccount / aws:SourceArn
 * conditions on exactly this statement, so flagging every such role would be noise; the
 * condition keys are named in `reason` instead.
 */
export function trustAllowsEcsTasks(trustDocument: string | PolicyDocument): TrustResult {
	const evaluation = evaluatePolicies({
		policies: [{name: 'the trust policy', kind: 'resource', document: trustDocument}],
		action: 'sts:AssumeRole',
		resource: '*',
		context: {principal: {service: ECS_TASKS_PRINCIPAL}},
	});
	const unreadable = evaluation.unreadable[0];
	if (unreadable !== undefined) return {trusted: false, conditional: false, reason: `the trust policy could not be read: ${unreadable.error}`};
	const deny = evaluation.matched.find(statement => statement.effect === 'Deny');
	if (deny !== undefined && !deny.conditional) return {trusted: false, conditional: false, reason: `${describeStatement(deny)} denies ${ECS_TASKS_PRINCIPAL}`};
	const allow = evaluation.matched.find(statement => statement.effect === 'Allow' && !statement.conditional) ?? evaluation.matched.find(statement => statement.effect === 'Allow');
	if (allow === undefined) return {trusted: false, conditional: false, reason: `no statement allows ${ECS_TASKS_PRINCIPAL} to call sts:AssumeRole`};
	if (!allow.conditional && deny === undefined) return {trusted: true, conditional: false, reason: `${describeStatement(allow)} allows ${ECS_TASKS_PRINCIPAL}`};
	const keys = [...new Set([...allow.conditionKeys, ...(deny?.conditionKeys ?? [])])].join(', ');
	return {trusted: true, conditional: true, reason: `${describeStatement(allow)} allows ${ECS_TASKS_PRINCIPAL} under conditions not evaluated here (${keys})`};
}
