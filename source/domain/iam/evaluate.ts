/**
 * Local evaluation of IAM policies for one action on one resource, following IAM's rules
 * for a single account: an explicit Deny wins; otherwise any Allow (identity or resource
 * policy) allows; otherwise the request is implicitly denied. Action / NotAction,
 * Resource / NotResource, Principal / NotPrincipal, `*` and `?` wildcards.
 * [DOC IAM reference_policies_evaluation-logic]
 *
 * Conditions are not evaluated. A statement with a Condition (or a policy variable such as
 * `${aws:username}` in its resources) is reported as `conditional` and does not decide the
 * outcome: a conditional Allow does not make the decision `allowed`, a conditional Deny
 * does not make it `explicitDeny`. `conditionsIgnored` tells the caller the real answer may
 * differ, and the check builders turn such cases into `warn`.
 *
 * Not modelled: SCPs, permissions boundaries and session policies (intersections), and
 * cross-account rules (combined in `execution-role.ts`).
 */
import {readPolicy, type NormalizedStatement, type PolicyDocument, type PrincipalSet} from './policy-document.js';
import {matchesAction, matchesResource} from './wildcard.js';

/** Where a policy comes from. Only `resource` policies use Principal and may omit Resource. */
export type PolicyKind = 'aws-managed' | 'customer-managed' | 'inline' | 'resource';

/** One policy to evaluate; `document` is raw (URL-encoded or plain JSON) or parsed. */
export type PolicyInput = {readonly name: string; readonly kind: PolicyKind; readonly document: string | PolicyDocument};

/** Who is asking, for resource policies: an IAM principal ARN or a service principal. */
export type RequestPrincipal = {readonly arn?: string; readonly service?: string};

/** IAM's three outcomes (the same words as iam:SimulatePrincipalPolicy's EvalDecision). */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** A statement that applies to the request. */
export type MatchedStatement = {
	readonly policy: string;
	readonly kind: PolicyKind;
	readonly sid?: string;
	/** Statement position in its document, from 0. */
	readonly index: number;
	readonly effect: 'Allow' | 'Deny';
	/** True when the statement has a Condition or resource policy variables (not evaluated). */
	readonly conditional: boolean;
	readonly conditionKeys: readonly string[];
};

/** A statement whose action matched but whose resource (or principal) did not: useful evidence. */
export type NearMiss = MatchedStatement & {readonly resources?: readonly string[]; readonly notResources?: readonly string[]};

/** Result of {@link evaluatePolicies}. */
export type Evaluation = {
	readonly decision: Decision;
	readonly matched: readonly MatchedStatement[];
	readonly conditionsIgnored: boolean;
	/** Statements for the action that missed on resource or principal. */
	readonly nearMisses: readonly NearMiss[];
	/** Policies that could not be read; the decision ignores them. */
	readonly unreadable: ReadonlyArray<{readonly policy: string; readonly error: string}>;
};

