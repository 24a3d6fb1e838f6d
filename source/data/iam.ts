import type {AwsClients} from './clients.js';
import {loadIam as sdk} from './sdk.js';
import {toProblem} from './problems.js';
import type {Check} from '../domain/diagnosis/types.js';
import type {PolicyInput} from '../domain/iam/evaluate.js';
import {checkExecutionRole, trustAndRepositoryChecks} from '../domain/iam/execution-role.js';
import {executionRoleRequirements, type ExecutionRoleNeeds} from '../domain/iam/requirements.js';
import {checksFromSimulation, type SimulationResult} from '../domain/iam/simulation.js';
import {roleNameOf} from '../domain/iam/fix-text.js';

/**
 * Execution-role checks for the diagnosis (aws-semantics.md E). AWS's own evaluation first:
 * iam:SimulatePrincipalPolicy covers SCPs, boundaries and conditions. When the caller may not
 * simulate, the role's attached and inline policies are read (URL-encoded documents) and
 * evaluated locally. Either way the trust policy and the ECR repository policies are
 * evaluated locally: "Simulation of resource-based policies isn't supported for IAM roles".
 * The result says which method was used.
 */

/** How the permission checks were reached. */
export type RoleCheckMethod = 'simulated' | 'evaluated' | 'unavailable';

export type RoleCheckResult = {
	method: RoleCheckMethod;
	checks: Check[];
	/** One line for the screen: "IAM policy simulator (SimulatePrincipalPolicy)", or why it fell back. */
	methodText: string;
};

type Role = {arn: string; trust: string};

const isDenied = (error: unknown) => toProblem(error, {what: ''}).kind === 'access-denied';
const isMissing = (error: unknown) => (error as Error).name === 'NoSuchEntityException' || (error as Error).name === 'NoSuchEntity';

/** `aws iam get-role`: the trust policy (URL-encoded). */
async function getRole(clients: AwsClients, roleArn: string, signal?: AbortSignal): Promise<Role> {
	const {GetRoleCommand} = await sdk();
	const client = await clients.iam();
	const result = await client.send(new GetRoleCommand({RoleName: roleNameOf(roleArn)}), {abortSignal: signal});
	return {arn: result.Role?.Arn ?? roleArn, trust: result.Role?.AssumeRolePolicyDocument ?? ''};
}

/**
 * The role's policies: `list-attached-role-policies` -> `get-policy` (default version) ->
 * `get-policy-version`, and `list-role-policies` -> `get-role-policy`. Documents stay
 * URL-encoded; the domain decodes them.
 */
export async function readRolePolicies(clients: AwsClients, roleArn: string, signal?: AbortSignal): Promise<PolicyInput[]> {
	const iam = await sdk();
	const client = await clients.iam();
	const RoleName = roleNameOf(roleArn);
	const attached: {PolicyArn?: string; PolicyName?: string}[] = [];
	let marker: string | undefined;
	do {
		const page = await client.send(new iam.ListAttachedRolePoliciesCommand({RoleName, Marker: marker}), {abortSignal: signal});
		attached.push(...(page.AttachedPolicies ?? []));
		marker = page.IsTruncated ? page.Marker : undefined;
	} while (marker);
	const inlineNames: string[] = [];
	do {
		const page = await client.send(new iam.ListRolePoliciesCommand({RoleName, Marker: marker}), {abortSignal: signal});
		inlineNames.push(...(page.PolicyNames ?? []));
		marker = page.IsTruncated ? page.Marker : undefined;
	} while (marker);
	const managed = await Promise.all(
		attached.map(async ({PolicyArn = '', PolicyName = ''}) => {
			const policy = await client.send(new iam.GetPolicyCommand({PolicyArn}), {abortSignal: signal});
			const version = await client.send(new iam.GetPolicyVersionCommand({PolicyArn, VersionId: policy.Policy?.DefaultVersionId ?? 'v1'}), {abortSignal: signal});
			const kind: PolicyInput['kind'] = PolicyArn.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'customer-managed';
			return {name: PolicyName, kind, document: version.PolicyVersion?.Document ?? ''};
		}),
	);
	const inline = await Promise.all(
		inlineNames.map(async PolicyName => {
			const policy = await client.send(new iam.GetRolePolicyCommand({RoleName, PolicyName}), {abortSignal: signal});
			return {name: PolicyName, kind: 'inline' as const, document: policy.PolicyDocument ?? ''};
		}),
	);
	return [...managed, ...inline];
}

