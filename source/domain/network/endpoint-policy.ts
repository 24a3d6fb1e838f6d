// A deliberately small evaluator for VPC endpoint policies: explicit Deny wins, otherwise an
// Allow must match action and resource; anything with a Condition (or a principal we cannot
// resolve) is reported as "cannot verify" rather than guessed [INF; aws-semantics.md E].
import {matchesAction, matchesResource} from '../iam/wildcard.js';

/** One API call the task will make through the endpoint. */
export type PolicyRequest = {action: string; resource: string};

/** The result of checking one policy against a set of requests. */
export type PolicyEvaluation = {
	outcome: 'allowed' | 'explicit-deny' | 'implicit-deny' | 'conditional' | 'unparseable';
	/** The request that decided (the first denied or unverifiable one). */
	request?: PolicyRequest;
	/** Plain description with the statement Sid or index. */
	evidence: string;
};

type Statement = {
	sid: string;
	effect: 'Allow' | 'Deny';
	principal: unknown;
	hasNotPrincipal: boolean;
	actions?: string[];
	notActions?: string[];
	resources?: string[];
	notResources?: string[];
	hasCondition: boolean;
};

function strings(value: unknown): string[] | undefined {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
	return undefined;
}

function parseDocument(document: string): Statement[] | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(document);
	} catch {
		// IAM returns URL-encoded documents; EC2 normally does not, but accept both [DOC E].
		try {
			parsed = JSON.parse(decodeURIComponent(document));
		} catch {
			return undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const raw = (parsed as Record<string, unknown>)['Statement'];
	const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
	const statements: Statement[] = [];
	list.forEach((item: unknown, index) => {
		if (typeof item !== 'object' || item === null) return;
		const s = item as Record<string, unknown>;
		const effect = s['Effect'];
		if (effect !== 'Allow' && effect !== 'Deny') return;
		statements.push({
			sid: typeof s['Sid'] === 'string' ? s['Sid'] : `#${index + 1}`,
			effect,
			principal: s['Principal'],
			hasNotPrincipal: s['NotPrincipal'] !== undefined,
			actions: strings(s['Action']),
			notActions: strings(s['NotAction']),
			resources: strings(s['Resource']),
			notResources: strings(s['NotResource']),
			hasCondition: typeof s['Condition'] === 'object' && s['Condition'] !== null && Object.keys(s['Condition']).length > 0,
		});
	});
	return statements;
}

function principalMatches(statement: Statement, principalArn: string | undefined): boolean | 'unknown' {
	if (statement.hasNotPrincipal) return 'unknown';
	const principal = statement.principal;
	if (principal === undefined || principal === '*') return true;
	if (typeof principal !== 'object' || principal === null) return 'unknown';
	const aws = strings((principal as Record<string, unknown>)['AWS']);
	if (aws === undefined) return false;
	if (aws.includes('*')) return true;
	if (principalArn === undefined) return 'unknown';
	const account = principalArn.split(':')[4] ?? '';
	return aws.some(p => p === principalArn || p === account || p === `arn:aws:iam::${account}:root`);
}

function applies(statement: Statement, request: PolicyRequest): boolean {
	const actionOk = statement.actions !== undefined
		? statement.actions.some(p => matchesAction(p, request.action))
		: statement.notActions !== undefined && !statement.notActions.some(p => matchesAction(p, request.action));
	if (!actionOk) return false;
	if (statement.resources !== undefined) return statement.resources.some(p => matchesResource(p, request.resource));
	if (statement.notResources !== undefined) return !statement.notResources.some(p => matchesResource(p, request.resource));
	return true;
}

function decide(statements: Statement[], request: PolicyRequest, principalArn: string | undefined): PolicyEvaluation {
	const matching = statements.filter(s => applies(s, request));
	const show = `${request.action} on ${request.resource}`;
	for (const s of matching.filter(m => m.effect === 'Deny')) {
		const who = principalMatches(s, principalArn);
		if (who === false) continue;
		if (who === true && !s.hasCondition) return {outcome: 'explicit-deny', request, evidence: `statement ${s.sid} denies ${show}`};
		return {outcome: 'conditional', request, evidence: `statement ${s.sid} may deny ${show} (condition or principal cannot be verified)`};
	}
	let conditional: Statement | undefined;
	for (const s of matching.filter(m => m.effect === 'Allow')) {
		const who = principalMatches(s, principalArn);
		if (who === true && !s.hasCondition) return {outcome: 'allowed', request, evidence: `statement ${s.sid} allows ${show}`};
		if (who !== false) conditional ??= s;
	}
	if (conditional !== undefined) {
		return {outcome: 'conditional', request, evidence: `statement ${conditional.sid} allows ${show} only under a condition or principal that cannot be verified`};
	}
	return {outcome: 'implicit-deny', request, evidence: `no statement allows ${show}`};
}

const SEVERITY: Record<PolicyEvaluation['outcome'], number> = {'explicit-deny': 4, 'implicit-deny': 3, unparseable: 2, conditional: 1, allowed: 0};

/**
 * Checks an endpoint policy against the requests the task will make. No document means the
 * default policy, which allows full access [DOC ModifyVpcEndpoint ResetPolicy].
 */
export function evaluateEndpointPolicy(document: string | undefined, requests: readonly PolicyRequest[], principalArn?: string): PolicyEvaluation {
	if (document === undefined || document.trim() === '') return {outcome: 'allowed', evidence: 'default policy (full access)'};
	const statements = parseDocument(document);
	if (statements === undefined) return {outcome: 'unparseable', evidence: 'the endpoint policy is not valid JSON'};
	let worst: PolicyEvaluation = {outcome: 'allowed', evidence: 'policy allows every request'};
	const allowedBy: string[] = [];
	for (const request of requests) {
		const result = decide(statements, request, principalArn);
		if (result.outcome === 'allowed') allowedBy.push(result.evidence);
		if (SEVERITY[result.outcome] > SEVERITY[worst.outcome]) worst = result;
	}
	if (worst.outcome === 'allowed' && allowedBy.length > 0) return {outcome: 'allowed', evidence: allowedBy.join('; ')};
	return worst;
}
