// Validation entry points. Problems come out in the order AWS checks (text length, JSON
// syntax, schema in document order, then rule logic), so `awsError(problems)` is the one
// error AWS would return. Never throws, whatever the input.

import {jsonPath} from './json-path.js';
import type {PathSegment} from './json-path.js';
import {parseJson} from './parse.js';
import type {PathPosition, PositionMap} from './parse.js';
import type {LifecycleProblem} from './problems.js';
import type {LifecyclePolicy} from './types.js';
import {checkAcrossRules} from './validate-cross.js';
import {checkRuleLogic} from './validate-rules.js';
import {checkSchema} from './validate-schema.js';
import type {Finding} from './validate-schema.js';

/** `lifecyclePolicyText` length limits, in characters [MODEL PutLifecyclePolicy; DOC service-quotas]. */
export const POLICY_TEXT_MIN = 100;
/** See `POLICY_TEXT_MIN`. */
export const POLICY_TEXT_MAX = 30_720;

/** Outcome of validation. */
export interface ValidationResult {
	/** True when there is no error (warnings allowed): AWS would accept the policy. */
	readonly ok: boolean;
	/** Errors and warnings in AWS's checking order. */
	readonly problems: readonly LifecycleProblem[];
	/** The typed policy, present when `ok`. */
	readonly policy?: LifecyclePolicy;
	/** The parsed value (present unless the text is not JSON). */
	readonly value?: unknown;
	/** Path-to-position map, when validated from text. */
	readonly positions?: PositionMap;
}

/** Options of `validatePolicy`. */
export interface ValidateOptions {
	/** Positions from `parseJson`, to give problems a line and column. */
	readonly positions?: PositionMap;
}

/** Validates policy text exactly as `PutLifecyclePolicy` would receive it. */
export function validatePolicyText(text: string): ValidationResult {
	try {
		return validateText(text);
	} catch (error) {
		return internalFailure(error);
	}
}

/** Validates an already-parsed policy value (no length check: that needs the text). */
export function validatePolicy(value: unknown, options: ValidateOptions = {}): ValidationResult {
	try {
		const problems = validateValue(value, options.positions);
		return finish(problems, value, options.positions);
	} catch (error) {
		return internalFailure(error);
	}
}

/**
 * Serialises a policy the way the editor saves it: 2-space indentation, padded with
 * trailing newlines to the 100-character minimum (JSON allows trailing whitespace) [INF].
 */
export function formatPolicyText(policy: unknown): string {
	const text = JSON.stringify(policy, null, 2) ?? 'null';
	return text.length >= POLICY_TEXT_MIN ? text : text + '\n'.repeat(POLICY_TEXT_MIN - text.length);
}

function validateText(text: string): ValidationResult {
	if (typeof text !== 'string') return validatePolicy(text);
	const problems: LifecycleProblem[] = [];
	if (text.length < POLICY_TEXT_MIN) {
		const compact = text.trim().length > 0 && !text.includes('\n');
		problems.push({
			severity: 'error', code: 'policy-too-short', path: '$', wording: 'aws-inferred', envelope: 'parameter',
			message: `Member must have length greater than or equal to ${POLICY_TEXT_MIN}`,
			hint: `AWS requires the policy text to be ${POLICY_TEXT_MIN} to ${POLICY_TEXT_MAX.toLocaleString('en-US')} characters; this one has ${text.length}.${compact ? ' Short minified text is rejected for its length alone:' : ''} Pretty-print it with 2-space indentation (or pad it with trailing whitespace). The AWS CLI checks this before sending ("Invalid length for parameter lifecyclePolicyText, value: ${text.length}, valid min length: ${POLICY_TEXT_MIN}").`,
		});
	}
	if (text.length > POLICY_TEXT_MAX) {
		problems.push({
			severity: 'error', code: 'policy-too-long', path: '$', wording: 'aws-inferred', envelope: 'parameter',
			message: `Member must have length less than or equal to ${POLICY_TEXT_MAX}`,
			hint: `The policy text has ${text.length.toLocaleString('en-US')} characters; the limit is ${POLICY_TEXT_MAX.toLocaleString('en-US')} and cannot be raised. Minify it (drop indentation), shorten descriptions, or merge rules with tagPatternList wildcards.`,
		});
	}
	const parsed = parseJson(text);
	if (!parsed.ok) {
		const {error} = parsed;
		problems.push({
			severity: 'error', code: 'json-syntax', path: '$', line: error.line, column: error.column, wording: 'aws-observed',
			message: 'Could not map policyString into LifecyclePolicy.',
			hint: `The text is not valid JSON: ${error.message} (line ${error.line}, column ${error.column})\n${error.snippet}`,
		});
		return {ok: false, problems};
	}
	for (const warning of parsed.warnings) {
		problems.push({
			severity: 'warning', code: warning.code, path: warning.path || '$', line: warning.line, column: warning.column, wording: 'local',
			message: warning.message,
			hint: warning.code === 'duplicate-key' ? 'Remove one of the two; only the last one counts, which is easy to miss.' : 'Save the file as UTF-8 without BOM; AWS may reject it.',
		});
	}
	problems.push(...validateValue(parsed.value, parsed.positions));
	return finish(problems, parsed.value, parsed.positions);
}

function validateValue(value: unknown, positions: PositionMap | undefined): LifecycleProblem[] {
	const rawNumber = (segments: readonly PathSegment[]): string | undefined => positions?.get(jsonPath(segments))?.raw;
	const schema = checkSchema({value, rawNumber});
	const findings: Finding[] = [...schema.findings];
	for (const rule of schema.rules) findings.push(...checkRuleLogic(rule));
	if (schema.hasRulesArray) findings.push(...checkAcrossRules(schema.rules));
	return findings.map(item => locate(item, positions));
}

function locate(item: Finding, positions: PositionMap | undefined): LifecycleProblem {
	const {segments, ...rest} = item;
	const path = jsonPath(segments);
	const position = positions === undefined ? undefined : nearestPosition(segments, positions);
	const where = position?.key ?? position?.value;
	return {...rest, path, ...(where === undefined ? {} : {line: where.line, column: where.column})};
}

/** The position of the path, or of its nearest ancestor that has one (a missing key points at its object). */
function nearestPosition(segments: readonly PathSegment[], positions: PositionMap): PathPosition | undefined {
	for (let length = segments.length; length >= 0; length--) {
		const found = positions.get(jsonPath(segments.slice(0, length)));
		if (found !== undefined) return found;
	}
	return undefined;
}

function finish(problems: LifecycleProblem[], value: unknown, positions: PositionMap | undefined): ValidationResult {
	const ok = !problems.some(problem => problem.severity === 'error');
	return {ok, problems, value, positions, ...(ok ? {policy: value as LifecyclePolicy} : {})};
}

function internalFailure(error: unknown): ValidationResult {
	// Defensive only: every check is written not to throw. Report rather than crash the editor.
	return {
		ok: false,
		problems: [{
			severity: 'error', code: 'internal-error', path: '$', wording: 'local',
			message: 'The validator failed on this input.',
			hint: `Please report this with the policy text. (${error instanceof Error ? error.message : String(error)})`,
		}],
	};
}