/** Account id of an ARN (`arn:partition:service:region:account:...`). */
export function accountOfArn(arn: string): string | undefined {
	const account = arn.split(':')[4];
	return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

// `arn:aws:sts::A:assumed-role/NAME/SESSION` and `arn:aws:iam::A:role/path/NAME` name the same role.
function roleIdentity(arn: string): string | undefined {
	const assumed = /^arn:[\w-]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
	if (assumed) return `${assumed[1]}/${assumed[2]}`;
	const role = /^arn:[\w-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
	return role ? `${role[1]}/${role[2]}` : undefined;
}

function awsPrincipalMatches(value: string, arn: string): boolean {
	if (value === '*' || value === arn) return true;
	const account = accountOfArn(arn);
	// An account id or its root ARN names every principal in that account.
	if (account !== undefined && (value === account || (value.startsWith('arn:') && value.endsWith(`:iam::${account}:root`)))) return true;
	const wanted = roleIdentity(value);
	return wanted !== undefined && wanted === roleIdentity(arn);
}

function principalMatches(set: PrincipalSet, principal: RequestPrincipal | undefined): boolean {
	if (set.any) return true;
	if (principal === undefined) return false;
	const {arn, service} = principal;
	if (arn !== undefined && set.aws.some(value => awsPrincipalMatches(value, arn))) return true;
	return service !== undefined && set.service.some(value => value.toLowerCase() === service.toLowerCase());
}

function actionApplies(statement: NormalizedStatement, action: string): boolean {
	if (statement.actions !== undefined) return statement.actions.some(pattern => matchesAction(pattern, action));
	return !(statement.notActions ?? []).some(pattern => matchesAction(pattern, action));
}

// A policy variable (`${aws:username}`) could expand to anything: match it like `*` and let
// the statement count as conditional.
function withoutVariables(pattern: string): string {
	return pattern.replace(/\$\{[^}]*\}/g, '*');
}

function resourceApplies(statement: NormalizedStatement, resource: string, kind: PolicyKind): boolean {
	if (statement.resources !== undefined) return statement.resources.some(pattern => matchesResource(withoutVariables(pattern), resource));
	if (statement.notResources !== undefined) return !statement.notResources.some(pattern => matchesResource(pattern, resource));
	// Resource policies (ECR repository policies, trust policies) may omit Resource: it is the
	// resource the policy is attached to. An identity statement without one is invalid.
	return kind === 'resource';
}

function principalApplies(statement: NormalizedStatement, kind: PolicyKind, principal: RequestPrincipal | undefined): boolean {
	if (kind !== 'resource') return true;
	if (statement.principals !== undefined) return principalMatches(statement.principals, principal);
	if (statement.notPrincipals !== undefined) return principal !== undefined && !principalMatches(statement.notPrincipals, principal);
	return false;
}

/** Evaluates `action` on `resource` against `policies`. */
export function evaluatePolicies({
	policies,
	action,
	resource,
	context = {},
}: {
	policies: readonly PolicyInput[];
	action: string;
	resource: string;
	context?: {principal?: RequestPrincipal};
}): Evaluation {
	const matched: MatchedStatement[] = [];
	const nearMisses: NearMiss[] = [];
	const unreadable: Array<{policy: string; error: string}> = [];
	for (const policy of policies) {
		const read = readPolicy(policy.document);
		if (!read.ok) {
			unreadable.push({policy: policy.name, error: read.error});
			continue;
		}
		for (const statement of read.statements) {
			if (!actionApplies(statement, action)) continue;
			const hasVariables = (statement.resources ?? []).some(pattern => pattern.includes('${'));
			const entry: MatchedStatement = {
				policy: policy.name,
				kind: policy.kind,
				...(statement.sid === undefined ? {} : {sid: statement.sid}),
				index: statement.index,
				effect: statement.effect,
				conditional: statement.conditionKeys.length > 0 || hasVariables,
				conditionKeys: statement.conditionKeys,
			};
			if (resourceApplies(statement, resource, policy.kind) && principalApplies(statement, policy.kind, context.principal)) {
				matched.push(entry);
			} else {
				nearMisses.push({
					...entry,
					...(statement.resources === undefined ? {} : {resources: statement.resources}),
					...(statement.notResources === undefined ? {} : {notResources: statement.notResources}),
				});
			}
		}
	}
	const decided = matched.filter(statement => !statement.conditional);
	let decision: Decision = 'implicitDeny';
	if (decided.some(statement => statement.effect === 'Deny')) decision = 'explicitDeny';
	else if (decided.some(statement => statement.effect === 'Allow')) decision = 'allowed';
	return {decision, matched, conditionsIgnored: matched.some(statement => statement.conditional), nearMisses, unreadable};
}

/** Human label: `statement "Sid" in aws-managed policy "Name"`, or `statement "Sid" of the repository policy of web`. */
export function describeStatement(statement: MatchedStatement): string {
	const which = statement.sid === undefined || statement.sid === '' ? `statement #${statement.index + 1}` : `statement "${statement.sid}"`;
	// Resource policies are named by their owner ("the repository policy of web").
	if (statement.kind === 'resource') return `${which} of ${statement.policy}`;
	return `${which} in ${statement.kind} policy "${statement.policy}"`;
}
