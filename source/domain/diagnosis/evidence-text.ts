/**
 * Plain-words lines for the diagnosis view, built from a classification's evidence, the
 * task and the checks. Kept apart from `diagnose.ts` so the decision logic stays short.
 */
import {foreignRegionImages} from '../tasks/image-region.js';
import {taskLocation, type TaskRecord} from '../tasks/types.js';
import type {Classification, ReasonSource} from './catalog.js';
import type {Check} from './types.js';

type Classified = Extract<Classification, {kind: 'classified'}>;

// Conventional shell / signal meanings of container exit codes. [INF, POSIX shells; 128+N = signal N]
const exitMeanings: Readonly<Record<number, string>> = {
	1: 'application error',
	2: 'misuse of a shell builtin / bad arguments',
	126: 'command found but not executable',
	127: 'command not found (check entryPoint/command and the image)',
	137: 'SIGKILL: memory limit or stop timeout',
	139: 'SIGSEGV: segmentation fault',
	143: 'SIGTERM: asked to stop',
	255: 'exit status out of range / fatal error',
};

/** `exit code 127 (command not found ...)`. */
export function describeExitCode(code: number): string {
	const meaning = exitMeanings[code];
	return meaning === undefined ? `exit code ${code}` : `exit code ${code} (${meaning})`;
}

/** Where a reason came from, for evidence lines. */
export function sourceLabel(source: ReasonSource): string {
	switch (source.kind) {
		case 'text':
			return 'reason';
		case 'stoppedReason':
			return 'stoppedReason';
		case 'container':
			return `container ${source.container} reason`;
		case 'exitCode':
			return `container ${source.container}`;
		case 'stopCode':
			return 'stopCode';
		default:
			return assertNever(source);
	}
}

function assertNever(value: never): never {
	throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

function roleOf(principal: string): string {
	const assumed = /assumed-role\/([^/]+)\//.exec(principal);
	return assumed?.[1] !== undefined ? `role ${assumed[1]}` : principal;
}

/** The most specific fact the reason itself states, for a verdict without a failing check. */
export function reasonDetail(classification: Classified, task: TaskRecord): string | undefined {
	const {evidence, entry, source} = classification;
	const denied = evidence.accessDenied;
	if (denied?.action !== undefined) {
		const who = denied.principal === undefined ? 'the execution role' : roleOf(denied.principal);
		const how = denied.denial === 'explicit' ? ` (explicit deny${denied.policyType === undefined ? '' : ` in a ${denied.policyType} policy`})` : '';
		return `${who} is not authorized to perform ${denied.action}${denied.resource === undefined ? '' : ` on ${denied.resource}`}${how}`;
	}
	if (evidence.dial !== undefined) {
		const host = evidence.hosts.at(-1);
		return `the connection to ${host === undefined ? evidence.dial.address : `${host} (${evidence.dial.address})`} timed out`;
	}
	if (entry.family === 'container' && evidence.exitCode !== undefined) {
		const container = source.kind === 'exitCode' || source.kind === 'container' ? source.container : task.containers.find(item => item.exitCode === evidence.exitCode)?.name;
		return `${container === undefined ? 'a container' : `container ${container}`} stopped with ${describeExitCode(evidence.exitCode)}`;
	}
	if (entry.family === 'image-pull' && evidence.image !== undefined && /not-found$/.test(entry.id)) return `${evidence.image} was not found`;
	return undefined;
}

/** Evidence lines from the reason: the text, what the address says, the denial, the image. */
export function reasonLines(classification: Classified, task: TaskRecord): string[] {
	const {evidence, source, text} = classification;
	const lines = [`${sourceLabel(source)}: ${text}`];
	if (task.stopCode !== undefined && source.kind !== 'stopCode') lines.push(`stopCode: ${task.stopCode}`);
	if (evidence.dial !== undefined) lines.push(evidence.dial.hint);
	const denied = evidence.accessDenied;
	if (denied !== undefined) {
		const policy = denied.policyType === undefined ? '' : ` (${denied.denial === 'explicit' ? 'explicit deny in' : 'no Allow in any'} ${denied.policyType} policy)`;
		lines.push(`access denied: ${denied.principal ?? 'principal not named'} → ${denied.action ?? 'action not named'}${denied.resource === undefined ? '' : ` on ${denied.resource}`}${policy}`);
	}
	// The image named in the reason, else the task's own ECR images: a Region mismatch is worth
	// saying even when the reason (e.g. a registry-auth timeout) names no image.
	const taskRegion = taskLocation(task.taskArn).region;
	const foreignRegion = evidence.imageReference === undefined ? foreignRegionImages(task)[0]?.region : evidence.imageReference.region;
	if (foreignRegion !== undefined && taskRegion !== undefined && foreignRegion !== taskRegion) lines.push(`the image registry is in ${foreignRegion}, the task runs in ${taskRegion}`);
	if (evidence.secretArn !== undefined) lines.push(`secret: ${evidence.secretArn}`);
	if (evidence.parameters !== undefined) lines.push(`parameters: ${evidence.parameters.join(', ')}`);
	if (evidence.exitCode !== undefined) lines.push(describeExitCode(evidence.exitCode));
	return lines;
}

/** `[fail] title: evidence`. */
export function checkLine(check: Check): string {
	return `[${check.status}] ${check.title}: ${check.evidence}`;
}
