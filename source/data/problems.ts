import {reportInternalError} from '../internal-errors.js';

/**
 * AWS failures as a small union the screens render instead of crashing. Each problem says
 * what failed, why, and the next step, in words a user can act on.
 */
export type ProblemKind =
	| 'access-denied'
	| 'throttled'
	| 'expired-credentials'
	| 'no-credentials'
	| 'no-region'
	| 'not-found'
	| 'network'
	| 'server'
	| 'invalid-request'
	| 'cancelled'
	| 'unknown';

export type Problem = {
	kind: ProblemKind;
	/** What failed, e.g. "Listing images of payments-api". */
	what: string;
	/** Why, in plain words, including AWS's own message where it helps. */
	why: string;
	/** The next step: a command, a flag, a permission to add. */
	next: string;
	/** AWS error code or Node error code. */
	code?: string;
	/** For access-denied: the IAM action and resource named in AWS's message. */
	action?: string;
	resource?: string;
	/** Whether trying again may help (Ctrl-R). */
	retryable: boolean;
};

const brand = Symbol.for('ecrtui.problem');

type ErrorLike = {
	name?: string;
	code?: string;
	message?: string;
	$metadata?: {httpStatusCode?: number};
	$fault?: 'client' | 'server';
	cause?: unknown;
};

const throttlingCodes = new Set([
	'ThrottlingException', 'Throttling', 'ThrottledException', 'RequestLimitExceeded', 'TooManyRequestsException',
	'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'BandwidthLimitExceeded', 'EC2ThrottledException',
	'ProvisionedThroughputExceededException', 'PriorRequestNotComplete', 'TransactionInProgressException',
]);
const expiredCodes = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired', 'InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'AuthFailure']);
const deniedCodes = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedException']);
const notFoundPattern = /NotFound|NoSuchEntity|DoesNotExist/;
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** Parses "User: X is not authorized to perform: ecr:DescribeImages on resource: arn:..." */
export function parseAccessDenied(message: string): {principal?: string; action?: string; resource?: string} {
	// The resource may contain a space: IAM names it by type, "on resource: role ecsTaskExecutionRole".
	const match = /User: (\S+) is not authorized to perform: (\S+?)(?: on resource: (.+?))?(?: because|\s+with\b|\.?\s*$)/.exec(message);
	if (!match) {
		const action = /perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/.exec(message)?.[1];
		return action ? {action} : {};
	}
	return {principal: match[1], action: match[2], ...(match[3] ? {resource: match[3]} : {})};
}

