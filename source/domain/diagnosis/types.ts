/**
 * The shared shape of a live check (IAM, image, network, logs, secrets) and the check ids
 * the failure catalog refers to. Producers: `domain/iam` (execution-role checks),
 * `domain/diagnosis/image-checks.ts`, and the network engine (ids starting `network:`).
 */

/** Which part of the task's start-up path a check looks at. */
export type CheckGroup = 'iam' | 'image' | 'network' | 'logs' | 'secrets';

/** Outcome of a check. `unknown` means it could not be run (missing permission, no data). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/** How a check reached its result, so the UI can say which method was used. */
export type CheckMethod =
	/** From AWS's own evaluation, e.g. iam:SimulatePrincipalPolicy. */
	| 'simulated'
	/** Evaluated locally by ecrtui from documents it read (policies, route tables...). */
	| 'evaluated'
	/** A direct observation (the resource exists or not). */
	| 'observed';

/** One live check. Several checks may share an `id` and differ by `resourceId`. */
export type Check = {
	/** `<group>:<name>`, e.g. `iam:ecr-auth`, `network:route`; a `network:` id whose name is not a destination is a path check. */
	readonly id: string;
	readonly group: CheckGroup;
	/** Short label, e.g. "ecr:GetAuthorizationToken on *". */
	readonly title: string;
	readonly status: CheckStatus;
	/** What was seen, in plain words, naming resources: "the NAT route in rtb-1 is a blackhole". */
	readonly evidence: string;
	/** One concrete next step (a CLI one-liner where possible). */
	readonly fix?: string;
	/** The resource the check is about (role ARN, repository ARN, route table id...). */
	readonly resourceId?: string;
	readonly method?: CheckMethod;
};

/** A check id the catalog can name: `<group>:<name>`. */
export type CheckId = `${CheckGroup}:${string}`;

/**
 * Destinations a Fargate task must reach before its containers start. A network check
 * about one destination is named `network:<destination>` (optionally with a `:detail`
 * suffix); checks about the shared path (route, NAT, SG, NACL, DNS) use other names and
 * concern every destination. [DOC ECR vpc-endpoints; D.2]
 */
export const NETWORK_DESTINATIONS = ['ecr-api', 'ecr-dkr', 's3', 'logs', 'secretsmanager', 'ssm', 'kms', 'efs', 'internet'] as const;

/** One of {@link NETWORK_DESTINATIONS}. */
export type NetworkDestination = (typeof NETWORK_DESTINATIONS)[number];
