/**
 * Shape of a failure-catalog entry. Entries live in `catalog-startup.ts` and
 * `catalog-runtime.ts`; `catalog.ts` orders them and classifies text against them.
 */
import type {StopCode} from '../tasks/types.js';
import type {CheckId} from './types.js';

/** Broad area of a failure; screens group and colour by it. */
export type CatalogFamily =
	| 'registry-auth'
	| 'secrets'
	| 'logs'
	| 'volumes'
	| 'image-pull'
	| 'network'
	| 'start-timeout'
	| 'container'
	| 'health-check'
	| 'capacity'
	| 'infrastructure'
	| 'throttling'
	| 'normal-stop';

/**
 * Text patterns of an entry. All of `all` must match, at least one of `any` when given, and
 * none of `none`. Patterns are matched against one reason text at a time.
 */
export type CatalogMatch = {
	readonly all?: readonly RegExp[];
	readonly any?: readonly RegExp[];
	readonly none?: readonly RegExp[];
};

/** One known failure: how to recognise it, what it means and how to fix it. */
export type CatalogEntry = {
	/** Stable kebab-case id, e.g. `registry-auth-network`. */
	readonly id: string;
	readonly family: CatalogFamily;
	/** Title for lists: "Cannot reach ECR to get registry auth". */
	readonly title: string;
	/** Lower-case lead of a verdict, completed with the best evidence: "cannot reach ECR". */
	readonly headline: string;
	/** The root cause in plain words. */
	readonly cause: string;
	/** One concrete line: what to change. */
	readonly fix: string;
	/** Live checks that confirm (when failing) or contradict (when passing) this cause, most explanatory first. */
	readonly checks: readonly CheckId[];
	/**
	 * Checks that, when failing, explain the failure better than `checks` (and win the
	 * verdict), but whose passing says nothing against this cause: e.g. `image:region` for a
	 * network timeout. Never listed as contradicting.
	 */
	readonly alternatives?: readonly CheckId[];
	/** AWS documentation for this failure. */
	readonly docs: string;
	readonly match: CatalogMatch;
	/** Stop codes that identify this entry on their own when no reason text matches. */
	readonly stopCodes?: readonly StopCode[];
	/** The entry names a category, not a specific cause (e.g. "some other ResourceInitializationError"). */
	readonly generic?: boolean;
	/** Not a failure: the task was stopped on purpose. */
	readonly benign?: boolean;
};

/** Network-timeout wording shared by several entries. [OBS: Go net/http and AWS SDK Go error texts] */
export const TIMEOUT =
	/i\/o timeout|context deadline exceeded|deadline exceeded|send request failed|request send failed|RequestCanceled|request canceled|StatusCode: 0|connection timed out|connection refused|connection reset|no such host|network is unreachable|TLS handshake timeout|connection issue between the task/i;

/** Text of an AWS access-denied error. */
export const DENIED = /AccessDenied|not authorized to perform|is not authorized|Access to KMS is not allowed/i;

/** Useful documentation pages. */
export const DOCS = {
	resourceInit: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html',
	cannotPull: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html',
	stoppedCodes: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html',
	unablePullSecrets: 'https://repost.aws/knowledge-center/ecs-unable-to-pull-secrets',
	fargatePull: 'https://repost.aws/knowledge-center/ecs-fargate-pull-container-error',
	dockerTimeout: 'https://repost.aws/knowledge-center/ecs-fargate-docker-timeout-error',
	ecrEndpoints: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
	executionRole: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
	repositoryPolicies: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
	secrets: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
	privateRegistry: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html',
	awslogs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
	efs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
	pullThroughCache: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html',
	ecrQuotas: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html',
	loadBalancers: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-load-balancers.html',
	healthCheck: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html',
	apiFailures: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html',
	fargateCapacity: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
	maintenance: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-maintenance.html',
	taskLifecycle: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle-explanation.html',
	serviceEvents: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html',
} as const;
