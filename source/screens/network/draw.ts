import type {Role} from '../../app/theme/tokens.js';
import {inert, truncate, width as cells} from '../../domain/format/text.js';
import type {Dependency, DependencyPath, Hop, HopStatus} from '../../domain/network/types.js';

/**
 * Pure text layout of the network screen: hops drawn as `label ✓ → label ✗`, wrapped to the
 * terminal width with the arrow leading each continuation line. Every status has a symbol as
 * well as a colour role, so the drawing reads the same without colour (NO_COLOR).
 */

/** A run of text with one style. */
export type Segment = {text: string; role?: Role; inverse?: boolean; bold?: boolean};

/** One screen line. */
export type Line = Segment[];

export type Status = HopStatus | 'unknown';

export const SYMBOL: Record<Status, string> = {pass: '✓', warn: '!', fail: '✗', unknown: '?'};

export const ROLE: Record<Status, Role> = {pass: 'status.ok', warn: 'status.warn', fail: 'status.error', unknown: 'status.pending'};

/** Short dependency names for the path prefix. */
export const DEPENDENCY_NAME: Record<Dependency, string> = {
	'ecr-api': 'ecr.api',
	'ecr-dkr': 'ecr.dkr',
	s3: 'S3',
	logs: 'logs',
	secretsmanager: 'secrets',
	ssm: 'ssm',
	kms: 'kms',
};

const SERVICE_NAME: Record<Dependency, string> = {
	'ecr-api': 'ECR API',
	'ecr-dkr': 'ECR registry',
	s3: 'S3 (layers)',
	logs: 'CloudWatch Logs',
	secretsmanager: 'Secrets Manager',
	ssm: 'SSM',
	kms: 'KMS',
};

/** Width of `✗ ecr.api ` before the first hop. */
export const PREFIX_WIDTH = 10;

/** Word-wraps text into lines of at most `max` cells; words longer than a line are cut. */
export function wrapText(text: string, max: number): string[] {
	const size = Math.max(1, max);
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/ +/)) {
			let rest = word;
			while (cells(rest) > size) {
				if (line) {
					lines.push(line);
					line = '';
				}
				let head = '';
				for (const char of rest) {
					if (cells(head + char) > size) break;
					head += char;
				}
				lines.push(head);
				rest = rest.slice(head.length);
			}
			if (!line) line = rest;
			else if (cells(`${line} ${rest}`) <= size) line = `${line} ${rest}`;
			else {
				lines.push(line);
				line = rest;
			}
		}
		lines.push(line);
	}
	return lines;
}

/** What hop labels may be shortened with: subnet names and the task subnet's class. */
export type LabelContext = {
	/** Subnet id -> Name tag. */
	subnetNames: ReadonlyMap<string, string>;
	taskSubnetId: string;
	/** e.g. `private`, `public`, `isolated`. */
	taskSubnetClass?: string;
};

function withNames(text: string, context: LabelContext): string {
	return text.replace(/subnet-[0-9a-f]+/g, id => context.subnetNames.get(id) ?? id);
}

/** The short label drawn for a hop; the details pane shows the full ids and evidence. */
export function hopLabel(hop: Hop, dependency: Dependency, context: LabelContext): string {
	switch (hop.kind) {
		case 'eni':
			return 'task ENI';
		case 'subnet': {
			const name = context.subnetNames.get(hop.resourceId) ?? hop.resourceId;
			return hop.resourceId === context.taskSubnetId && context.taskSubnetClass ? `${name} (${context.taskSubnetClass})` : name;
		}
		case 'route-table':
			return hop.label.replace(' (explicit)', '');
		case 'route':
			return hop.label.startsWith(`${hop.resourceId} `) ? hop.label.slice(hop.resourceId.length + 1) : hop.label;
		case 'dns':
			return 'private DNS';
		case 'policy':
			return 'endpoint policy';
		case 'service':
			return SERVICE_NAME[dependency];
		default:
			return withNames(hop.label, context);
	}
}

/** A drawn path and the line that holds the selected hop (to keep it in view). */
export type DrawnPath = {lines: Line[]; selectedLine: number};

/**
 * Draws one dependency: `✗ S3        task ENI ✓ → demo-private-b (private) ✓ → … → S3 ✓`,
 * wrapped at `width` with `→` leading each continuation line.
 */
export function drawPath(input: {path: DependencyPath; context: LabelContext; width: number; selectedHop?: number; focused?: boolean}): DrawnPath {
	const {path, context, width, selectedHop} = input;
	const status: Status = path.status;
	const name = DEPENDENCY_NAME[path.dependency];
	const prefix: Segment = {text: `${SYMBOL[status]} ${name.padEnd(PREFIX_WIDTH - 2)}`.slice(0, PREFIX_WIDTH), role: ROLE[status], bold: input.focused === true};
	const indent = ' '.repeat(PREFIX_WIDTH);
	const lines: Line[] = [];
	let line: Line = [prefix];
	let used = PREFIX_WIDTH;
	let selectedLine = 0;
	path.hops.forEach((hop, index) => {
		let label = hopLabel(hop, path.dependency, context);
		// A failed route whose target is not drawn (a deleted NAT) still names where it points.
		if (hop.kind === 'route' && hop.status === 'fail' && path.viaId && !path.hops.some(other => other.resourceId === path.viaId)) label = `${label} → ${path.viaId}`;
		const text = `${inert(label)} ${SYMBOL[hop.status]}`;
		let arrow = index === 0 ? '' : ' → ';
		if (index > 0 && used + cells(arrow) + cells(text) > width) {
			lines.push(line);
			line = [{text: indent}];
			used = PREFIX_WIDTH;
			// A continuation line starts with the arrow, under the first hop.
			arrow = '→ ';
		}
		if (arrow) {
			line.push({text: arrow, role: 'text.muted'});
			used += cells(arrow);
		}
		const fitted = truncate(text, Math.max(1, width - used));
		line.push({text: fitted, role: ROLE[hop.status], inverse: index === selectedHop});
		used += cells(fitted);
		if (index === selectedHop) selectedLine = lines.length;
	});
	lines.push(line);
	return {lines, selectedLine};
}

/** One line for a dependency that is not in focus: status, name and how it is reached or why not. */
export function summaryLine(path: DependencyPath, text: string, width: number): Line {
	const status: Status = path.status;
	const prefix = `${SYMBOL[status]} ${DEPENDENCY_NAME[path.dependency].padEnd(PREFIX_WIDTH - 2)}`.slice(0, PREFIX_WIDTH);
	return [{text: prefix, role: ROLE[status]}, {text: truncate(inert(text), Math.max(1, width - PREFIX_WIDTH)), role: status === 'pass' ? 'text.secondary' : ROLE[status]}];
}

/** Plain text of a line (tests, widths). */
export function lineText(line: Line): string {
	return line.map(segment => segment.text).join('');
}
