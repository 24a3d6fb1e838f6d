import type {Column} from '../../components/table/layout.js';
import type {ImageRow} from '../../domain/registry/image-tree.js';
import {mediaKind} from '../../domain/registry/image-tree.js';
import type {Consumer} from '../../domain/registry/usage.js';
import type {Platform} from '../../domain/registry/types.js';
import {usageMark} from '../../domain/registry/usage.js';
import {age, bytes, shortDigest} from '../../domain/format/units.js';

/** A table row: the tree row plus what uses it. */
export type ImageTableRow = ImageRow & {consumers: Consumer[]; drift: boolean};

/** `os/architecture[/variant]`. */
export function platformLabel(platform: Platform): string {
	return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}

function platformText(row: ImageRow): string {
	return row.platform ? platformLabel(row.platform) : 'platform';
}

function tagText(row: ImageTableRow): string {
	const archived = row.image.status === 'ARCHIVED' ? ' [archived]' : row.image.status === 'ACTIVATING' ? ' [restoring]' : '';
	if (row.depth === 1) {
		const what = row.kind === 'child' ? platformText(row) : row.kind === 'attestation' ? 'attestation' : mediaKind(row);
		return `  └ ${row.image.tags.length ? row.image.tags.join(', ') : what}${archived}`;
	}
	const tags = row.image.tags.length ? row.image.tags.join(', ') : '<untagged>';
	const extra = row.kind === 'index' && row.dependents ? ` (+${row.dependents})` : '';
	return `${tags}${extra}${archived}`;
}

export function scanText(row: ImageRow): string {
	const scan = row.image.scan;
	if (!scan) return '-';
	if (scan.status !== 'COMPLETE' && scan.status !== 'ACTIVE') return scan.status.toLowerCase().slice(0, 8);
	const critical = scan.counts.CRITICAL ?? 0;
	const high = scan.counts.HIGH ?? 0;
	return critical + high === 0 ? '✓ clean' : `${critical}C ${high}H`;
}

export function imageColumns(now: number): Column<ImageTableRow>[] {
	return [
		{id: 'tags', header: 'TAGS', width: 22, minWidth: 14, grow: 2, cell: tagText, role: row => (row.depth === 1 ? 'text.secondary' : row.image.tags.length === 0 ? 'text.muted' : undefined)},
		{id: 'digest', header: 'DIGEST', width: 12, cell: row => shortDigest(row.image.digest), role: () => 'text.secondary', optional: 3},
		{id: 'size', header: 'SIZE', width: 9, align: 'right', cell: row => bytes(row.image.sizeInBytes)},
		{id: 'pushed', header: 'PUSHED', width: 6, align: 'right', cell: row => age(row.image.pushedAt, now)},
		{id: 'pulled', header: 'PULLED', width: 6, align: 'right', cell: row => (row.image.lastPulledAt === undefined ? 'never' : age(row.image.lastPulledAt, now)), optional: 2},
		{
			id: 'scan',
			header: 'SCAN',
			width: 7,
			cell: scanText,
			role: row => ((row.image.scan?.counts.CRITICAL ?? 0) > 0 ? 'status.error' : (row.image.scan?.counts.HIGH ?? 0) > 0 ? 'status.warn' : row.image.scan ? 'status.ok' : 'text.muted'),
		},
		{id: 'type', header: 'TYPE', width: 9, cell: row => mediaKind(row), optional: 1},
		{
			id: 'usage',
			header: 'IN USE BY',
			width: 14,
			minWidth: 8,
			grow: 1,
			cell: row => `${row.drift ? '⇄ drift · ' : ''}${row.consumers.length ? `● ${usageMark(row.consumers)}` : ''}`,
			role: row => (row.drift ? 'status.warn' : row.consumers.length ? 'status.ok' : undefined),
		},
	];
}

const severity = (row: ImageTableRow) => (row.image.scan?.counts.CRITICAL ?? 0) * 1000 + (row.image.scan?.counts.HIGH ?? 0);

export const imageSorters: Record<string, (a: ImageTableRow, b: ImageTableRow) => number> = {
	tags: (a, b) => (a.image.tags[0] ?? '\uffff').localeCompare(b.image.tags[0] ?? '\uffff'),
	size: (a, b) => a.image.sizeInBytes - b.image.sizeInBytes,
	pushed: (a, b) => a.image.pushedAt - b.image.pushedAt,
	pulled: (a, b) => (a.image.lastPulledAt ?? 0) - (b.image.lastPulledAt ?? 0),
	scan: (a, b) => severity(a) - severity(b),
	usage: (a, b) => a.consumers.length - b.consumers.length,
};
