import type {SimTask, SimTaskStep} from '../world/ecs.js';
import {jitter} from './ecs-outcome.js';

/**
 * One task's lifecycle on the simulated clock (aws-semantics.md C.1): PROVISIONING -> PENDING
 * (connectivity, then registry auth and secrets) -> pull (pullStartedAt / pullStoppedAt) ->
 * ACTIVATING -> RUNNING (startedAt), or, when its outcome is a failure, DEPROVISIONING at the
 * failing step (stoppingAt, executionStoppedAt, stopCode TaskFailedToStart) and STOPPED
 * (stoppedAt) once the ENI is gone. STOPPED tasks stay describable for an hour and more
 * [DOC/MODEL "at least 1 hour"], then disappear.
 */

/** STOPPED tasks are kept this long before DescribeTasks answers MISSING. */
export const STOPPED_RETENTION_MS = 65 * 60_000;

/** What a step did, for the scheduler's service bookkeeping. */
export type StepEffect = 'none' | 'running' | 'failed' | 'stopped' | 'expired';

const schedule = (task: SimTask, at: number, kind: SimTaskStep['kind']) => {
	task.steps.push({at, kind});
	task.steps.sort((a, b) => a.at - b.at);
};

/** The containers have stopped; the ENI is detached and deleted in about half a minute. */
function deprovision(task: SimTask, at: number): void {
	task.lastStatus = 'DEPROVISIONING';
	task.executionStoppedAt = at;
	for (const container of task.containers) container.lastStatus = 'STOPPED';
	schedule(task, at + jitter(`${task.id}/deprovision`, 20_000, 35_000), 'stopped');
}

function failNow(task: SimTask, at: number): void {
	const {outcome} = task;
	if (outcome.kind !== 'fail') return;
	task.desiredStatus = 'STOPPED';
	task.stopCode = 'TaskFailedToStart';
	task.stoppedReason = outcome.stoppedReason;
	task.stoppingAt = at;
	if (task.pullStartedAt !== undefined && task.pullStoppedAt === undefined) task.pullStoppedAt = at;
	if (outcome.containerReason !== undefined) for (const container of task.containers) container.reason = outcome.containerReason;
	task.steps = [];
	deprovision(task, at);
}

/** Applies the earliest step of `task` (due at `step.at`). */
export function applyStep(task: SimTask, step: SimTaskStep): StepEffect {
	task.steps = task.steps.filter(candidate => candidate !== step);
	task.version++;
	const {outcome} = task;
	const at = step.at;
	switch (step.kind) {
		case 'pending': {
			task.lastStatus = 'PENDING';
			task.attachment.status = 'ATTACHED';
			task.connectivity = 'CONNECTED';
			task.connectivityAt = at;
			if (outcome.kind === 'fail' && outcome.phase === 'pre-pull') schedule(task, at + outcome.afterMs, 'fail');
			else schedule(task, at + jitter(`${task.id}/auth`, 2500, 5000), 'pull-start');
			return 'none';
		}
		case 'pull-start': {
			task.pullStartedAt = at;
			if (outcome.kind === 'fail' && outcome.phase === 'image-pull') schedule(task, at + outcome.afterMs, 'fail');
			else schedule(task, at + (outcome.kind === 'run' ? outcome.pullMs : 10_000), 'pull-stop');
			return 'none';
		}
		case 'pull-stop': {
			task.pullStoppedAt = at;
			for (const container of task.containers) {
				const digest = outcome.kind === 'run' ? outcome.digests[container.name] : undefined;
				if (digest !== undefined) container.imageDigest = digest;
			}
			if (outcome.kind === 'fail' && outcome.phase === 'container-start') schedule(task, at + outcome.afterMs, 'fail');
			else schedule(task, at + jitter(`${task.id}/create`, 1000, 2500), 'activating');
			return 'none';
		}
		case 'activating': {
			task.lastStatus = 'ACTIVATING';
			schedule(task, at + jitter(`${task.id}/activate`, 3000, 6000), 'running');
			return 'none';
		}
		case 'running': {
			task.lastStatus = 'RUNNING';
			task.startedAt = at;
			task.healthStatus = 'HEALTHY';
			for (const [index, container] of task.containers.entries()) {
				container.lastStatus = 'RUNNING';
				container.healthStatus = 'HEALTHY';
				container.runtimeId = `${task.id}-${String(index + 1).padStart(10, '0')}`;
			}
			return 'running';
		}
		case 'fail':
			failNow(task, at);
			return 'failed';
		case 'stopping': {
			// SIGTERM, then the containers exit (stopTimeout 30 s at most).
			for (const container of task.containers) if (container.lastStatus === 'RUNNING') container.exitCode = 0;
			deprovision(task, at);
			return 'none';
		}
		case 'stopped': {
			task.lastStatus = 'STOPPED';
			task.stoppedAt = at;
			task.attachment.status = 'DELETED';
			task.connectivity = 'DISCONNECTED';
			task.healthStatus = 'UNKNOWN';
			schedule(task, at + STOPPED_RETENTION_MS, 'expire');
			return 'stopped';
		}
		case 'expire':
			return 'expired';
	}
}

/**
 * Stops a task on request (StopTask, or the scheduler scaling in): desiredStatus STOPPED now,
 * then STOPPING / DEPROVISIONING / STOPPED as the containers exit and the ENI goes.
 */
export function requestStop(task: SimTask, at: number, stopCode: 'UserInitiated' | 'ServiceSchedulerInitiated', reason: string): void {
	if (task.desiredStatus === 'STOPPED') return;
	task.desiredStatus = 'STOPPED';
	task.stopCode = stopCode;
	task.stoppedReason = reason;
	task.stoppingAt = at;
	task.version++;
	task.steps = [];
	if (task.lastStatus === 'RUNNING' || task.lastStatus === 'ACTIVATING') {
		task.lastStatus = 'STOPPING';
		schedule(task, at + jitter(`${task.id}/sigterm`, 2000, 6000), 'stopping');
	} else {
		deprovision(task, at);
	}
}
