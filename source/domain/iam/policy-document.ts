/**
 * Reading IAM policy documents. GetRolePolicy, GetPolicyVersion and GetRole's
 * AssumeRolePolicyDocument return the JSON URL-encoded per RFC 3986; the JS SDK v3 does
 * not decode it [DOC IAM API; spec E, UNK→handled both ways]. Repository policies
 * (ECR GetRepositoryPolicy) arrive as plain JSON. Both forms are accepted here, and
 * nothing throws: a bad document comes back as an error result.
 */
import {isRecord} from '../json.js';

/** `Principal` / `NotPrincipal` as written in a document. */
export type PrincipalBlock =
	| '*'
	| {readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[]; readonly Federated?: string | readonly string[]; readonly CanonicalUser?: string | readonly string[]};

/** One statement as written (singular or list forms). */
export type PolicyStatement = {
	readonly Sid?: string;
	readonly Effect: 'Allow' | 'Deny';
	readonly Action?: string | readonly string[];
	readonly NotAction?: string | readonly string[];
	readonly Resource?: string | readonly string[];
	readonly NotResource?: string | readonly string[];
	readonly Principal?: PrincipalBlock;
	readonly NotPrincipal?: PrincipalBlock;
	readonly Condition?: Readonly<Record<string, unknown>>;
};

/** A policy document as written. */
export type PolicyDocument = {
	readonly Version?: string;
	readonly Id?: string;
	readonly Statement: PolicyStatement | readonly PolicyStatement[];
};

/** Principals of a statement, lists normalised; `any` for `"*"`. */
export type PrincipalSet = {readonly any: boolean; readonly aws: readonly string[]; readonly service: readonly string[]; readonly other: readonly string[]};

/** A statement with every list-or-string field normalised to a list. */
export type NormalizedStatement = {
	/** Position in the document, from 0. */
	readonly index: number;
	readonly sid?: string;
	readonly effect: 'Allow' | 'Deny';
	readonly actions?: readonly string[];
	readonly notActions?: readonly string[];
	readonly resources?: readonly string[];
	readonly notResources?: readonly string[];
	readonly principals?: PrincipalSet;
	readonly notPrincipals?: PrincipalSet;
	/** Condition keys (`aws:SourceAccount`...), empty when the statement has no Condition. */
	readonly conditionKeys: readonly string[];
};

/** Result of {@link decodePolicyDocument} / {@link normalizePolicyDocument}. */
export type DecodedPolicy =
	| {readonly ok: true; readonly document: PolicyDocument; readonly statements: readonly NormalizedStatement[]}
	| {readonly ok: false; readonly error: string};

function stringList(value: unknown, field: string): readonly string[] | string | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return [value];
	if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value as string[];
	return `${field} must be a string or a list of strings`;
}

function principalSet(value: unknown, field: string): PrincipalSet | string | undefined {
	if (value === undefined) return undefined;
	if (value === '*') return {any: true, aws: [], service: [], other: []};
	if (!isRecord(value)) return `${field} must be "*" or an object`;
	const lists: Record<string, readonly string[]> = {};
	for (const [key, raw] of Object.entries(value)) {
		const list = stringList(raw, `${field}.${key}`);
		if (typeof list === 'string') return list;
		lists[key] = list ?? [];
	}
	const aws = lists['AWS'] ?? [];
	const other = [...(lists['Federated'] ?? []), ...(lists['CanonicalUser'] ?? [])];
	return {any: aws.includes('*'), aws, service: lists['Service'] ?? [], other};
}

function normalizeStatement(raw: unknown, index: number): NormalizedStatement | string {
	const where = `Statement[${index}]`;
	if (!isRecord(raw)) return `${where} is not an object`;
	const effect = raw['Effect'];
	if (effect !== 'Allow' && effect !== 'Deny') return `${where}.Effect must be "Allow" or "Deny"`;
	const fields = {
		actions: stringList(raw['Action'], `${where}.Action`),
		notActions: stringList(raw['NotAction'], `${where}.NotAction`),
		resources: stringList(raw['Resource'], `${where}.Resource`),
		notResources: stringList(raw['NotResource'], `${where}.NotResource`),
		principals: principalSet(raw['Principal'], `${where}.Principal`),
		notPrincipals: principalSet(raw['NotPrincipal'], `${where}.NotPrincipal`),
	};
	for (const value of Object.values(fields)) if (typeof value === 'string') return value;
	if (fields.actions === undefined && fields.notActions === undefined) return `${where} has neither Action nor NotAction`;
	const condition = raw['Condition'];
	if (condition !== undefined && !isRecord(condition)) return `${where}.Condition must be an object`;
	const conditionKeys = condition === undefined ? [] : Object.values(condition).flatMap(block => (isRecord(block) ? Object.keys(block) : []));
	const sid = typeof raw['Sid'] === 'string' ? raw['Sid'] : undefined;
	const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Omit<NormalizedStatement, 'index' | 'effect' | 'conditionKeys' | 'sid'>;
	return {index, ...(sid === undefined ? {} : {sid}), effect, ...defined, conditionKeys};
}

/** Validates an already-parsed document and normalises its statements. */
export function normalizePolicyDocument(value: unknown): DecodedPolicy {
	if (!isRecord(value)) return {ok: false, error: 'policy document is not a JSON object'};
	const rawStatements = value['Statement'];
	if (rawStatements === undefined) return {ok: false, error: 'policy document has no Statement'};
	const list: unknown[] = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
	const statements: NormalizedStatement[] = [];
	for (const [index, raw] of list.entries()) {
		const statement = normalizeStatement(raw, index);
		if (typeof statement === 'string') return {ok: false, error: statement};
		statements.push(statement);
	}
	return {ok: true, document: value as PolicyDocument, statements};
}

/**
 * Decodes a policy document from IAM (URL-encoded) or from anywhere else (plain JSON).
 * Plain JSON is tried first because a plain document may legitimately contain `%`.
 */
export function decodePolicyDocument(text: string): DecodedPolicy {
	const trimmed = text.trim();
	if (trimmed === '') return {ok: false, error: 'policy document is empty'};
	let parsed: unknown;
	if (trimmed.startsWith('{')) {
		try {
			parsed = JSON.parse(trimmed);
		} catch (error) {
			return {ok: false, error: `policy document is not valid JSON: ${(error as Error).message}`};
		}
	} else {
		let decoded: string;
		try {
			decoded = decodeURIComponent(trimmed);
		} catch {
			return {ok: false, error: 'policy document is neither JSON nor valid URL-encoded (RFC 3986) text'};
		}
		try {
			parsed = JSON.parse(decoded);
		} catch (error) {
			return {ok: false, error: `URL-decoded policy document is not valid JSON: ${(error as Error).message}`};
		}
	}
	return normalizePolicyDocument(parsed);
}

/** Decodes text, or normalises a document that was already parsed (e.g. by an SDK). */
export function readPolicy(document: string | PolicyDocument): DecodedPolicy {
	return typeof document === 'string' ? decodePolicyDocument(document) : normalizePolicyDocument(document);
}