export function isProblem(value: unknown): value is Problem {
	return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

function make(problem: Problem): Problem {
	Object.defineProperty(problem, brand, {value: true, enumerable: false});
	return problem;
}

/** Context for the wording: what the app was doing and under which profile. */
export type ProblemContext = {what: string; profile?: string; endpoint?: string};

function codeOf(error: ErrorLike): string | undefined {
	const cause = error.cause as ErrorLike | undefined;
	return error.code ?? cause?.code ?? error.name;
}

/** Maps anything thrown by an SDK call (or our own code) to a {@link Problem}. */
export function toProblem(error: unknown, context: ProblemContext): Problem {
	if (isProblem(error)) return error;
	const value = (typeof error === 'object' && error !== null ? error : {message: String(error)}) as ErrorLike;
	const name = value.name ?? 'Error';
	const code = codeOf(value) ?? name;
	const message = (value.message ?? '').replace(/\s+/g, ' ').trim();
	const profileFlag = context.profile ? ` --profile ${context.profile}` : '';
	const {what} = context;

	if (name === 'ReadOnlyMode') {
		return make({kind: 'invalid-request', what, why: message, next: 'Start ecrtui without --read-only (and with readOnly false in the settings) to make changes.', code: name, retryable: false});
	}
	if (name === 'AbortError' || code === 'ABORT_ERR') {
		return make({kind: 'cancelled', what, why: 'The request was cancelled.', next: 'Press Ctrl-R to load again.', code, retryable: true});
	}
	if (throttlingCodes.has(name) || throttlingCodes.has(code)) {
		return make({kind: 'throttled', what, why: `AWS is throttling these requests (${name}: ${message || 'Rate exceeded'}); retries with backoff did not get through.`, next: 'Wait a moment and press Ctrl-R; raise the refresh interval if this keeps happening.', code: name, retryable: true});
	}
	if (name === 'CredentialsProviderError' || /Could not load credentials|credential/i.test(name)) {
		// Only an expired or missing login is fixed by `aws sso login`; a misconfigured SSO profile
		// ("configured with invalid SSO credentials", "Conflicting SSO region") is not.
		if (/expired|refresh this SSO session|sso login|token.*(not found|invalid)/i.test(message)) {
			return make({kind: 'expired-credentials', what, why: `The SSO session has expired: ${message}`, next: `Run \`aws sso login${profileFlag}\` and start ecrtui again (or press Ctrl-R).`, code: name, retryable: true});
		}
		return make({kind: 'no-credentials', what, why: `No AWS credentials were found: ${message || 'the credential chain is empty'}.`, next: `Set AWS_PROFILE or pass --profile, run \`aws configure\` or \`aws sso login${profileFlag}\`, or try \`ecrtui --demo\`.`, code: name, retryable: false});
	}
	if (expiredCodes.has(name) || expiredCodes.has(code)) {
		return make({kind: 'expired-credentials', what, why: `AWS rejected the credentials (${name}: ${message}).`, next: `Refresh them (\`aws sso login${profileFlag}\`, or renew the session token) and press Ctrl-R.`, code: name, retryable: true});
	}
	if (deniedCodes.has(name) || /not authorized to perform/.test(message)) {
		const parsed = parseAccessDenied(message);
		const action = parsed.action;
		const resource = parsed.resource;
		return make({
			kind: 'access-denied',
			what,
			why: action ? `Missing permission ${action}${resource ? ` on ${resource}` : ''}.` : `Access denied: ${message}`,
			next: action ? `Ask for ${action}${resource ? ` on ${resource}` : ''} in your IAM policy (see README, "Required IAM permissions").` : 'Check the IAM policy of the profile you are using.',
			code: name,
			...(action ? {action} : {}),
			...(resource ? {resource} : {}),
			retryable: false,
		});
	}
	if (networkCodes.has(code) || networkCodes.has(name) || /ECONNREFUSED|ENOTFOUND|socket hang up|connect ETIMEDOUT/.test(message)) {
		const target = context.endpoint ? ` ${context.endpoint}` : ' the AWS endpoint';
		return make({kind: 'network', what, why: `Could not reach${target} (${code}${message ? `: ${message}` : ''}).`, next: 'Check your network, VPN or proxy, and --endpoint-url; then press Ctrl-R.', code, retryable: true});
	}
	if (notFoundPattern.test(name)) {
		return make({kind: 'not-found', what, why: message || `${name}.`, next: 'It may have been deleted or be in another region or account; press Ctrl-R to refresh.', code: name, retryable: false});
	}
	if (name === 'ValidationException' || name === 'InvalidParameterException' || name === 'InvalidParameterValue' || name === 'ClientException' || name === 'InvalidInputException' || name === 'MalformedPolicyDocument') {
		return make({kind: 'invalid-request', what, why: `AWS rejected the request (${name}: ${message}).`, next: 'This is likely a bug in ecrtui or an unusual resource; run with --debug and report it.', code: name, retryable: false});
	}
	const status = value.$metadata?.httpStatusCode;
	if (value.$fault === 'server' || (status !== undefined && status >= 500)) {
		return make({kind: 'server', what, why: `AWS had an internal error (${name}${status ? `, HTTP ${status}` : ''}${message ? `: ${message}` : ''}); retries did not get through.`, next: 'Press Ctrl-R to try again.', code: name, retryable: true});
	}
	// Not an AWS answer we know: most likely a bug of ours; --debug keeps the stack.
	reportInternalError(value, what);
	return make({kind: 'unknown', what, why: `${name}: ${message || 'no message'}`, next: 'Press Ctrl-R to try again; run with --debug to capture details.', code: name, retryable: true});
}

/** A problem raised by our own checks (no AWS error behind it). */
export function problem(kind: ProblemKind, what: string, why: string, next: string, extra: Partial<Problem> = {}): Problem {
	return make({kind, what, why, next, retryable: kind !== 'access-denied' && kind !== 'no-credentials', ...extra});
}
