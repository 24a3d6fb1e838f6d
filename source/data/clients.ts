import type {ECRClient} from '@aws-sdk/client-ecr';
import type {ECSClient} from '@aws-sdk/client-ecs';
import type {EC2Client} from '@aws-sdk/client-ec2';
import type {STSClient} from '@aws-sdk/client-sts';
import type {IAMClient} from '@aws-sdk/client-iam';
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import type {AwsCredentialIdentity, AwsCredentialIdentityProvider} from '@aws-sdk/types';
import type {CallRecorder} from './recorder.js';
import {loadEc2, loadEcr, loadEcs, loadIam, loadLogs, loadSts} from './sdk.js';

/**
 * The one place that creates AWS SDK clients. Each client module is imported on first use
 * (the EC2 client alone costs about a second and 130 MB to load, see stack.md), once per
 * target, and every client carries the recorder middleware.
 */

// The SDK warns on stderr that it will need Node 22; on a TUI that garbles the screen.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export type AwsTarget = {
	region: string;
	profile?: string;
	/** Simulator, moto, or a custom endpoint; AWS when absent. */
	endpoint?: string;
	credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
	/** Attempts per call including the first (SDK default 3). Tests use 1. */
	maxAttempts?: number;
	/** Refuse every operation that changes something, before it is signed or sent (--read-only). */
	readOnly?: boolean;
	/** Per-request socket timeout; a hung endpoint must not hang the UI. */
	requestTimeoutMs?: number;
	connectionTimeoutMs?: number;
};

/**
 * The region a profile names in ~/.aws/config, read by the SDK's own resolver (so every form
 * the SDK accepts, including sso-session profiles, is honoured). Undefined when none is set.
 */
export async function profileRegion(profile: string | undefined): Promise<string | undefined> {
	try {
		const {STSClient} = await loadSts();
		const probe = new STSClient(profile ? {profile} : {});
		const region = await probe.config.region();
		probe.destroy();
		return region || undefined;
	} catch {
		return undefined;
	}
}

export type ServiceName = 'ecr' | 'ecs' | 'ec2' | 'sts' | 'iam' | 'logs';

// Operations that only read. StartLifecyclePolicyPreview creates a dry run and changes nothing;
// StartQuery runs a Logs Insights query. Anything else counts as a change.
const readPrefixes = ['Describe', 'List', 'Get', 'BatchGet', 'BatchCheck', 'Simulate', 'Filter', 'Lookup', 'StartLifecyclePolicyPreview', 'StartQuery'];

// How ECR answers "there is none": the data layer turns these errors into `undefined` (no
// policy, no scan), so they are answers, not failures, and the `!` view does not list them.
const absence: Record<string, string> = {
	'ecr.GetLifecyclePolicy': 'LifecyclePolicyNotFoundException',
	'ecr.GetRepositoryPolicy': 'RepositoryPolicyNotFoundException',
	'ecr.DescribeImageScanFindings': 'ScanNotFoundException',
};

/** Whether an operation may change something in the account (so read-only mode refuses it). */
export function isMutatingOperation(operation: string): boolean {
	return !readPrefixes.some(prefix => operation.startsWith(prefix));
}

type AnyClient = {
	middlewareStack: {add: (middleware: unknown, options: Record<string, unknown>) => void};
	destroy(): void;
};

const throttlingNames = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException', 'ThrottledException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'LimitExceededException', 'EC2ThrottledException', 'PriorRequestNotComplete', 'ProvisionedThroughputExceededException']);

export class AwsClients {
	private readonly cache = new Map<ServiceName, Promise<AnyClient>>();
	private readonly siblings = new Map<string, AwsClients>();

	constructor(
		readonly target: AwsTarget,
		readonly recorder: CallRecorder,
	) {}

	ecr(): Promise<ECRClient> {
		return this.get('ecr', async config => new (await loadEcr()).ECRClient(config)) as Promise<ECRClient>;
	}

	ecs(): Promise<ECSClient> {
		return this.get('ecs', async config => new (await loadEcs()).ECSClient(config)) as Promise<ECSClient>;
	}

	ec2(): Promise<EC2Client> {
		return this.get('ec2', async config => new (await loadEc2()).EC2Client(config)) as Promise<EC2Client>;
	}

	sts(): Promise<STSClient> {
		return this.get('sts', async config => new (await loadSts()).STSClient(config)) as Promise<STSClient>;
	}

