/**
 * The verdict for one task: the single most likely cause, first, with its evidence and fix.
 * The classification (from the stop reason) says what to look for; failing live checks
 * confirm it, and the most explanatory failing check supplies the concrete cause ("cannot
 * reach ECR: the NAT route in rtb-1 is a blackhole"). A task still starting gets a verdict
 * from its stall phase and the checks. Nothing is guessed: without a recognised reason or a
 * failing check the answer is `inconclusive`, listing what is missing. [INF from D.6 / C.2]
 */
import {stallOf, type PhaseInfo} from '../tasks/stall.js';
import {formatDuration} from '../tasks/time-in-state.js';
import {asTaskStatus, type TaskRecord} from '../tasks/types.js';
import {classifyTask, type CatalogEntry, type CatalogFamily, type Classification} from './catalog.js';
import {checkLine, reasonDetail, reasonLines} from './evidence-text.js';
import {checkIdMatches, idsOf, relevantChecks} from './relevance.js';
import type {Check, CheckGroup} from './types.js';

/** Result of {@link diagnoseTask}. */
export type Diagnosis =
	| {readonly kind: 'healthy'; readonly summary: string; readonly notes: readonly string[]}
	| {
			readonly kind: 'problem';
			/** The single most likely cause in plain words. */
			readonly verdict: string;
			readonly cause: string;
			readonly evidence: readonly string[];
			readonly fix: string;
			/** Ids of failing checks that support the verdict, best first. */
			readonly confirmedBy: readonly string[];
			/** Ids of checks that pass although this cause would make them fail. */
			readonly contradictedBy: readonly string[];
			/** The catalog entry or stall phase the verdict came from. */
			readonly basis: {readonly kind: 'catalog'; readonly entryId: string; readonly family: CatalogFamily; readonly docs: string} | {readonly kind: 'stall'; readonly phase: PhaseInfo['phase']} | {readonly kind: 'checks'};
	  }
	| {readonly kind: 'inconclusive'; readonly missing: readonly string[]; readonly raw?: string; readonly evidence: readonly string[]};

/** Stall threshold used when the caller passes none. */
export const DEFAULT_STALL_THRESHOLD_MS = 120_000;

// For an unrecognised start-up failure: path problems block everything, then credentials.
const groupOrder: readonly CheckGroup[] = ['network', 'iam', 'image', 'secrets', 'logs'];

type Classified = Extract<Classification, {kind: 'classified'}>;

function fromEntry(classification: Classified, task: TaskRecord, checks: readonly Check[]): Diagnosis {
	const {entry} = classification;
	const relevant = relevantChecks(checks, [...(entry.alternatives ?? []), ...entry.checks]);
	const confirming = relevant.filter(item => item.check.status === 'fail');
	const contradicting = relevantChecks(checks, entry.checks).filter(item => item.relevance === 'direct' && item.check.status === 'pass');
	const best = confirming[0]?.check;
	const detail = best?.evidence ?? reasonDetail(classification, task) ?? entry.cause;
	const evidence = [...reasonLines(classification, task), ...confirming.map(item => checkLine(item.check))];
	if (best === undefined && contradicting.length > 0) {
		evidence.push(...contradicting.map(item => checkLine(item.check)), 'the live checks for this cause pass now: it may have been fixed, or been transient, since the task stopped');
	}
	return {
		kind: 'problem',
		verdict: `${entry.headline}: ${detail}`,
		cause: entry.cause,
		evidence,
		fix: best?.fix ?? entry.fix,
		confirmedBy: idsOf(confirming),
		contradictedBy: best === undefined ? idsOf(contradicting) : [],
		basis: {kind: 'catalog', entryId: entry.id, family: entry.family, docs: entry.docs},
	};
}

function failingByPriority(checks: readonly Check[]): Check[] {
	return checks.filter(check => check.status === 'fail').sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group));
}

function stoppedWithoutCatalog(task: TaskRecord, classification: Classification, checks: readonly Check[]): Diagnosis {
	const raw = classification.kind === 'unclassified' ? classification.raw : task.stoppedReason;
	const evidence = [...(raw === undefined ? [] : [`stoppedReason: ${raw}`]), ...(task.stopCode === undefined ? [] : [`stopCode: ${task.stopCode}`])];
	const failing = failingByPriority(checks);
	const first = failing[0];
	// Only a start-up failure can be pinned on a start-up check; anything else stays open.
	if (first !== undefined && (task.stopCode === 'TaskFailedToStart' || task.startedAt === undefined)) {
		return {
			kind: 'problem',
			verdict: `${first.title}: ${first.evidence}`,
			cause: 'ecrtui does not recognise the stop reason, but this live check fails and blocks a task from starting',
			evidence: [...evidence, ...failing.map(checkLine)],
			fix: first.fix ?? 'Fix the failing check above, then start a new task.',
			confirmedBy: [...new Set(failing.map(check => check.id))],
			contradictedBy: [],
			basis: {kind: 'checks'},
		};
	}
	const missing = raw === undefined ? ['a stoppedReason (ECS recorded none)'] : ['a stop reason ecrtui recognises'];
	if (failing.length === 0) missing.push('a failing live check (none of the checks run so far fails)');
	return {kind: 'inconclusive', missing, ...(raw === undefined ? {} : {raw}), evidence: [...evidence, ...failing.map(checkLine)]};
}

