import type {Role} from '../../app/theme/tokens.js';
import type {LogSource} from '../../data/logs.js';
import type {Problem} from '../../data/problems.js';
import {duration} from '../../domain/format/units.js';
import {nextStep} from '../../components/error-panel.js';
import type {TaskRecord} from '../../domain/tasks/types.js';

/**
 * What the log panel says when there are no lines to show, and why: a task that never
 * started its containers (itself a finding: the failure came before any application code
 * ran), containers not started yet, a driver ecrtui cannot read, a stream or group that does
 * not exist, a missing logs:GetLogEvents permission (shown here only: the rest of ecrtui
 * works without it), or an empty stream.
 */
export type Message = {text: string; role?: Role; bold?: boolean};

/** Whether the task's containers ever started (and so could have logged). */
export function hasStarted(task: TaskRecord): boolean {
	return task.startedAt !== undefined || task.containers.some(container => container.exitCode !== undefined || container.lastStatus === 'RUNNING');
}

/** A one-line description of where the selected source reads from. */
export function sourceLine(source: LogSource, sessionRegion: string): string {
	if (source.kind === 'none') return `${source.container}: no log configuration`;
	if (source.kind === 'unreadable') return `${source.container}: ⊘ ${source.driver}: not readable here`;
	const via = source.via === 'firelens' ? 'FireLens → CloudWatch' : 'awslogs';
	const stream = source.stream ?? `${source.streamPrefix ?? ''}*`;
	return `${source.group} › ${stream} · ${via}${source.region === sessionRegion ? '' : ` · ${source.region}`}`;
}

/** Messages when the task's containers have not (yet) run. */
export function notStartedMessages(task: TaskRecord, now: number): Message[] {
	const stopping = task.desiredStatus === 'STOPPED' || task.lastStatus === 'STOPPED' || task.lastStatus === 'DEPROVISIONING';
	if (stopping) {
		return [
			{text: 'no log stream: the task never started its containers', role: 'status.error', bold: true},
			{text: `It stopped in start-up (${task.stopCode ?? task.lastStatus}), before any application code ran, so nothing was logged. The reason is in the task itself:`},
			{text: task.stoppedReason ?? '(no stopped reason)', role: 'status.warn'},
			{text: 'Enter opens the diagnosis (cause, evidence, fix).', role: 'text.accent'},
		];
	}
	const since = task.createdAt ? ` for ${duration(now - task.createdAt)}` : '';
	return [
		{text: `no log stream yet: the containers have not started (${task.lastStatus}${since})`, role: 'status.pending', bold: true},
		{text: 'While following (f), lines appear here once they start. A task stuck here never reaches its code: Enter opens the diagnosis.'},
	];
}

/** Messages for a source that cannot be read, or whose read failed or found nothing. */
export function sourceMessages(source: LogSource, state: {problem?: Problem; empty: boolean}): Message[] | undefined {
	if (source.kind === 'none') return [{text: source.why, role: 'text.secondary'}];
	if (source.kind === 'unreadable') {
		return [
			{text: `⊘ not readable here: ${source.driver}`, role: 'status.warn', bold: true},
			{text: `${source.why}.`},
		];
	}
	const problem = state.problem;
	if (problem?.kind === 'access-denied') {
		return [
			{text: `⛔ ${problem.why}`, role: 'status.error', bold: true},
			{text: `→ ${problem.next}`, role: 'text.accent'},
			{text: 'Only this panel needs it (logs:GetLogEvents to read, logs:FilterLogEvents to search); the rest of ecrtui works without.', role: 'text.secondary'},
		];
	}
	if (problem?.kind === 'not-found' && /log group/i.test(problem.why)) {
		return [
			{text: `log group ${source.group} does not exist in ${source.region}`, role: 'status.error', bold: true},
			{text: source.via === 'awslogs' ? 'The awslogs driver cannot write here: a task with this configuration fails to start (ResourceInitializationError) unless awslogs-create-group is "true" and the execution role may logs:CreateLogGroup.' : 'FireLens cannot deliver here unless auto_create_group is "true" and the task role may logs:CreateLogGroup.'},
		];
	}
	if (problem?.kind === 'not-found') {
		return [
			{text: `no log stream ${source.stream ?? ''} in ${source.group}`, role: 'status.warn', bold: true},
			{text: 'The container has not written anything yet, or the stream was deleted (retention, or by hand).'},
		];
	}
	if (problem && state.empty) {
		return [
			{text: `✖ ${problem.what} failed`, role: 'status.error', bold: true},
			{text: problem.why},
			{text: `→ ${nextStep(problem)}`, role: 'text.accent'},
		];
	}
	if (state.empty) return [{text: 'the stream is empty: nothing written yet', role: 'text.secondary'}];
	return undefined;
}
