import {SimError} from '../errors.js';
import {page} from '../paging.js';
import {XmlTime} from '../protocols/query.js';
import type {CallContext, ServiceDefinition} from '../service.js';
import {findPolicy, iamStateOf, parseRoleArn, rolePolicyDocuments, type IamState, type SimManagedPolicy, type SimRole} from '../world/iam.js';
import {evaluate, type PolicySource} from './iam-evaluate.js';

/**
 * IAM over the query protocol (version 2010-05-08; `<XResponse><XResult>` answers with
 * `<member>` lists; element names are the SDK members' names). The read side ecrtui uses to
 * check a task execution role (aws-semantics.md E): the role, its trust policy, attached and
 * inline policies, and SimulatePrincipalPolicy. Policy documents go out URL-encoded (RFC 3986),
 * as IAM returns them [DOC IAM API GetRolePolicy / GetPolicyVersion "URL-encoded compliant with RFC 3986"].
 */

/** RFC 3986 percent-encoding: encodeURIComponent leaves `!'()*` alone, RFC 3986 reserves them. */
export function encodePolicyDocument(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function stateOf(context: CallContext): IamState {
	return iamStateOf(context.world, context.accountId);
}

function requireString(input: Record<string, unknown>, member: string): string {
	const value = input[member];
	if (typeof value !== 'string' || value === '') {
		const field = member.charAt(0).toLowerCase() + member.slice(1);
		throw new SimError('ValidationError', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
	}
	return value;
}

function requireRole(state: IamState, roleName: string): SimRole {
	const role = state.roles.get(roleName);
	if (!role) throw new SimError('NoSuchEntity', `The role with name ${roleName} cannot be found.`, 404);
	return role;
}

function requirePolicy(state: IamState, arn: string): SimManagedPolicy {
	if (!/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/.+/.test(arn)) throw new SimError('InvalidInput', `ARN ${arn} is not valid.`);
	const policy = findPolicy(state, arn);
	if (!policy) throw new SimError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
	return policy;
}

/** IAM list paging: MaxItems 1..1000 (default 100), Marker, IsTruncated [MODEL]. */
function pageOf<T>(scope: string, items: readonly T[], input: Record<string, unknown>): {items: T[]; IsTruncated: boolean; Marker?: string} {
	const raw = input.MaxItems;
	const maxItems = raw === undefined ? 100 : Number(raw);
	if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000) {
		const bound = maxItems < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000';
		throw new SimError('ValidationError', `1 validation error detected: Value '${String(raw)}' at 'maxItems' failed to satisfy constraint: Member must have value ${bound}`);
	}
	const result = page(scope, items, input.Marker, maxItems, () => new SimError('ValidationError', 'Invalid Marker.')); // [INF]
	return {items: result.items, IsTruncated: result.nextToken !== undefined, Marker: result.nextToken};
}

function tagList(tags: Record<string, string>) {
	const entries = Object.entries(tags);
	return entries.length === 0 ? undefined : entries.map(([Key, Value]) => ({Key, Value}));
}

/** The identity policies of a role, in the order IAM's simulator reports them. */
function policySourcesOf(state: IamState, role: SimRole): PolicySource[] {
	// SimulatePrincipalPolicy names an inline policy's source type `role`.
	return rolePolicyDocuments(state, role).map(({name, kind, document}) => ({id: name, type: kind === 'inline' ? 'role' : kind, document}));
}

function stringList(value: unknown): string[] {
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]).map(String);
}