function fromStall(task: TaskRecord, checks: readonly Check[], now: number, thresholdMs: number): Diagnosis {
	const stall = stallOf({task, now, thresholdMs});
	const {time} = stall;
	const timeLine = `${task.lastStatus} for ${formatDuration(time.durationMs)} (since ${time.basis})`;
	if (stall.kind === 'not-starting') return {kind: 'healthy', summary: `task is ${task.lastStatus} (desired ${task.desiredStatus ?? 'unknown'})`, notes: [timeLine]};
	if (stall.kind === 'starting') return {kind: 'healthy', summary: `starting: ${stall.phase.title}`, notes: [timeLine]};
	const {phase} = stall;
	const relevant = relevantChecks(checks, phase.checks);
	const confirming = relevant.filter(item => item.check.status === 'fail');
	const evidence = [timeLine, `phase: ${phase.title}`, ...(stall.fargateTimeout === undefined ? [] : [stall.fargateTimeout.note]), ...confirming.map(item => checkLine(item.check))];
	const best = confirming[0]?.check;
	if (best === undefined) {
		const ran = relevant.filter(item => item.check.status !== 'unknown').map(item => item.check.id);
		const notRun = phase.checks.filter(id => !ran.some(ranId => checkIdMatches(ranId, id)));
		const missing = notRun.length > 0 ? notRun.map(id => `check ${id}`) : [`a failing check explaining: ${phase.likely}`];
		return {kind: 'inconclusive', missing, evidence: [...evidence, ...relevant.map(item => checkLine(item.check))]};
	}
	return {
		kind: 'problem',
		verdict: `stuck ${phase.title}: ${best.evidence}`,
		cause: phase.likely,
		evidence,
		fix: best.fix ?? 'Fix the failing check above; the task will retry or be replaced.',
		confirmedBy: idsOf(confirming),
		contradictedBy: [],
		basis: {kind: 'stall', phase: phase.phase},
	};
}

function completedNormally(entry: CatalogEntry, task: TaskRecord): boolean {
	if (entry.id !== 'essential-container-exited') return false;
	const codes = task.containers.map(container => container.exitCode).filter((code): code is number => code !== undefined);
	return codes.length > 0 && codes.every(code => code === 0);
}

/**
 * Diagnoses one task. `classification` defaults to `classifyTask(task)`; `checks` are the
 * IAM, image and network checks run so far (any may be missing or `unknown`).
 */
export function diagnoseTask({
	task,
	classification = classifyTask(task),
	checks = [],
	now,
	stallThresholdMs = DEFAULT_STALL_THRESHOLD_MS,
}: {
	task: TaskRecord;
	classification?: Classification;
	checks?: readonly Check[];
	now: number;
	stallThresholdMs?: number;
}): Diagnosis {
	const state = asTaskStatus(task.lastStatus);
	const failingNotes = failingByPriority(checks).map(check => `would block the next start: ${checkLine(check)}`);
	if (state === 'RUNNING' && task.desiredStatus !== 'STOPPED') {
		const note = classification.kind === 'classified' ? [`a container reports: ${classification.entry.title}`] : [];
		return {kind: 'healthy', summary: 'running', notes: [...note, ...failingNotes]};
	}
	if (classification.kind === 'classified') {
		const {entry} = classification;
		if (entry.benign === true || completedNormally(entry, task)) {
			return {kind: 'healthy', summary: completedNormally(entry, task) ? 'completed: every container exited 0' : entry.title, notes: reasonLines(classification, task)};
		}
		return fromEntry(classification, task, checks);
	}
	const stopped = state === 'STOPPED' || state === 'DELETED' || state === 'DEPROVISIONING' || (task.desiredStatus === 'STOPPED' && task.stopCode !== undefined);
	if (stopped) return stoppedWithoutCatalog(task, classification, checks);
	if (state === 'PROVISIONING' || state === 'PENDING' || state === 'ACTIVATING') return fromStall(task, checks, now, stallThresholdMs);
	return {kind: 'healthy', summary: `task is ${task.lastStatus}`, notes: failingNotes};
}
