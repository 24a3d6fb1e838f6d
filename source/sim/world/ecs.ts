import type {World} from './world.js';

/**
 * The simulated state of ECS in one account and region (aws-semantics.md C): clusters with
 * their services and tasks, and task-definition revisions. Times are epoch ms. The task state
 * machine that moves these records along lives in `services/ecs-scheduler.ts`; this module
 * only holds the shapes and the small helpers both the scheduler and the API share.
 */
export type EcsState = {
	clusters: Map<string, SimCluster>;
	/** By `family:revision`, in registration order. */
	taskDefinitions: Map<string, SimTaskDefinition>;
	/**
	 * Ids handed out so far. Task ids derive from it, so a scenario has the same task ids on
	 * every run: an id copied from the demo TUI works with `ecrtui diagnose --demo`.
	 */
	sequence: number;
};

export type SimCluster = {
	name: string;
	arn: string;
	status: 'ACTIVE' | 'INACTIVE';
	createdAt: number;
	/** By service name, in creation order. */
	services: Map<string, SimService>;
	/** By task id (32 hex), in launch order. */
	tasks: Map<string, SimTask>;
	tags: Record<string, string>;
};

export type SimContainerDefinition = {
	name: string;
	image: string;
	essential: boolean;
	cpu?: number;
	memory?: number;
	portMappings?: {containerPort: number; protocol: 'tcp' | 'udp'}[];
	environment?: {name: string; value: string}[];
	secrets?: {name: string; valueFrom: string}[];
	logConfiguration?: {logDriver: string; options: Record<string, string>};
	/** `enabled` (default) pins the tag to a digest at deployment [DOC ContainerImage]. */
	versionConsistency?: 'enabled' | 'disabled';
};

export type SimTaskDefinition = {
	family: string;
	revision: number;
	arn: string;
	status: 'ACTIVE' | 'INACTIVE';
	registeredAt: number;
	registeredBy: string;
	executionRoleArn?: string;
	taskRoleArn?: string;
	networkMode: 'awsvpc';
	cpu: string;
	memory: string;
	requiresCompatibilities: string[];
	containerDefinitions: SimContainerDefinition[];
};

/** awsvpcConfiguration of a service (D.2). */
export type SimNetworkConfiguration = {subnets: string[]; securityGroups: string[]; assignPublicIp: boolean};

export type SimDeployment = {
	/** `ecs-svc/<19 digits>` [MODEL Deployment.id examples]. */
	id: string;
	status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
	taskDefinitionArn: string;
	desiredCount: number;
	/** Consecutive tasks that failed to launch or reach RUNNING; reset once one runs [MODEL]. */
	failedTasks: number;
	rolloutState: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';
	rolloutStateReason: string;
	createdAt: number;
	updatedAt: number;
	/** Tag -> digest per container, resolved when the deployment started (ECS digest pinning, C.4). */
	imageDigests: Record<string, string | undefined>;
};

export type SimServiceEvent = {id: string; createdAt: number; message: string};

export type SimService = {
	name: string;
	arn: string;
	clusterArn: string;
	status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
	desiredCount: number;
	taskDefinitionArn: string;
	launchType: 'FARGATE';
	platformVersion: string;
	network: SimNetworkConfiguration;
	createdAt: number;
	createdBy: string;
	deployments: SimDeployment[];
	/** Newest first; the API returns the latest 100 [MODEL]. */
	events: SimServiceEvent[];
	/** Deployment circuit breaker: rolloutState FAILED after enough failed tasks. */
	circuitBreaker: boolean;
	/** Scheduler bookkeeping: no launch before this time (ECS's start-failure backoff). */
	nextLaunchAt: number;
	consecutiveFailures: number;
	/** Whether the last event written said "steady state" (ECS repeats it only after a change). */
	steady: boolean;
	/** Round-robin position over the service's subnets. */
	subnetCursor: number;
	/** The last start failure written as an event (duplicates are not repeated for a while). */
	lastFailureEvent?: {cause: string; at: number};
};

/** One step a task will take at a given time; the scheduler applies them in time order. */
export type SimTaskStep = {
	at: number;
	kind: 'pending' | 'pull-start' | 'pull-stop' | 'activating' | 'running' | 'fail' | 'stopping' | 'stopped' | 'expire';
};

