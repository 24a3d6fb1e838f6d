import type {Role} from '../../app/theme/tokens.js';
import type {DeploymentRecord, ServiceEvent, ServiceRecord} from '../../domain/ecs/types.js';
import {nameOfArn, shortTaskDefinition} from '../../domain/ecs/types.js';
import {classifyTask} from '../../domain/diagnosis/catalog.js';
import {familyOfStall, stallOf, type Stall, type StallPhase, type StateFamily} from '../../domain/tasks/stall.js';
import type {TimeInState} from '../../domain/tasks/time-in-state.js';
import {serviceNameOf, type TaskRecord} from '../../domain/tasks/types.js';
import {foreignRegionImages, type ForeignImage} from '../../domain/tasks/image-region.js';

/**
 * Rows of the watcher's tables, computed from records and `now` (AWS time). Every colour has
 * a symbol and a word beside it, so NO_COLOR loses nothing.
 */

/** How a state family looks: symbol, theme role, and the word used where the family matters. */
export const FAMILY_STYLE: Record<StateFamily, {symbol: string; role: Role; word: string}> = {
	ok: {symbol: '●', role: 'status.ok', word: 'running'},
	pending: {symbol: '◐', role: 'status.pending', word: 'starting'},
	stalled: {symbol: '⚠', role: 'status.warn', word: 'STALLED'},
	stopping: {symbol: '↓', role: 'status.info', word: 'stopping'},
	stopped: {symbol: '■', role: 'status.stopped', word: 'stopped'},
	failed: {symbol: '✗', role: 'status.error', word: 'FAILED'},
};

export type TaskRow = {
	task: TaskRecord;
	/** The task id (last ARN segment). */
	id: string;
	family: StateFamily;
	stall: Stall;
	time: TimeInState;
	/** `family:revision`. */
	revision: string;
	service?: string;
	/** Known only from the local history (ECS no longer returns it). */
	fromHistory: boolean;
	/** Containers pulling their image from another Region (flagged in the reason column). */
	foreignImages: ForeignImage[];
};

export function toTaskRow(task: TaskRecord, now: number, thresholdMs: number, fromHistory = false): TaskRow {
	const service = serviceNameOf(task);
	// Rows are rebuilt every tick: the stall (which holds the time in state) is computed once.
	const stall = stallOf({task, now, thresholdMs});
	return {
		task,
		id: nameOfArn(task.taskArn),
		family: familyOfStall(task, stall),
		stall,
		time: stall.time,
		revision: task.taskDefinitionArn ? shortTaskDefinition(task.taskDefinitionArn) : '?',
		...(service ? {service} : {}),
		fromHistory,
		foreignImages: foreignImagesOf(task),
	};
}

// Image references depend only on the record: parsed once per record, not once per tick.
const foreignImages = new WeakMap<TaskRecord, ForeignImage[]>();

function foreignImagesOf(task: TaskRecord): ForeignImage[] {
	let images = foreignImages.get(task);
	if (images === undefined) {
		images = foreignRegionImages(task);
		foreignImages.set(task, images);
	}
	return images;
}

/** Stalled (starting past the threshold) or failed (stopped, or stopping, after a failure): what Ctrl-Z keeps. */
export function isProblem(row: TaskRow): boolean {
	return row.family === 'stalled' || row.family === 'failed' || (row.family === 'stopping' && row.task.stopCode === 'TaskFailedToStart');
}

/** Short names of the start-up phases for the table (the detail view has the full text). */
export const PHASE_LABEL: Record<StallPhase, string> = {
	'eni-attach': 'ENI attach / capacity',
	'pre-pull': 'registry auth / secrets',
	'image-pull': 'image pull',
	'container-start': 'container start',
	activating: 'LB / service discovery',
};

// Classifying costs a few dozen regular expressions; a task record is classified once.
const titles = new WeakMap<TaskRecord, string | undefined>();

function titleOf(task: TaskRecord): string | undefined {
	if (!titles.has(task)) {
		const classification = classifyTask(task);
		titles.set(task, classification.kind === 'classified' ? classification.entry.title : undefined);
	}
	return titles.get(task);
}

/**
 * The reason cell: the stall and its likely phase, or for a stopped task what the catalog calls
 * the failure; then `⇄ image in <region>` when a container pulls from another Region; then the
 * raw stoppedReason (truncated by the table; `d` shows it in full).
 */
export function reasonText(row: TaskRow): string {
	const regions = [...new Set(row.foreignImages.map(image => image.region))];
	const flag = regions.length === 0 ? '' : `⇄ image in ${regions.join(', ')}`;
	const [head, tail] = situation(row);
	return [head, flag, tail].filter(Boolean).join(' · ');
}

/** What the task is going through, as a short head and the raw text behind it. */
function situation(row: TaskRow): [string, string] {
	const {task, stall} = row;
	if (stall.kind === 'stalled') return [`STALLED in ${PHASE_LABEL[stall.phase.phase]}${stall.fargateTimeout?.exceeded ? ' (past Fargate\'s 3 min)' : ''}: ${stall.phase.title}`, ''];
	if (stall.kind === 'starting') return [`starting: ${PHASE_LABEL[stall.phase.phase]}`, ''];
	if (task.desiredStatus !== 'STOPPED' && task.lastStatus !== 'STOPPED') return ['', ''];
	const raw = task.stoppedReason ?? task.containers.find(container => container.reason)?.reason ?? task.stopCode ?? '';
	const title = titleOf(task);
	return title === undefined ? [raw, ''] : [title, raw];
}

export type ServiceHealth = 'steady' | 'deploying' | 'failing' | 'idle';

export type ServiceRow = {
	service: ServiceRecord;
	primary?: DeploymentRecord;
	/** Tasks of this service that stopped without ever starting, within the last hour. */
	failedLastHour: number;
	lastEvent?: ServiceEvent;
	health: ServiceHealth;
};

export const HEALTH_STYLE: Record<ServiceHealth, {symbol: string; role: Role; word: string}> = {
	steady: {symbol: '●', role: 'status.ok', word: 'steady'},
	deploying: {symbol: '◐', role: 'status.pending', word: 'deploying'},
	failing: {symbol: '✗', role: 'status.error', word: 'failing'},
	idle: {symbol: '○', role: 'status.stopped', word: 'idle'},
};

const HOUR = 3_600_000;

/** A start failure: stopped with TaskFailedToStart, or stopped without ever running. */
export function failedToStart(task: TaskRecord): boolean {
	if (task.stopCode === 'TaskFailedToStart') return true;
	return task.startedAt === undefined && task.stopCode !== 'UserInitiated' && task.stopCode !== 'ServiceSchedulerInitiated' && task.stoppedReason !== undefined;
}

export function toServiceRow(service: ServiceRecord, stopped: readonly TaskRecord[], now: number): ServiceRow {
	const primary = service.deployments.find(deployment => deployment.status === 'PRIMARY');
	const failedLastHour = stopped.filter(task => task.group === `service:${service.name}` && failedToStart(task) && (task.stoppingAt ?? task.stoppedAt ?? task.createdAt) >= now - HOUR).length;
	const steady = service.runningCount === service.desiredCount && service.pendingCount === 0 && (primary?.rolloutState ?? 'COMPLETED') === 'COMPLETED';
	const health: ServiceHealth = service.desiredCount === 0 ? 'idle' : failedLastHour > 0 && service.runningCount < service.desiredCount ? 'failing' : steady ? 'steady' : 'deploying';
	return {service, ...(primary ? {primary} : {}), failedLastHour, ...(service.events[0] ? {lastEvent: service.events[0]} : {}), health};
}
