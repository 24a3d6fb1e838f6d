/**
 * Execution-role checks from iam:SimulatePrincipalPolicy results, so the UI can show AWS's
 * own evaluation (which includes SCPs, permissions boundaries and conditions with the
 * context given) when the caller may simulate. Repository policies are *not* simulated for
 * roles ("Simulation of resource-based policies isn't supported for IAM roles"), so pull
 * checks say so and the `iam:repo-policy` check from `execution-role.ts` stays needed.
 * [MODEL iam SimulatePrincipalPolicy / EvaluationResult; spec E]
 */
import type {Check, CheckId, CheckStatus} from '../diagnosis/types.js';
import {grantFix, roleNameOf} from './fix-text.js';
import {repositoryNameOf} from './requirements.js';

/** A statement that decided a simulation result. */
export type SimulatedStatement = {readonly SourcePolicyId?: string; readonly SourcePolicyType?: string};

/** Per-resource part of a simulation result. */
export type SimulatedResourceResult = {
	readonly EvalResourceName?: string;
	readonly EvalResourceDecision?: string;
	readonly MatchedStatements?: readonly SimulatedStatement[];
	readonly MissingContextValues?: readonly string[];
};

/** One `EvaluationResults[]` item as the SDK returns it (fields used here). */
export type SimulationResult = {
	readonly EvalActionName?: string;
	readonly EvalResourceName?: string;
	readonly EvalDecision?: string;
	readonly MatchedStatements?: readonly SimulatedStatement[];
	readonly MissingContextValues?: readonly string[];
	readonly OrganizationsDecisionDetail?: {readonly AllowedByOrganizations?: boolean};
	readonly PermissionsBoundaryDecisionDetail?: {readonly AllowedByPermissionsBoundary?: boolean};
	readonly ResourceSpecificResults?: readonly SimulatedResourceResult[];
};

const actionChecks: Record<string, {id: CheckId; severity: 'fail' | 'warn'}> = {
	'ecr:getauthorizationtoken': {id: 'iam:ecr-auth', severity: 'fail'},
	'ecr:batchgetimage': {id: 'iam:ecr-pull', severity: 'fail'},
	'ecr:getdownloadurlforlayer': {id: 'iam:ecr-pull', severity: 'fail'},
	'ecr:batchchecklayeravailability': {id: 'iam:ecr-layer-availability', severity: 'warn'},
	'logs:createlogstream': {id: 'iam:logs', severity: 'fail'},
	'logs:putlogevents': {id: 'iam:logs', severity: 'fail'},
	'logs:createloggroup': {id: 'iam:logs', severity: 'fail'},
	'secretsmanager:getsecretvalue': {id: 'iam:secrets', severity: 'fail'},
	'ssm:getparameters': {id: 'iam:ssm', severity: 'fail'},
	'kms:decrypt': {id: 'iam:kms', severity: 'fail'},
};

type Row = {
	action: string;
	resource: string;
	decision: string;
	statements: readonly SimulatedStatement[];
	missingContext: readonly string[];
	deniedByOrganizations: boolean;
	deniedByBoundary: boolean;
};

function rowsOf(result: SimulationResult): Row[] {
	const action = result.EvalActionName ?? '?';
	const common = {
		action,
		deniedByOrganizations: result.OrganizationsDecisionDetail?.AllowedByOrganizations === false,
		deniedByBoundary: result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false,
	};
	const specific = result.ResourceSpecificResults ?? [];
	if (specific.length > 0) {
		return specific.map(item => ({
			...common,
			resource: item.EvalResourceName ?? result.EvalResourceName ?? '*',
			decision: item.EvalResourceDecision ?? result.EvalDecision ?? 'implicitDeny',
			statements: item.MatchedStatements ?? [],
			missingContext: item.MissingContextValues ?? result.MissingContextValues ?? [],
		}));
	}
	return [
		{
			...common,
			resource: result.EvalResourceName ?? '*',
			decision: result.EvalDecision ?? 'implicitDeny',
			statements: result.MatchedStatements ?? [],
			missingContext: result.MissingContextValues ?? [],
		},
	];
}