/** How a task's start-up ends, decided from its configuration when it is launched. */
export type SimOutcome =
	| {kind: 'run'; pullMs: number; /** Resolved image digests by container (what DescribeTasks reports once pulled). */ digests: Record<string, string | undefined>}
	| {
			kind: 'fail';
			/** The start-up phase that fails: before the pull, during it, or at container start. */
			phase: 'pre-pull' | 'image-pull' | 'container-start';
			/** Time from entering the phase to the failure. */
			afterMs: number;
			stoppedReason: string;
			/** Set on every container when the failure is the image's (CannotPullContainerError). */
			containerReason?: string;
			/** The cause in a few words, for tests and the event log. */
			cause: string;
	  };

export type SimContainer = {
	name: string;
	image: string;
	imageDigest?: string;
	runtimeId?: string;
	lastStatus: string;
	exitCode?: number;
	reason?: string;
	healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
	cpu?: number;
	memory?: number;
};

export type SimTask = {
	id: string;
	arn: string;
	clusterArn: string;
	taskDefinitionArn: string;
	/** `service:<name>` or `family:<family>`. */
	group: string;
	serviceName?: string;
	/** The deployment id for service tasks [MODEL Task.startedBy]. */
	startedBy?: string;
	lastStatus: string;
	desiredStatus: 'RUNNING' | 'STOPPED';
	launchType: 'FARGATE';
	platformVersion: string;
	platformFamily: 'Linux';
	availabilityZone: string;
	cpu: string;
	memory: string;
	createdAt: number;
	connectivity?: 'CONNECTED' | 'DISCONNECTED';
	connectivityAt?: number;
	pullStartedAt?: number;
	pullStoppedAt?: number;
	startedAt?: number;
	stoppingAt?: number;
	executionStoppedAt?: number;
	stoppedAt?: number;
	stopCode?: string;
	stoppedReason?: string;
	healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
	containers: SimContainer[];
	attachment: {id: string; status: 'PRECREATED' | 'ATTACHED' | 'DELETED'; subnetId: string; eniId: string; macAddress: string; privateIp: string; privateDnsName: string};
	version: number;
	outcome: SimOutcome;
	/** Pending steps, earliest first. */
	steps: SimTaskStep[];
};

export function emptyEcsState(): EcsState {
	return {clusters: new Map(), taskDefinitions: new Map(), sequence: 0};
}

/** The ECS slice of an account's region, created empty on first use. */
export function ecsStateOf(world: World, accountId: string, region: string): EcsState {
	return world.slice(accountId, region, 'ecs', emptyEcsState);
}

/** Adds a cluster (scenarios). */
export function addCluster(state: EcsState, accountId: string, region: string, name: string, createdAt: number): SimCluster {
	const cluster: SimCluster = {name, arn: `arn:aws:ecs:${region}:${accountId}:cluster/${name}`, status: 'ACTIVE', createdAt, services: new Map(), tasks: new Map(), tags: {}};
	state.clusters.set(name, cluster);
	return cluster;
}

/** Registers the next revision of a family (scenarios), like RegisterTaskDefinition. */
export function registerTaskDefinition(
	state: EcsState,
	accountId: string,
	region: string,
	spec: Omit<SimTaskDefinition, 'revision' | 'arn' | 'status' | 'networkMode' | 'requiresCompatibilities' | 'registeredBy'> & {requiresCompatibilities?: string[]},
): SimTaskDefinition {
	const revision = [...state.taskDefinitions.values()].filter(definition => definition.family === spec.family).length + 1;
	const definition: SimTaskDefinition = {
		...spec,
		revision,
		arn: `arn:aws:ecs:${region}:${accountId}:task-definition/${spec.family}:${revision}`,
		status: 'ACTIVE',
		networkMode: 'awsvpc',
		requiresCompatibilities: spec.requiresCompatibilities ?? ['FARGATE'],
		registeredBy: `arn:aws:sts::${accountId}:assumed-role/DemoAdmin/ecrtui-demo`,
	};
	state.taskDefinitions.set(`${spec.family}:${revision}`, definition);
	return definition;
}

/**
 * Finds a task definition by `family` (latest ACTIVE revision), `family:revision` or ARN,
 * as DescribeTaskDefinition accepts [MODEL].
 */
export function findTaskDefinition(state: EcsState, reference: string): SimTaskDefinition | undefined {
	const tail = reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;
	if (tail.includes(':')) return state.taskDefinitions.get(tail);
	const revisions = [...state.taskDefinitions.values()].filter(definition => definition.family === tail && definition.status === 'ACTIVE');
	return revisions.at(-1);
}

/** A cluster by name or ARN. */
export function findCluster(state: EcsState, reference: string | undefined): SimCluster | undefined {
	const name = (reference ?? 'default').slice((reference ?? '').lastIndexOf('/') + 1);
	return state.clusters.get(name);
}