export const iamService: ServiceDefinition = {
	name: 'iam',
	protocol: 'query',
	version: '2010-05-08',
	xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
	handlers: {
		GetRole(input, context) {
			const role = requireRole(stateOf(context), requireString(input, 'RoleName'));
			return {
				Role: {
					Path: role.path,
					RoleName: role.roleName,
					RoleId: role.roleId,
					Arn: role.arn,
					CreateDate: new XmlTime(role.createDate),
					AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicyDocument),
					Description: role.description,
					MaxSessionDuration: role.maxSessionDuration,
					Tags: tagList(role.tags),
					RoleLastUsed: role.roleLastUsed ? {LastUsedDate: new XmlTime(role.roleLastUsed.lastUsedDate), Region: role.roleLastUsed.region} : {},
				},
			};
		},

		ListAttachedRolePolicies(input, context) {
			const state = stateOf(context);
			const role = requireRole(state, requireString(input, 'RoleName'));
			const prefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/';
			const attached = role.attachedPolicyArns.flatMap(arn => {
				const policy = findPolicy(state, arn);
				return policy && policy.path.startsWith(prefix) ? [{PolicyName: policy.policyName, PolicyArn: policy.arn}] : [];
			});
			const {items, ...rest} = pageOf(`ListAttachedRolePolicies/${role.roleName}`, attached, input);
			return {AttachedPolicies: items, ...rest};
		},

		GetPolicy(input, context) {
			const state = stateOf(context);
			const policy = requirePolicy(state, requireString(input, 'PolicyArn'));
			const attachmentCount = [...state.roles.values()].filter(role => role.attachedPolicyArns.includes(policy.arn)).length;
			return {
				Policy: {
					PolicyName: policy.policyName,
					PolicyId: policy.policyId,
					Arn: policy.arn,
					Path: policy.path,
					DefaultVersionId: policy.defaultVersionId,
					AttachmentCount: attachmentCount,
					PermissionsBoundaryUsageCount: 0,
					IsAttachable: true,
					Description: policy.description,
					CreateDate: new XmlTime(policy.createDate),
					UpdateDate: new XmlTime(policy.updateDate),
				},
			};
		},

		GetPolicyVersion(input, context) {
			const policy = requirePolicy(stateOf(context), requireString(input, 'PolicyArn'));
			const versionId = requireString(input, 'VersionId');
			const version = policy.versions.find(candidate => candidate.versionId === versionId);
			if (!version) throw new SimError('NoSuchEntity', `Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`, 404); // [INF]
			return {
				PolicyVersion: {
					Document: encodePolicyDocument(version.document),
					VersionId: version.versionId,
					IsDefaultVersion: version.versionId === policy.defaultVersionId,
					CreateDate: new XmlTime(version.createDate),
				},
			};
		},

		ListRolePolicies(input, context) {
			const role = requireRole(stateOf(context), requireString(input, 'RoleName'));
			const {items, ...rest} = pageOf(`ListRolePolicies/${role.roleName}`, [...role.inlinePolicies.keys()], input);
			return {PolicyNames: items, ...rest};
		},

		GetRolePolicy(input, context) {
			const role = requireRole(stateOf(context), requireString(input, 'RoleName'));
			const policyName = requireString(input, 'PolicyName');
			const document = role.inlinePolicies.get(policyName);
			if (document === undefined) throw new SimError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
			return {RoleName: role.roleName, PolicyName: policyName, PolicyDocument: encodePolicyDocument(document)};
		},

		/**
		 * Identity policies of a role x ActionNames x ResourceArns (default `*`), plus any
		 * PolicyInputList documents. One EvaluationResult per (action, resource) pair.
		 */
		SimulatePrincipalPolicy(input, context) {
			const state = stateOf(context);
			const source = requireString(input, 'PolicySourceArn');
			const parsed = parseRoleArn(source);
			if (!parsed) throw new SimError('InvalidInput', `Invalid ARN: ${source}. The simulator supports roles as policy sources.`);
			if (parsed.accountId !== context.accountId) throw new SimError('NoSuchEntity', `The role with name ${parsed.name} cannot be found.`, 404);
			const role = requireRole(state, parsed.name);
			const actions = stringList(input.ActionNames);
			if (actions.length === 0) throw new SimError('ValidationError', "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
			const resources = stringList(input.ResourceArns);
			const sources = [
				...policySourcesOf(state, role),
				...stringList(input.PolicyInputList).map((document, index) => ({id: `PolicyInputList.${index + 1}`, type: 'none' as const, document})),
			];
			const results = actions.flatMap(action =>
				(resources.length > 0 ? resources : ['*']).map(resource => {
					const {decision, matched, missingContextValues} = evaluate(sources, action, resource);
					return {EvalActionName: action, EvalResourceName: resource, EvalDecision: decision, MatchedStatements: matched, MissingContextValues: missingContextValues};
				}),
			);
			const {items, ...rest} = pageOf(`SimulatePrincipalPolicy/${role.roleName}`, results, input);
			return {EvaluationResults: items, ...rest};
		},
	},
};
