// Public API of the ECR lifecycle-policy engine (pure: no I/O, no clock, no SDK types).
// parse -> validate -> evaluate -> preview / diff / cost, plus describe-images input,
// templates, and the list of assumptions for the help screen.

export type {
	ActionType, CountType, ImageStatus, LifecycleAction, LifecycleImage, LifecyclePolicy, LifecycleRule, LifecycleSelection,
	PolicyStorageClass, TagStatus,
} from './types.js';
export {parseJson, lineColumnAt, snippetAt} from './parse.js';
export type {JsonSyntaxError, ParseOptions, ParseResult, ParseWarning, PathPosition, PositionMap, SourcePosition} from './parse.js';
export {jsonPath} from './json-path.js';
export type {PathSegment} from './json-path.js';
export {AWS_POLICY_ERROR_CODE, awsError, awsErrorMessage} from './problems.js';
export type {LifecycleProblem, PolicyFix, Wording} from './problems.js';
export {formatPolicyText, POLICY_TEXT_MAX, POLICY_TEXT_MIN, validatePolicy, validatePolicyText} from './validate.js';
export type {ValidateOptions, ValidationResult} from './validate.js';
export {ARCHIVE_MINIMUM_DAYS, MAX_RULES, MAX_WILDCARDS} from './validate-rules.js';
export {evaluateLifecycle} from './evaluate.js';
export type {EvaluateInput, EvaluationResult, EvaluationTotals, FollowerImage, ImageOutcome, ProtectedImage, RuleSummary} from './evaluate.js';
export {compilePattern, wildcardCount} from './tag-match.js';
export {selectionLabel, DAY_MS} from './reasons.js';
export {diffOutcomes, toPreview} from './preview.js';
export type {OutcomeChange, PreviewContext, OutcomeDiff, PreviewAction, PreviewBody, PreviewResult, PreviewSummary} from './preview.js';
export {imagesFromDescribeImages, MAX_INPUT_ERRORS, parseDescribeImages} from './images-input.js';
export type {ImagesInputResult, InputIssue} from './images-input.js';
export {parseIsoTimestamp, parseTimestamp} from './timestamps.js';
export type {TimestampResult} from './timestamps.js';
export {LIFECYCLE_TEMPLATES, templateById} from './templates.js';
export type {LifecycleTemplate, TemplateParameter} from './templates.js';
export {BYTES_PER_GB, DEFAULT_PRICE_PER_GB_MONTH, estimateSavings, monthlyStorageCost} from './cost.js';
export type {Savings, SavingsOptions} from './cost.js';
export {LIFECYCLE_ASSUMPTIONS} from './assumptions.js';
export type {LifecycleAssumption} from './assumptions.js';