function describe(statements: readonly SimulatedStatement[]): string {
	return statements.map(statement => `${statement.SourcePolicyId ?? 'a policy'} (${statement.SourcePolicyType ?? 'unknown type'})`).join(', ');
}

function rowStatus(row: Row, severity: 'fail' | 'warn'): CheckStatus {
	if (row.decision === 'explicitDeny') return 'fail';
	if (row.decision === 'allowed') return 'pass';
	// Conditions the simulator could not resolve without context may allow it at runtime.
	return row.missingContext.length > 0 ? 'warn' : severity;
}

function rowEvidence(row: Row): string {
	let text = `${row.action} on ${row.resource}: ${row.decision}`;
	if (row.statements.length > 0) text += ` by ${describe(row.statements)}`;
	if (row.deniedByOrganizations) text += '; an SCP in AWS Organizations does not allow it';
	if (row.deniedByBoundary) text += '; the permissions boundary does not allow it';
	if (row.missingContext.length > 0) text += `; depends on context not supplied (${row.missingContext.join(', ')})`;
	return text;
}

const rank: Record<CheckStatus, number> = {fail: 3, warn: 2, unknown: 1, pass: 0};

/**
 * Builds the same `iam:*` checks as `checkExecutionRole` from SimulatePrincipalPolicy
 * results, one check per (check id, resource), method `simulated`.
 */
export function checksFromSimulation(evaluationResults: readonly SimulationResult[], options: {roleArn?: string} = {}): Check[] {
	const groups = new Map<string, {id: CheckId; severity: 'fail' | 'warn'; resource: string; rows: Row[]}>();
	for (const result of evaluationResults) {
		for (const row of rowsOf(result)) {
			const mapped = actionChecks[row.action.toLowerCase()] ?? {id: `iam:${row.action.replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase()}` as CheckId, severity: 'fail' as const};
			const key = `${mapped.id}|${row.resource}`;
			const group = groups.get(key) ?? {...mapped, resource: row.resource, rows: []};
			group.rows.push(row);
			groups.set(key, group);
		}
	}
	const roleArn = options.roleArn ?? 'arn:aws:iam::ACCOUNT:role/ROLE_NAME';
	return [...groups.values()].map(group => {
		const statuses = group.rows.map(row => rowStatus(row, group.severity));
		const status = statuses.reduce<CheckStatus>((worst, next) => (rank[next] > rank[worst] ? next : worst), 'pass');
		const actions = group.rows.map(row => row.action);
		const isRepository = /^arn:[^:]+:ecr:/.test(group.resource);
		const title = group.id === 'iam:ecr-pull' && isRepository ? `pull from ${repositoryNameOf(group.resource)}` : `${actions.join(' + ')} on ${group.resource}`;
		const note = group.id === 'iam:ecr-pull' ? ' (repository policies are not simulated for roles: see the repository policy check)' : '';
		const evidence = `IAM policy simulator: ${group.rows.map(rowEvidence).join('; ')}${note}`;
		const base = {id: group.id, group: 'iam' as const, title, status, evidence, resourceId: group.resource, method: 'simulated' as const};
		if (status === 'pass') return base;
		const failing = group.rows.filter((row, index) => statuses[index] !== 'pass');
		const denied = failing.find(row => row.decision === 'explicitDeny');
		if (denied !== undefined) {
			const source = denied.deniedByOrganizations ? 'the SCP in AWS Organizations (ask the organization administrator)' : describe(denied.statements) || 'the denying policy';
			return {...base, fix: `Remove or narrow the Deny in ${source} for ${denied.action} on ${denied.resource} for role ${roleNameOf(roleArn)}`};
		}
		return {...base, fix: grantFix({roleArn, actions: failing.map(row => row.action), resource: group.resource, policyName: `ecrtui-${group.id.replace(/^iam:/, '')}`})};
	});
}
