import type {PanelLine} from '../../components/text-panel.js';
import type {DiagnosisReport} from '../../data/diagnosis.js';
import type {Check, CheckGroup, CheckStatus} from '../../domain/diagnosis/types.js';
import {safe} from '../../domain/format/text.js';
import {formatDuration, timeInState} from '../../domain/tasks/time-in-state.js';

/**
 * The diagnosis as text, most important first: the verdict in plain words, then cause,
 * evidence and fix, then every live check (pass / warn / fail with its evidence and one-line
 * fix), grouped, each group saying how it was checked. AWS text is made inert by the panel.
 */

export const STATUS_STYLE: Record<CheckStatus, {symbol: string; role: PanelLine['role']; word: string}> = {
	pass: {symbol: '✓', role: 'status.ok', word: 'pass'},
	warn: {symbol: '!', role: 'status.warn', word: 'warn'},
	fail: {symbol: '✗', role: 'status.error', word: 'FAIL'},
	unknown: {symbol: '?', role: 'text.muted', word: 'not checked'},
};

const GROUP_TITLE: Record<CheckGroup, string> = {iam: 'Execution role', image: 'Image', network: 'Network', logs: 'Logs', secrets: 'Secrets'};

function checkLines(check: Check): PanelLine[] {
	const style = STATUS_STYLE[check.status];
	const lines: PanelLine[] = [{text: `${style.symbol} ${style.word.padEnd(4)} ${check.title}: ${check.evidence}`, role: style.role, indent: 2}];
	if (check.fix && check.status !== 'pass') lines.push({text: `fix: ${check.fix}`, indent: 9});
	return lines;
}

function verdictLines(report: DiagnosisReport): PanelLine[] {
	const {diagnosis} = report;
	switch (diagnosis.kind) {
		case 'problem':
			return [
				{text: `✗ ${diagnosis.verdict}`, bold: true, role: 'status.error'},
				{text: ''},
				{text: `Cause: ${diagnosis.cause}`},
				{text: 'Evidence:', bold: true},
				...diagnosis.evidence.map(line => ({text: `· ${line}`, indent: 2})),
				...(diagnosis.contradictedBy.length > 0 ? [{text: `Contradicted by: ${diagnosis.contradictedBy.join(', ')}`, role: 'status.warn' as const}] : []),
				{text: `Fix: ${diagnosis.fix}`, bold: true, role: 'text.accent'},
			];
		case 'healthy':
			return [{text: `✓ No problem: ${diagnosis.summary}`, bold: true, role: 'status.ok'}, ...diagnosis.notes.map(note => ({text: `· ${note}`, indent: 2}))];
		case 'inconclusive':
			return [
				{text: '? Inconclusive: ecrtui cannot name the cause', bold: true, role: 'status.warn'},
				...(diagnosis.raw === undefined ? [] : [{text: `Unrecognised reason (shown raw, unclassified): ${diagnosis.raw}`, role: 'status.warn' as const}]),
				{text: `Missing: ${diagnosis.missing.join('; ')}`},
				...diagnosis.evidence.map(line => ({text: `· ${line}`, indent: 2})),
			];
	}
}

/** The whole report as panel lines. */
export function reportLines(report: DiagnosisReport): PanelLine[] {
	const {task, classification} = report;
	const time = timeInState({task, now: report.now});
	const lines: PanelLine[] = [
		...verdictLines(report),
		{text: ''},
		{text: 'Task', bold: true, role: 'text.accent'},
		{text: `${task.lastStatus} (desired ${task.desiredStatus ?? '-'}) for ${formatDuration(time.durationMs)} since ${time.basis}${task.stopCode ? ` · stopCode ${task.stopCode}` : ''}${report.source === 'history' ? ' · from the local history (ECS no longer has it)' : ''}`, indent: 2},
	];
	// The verdict's evidence usually quotes the stoppedReason already; say it once.
	const quoted = report.diagnosis.kind !== 'healthy' && task.stoppedReason !== undefined && report.diagnosis.evidence.some(line => line.includes(task.stoppedReason ?? ''));
	if (task.stoppedReason && !quoted) lines.push({text: `stoppedReason: ${task.stoppedReason}`, indent: 2});
	for (const container of task.containers) if (container.reason) lines.push({text: `container ${container.name}: ${container.reason}`, indent: 2});
	lines.push({
		text:
			classification.kind === 'classified'
				? `classified as: ${classification.entry.title} (${classification.entry.family}) · ${classification.entry.docs}`
				: classification.kind === 'unclassified'
					? 'unclassified: ecrtui does not recognise this text; it is shown raw above, not guessed'
					: 'no stop reason to classify',
		indent: 2,
		role: classification.kind === 'unclassified' ? 'status.warn' : 'text.secondary',
	});
	lines.push({text: ''}, {text: 'Live checks', bold: true, role: 'text.accent'});
	for (const group of ['iam', 'image', 'network', 'secrets', 'logs'] as const) {
		const checks = report.checks.filter(check => check.group === group);
		if (group === 'iam' && report.role) lines.push({text: `${GROUP_TITLE.iam} ${safe(report.role.roleArn)} · ${report.role.methodText}`, bold: true});
		else if (group === 'network' && report.network) {
			const style = STATUS_STYLE[report.network.verdict.status];
			lines.push({text: `${GROUP_TITLE.network} · ${report.network.taskNetwork.subnetId} · press n for the path hop by hop`, bold: true}, {text: `${style.symbol} ${report.network.verdict.text}`, role: style.role, indent: 2});
		} else if (checks.length > 0) lines.push({text: GROUP_TITLE[group], bold: true});
		lines.push(...checks.flatMap(checkLines));
	}
	for (const image of report.images) if (image.lookup.kind === 'unknown') lines.push({text: `? image ${image.image}: ${image.lookup.reason}`, role: 'text.muted', indent: 2});
	if (report.unavailable.length > 0) lines.push({text: ''}, {text: 'Not checked', bold: true, role: 'status.warn'}, ...report.unavailable.map(text => ({text: `? ${text}`, indent: 2})));
	return lines;
}
