import type {Role} from '../../app/theme/tokens.js';
import {inert} from '../../domain/format/text.js';
import {pathVerdictText} from '../../domain/network/index.js';
import type {NetworkResult} from '../../data/network.js';
import type {DependencyPath, Hop} from '../../domain/network/types.js';
import {ROLE, SYMBOL, wrapText, type Status} from './draw.js';

/** A styled text line of the verdict or the details pane. */
export type TextLine = {text: string; role?: Role; bold?: boolean};

/**
 * The one-line verdict, said plainly. The engine prefixes warnings with "unverified:", but a
 * warning is often a caveat on a working path (an endpoint in another AZ), so the screen says
 * that nothing blocks the path and names the first warning.
 */
export function verdictLine(result: Pick<NetworkResult, 'verdict' | 'paths'>): {status: Status; text: string} {
	const {verdict} = result;
	if (verdict.status !== 'warn' || verdict.hop === undefined) return {status: verdict.status, text: `${SYMBOL[verdict.status]} ${verdict.text}`};
	const reasons = new Set(result.paths.paths.flatMap(path => path.hops.filter(hop => hop.status === 'warn').map(hop => hop.reason)));
	const more = reasons.size > 1 ? ` (+${reasons.size - 1} more)` : '';
	return {status: 'warn', text: `${SYMBOL.warn} no blocking problem found; check: ${verdict.hop.reason}${more}`};
}

const VIA_WORD: Partial<Record<DependencyPath['via'], string>> = {'interface-endpoint': 'interface endpoint', 'gateway-endpoint': 'gateway endpoint', nat: 'NAT gateway', igw: 'internet gateway'};

/** One line for a path that is not drawn in full: how it gets there, or what stops it. */
export function pathSummaryText(path: DependencyPath): string {
	const hop = path.hops.find(candidate => candidate.status === 'fail') ?? path.hops.find(candidate => candidate.status === 'warn');
	if (path.status === 'warn' && hop) return `check: ${hop.reason}`;
	if (path.status === 'pass') return `via ${path.viaId ?? path.via}${VIA_WORD[path.via] ? ` (${VIA_WORD[path.via]})` : ''}`;
	return pathVerdictText(path);
}

/** The verdict wrapped to the width: it is never truncated. */
export function verdictLines(result: Pick<NetworkResult, 'verdict' | 'paths'>, width: number): TextLine[] {
	const {status, text} = verdictLine(result);
	return wrapText(inert(text), width).map(line => ({text: line, role: ROLE[status], bold: true}));
}

const KIND_NAME: Record<Hop['kind'], string> = {
	eni: 'network interface',
	subnet: 'subnet',
	'route-table': 'route table',
	route: 'route',
	nat: 'NAT gateway',
	igw: 'internet gateway',
	endpoint: 'VPC endpoint',
	'security-group': 'security group',
	nacl: 'network ACL',
	dns: 'DNS',
	policy: 'endpoint policy',
	service: 'service',
	peering: 'peering connection',
	transit: 'transit gateway',
	appliance: 'appliance',
};

function wrapped(text: string, width: number, role?: Role, firstPrefix = '', restPrefix = firstPrefix): TextLine[] {
	const room = Math.max(8, width - Math.max(firstPrefix.length, restPrefix.length));
	return wrapText(inert(text), room).map((line, index) => ({text: `${index === 0 ? firstPrefix : restPrefix}${line}`, ...(role ? {role} : {})}));
}

/** A Terraform line keeps its indentation (wrapText would drop it). */
function terraformLine(line: string, width: number): TextLine[] {
	const text = line.replace(/\t/g, '  ');
	const indent = ' '.repeat(text.length - text.trimStart().length);
	return wrapped(text.trimStart(), width, undefined, `  ${indent}`, `    ${indent}`);
}

/** A block of the details pane; lower `priority` numbers are dropped last when space is short. */
type Section = {lines: TextLine[]; priority: number};

function sections(hop: Hop, path: DependencyPath, width: number, full: boolean): Section[] {
	const list: Section[] = [
		{priority: 0, lines: [{text: `${SYMBOL[hop.status]} ${KIND_NAME[hop.kind]} ${inert(hop.label)}${hop.label.includes(hop.resourceId) ? '' : ` (${inert(hop.resourceId)})`}`.slice(0, 400), role: ROLE[hop.status], bold: true}]},
		{priority: 2, lines: wrapped(hop.reason, width, hop.status === 'pass' ? undefined : ROLE[hop.status])},
		{priority: 3, lines: wrapped(hop.evidence, width, 'text.secondary', 'evidence: ', '  ')},
	];
	if (hop.fix) {
		list.push({priority: 4, lines: wrapped(hop.fix.summary, width, 'text.accent', 'fix: ', '  ')});
		list.push({priority: 1, lines: wrapped(hop.fix.cli, width, undefined, '$ ', '  ')});
		if (full) list.push({priority: 5, lines: [{text: 'Terraform:', role: 'text.accent'}, ...hop.fix.terraform.split('\n').flatMap(line => terraformLine(line, width))]});
	}
	if (full) list.push({priority: 6, lines: [{text: ''}, ...wrapped(`path to ${path.host}: ${path.status} via ${path.viaId ?? path.via}`, width, 'text.muted')]});
	return list;
}

/**
 * The details of the selected hop: what it is, why it passed or failed, the evidence (the rule
 * or route that decided) and the fix as an AWS CLI command. `full` adds the Terraform snippet.
 */
export function hopDetailLines(hop: Hop, path: DependencyPath, width: number, full = false): TextLine[] {
	return sections(hop, path, width, full).flatMap(section => section.lines);
}

/**
 * The details in at most `room` lines, in reading order: when they do not fit, the fix summary
 * goes first, then the evidence, then the reason is shortened; the header and the CLI command
 * stay (the command is what `c` copies). Returns whether anything was left out.
 */
export function fitHopDetails(hop: Hop, path: DependencyPath, width: number, room: number): {lines: TextLine[]; cut: boolean} {
	let list = sections(hop, path, width, false);
	const count = () => list.reduce((sum, section) => sum + section.lines.length, 0);
	let cut = false;
	while (count() > room) {
		const drop = list.filter(section => section.priority >= 3).sort((a, b) => b.priority - a.priority)[0];
		if (!drop) break;
		list = list.filter(section => section !== drop);
		cut = true;
	}
	const reason = list.find(section => section.priority === 2);
	if (count() > room && reason) {
		const keep = Math.max(1, reason.lines.length - (count() - room));
		const last = reason.lines[keep - 1];
		reason.lines = [...reason.lines.slice(0, keep - 1), ...(last ? [{...last, text: `${last.text.slice(0, Math.max(0, width - 1))}…`}] : [])];
		cut = true;
	}
	const lines = list.flatMap(section => section.lines);
	return {lines: lines.slice(0, Math.max(1, room)), cut: cut || lines.length > room};
}
