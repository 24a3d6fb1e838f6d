import {createHash} from 'node:crypto';
import type {World} from './world.js';

/**
 * The simulated IAM state of one account (global, not per region) (aws-semantics.md E).
 *
 * Shape: roles by name and customer-managed policies by ARN, in insertion-ordered maps.
 * Policy documents are kept as the JSON text the user wrote (pretty-printed is fine) and
 * URL-encoded only on the way out, as IAM returns them. AWS-managed policies live once in
 * {@link AWS_MANAGED_POLICIES}, shared by every account, as in AWS (`arn:aws:iam::aws:policy/...`).
 */
export type IamState = {
	roles: Map<string, SimRole>;
	/** Customer-managed policies, by ARN. */
	policies: Map<string, SimManagedPolicy>;
};

export type SimRole = {
	roleName: string;
	roleId: string;
	arn: string;
	path: string;
	createDate: number;
	description?: string;
	maxSessionDuration: number;
	/** Trust policy JSON text. */
	assumeRolePolicyDocument: string;
	/** ARNs of attached managed policies, in attachment order. */
	attachedPolicyArns: string[];
	/** Inline policies: name -> JSON text. */
	inlinePolicies: Map<string, string>;
	tags: Record<string, string>;
	roleLastUsed?: {lastUsedDate: number; region: string};
};

export type SimPolicyVersion = {versionId: string; document: string; createDate: number};

export type SimManagedPolicy = {
	policyName: string;
	policyId: string;
	arn: string;
	path: string;
	description?: string;
	createDate: number;
	updateDate: number;
	defaultVersionId: string;
	versions: SimPolicyVersion[];
	/** `aws-managed` or `user-managed`: the SourcePolicyType SimulatePrincipalPolicy reports [MODEL]. */
	kind: 'aws-managed' | 'user-managed';
};

export function emptyIamState(): IamState {
	return {roles: new Map(), policies: new Map()};
}

/** The IAM slice of an account, created empty on first use. */
export function iamStateOf(world: World, accountId: string): IamState {
	return world.globalSlice(accountId, 'iam', emptyIamState);
}

/**
 * A stable IAM unique id (`AROA...` roles, `ANPA...` policies): 4-letter prefix plus 17
 * characters, as AWS's are 21 long. Derived from the ARN, so not AWS's real value.
 */
export function iamUniqueId(prefix: 'AROA' | 'ANPA', seed: string): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const bytes = createHash('sha256').update(seed).digest();
	return prefix + Array.from(bytes.subarray(0, 17), byte => alphabet[byte % 32]).join('');
}

function awsManaged(name: string, path: string, description: string, createDate: number, document: unknown): SimManagedPolicy {
	const arn = `arn:aws:iam::aws:policy${path}${name}`;
	return {
		policyName: name,
		policyId: iamUniqueId('ANPA', arn),
		arn,
		path,
		description,
		createDate,
		updateDate: createDate,
		defaultVersionId: 'v1',
		versions: [{versionId: 'v1', document: JSON.stringify(document, null, 4), createDate}],
		kind: 'aws-managed',
	};
}

/**
 * AWS-managed policies the demo and tests need. AmazonECSTaskExecutionRolePolicy is the real
 * document [DOC ECS task execution IAM role; aws-semantics.md E]; dates are approximate.
 */
export const AWS_MANAGED_POLICIES: ReadonlyMap<string, SimManagedPolicy> = new Map(
	[
		awsManaged('AmazonECSTaskExecutionRolePolicy', '/service-role/', 'Provides access to other AWS service resources that are required to run Amazon ECS tasks', Date.UTC(2017, 10, 16, 18, 48, 22), {
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'],
					Resource: '*',
				},
			],
		}),
		awsManaged('AdministratorAccess', '/', 'Provides full access to AWS services and resources.', Date.UTC(2015, 1, 6, 18, 39, 46), {
			Version: '2012-10-17',
			Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}],
		}),
	].map(policy => [policy.arn, policy]),
);

/** A managed policy visible to the account: its own, or an AWS-managed one. */
export function findPolicy(state: IamState, arn: string): SimManagedPolicy | undefined {
	return state.policies.get(arn) ?? AWS_MANAGED_POLICIES.get(arn);
}

/** A role ARN's partition, account and name (any path), or undefined for anything else. */
export function parseRoleArn(arn: string): {partition: string; accountId: string; name: string} | undefined {
	const match = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
	return match ? {partition: match[1]!, accountId: match[2]!, name: match[3]!} : undefined;
}

/** A role's permission policies as IAM applies them: attached (their default version), then inline. */
export function rolePolicyDocuments(state: IamState, role: SimRole): {name: string; kind: SimManagedPolicy['kind'] | 'inline'; document: string}[] {
	const attached = role.attachedPolicyArns.flatMap(arn => {
		const policy = findPolicy(state, arn);
		const version = policy?.versions.find(candidate => candidate.versionId === policy.defaultVersionId);
		return policy && version ? [{name: policy.policyName, kind: policy.kind, document: version.document}] : [];
	});
	const inline = [...role.inlinePolicies].map(([name, document]) => ({name, kind: 'inline' as const, document}));
	return [...attached, ...inline];
}

/** A trust policy letting one AWS service assume the role. */
export function serviceTrustPolicy(service: string): string {
	return JSON.stringify({Version: '2012-10-17', Statement: [{Sid: '', Effect: 'Allow', Principal: {Service: service}, Action: 'sts:AssumeRole'}]}, null, 2);
}

/** Adds a role (path `/`) to an account, for scenarios and tests. */
export function addRole(
	world: World,
	accountId: string,
	roleName: string,
	options: {trustPolicy: string; attached?: string[]; inline?: Record<string, string>; description?: string; createDate: number; path?: string; tags?: Record<string, string>},
): SimRole {
	const path = options.path ?? '/';
	const arn = `arn:aws:iam::${accountId}:role${path}${roleName}`;
	const role: SimRole = {
		roleName,
		roleId: iamUniqueId('AROA', arn),
		arn,
		path,
		createDate: options.createDate,
		...(options.description ? {description: options.description} : {}),
		maxSessionDuration: 3600,
		assumeRolePolicyDocument: options.trustPolicy,
		attachedPolicyArns: [...(options.attached ?? [])],
		inlinePolicies: new Map(Object.entries(options.inline ?? {})),
		tags: options.tags ?? {},
	};
	iamStateOf(world, accountId).roles.set(roleName, role);
	return role;
}