/** `aws iam simulate-principal-policy`, one call per resource the requirements name. */
async function simulate(clients: AwsClients, roleArn: string, requirements: ReturnType<typeof executionRoleRequirements>, signal?: AbortSignal): Promise<SimulationResult[]> {
	const {SimulatePrincipalPolicyCommand} = await sdk();
	const client = await clients.iam();
	const byResource = new Map<string, Set<string>>();
	for (const requirement of requirements) {
		const actions = byResource.get(requirement.resource) ?? new Set<string>();
		for (const action of requirement.actions) actions.add(action);
		byResource.set(requirement.resource, actions);
	}
	const results: SimulationResult[] = [];
	for (const [resource, actions] of byResource) {
		let marker: string | undefined;
		do {
			const page = await client.send(
				new SimulatePrincipalPolicyCommand({PolicySourceArn: roleArn, ActionNames: [...actions], ResourceArns: [resource], Marker: marker}),
				{abortSignal: signal},
			);
			results.push(...((page.EvaluationResults ?? []) as SimulationResult[]));
			marker = page.IsTruncated ? page.Marker : undefined;
		} while (marker);
	}
	return results;
}

function unknownCheck(roleArn: string, evidence: string): Check {
	return {id: 'iam:ecr-auth', group: 'iam', title: 'execution role permissions', status: 'unknown', evidence, resourceId: roleArn};
}

/**
 * Checks an execution role for a task: trust, ECR auth and pull, logs and secrets, repository
 * policies. `repositoryPolicies` are the policy texts of the repositories pulled from (absent
 * when a repository has none).
 */
export async function checkRole(
	clients: AwsClients,
	input: {roleArn: string; repositoryArns: readonly string[]; needs?: ExecutionRoleNeeds; repositoryPolicies?: Readonly<Record<string, string>>},
	signal?: AbortSignal,
): Promise<RoleCheckResult> {
	const {roleArn, repositoryArns, needs = {}, repositoryPolicies = {}} = input;
	let role: Role;
	try {
		role = await getRole(clients, roleArn, signal);
	} catch (error) {
		if (isMissing(error)) {
			const check: Check = {id: 'iam:trust', group: 'iam', title: 'execution role exists', status: 'fail', evidence: `role ${roleNameOf(roleArn)} does not exist`, fix: `Create it, or point executionRoleArn at an existing role: aws iam get-role --role-name ${roleNameOf(roleArn)}`, resourceId: roleArn, method: 'observed'};
			return {method: 'evaluated', checks: [check], methodText: 'the role does not exist (iam:GetRole)'};
		}
		if (isDenied(error)) return {method: 'unavailable', checks: [unknownCheck(roleArn, 'cannot read the role: missing iam:GetRole')], methodText: 'not checked: missing iam:GetRole'};
		throw error;
	}
	// Trust and repository policies are always evaluated here (not simulated for roles).
	const local = trustAndRepositoryChecks({arn: role.arn, trustPolicy: role.trust}, repositoryArns, repositoryPolicies);
	try {
		const results = await simulate(clients, role.arn, executionRoleRequirements({repositoryArns, needs}), signal);
		return {method: 'simulated', checks: [...local, ...checksFromSimulation(results, {roleArn: role.arn})], methodText: 'IAM policy simulator (iam:SimulatePrincipalPolicy); trust and repository policies evaluated locally'};
	} catch (error) {
		if (!isDenied(error)) throw error;
	}
	try {
		const policies = await readRolePolicies(clients, role.arn, signal);
		const checks = checkExecutionRole({role: {arn: role.arn, trustPolicy: role.trust, policies}, repositoryArns, needs, repositoryPolicies});
		return {method: 'evaluated', checks, methodText: 'evaluated locally from the role\'s policies (iam:SimulatePrincipalPolicy is not allowed for this caller)'};
	} catch (error) {
		if (!isDenied(error)) throw error;
		const action = toProblem(error, {what: ''}).action ?? 'iam:ListAttachedRolePolicies';
		return {method: 'unavailable', checks: [...local, unknownCheck(roleArn, `cannot read the role's policies: missing ${action}`)], methodText: `not checked: missing iam:SimulatePrincipalPolicy and ${action}`};
	}
}
