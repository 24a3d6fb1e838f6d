/**
 * A deliberately small identity-policy evaluator for SimulatePrincipalPolicy, local to the
 * simulator (the app has its own in `domain/`). It follows the IAM evaluation logic for
 * identity policies only [DOC IAM policy evaluation logic]: an explicit Deny wins, otherwise
 * any Allow allows, otherwise the request is implicitly denied. Action/NotAction and
 * Resource/NotResource use `*` and `?` wildcards; actions compare case-insensitively,
 * resources case-sensitively. Statements with a `Condition` are not evaluated: they never
 * match, and their keys are reported in MissingContextValues. Resource policies, permission
 * boundaries and SCPs are out of scope (aws-semantics.md E notes IAM's own simulator does not
 * evaluate resource policies for roles either).
 */

export type PolicySource = {id: string; type: 'aws-managed' | 'user-managed' | 'role' | 'none'; document: string};

export type Position = {Line: number; Column: number};

export type MatchedStatement = {SourcePolicyId: string; SourcePolicyType: string; StartPosition: Position; EndPosition: Position};

export type Decision = {decision: 'allowed' | 'explicitDeny' | 'implicitDeny'; matched: MatchedStatement[]; missingContextValues: string[]};

type Statement = {Effect?: unknown; Action?: unknown; NotAction?: unknown; Resource?: unknown; NotResource?: unknown; Condition?: unknown};

type ParsedStatement = {statement: Statement; start: Position; end: Position};

function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
	const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
	return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function list(value: unknown): string[] {
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]).map(String);
}

/** Offsets of the statement objects in the document text, for Start/EndPosition (1-based). */
function statementSpans(text: string): {start: number; end: number}[] {
	const spans: {start: number; end: number}[] = [];
	const key = /"Statement"\s*:\s*/.exec(text);
	if (!key) return spans;
	let index = key.index + key[0].length;
	const single = text[index] === '{';
	let depth = 0;
	let inString = false;
	let start = -1;
	for (; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
			continue;
		}
		if (char === '"') inString = true;
		else if (char === '{' || char === '[') {
			if (char === '{' && depth === (single ? 0 : 1)) start = index;
			depth++;
		} else if (char === '}' || char === ']') {
			depth--;
			if (char === '}' && depth === (single ? 0 : 1)) spans.push({start, end: index + 1});
			if (depth === 0) break;
		}
	}
	return spans;
}

function positionOf(text: string, offset: number): Position {
	const before = text.slice(0, offset).split('\n');
	return {Line: before.length, Column: (before.at(-1)?.length ?? 0) + 1};
}

/** Parses a policy document into statements with their positions; malformed JSON yields none. */
export function parseStatements(document: string): ParsedStatement[] {
	let parsed: {Statement?: unknown};
	try {
		parsed = JSON.parse(document) as {Statement?: unknown};
	} catch {
		return [];
	}
	const statements = (Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : []) as Statement[];
	const spans = statementSpans(document);
	return statements.map((statement, index) => {
		const span = spans[index] ?? {start: 0, end: document.length};
		return {statement, start: positionOf(document, span.start), end: positionOf(document, span.end)};
	});
}

function matchesAction(statement: Statement, action: string): boolean {
	if (statement.Action !== undefined) return list(statement.Action).some(pattern => wildcard(pattern, action, true));
	if (statement.NotAction !== undefined) return !list(statement.NotAction).some(pattern => wildcard(pattern, action, true));
	return false;
}

function matchesResource(statement: Statement, resource: string): boolean {
	if (statement.Resource !== undefined) return list(statement.Resource).some(pattern => wildcard(pattern, resource, false));
	if (statement.NotResource !== undefined) return !list(statement.NotResource).some(pattern => wildcard(pattern, resource, false));
	return false;
}

function conditionKeys(condition: unknown): string[] {
	if (!condition || typeof condition !== 'object') return [];
	return Object.values(condition as Record<string, unknown>).flatMap(block => (block && typeof block === 'object' ? Object.keys(block) : []));
}

/** Evaluates one action on one resource against the principal's identity policies. */
export function evaluate(sources: readonly PolicySource[], action: string, resource: string): Decision {
	const allows: MatchedStatement[] = [];
	const denies: MatchedStatement[] = [];
	const missing = new Set<string>();
	for (const source of sources) {
		for (const {statement, start, end} of parseStatements(source.document)) {
			if (!matchesAction(statement, action) || !matchesResource(statement, resource)) continue;
			if (statement.Condition !== undefined) {
				for (const key of conditionKeys(statement.Condition)) missing.add(key);
				continue;
			}
			const match = {SourcePolicyId: source.id, SourcePolicyType: source.type, StartPosition: start, EndPosition: end};
			if (statement.Effect === 'Deny') denies.push(match);
			else if (statement.Effect === 'Allow') allows.push(match);
		}
	}
	const missingContextValues = [...missing];
	if (denies.length > 0) return {decision: 'explicitDeny', matched: denies, missingContextValues};
	if (allows.length > 0) return {decision: 'allowed', matched: allows, missingContextValues};
	return {decision: 'implicitDeny', matched: [], missingContextValues};
}
