import type {Command, GlobalOptions} from './args.js';
import {bootstrap} from './bootstrap.js';
import type {Session} from '../data/session.js';
import {closeSession} from '../data/session.js';
import {toProblem} from '../data/problems.js';
import {diagnosisExitCode, diagnosisJson, loadDiagnosis, type DiagnosisReport} from '../data/diagnosis.js';
import {historyOf} from '../data/task-history.js';
import {configDir as defaultConfigDir} from '../config/paths.js';
import {DEFAULT_SETTINGS, loadSettings} from '../config/settings.js';
import type {Check} from '../domain/diagnosis/types.js';
import {safe} from '../domain/format/text.js';
import {problemMessage, stdio, type Output} from './output.js';

/**
 * `ecrtui diagnose --cluster C --task T [--json]`: the diagnosis screen for scripts. The task
 * is an id or an ARN; a task ECS no longer has is read from the local stopped-task history.
 * Exit codes: 0 no problem, 1 problem found (or the stop cannot be explained, or the task
 * cannot be read), 2 usage.
 */

/** For tests: an open session (a simulator's) instead of the global flags. */
export type DiagnoseDeps = {session?: Session; now?: () => number; configDir?: string; stallThresholdMs?: number; historyLimit?: number};

const mark: Record<Check['status'], string> = {pass: '✓ pass', warn: '! warn', fail: '✗ FAIL', unknown: '? not checked'};

function text(report: DiagnosisReport): string {
	const {diagnosis, task} = report;
	const lines: string[] = [];
	if (diagnosis.kind === 'problem') {
		lines.push(`✗ ${diagnosis.verdict}`, '', `cause: ${diagnosis.cause}`, 'evidence:', ...diagnosis.evidence.map(line => `  · ${line}`), `fix: ${diagnosis.fix}`);
	} else if (diagnosis.kind === 'healthy') {
		lines.push(`✓ no problem: ${diagnosis.summary}`, ...diagnosis.notes.map(note => `  · ${note}`));
	} else {
		lines.push('? inconclusive: ecrtui cannot name the cause', ...(diagnosis.raw === undefined ? [] : [`  unrecognised reason (raw): ${diagnosis.raw}`]), `  missing: ${diagnosis.missing.join('; ')}`, ...diagnosis.evidence.map(line => `  · ${line}`));
	}
	lines.push('', `task ${task.taskArn} (${report.source === 'history' ? 'from the local history' : 'ECS'}): ${task.lastStatus}, desired ${task.desiredStatus ?? '-'}${task.stopCode ? `, ${task.stopCode}` : ''}`);
	if (report.role) lines.push(`execution role ${report.role.roleArn}: ${report.role.methodText}`);
	if (report.network) lines.push(`network: ${report.network.verdict.text} (in the TUI, n on the diagnosis shows the path hop by hop)`);
	lines.push('checks:');
	for (const check of report.checks) {
		lines.push(`  ${mark[check.status]} ${check.id} ${check.title}: ${check.evidence}`);
		if (check.fix && check.status !== 'pass') lines.push(`      fix: ${check.fix}`);
	}
	for (const missing of report.unavailable) lines.push(`  ? ${missing}`);
	return `${lines.map(line => safe(line, 4096)).join('\n')}\n`;
}

export async function runDiagnose(command: Extract<Command, {name: 'diagnose'}>, options: GlobalOptions, io: Output = stdio, deps: DiagnoseDeps = {}): Promise<number> {
	let session = deps.session;
	let close = async () => undefined as void;
	let now = deps.now;
	if (!session) {
		const started = await bootstrap(options, {readOnly: true});
		if (!started.first.ok) {
			await started.close();
			const {problem} = started.first;
			io.err(problemMessage(problem));
			return 1;
		}
		const opened = started.first.session;
		session = opened;
		close = async () => {
			closeSession(opened);
			await started.close();
		};
		const simulator = started.simulator;
		now ??= simulator ? () => simulator.clock.now() : Date.now;
	}
	const settings = deps.configDir === undefined ? loadSettings().get() : DEFAULT_SETTINGS;
	const history = historyOf(session, deps.configDir ?? defaultConfigDir(), deps.historyLimit ?? settings.stoppedHistoryLimit);
	try {
		const report = await loadDiagnosis(session, {cluster: command.cluster, task: command.task, history, now: (now ?? Date.now)(), stallThresholdMs: deps.stallThresholdMs ?? settings.stallThresholdMs});
		io.out(command.json ? `${JSON.stringify({...diagnosisJson(report), exitCode: diagnosisExitCode(report)}, null, 2)}\n` : text(report));
		return diagnosisExitCode(report);
	} catch (error) {
		const problem = toProblem(error, {what: `Diagnosing task ${command.task}`, ...(session.profile ? {profile: session.profile} : {})});
		if (command.json) io.out(`${JSON.stringify({error: {kind: problem.kind, what: problem.what, why: problem.why, next: problem.next}, exitCode: 1}, null, 2)}\n`);
		else io.err(problemMessage(problem));
		return 1;
	} finally {
		await close();
	}
}
