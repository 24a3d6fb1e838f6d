/**
 * How long a task has been in its current `lastStatus`, from the timestamps DescribeTasks
 * returns. ECS has no "entered state X at" field per state, so each state uses the closest
 * timestamp that marks its start, falling back along the lifecycle to `createdAt`, which
 * every task has: the answer is never blank, even for a task that never started.
 * [MODEL Task timestamps; DOC task-lifecycle; INF for the per-state choice]
 */
import {asTaskStatus, type TaskRecord, type TaskStatus} from './types.js';

/** Which task timestamp a time-in-state figure was measured from. */
export type TimeBasis =
	| 'createdAt'
	| 'pullStartedAt'
	| 'pullStoppedAt'
	| 'startedAt'
	| 'stoppingAt'
	| 'executionStoppedAt'
	| 'stoppedAt';

/** Result of {@link timeInState}. */
export type TimeInState = {
	/** The known status, or undefined when `lastStatus` is a value this code does not know. */
	readonly state: TaskStatus | undefined;
	/** Epoch ms the figure starts from. */
	readonly since: number;
	/** `now - since`, never negative (clock skew between AWS and the viewer is clamped). */
	readonly durationMs: number;
	/** The timestamp used; differs from the state's own start when that one is missing. */
	readonly basis: TimeBasis;
};

// Preferred timestamps per state, best first. PROVISIONING and PENDING have no timestamp of
// their own beyond createdAt (the model documents createdAt as entry to PENDING; on Fargate
// it is also when PROVISIONING began). DEACTIVATING starts before stoppingAt is set, so the
// RUNNING start is the fallback there.
function preferredBases(state: TaskStatus | undefined): readonly TimeBasis[] {
	switch (state) {
		case 'PROVISIONING':
		case 'PENDING':
		case undefined:
			return ['createdAt'];
		case 'ACTIVATING':
			return ['pullStoppedAt', 'pullStartedAt', 'createdAt'];
		case 'RUNNING':
			return ['startedAt', 'pullStoppedAt', 'createdAt'];
		case 'DEACTIVATING':
		case 'STOPPING':
			return ['stoppingAt', 'startedAt', 'createdAt'];
		case 'DEPROVISIONING':
			return ['executionStoppedAt', 'stoppingAt', 'startedAt', 'createdAt'];
		case 'STOPPED':
		case 'DELETED':
			return ['stoppedAt', 'executionStoppedAt', 'stoppingAt', 'createdAt'];
		default:
			return assertNever(state);
	}
}

function assertNever(value: never): never {
	throw new Error(`unexpected task status: ${String(value)}`);
}

/** Time the task has spent in its current state, measured against `now` (epoch ms). */
export function timeInState({task, now}: {task: TaskRecord; now: number}): TimeInState {
	const state = asTaskStatus(task.lastStatus);
	let basis: TimeBasis = 'createdAt';
	let since = task.createdAt;
	for (const candidate of preferredBases(state)) {
		const value = task[candidate];
		if (typeof value === 'number' && Number.isFinite(value)) {
			basis = candidate;
			since = value;
			break;
		}
	}
	return {state, since, durationMs: Math.max(0, now - since), basis};
}

/** Formats a duration compactly for tables: `45s`, `3m 05s`, `2h 10m`, `3d 4h`. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
	return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
