import type {Column} from '../../components/table/layout.js';
import type {RepositoryRecord} from '../../domain/registry/types.js';
import type {RepositoryFigures} from '../../hooks/use-repository-stats.js';
import {age, bytes, usd} from '../../domain/format/units.js';
import {isFlagged} from '../../domain/registry/stats.js';
import {monthlyStorageCost} from '../../domain/registry/cost.js';

/** One row of the repositories table. */
export type RepositoryRow = {
	repository: RepositoryRecord;
	figures: RepositoryFigures;
	/** Estimated monthly storage cost, USD (sum of image sizes x price). */
	cost?: number;
	flagged: boolean;
	/** Rules in the lifecycle policy; null = no policy; undefined = not loaded. */
	rules?: number | null;
};

function ruleCount(text: string): number | null {
	try {
		const value = JSON.parse(text) as {rules?: unknown[]};
		return Array.isArray(value.rules) ? value.rules.length : 0;
	} catch {
		return 0;
	}
}

export function toRow(repository: RepositoryRecord, figures: RepositoryFigures, pricePerGbMonth: number): RepositoryRow {
	const rules = figures.policy === undefined ? undefined : figures.policy === null ? null : ruleCount(figures.policy.text);
	return {
		repository,
		figures,
		...(figures.stats ? {cost: monthlyStorageCost(figures.stats.totalBytes, pricePerGbMonth)} : {}),
		flagged: figures.stats !== undefined && rules !== undefined && isFlagged(figures.stats, rules !== null),
		...(rules === undefined ? {} : {rules}),
	};
}

const pending = (row: RepositoryRow) => (row.figures.problem ? '!' : '…');

export function repositoryColumns(now: number, showRegion = false): Column<RepositoryRow>[] {
	return [
		...(showRegion ? [{id: 'region', header: 'REGION', width: 14, cell: (row: RepositoryRow) => row.repository.region} satisfies Column<RepositoryRow>] : []),
		{id: 'name', header: 'REPOSITORY', width: 18, minWidth: 12, grow: 1, cell: row => `${row.flagged ? '⚑ ' : ''}${row.repository.name}`, role: row => (row.flagged ? 'status.warn' : undefined)},
		{id: 'images', header: 'IMAGES', width: 6, align: 'right', cell: row => (row.figures.stats ? String(row.figures.stats.imageCount) : pending(row))},
		{id: 'untagged', header: 'UNTAGGED', width: 8, align: 'right', cell: row => (row.figures.stats ? String(row.figures.stats.untaggedCount) : pending(row)), role: row => (row.flagged ? 'status.warn' : undefined)},
		{id: 'size', header: 'SIZE', width: 9, align: 'right', cell: row => (row.figures.stats ? bytes(row.figures.stats.totalBytes) : pending(row))},
		{id: 'cost', header: 'EST $/MO', width: 9, align: 'right', cell: row => (row.cost === undefined ? pending(row) : `~${usd(row.cost)}`)},
		{id: 'push', header: 'PUSHED', width: 6, align: 'right', cell: row => (row.figures.stats ? age(row.figures.stats.lastPushedAt, now) : pending(row)), optional: 4},
		{
			id: 'policy',
			header: 'LIFECYCLE',
			width: 9,
			// A policy that cannot be read is its own column's problem (the status line says why).
			cell: row => (row.rules === undefined ? (row.figures.policyProblem ? (row.figures.policyProblem.kind === 'access-denied' ? '⛔ denied' : '! error') : '…') : row.rules === null ? '✗ none' : `✓ ${row.rules} rule${row.rules === 1 ? '' : 's'}`),
			role: row => (row.rules === undefined ? (row.figures.policyProblem ? 'status.error' : undefined) : row.rules === null ? 'status.warn' : 'status.ok'),
		},
		{id: 'scan', header: 'SCAN', width: 7, cell: row => (row.repository.scanOnPush ? 'on push' : 'manual'), optional: 3},
		{id: 'mutability', header: 'TAGS', width: 9, cell: row => row.repository.tagMutability.replace('_WITH_EXCLUSION', '*'), optional: 2},
		{id: 'encryption', header: 'ENCRYPT', width: 7, cell: row => row.repository.encryptionType, optional: 1},
	];
}

const num = (value: number | undefined) => value ?? -1;

/** Comparators by column id (shared by Shift-letter and digit sorting). */
export const repositorySorters: Record<string, (a: RepositoryRow, b: RepositoryRow) => number> = {
	name: (a, b) => a.repository.name.localeCompare(b.repository.name),
	images: (a, b) => num(a.figures.stats?.imageCount) - num(b.figures.stats?.imageCount),
	untagged: (a, b) => num(a.figures.stats?.untaggedCount) - num(b.figures.stats?.untaggedCount),
	size: (a, b) => num(a.figures.stats?.totalBytes) - num(b.figures.stats?.totalBytes),
	cost: (a, b) => num(a.cost) - num(b.cost),
	push: (a, b) => num(a.figures.stats?.lastPushedAt) - num(b.figures.stats?.lastPushedAt),
	policy: (a, b) => (a.rules ?? -2) - (b.rules ?? -2),
	scan: (a, b) => Number(a.repository.scanOnPush) - Number(b.repository.scanOnPush),
	mutability: (a, b) => a.repository.tagMutability.localeCompare(b.repository.tagMutability),
	encryption: (a, b) => a.repository.encryptionType.localeCompare(b.repository.encryptionType),
};
