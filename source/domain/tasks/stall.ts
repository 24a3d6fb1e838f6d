/**
 * Stall detection for tasks that have not reached RUNNING, and the colour family of a
 * task's state. The phase comes from which start-up timestamps are already set.
 * [DOC task-lifecycle; MODEL timestamps; stall heuristics INF per spec C.1]
 */
import type {CheckId} from '../diagnosis/types.js';
import {timeInState, type TimeInState} from './time-in-state.js';
import {asStopCode, asTaskStatus, type TaskRecord} from './types.js';

/** The start-up step a not-yet-running task is most likely stuck in. */
export type StallPhase =
	/** PROVISIONING: creating and attaching the awsvpc ENI, or waiting for capacity. */
	| 'eni-attach'
	/** PENDING, no pull yet: registry auth, secrets and log-driver validation. */
	| 'pre-pull'
	/** PENDING, pull started but not finished: manifest and layer download. */
	| 'image-pull'
	/** PENDING, image pulled: creating and starting containers. */
	| 'container-start'
	/** ACTIVATING: service discovery / target-group registration. */
	| 'activating';

/** A phase with its plain-words explanation and the checks that can confirm a cause. */
export type PhaseInfo = {
	readonly phase: StallPhase;
	readonly title: string;
	readonly likely: string;
	readonly checks: readonly CheckId[];
};

/** Result of {@link stallOf}. */
export type Stall =
	| {readonly kind: 'not-starting'; readonly time: TimeInState}
	| {readonly kind: 'starting'; readonly time: TimeInState; readonly phase: PhaseInfo}
	| {
			readonly kind: 'stalled';
			readonly time: TimeInState;
			readonly phase: PhaseInfo;
			readonly thresholdMs: number;
			/** Fargate context: tasks not RUNNING within ~3 min are stopped (DockerTimeoutError). */
			readonly fargateTimeout?: {readonly limitMs: number; readonly elapsedMs: number; readonly exceeded: boolean; readonly note: string};
	  };

/** Fargate's start timeout. [DOC KC ecs-fargate-docker-timeout-error: "start timeout after wait 3m0s"] */
export const FARGATE_START_TIMEOUT_MS = 3 * 60_000;

const phases: Record<StallPhase, Omit<PhaseInfo, 'phase'>> = {
	'eni-attach': {
		title: 'attaching the network interface',
		likely: 'ENI creation/attachment or capacity: subnet out of free IPs, ENI quota, or no Fargate/EC2 capacity in the AZ',
		checks: ['network:subnet'],
	},
	'pre-pull': {
		title: 'getting registry auth, secrets and log setup',
		likely: 'registry auth (api.ecr), secrets (Secrets Manager/SSM) or CloudWatch Logs validation cannot complete: network path or execution-role permissions',
		checks: [
			'iam:ecr-auth',
			'network:ecr-api',
			'iam:secrets',
			'iam:ssm',
			'iam:kms',
			'secrets:exists',
			'network:secretsmanager',
			'network:ssm',
			'logs:group-exists',
			'iam:logs',
			'network:logs',
		],
	},
	'image-pull': {
		title: 'pulling the image',
		likely: 'image manifest or layer download is slow or blocked: registry host (*.dkr.ecr) or the S3 layer bucket unreachable, or a very large image',
		checks: ['network:ecr-dkr', 'network:s3', 'iam:ecr-pull', 'iam:repo-policy', 'image:exists', 'image:region', 'network:internet'],
	},
	'container-start': {
		title: 'starting containers',
		likely: 'containers were pulled but have not started: log driver setup, volumes, or a dependsOn/health condition not met',
		checks: ['logs:group-exists', 'network:logs', 'network:efs'],
	},
	activating: {
		title: 'registering with service discovery / load balancer',
		likely: 'post-start registration (Cloud Map or target groups) has not completed',
		checks: [],
	},
};

/** The phase a not-yet-running task is in, from its status and timestamps; undefined otherwise. */
export function phaseOf(task: TaskRecord): PhaseInfo | undefined {
	const state = asTaskStatus(task.lastStatus);
	let phase: StallPhase | undefined;
	if (state === 'PROVISIONING') phase = 'eni-attach';
	else if (state === 'ACTIVATING') phase = 'activating';
	else if (state === 'PENDING') {
		if (task.pullStartedAt === undefined) phase = 'pre-pull';
		else if (task.pullStoppedAt === undefined) phase = 'image-pull';
		else phase = 'container-start';
	}
	return phase === undefined ? undefined : {phase, ...phases[phase]};
}

/**
 * Whether a PROVISIONING / PENDING / ACTIVATING task has been in that state longer than
 * `thresholdMs`, and in which phase. Tasks past start-up are `not-starting`. A task whose
 * desiredStatus is already STOPPED is on its way down, so it is not reported as stalled.
 */
