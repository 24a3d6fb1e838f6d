import type {Column} from '../../components/table/layout.js';
import {age, bytes, shortDigest} from '../../domain/format/units.js';
import type {PreviewRow} from './preview-model.js';

function mark(row: PreviewRow): string {
	return `${row.inUse ? '⚠' : ' '}${row.change ?? ' '}`;
}

/** Columns of the dry-run list: in use / change marks, action, tags, digest, age, size, rule, reason. */
export function previewColumns(now: number): Column<PreviewRow>[] {
	return [
		{id: 'mark', header: '', width: 2, cell: mark, role: row => (row.inUse ? 'status.warn' : row.change === '-' ? 'status.ok' : undefined)},
		{id: 'action', header: 'ACTION', width: 7, cell: row => row.action, role: row => (row.action === 'expire' ? 'status.error' : row.action === 'archive' ? 'status.pending' : 'status.ok')},
		{id: 'tags', header: 'TAGS', width: 18, minWidth: 10, grow: 1, cell: row => (row.tags.length > 0 ? row.tags.join(', ') : '<untagged>'), role: row => (row.tags.length === 0 ? 'text.muted' : undefined)},
		{id: 'digest', header: 'DIGEST', width: 12, cell: row => shortDigest(row.digest), role: () => 'text.secondary', optional: 3},
		{id: 'age', header: 'AGE', width: 5, align: 'right', cell: row => age(row.pushedAt, now)},
		{id: 'size', header: 'SIZE', width: 9, align: 'right', cell: row => bytes(row.sizeInBytes), optional: 2},
		{id: 'rule', header: 'RULE', width: 4, align: 'right', cell: row => (row.rulePriority === undefined ? '-' : `#${row.rulePriority}`)},
		{id: 'reason', header: 'REASON / IN USE BY', width: 24, minWidth: 12, grow: 2, cell: row => (row.inUse ? `IN USE: ${row.inUse}` : row.reason), role: row => (row.inUse ? 'status.warn' : 'text.secondary'), optional: 1},
	];
}