	iam(): Promise<IAMClient> {
		// IAM is global; its endpoint lives in us-east-1 for the aws partition.
		return this.get('iam', async config => new (await loadIam()).IAMClient(config)) as Promise<IAMClient>;
	}

	logs(): Promise<CloudWatchLogsClient> {
		return this.get('logs', async config => new (await loadLogs()).CloudWatchLogsClient(config)) as Promise<CloudWatchLogsClient>;
	}

	/**
	 * The same target and recorder in another region (an image or a log group elsewhere, the
	 * all-regions view): created once per region, closed with this one.
	 */
	forRegion(region: string): AwsClients {
		if (region === this.target.region) return this;
		let sibling = this.siblings.get(region);
		if (!sibling) {
			sibling = new AwsClients({...this.target, region}, this.recorder);
			this.siblings.set(region, sibling);
		}
		return sibling;
	}

	/** Closes sockets of every client created so far, in every region. */
	destroy(): void {
		for (const client of this.cache.values()) client.then(value => value.destroy(), () => undefined);
		this.cache.clear();
		for (const sibling of this.siblings.values()) sibling.destroy();
		this.siblings.clear();
	}

	private config() {
		const {target} = this;
		return {
			region: target.region,
			...(target.endpoint ? {endpoint: target.endpoint} : {}),
			...(target.profile ? {profile: target.profile} : {}),
			...(target.credentials ? {credentials: target.credentials} : {}),
			maxAttempts: target.maxAttempts ?? 3,
			// Adaptive retry adds client-side rate limiting once AWS starts throttling.
			retryMode: 'adaptive',
			requestHandler: {
				requestTimeout: target.requestTimeoutMs ?? 30_000,
				connectionTimeout: target.connectionTimeoutMs ?? 5_000,
			},
		};
	}

	private get(service: ServiceName, create: (config: ReturnType<AwsClients['config']>) => Promise<unknown>): Promise<AnyClient> {
		let client = this.cache.get(service);
		if (!client) {
			client = create(this.config()).then(value => {
				const instance = value as AnyClient;
				this.instrument(service, instance);
				return instance;
			});
			// A failed import must not be cached forever.
			client.catch(() => this.cache.delete(service));
			this.cache.set(service, client);
		}
		return client;
	}

	private instrument(service: ServiceName, client: AnyClient): void {
		const recorder = this.recorder;
		const readOnly = this.target.readOnly === true;
		type Args = {input: unknown};
		type Context = {commandName?: string; __ecrtuiRecord?: ReturnType<CallRecorder['start']>};
		client.middlewareStack.add(
			(next: (args: Args) => Promise<unknown>, context: Context) => async (args: Args) => {
				const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
				// The screens hide and block destructive keys in read-only mode; this makes it hold for
				// every code path, present and future: a change is refused before it is sent.
				if (readOnly && isMutatingOperation(operation)) {
					throw Object.assign(new Error(`ecrtui is in read-only mode: ${service}:${operation} was not sent.`), {name: 'ReadOnlyMode'});
				}
				const record = recorder.start(service, operation, args.input);
				context.__ecrtuiRecord = record;
				try {
					const output = await next(args);
					recorder.finish(record, 'ok');
					return output;
				} catch (error) {
					if (absence[`${service}.${operation}`] === (error as Error).name) recorder.finish(record, 'ok');
					else recorder.finish(record, 'error', error as Error);
					throw error;
				}
			},
			{step: 'initialize', name: 'ecrtuiRecorder', override: true},
		);
		// Inside the retry middleware: runs once per attempt, so throttles and retries are seen.
		client.middlewareStack.add(
			(next: (args: Args) => Promise<unknown>, context: Context) => async (args: Args) => {
				const record = context.__ecrtuiRecord;
				if (record) recorder.attempt(record);
				try {
					return await next(args);
				} catch (error) {
					// Reported per failed attempt; the SDK decides whether another attempt follows. ECR's
					// "no policy" answers are answers, not failures: they are not reported.
					const name = (error as Error).name;
					if (record && absence[`${service}.${record.operation}`] !== name) recorder.retry(record, name, throttlingNames.has(name));
					throw error;
				}
			},
			{step: 'finalizeRequest', priority: 'low', name: 'ecrtuiAttempts', override: true},
		);
	}
}
