import {inert, truncate} from '../../domain/format/text.js';
import type {NetworkResult} from '../../data/network.js';
import {drawPath, summaryLine, wrapText, type LabelContext, type Line} from './draw.js';
import {fitHopDetails, hopDetailLines, pathSummaryText, verdictLines, type TextLine} from './details.js';

/**
 * Fits the path view into the body: the verdict first and whole (wrapped, never cut), then
 * what the task is, the details of the selected hop, and the drawn paths in what is left.
 * When every path does not fit, the selected one is drawn and the others get one line each;
 * when even that does not fit, the drawing scrolls to keep the selected hop in view.
 */

export type Cursor = {path: number; hop: number};

export type PathLayout = {
	verdict: TextLine[];
	context: TextLine[];
	paths: Line[];
	/** Lines of paths scrolled out above and below. */
	hidden: {above: number; below: number};
	details: TextLine[];
	/** Whether the details were cut (enter shows them whole). */
	detailsCut: boolean;
	/** Runbook-style findings, when there is room left under the details. */
	findings: TextLine[];
};

const CLASS_WORD: Record<string, string> = {public: 'public', nat: 'private', 'endpoint-only': 'endpoint-only', isolated: 'isolated', blackhole: 'broken route', unverifiable: 'unverified'};

/** How hop labels are shortened for this result. */
export function labelContext(result: NetworkResult): LabelContext {
	const subnetNames = new Map<string, string>();
	for (const subnet of result.model.subnets) {
		const name = subnet.tags?.['Name'];
		if (name) subnetNames.set(subnet.subnetId, name);
	}
	const word = result.subnet ? CLASS_WORD[result.subnet.class] : undefined;
	return {subnetNames, taskSubnetId: result.taskNetwork.subnetId, ...(word ? {taskSubnetClass: word} : {})};
}

/** The second line: which task, where, with what. */
export function contextText(result: NetworkResult, mode: 'task' | 'subnet'): string {
	const task = result.taskNetwork;
	const subnetName = result.model.subnets.find(subnet => subnet.subnetId === task.subnetId)?.tags?.['Name'];
	const where = subnetName ? `${subnetName} ${task.subnetId}` : task.subnetId;
	const groups = task.securityGroupIds.map(id => {
		const name = result.model.securityGroups.find(group => group.groupId === id)?.groupName;
		return name ? `${name} ${id}` : id;
	});
	const needs = [task.needs.ecr ? 'ECR' : '', task.needs.logs ? 'logs' : '', task.needs.secretsManager ? 'Secrets Manager' : '', task.needs.ssm ? 'SSM' : '', task.needs.kms ? 'KMS' : ''].filter(Boolean).join(', ') || 'nothing';
	const publicIp = task.publicIp ?? (task.assignPublicIp ? 'ENABLED' : 'none');
	const who = mode === 'task' ? `task ${task.privateIp ?? ''}`.trim() : 'hypothetical task';
	return `${who} in ${where} · SG ${groups.join(', ') || 'none'} · public IP ${publicIp} · PV ${task.platformVersion} · needs ${needs}`;
}

function window<T>(lines: readonly T[], focus: number, room: number): {shown: T[]; above: number; below: number} {
	if (lines.length <= room) return {shown: [...lines], above: 0, below: 0};
	const start = Math.max(0, Math.min(focus - Math.floor(room / 3), lines.length - room));
	return {shown: lines.slice(start, start + room), above: start, below: lines.length - start - room};
}

/** Lays the path view out in `width` x `height`. */
export function layoutPathView(input: {result: NetworkResult; mode: 'task' | 'subnet'; cursor: Cursor; width: number; height: number}): PathLayout {
	const {result, mode, cursor, width, height} = input;
	const verdict = verdictLines(result, width);
	const context: TextLine[] = wrapText(inert(contextText(result, mode)), width).slice(0, 2).map(text => ({text, role: 'text.secondary'}));
	for (const note of result.notes.slice(0, 2)) context.push({text: truncate(`note: ${inert(note)}`, width), role: 'text.muted'});
	const paths = result.paths.paths;
	const selectedPath = paths[cursor.path];
	const selectedHop = selectedPath?.hops[cursor.hop];
	// The rule above the details takes one line.
	const free = Math.max(2, height - verdict.length - context.length - 1);

	const labels = labelContext(result);
	const drawn = paths.map((path, index) => drawPath({path, context: labels, width, focused: index === cursor.path, ...(index === cursor.path ? {selectedHop: cursor.hop} : {})}));
	const full = drawn.flatMap(path => path.lines);
	const focused: Line[] = [];
	let focus = 0;
	paths.forEach((path, index) => {
		const drawing = drawn[index]!;
		if (index === cursor.path) {
			focus = focused.length + drawing.selectedLine;
			focused.push(...drawing.lines);
		} else focused.push(summaryLine(path, pathSummaryText(path), width));
	});

	if (!selectedPath || !selectedHop) {
		const shown = window(full, 0, free - 1);
		return {verdict, context, paths: shown.shown, hidden: {above: shown.above, below: shown.below}, details: [{text: 'no path to show: the task needs nothing from the network', role: 'text.muted'}], detailsCut: false, findings: []};
	}
	const allDetails = hopDetailLines(selectedHop, selectedPath, width);
	let lines: Line[];
	let detailRoom: number;
	if (full.length + allDetails.length <= free) {
		lines = full;
		detailRoom = allDetails.length;
	} else if (focused.length + allDetails.length <= free) {
		lines = focused;
		detailRoom = allDetails.length;
	} else {
		lines = focused;
		// The details keep at least five lines (header, reason, command); the drawing scrolls.
		detailRoom = Math.min(allDetails.length, Math.max(5, free - focused.length));
	}
	const details = fitHopDetails(selectedHop, selectedPath, width, detailRoom);
	const shown = window(lines, lines === full ? 0 : focus, Math.max(1, free - details.lines.length));
	const left = free - shown.shown.length - details.lines.length;
	// Whole findings only: a cut sentence would read as a different finding.
	const findings: TextLine[] = [];
	for (const finding of result.paths.findings) {
		const lines = wrapText(inert(`• ${finding}`), width).map(text => ({text, role: 'text.secondary' as const}));
		const heading = findings.length === 0 ? 2 : 0;
		if (findings.length + heading + lines.length > left) break;
		if (heading) findings.push({text: ''}, {text: 'Findings, as the AWSSupport-TroubleshootECSTaskFailedToStart runbook words them:', role: 'text.accent'});
		findings.push(...lines);
	}
	return {verdict, context, paths: shown.shown, hidden: {above: shown.above, below: shown.below}, details: details.lines, detailsCut: details.cut, findings};
}