export function stallOf({task, now, thresholdMs}: {task: TaskRecord; now: number; thresholdMs: number}): Stall {
	const time = timeInState({task, now});
	const phase = phaseOf(task);
	if (phase === undefined || task.desiredStatus === 'STOPPED') return {kind: 'not-starting', time};
	if (time.durationMs <= thresholdMs) return {kind: 'starting', time, phase};
	if (task.launchType !== 'FARGATE') return {kind: 'stalled', time, phase, thresholdMs};
	// Measured from createdAt: the timeout's own start is not published [INF].
	const elapsedMs = Math.max(0, now - task.createdAt);
	const exceeded = elapsedMs > FARGATE_START_TIMEOUT_MS;
	const note = exceeded
		? 'Fargate stops tasks not RUNNING within ~3 min; expect this one to stop soon (DockerTimeoutError or ResourceInitializationError)'
		: 'Fargate stops tasks not RUNNING within ~3 min';
	return {kind: 'stalled', time, phase, thresholdMs, fargateTimeout: {limitMs: FARGATE_START_TIMEOUT_MS, elapsedMs, exceeded, note}};
}

/** Colour family of a task's state; screens map it to a theme role. */
export type StateFamily = 'ok' | 'pending' | 'stalled' | 'stopping' | 'stopped' | 'failed';

/** Extra facts {@link stateFamily} can use. */
export type StateFamilyOptions = {
	/** From {@link stallOf}: the task is starting and past the threshold. */
	readonly stalled?: boolean;
	/** Exit codes of the task's containers (undefined when a container never ran). */
	readonly exitCodes?: ReadonlyArray<number | undefined>;
	/** `stoppedReason`: a scheduler stop for failed health checks is a failure. */
	readonly stoppedReason?: string;
};

/**
 * The colour family. A STOPPED task is `failed` when it failed to start, when an essential
 * container exited non-zero (EssentialContainerExited with every known exit code 0 is a job
 * that finished: `stopped`), when any container exited non-zero without a stop code, or when
 * the scheduler stopped it for failed health checks. User, scheduler, Spot and
 * infrastructure stops are `stopped`. [INF from MODEL stopCode]
 */
export function stateFamily(
	lastStatus: string,
	desiredStatus: string | undefined,
	stopCode: string | undefined,
	options: StateFamilyOptions = {},
): StateFamily {
	const state = asTaskStatus(lastStatus);
	switch (state) {
		case 'STOPPED':
		case 'DELETED':
			return stoppedFamily(stopCode, options);
		case 'DEACTIVATING':
		case 'STOPPING':
		case 'DEPROVISIONING':
			return 'stopping';
		case 'RUNNING':
			return desiredStatus === 'STOPPED' ? 'stopping' : 'ok';
		case 'PROVISIONING':
		case 'PENDING':
		case 'ACTIVATING':
			if (desiredStatus === 'STOPPED') return 'stopping';
			return options.stalled === true ? 'stalled' : 'pending';
		case undefined:
			// A status this code does not know yet: neutral rather than alarming.
			return 'pending';
		default:
			return assertNever(state);
	}
}

/** {@link stateFamily} for a whole task, with the stall computed against `thresholdMs`. */
export function taskStateFamily({task, now, thresholdMs}: {task: TaskRecord; now: number; thresholdMs: number}): StateFamily {
	return familyOfStall(task, stallOf({task, now, thresholdMs}));
}

/** {@link taskStateFamily} for a caller that already holds the task's stall. */
export function familyOfStall(task: TaskRecord, stall: Stall): StateFamily {
	return stateFamily(task.lastStatus, task.desiredStatus, task.stopCode, {
		stalled: stall.kind === 'stalled',
		exitCodes: task.containers.map(container => container.exitCode),
		stoppedReason: task.stoppedReason,
	});
}

function stoppedFamily(stopCode: string | undefined, options: StateFamilyOptions): StateFamily {
	const exitCodes = (options.exitCodes ?? []).filter((code): code is number => code !== undefined);
	const anyNonZero = exitCodes.some(code => code !== 0);
	const code = asStopCode(stopCode);
	switch (code) {
		case 'TaskFailedToStart':
			return 'failed';
		case 'EssentialContainerExited':
			return exitCodes.length > 0 && !anyNonZero ? 'stopped' : 'failed';
		case 'ServiceSchedulerInitiated':
			return /health check/i.test(options.stoppedReason ?? '') ? 'failed' : 'stopped';
		case 'UserInitiated':
		case 'SpotInterruption':
		case 'TerminationNotice':
		case 'InfrastructureHealth':
			return 'stopped';
		case undefined:
			return anyNonZero ? 'failed' : 'stopped';
		default:
			return assertNever(code);
	}
}

function assertNever(value: never): never {
	throw new Error(`unexpected value: ${String(value)}`);
}
