// The problem record every validation finding uses, and the AWS error envelope, so the
// editor, the CLI and the simulator all speak the same words.
// Envelope [OBS, many reports; aws-semantics.md §A.2]: HTTP 400 InvalidParameterException,
// "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint:
//  'Lifecycle policy validation failure: <detail>'".

/** How sure we are that `message` is the text AWS returns. */
export type Wording =
	/** Verbatim AWS output quoted in public reports [OBS]. */
	| 'aws-observed'
	/** AWS's JSON-schema validator wording for this kind of failure, not seen for this exact case [INF]. */
	| 'aws-inferred'
	/** Our own wording: AWS's text is unknown [UNK], or AWS accepts the policy (warnings). */
	| 'local';

/** A one-keypress repair an editor can offer. `apply` never throws and never mutates its input. */
export interface PolicyFix {
	/** Short imperative title, e.g. `Add tagPatternList: ["*"] (every tagged image)`. */
	readonly title: string;
	/** Returns the repaired policy value (a copy), or the input unchanged if it no longer fits. */
	readonly apply: (policy: unknown) => unknown;
}

/** One validation finding. */
export interface LifecycleProblem {
	/** `error`: AWS rejects the policy. `warning`: AWS accepts it but it probably does not do what you want. */
	readonly severity: 'error' | 'warning';
	/** Stable id, e.g. `tagged-without-tag-list`. */
	readonly code: string;
	/** JSON path of the offending value, e.g. `$.rules[0].selection.tagPatternList`. */
	readonly path: string;
	/** 1-based line of the offending key (or value) when validated from text. */
	readonly line?: number;
	/** 1-based column, with `line`. */
	readonly column?: number;
	/** The detail as AWS words it where known (see `wording`), else our own. */
	readonly message: string;
	/** How to fix it, in plain words. */
	readonly hint: string;
	/** Where `message` comes from. */
	readonly wording: Wording;
	/**
	 * `lifecycle` (default): AWS wraps the detail in "Lifecycle policy validation failure: ...".
	 * `parameter`: a constraint on the parameter itself (length), wrapped without that prefix.
	 */
	readonly envelope?: 'lifecycle' | 'parameter';
	/** Machine-applicable repairs, best first. */
	readonly fixes?: readonly PolicyFix[];
}

const PARAMETER_PREFIX = "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: ";
const LIFECYCLE_PREFIX = 'Lifecycle policy validation failure: ';

/** The exception name AWS returns for a rejected lifecycle policy text [OBS]. */
export const AWS_POLICY_ERROR_CODE = 'InvalidParameterException';

/**
 * The full message AWS returns for this problem, envelope included, e.g.
 * `Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.'`.
 * For `local` wording the envelope is AWS's and the detail is ours.
 */
export function awsErrorMessage(problem: Pick<LifecycleProblem, 'message' | 'envelope'>): string {
	const detail = problem.envelope === 'parameter' ? problem.message : LIFECYCLE_PREFIX + problem.message;
	return `${PARAMETER_PREFIX}'${detail}'`;
}

/**
 * The error AWS would return for a set of problems: AWS stops at the first failure, and the
 * problems are ordered as AWS checks (length, JSON, schema in document order, rule logic).
 * Undefined when there is no error (warnings only), i.e. AWS accepts the policy.
 */
export function awsError(problems: readonly LifecycleProblem[]): {code: string; message: string} | undefined {
	const first = problems.find(problem => problem.severity === 'error');
	return first === undefined ? undefined : {code: AWS_POLICY_ERROR_CODE, message: awsErrorMessage(first)};
}

/** Renders a value for a message the way AWS's JSON-schema validator does: strings bare, others as JSON, long ones cut. */
export function showValue(value: unknown): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else if (value === null || typeof value === 'number' || typeof value === 'boolean') text = String(value);
	else if (Array.isArray(value)) text = `[…${value.length} items]`;
	else if (typeof value === 'object') text = '{…}';
	else text = String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** JSON-schema primitive type name of a value, as AWS's validator names it (`integer` for whole numbers). */
export function schemaType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}
