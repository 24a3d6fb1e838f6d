// What the dry-run pane shows, derived from an evaluation: rows for the windowed list (acted
// on, changes against the current policy, in use), the in-use warnings, and per-rule lines.
// Pure; the view model memoises it.

import type {EvaluationResult, ImageOutcome, OutcomeDiff} from '../../domain/lifecycle/index.js';
import type {Consumer} from '../../domain/registry/usage.js';
import type {ListMode} from './state.js';
import {lazyRows, type RowSource} from '../../components/table/table.js';

/** One line of the preview list. */
export interface PreviewRow {
	readonly key: string;
	readonly digest: string;
	readonly tags: readonly string[];
	readonly pushedAt: number | undefined;
	readonly sizeInBytes: number;
	/** `expire`, `archive`, or `keep` (no longer acted on). */
	readonly action: 'expire' | 'archive' | 'keep';
	readonly rulePriority: number | undefined;
	readonly reason: string;
	/** Who uses the image (tasks, services, task definitions), when anyone does. */
	readonly inUse: string | undefined;
	/** Against the current policy: `+` newly acted on, `-` no longer, `~` other rule or action. */
	readonly change: '+' | '-' | '~' | undefined;
}

/** An image the draft would act on although something uses it. */
export interface InUseWarning {
	readonly digest: string;
	readonly tags: readonly string[];
	readonly action: 'expire' | 'archive';
	readonly rulePriority: number;
	readonly consumers: string;
}

/** How the screens name an engine action: a transition moves the image to archive. */
export function actionOf(outcome: Pick<ImageOutcome, 'action'>): 'expire' | 'archive' {
	return outcome.action === 'transition' ? 'archive' : 'expire';
}

function consumersText(consumers: readonly Consumer[] | undefined): string | undefined {
	return consumers && consumers.length > 0 ? consumers.map(consumer => consumer.label).join('; ') : undefined;
}

/** How many images change fate against the current policy (the counts of `diffOutcomes`). */
export interface DiffCounts {
	/** Acted on only by the draft. */
	readonly added: number;
	/** Acted on only by the current policy. */
	readonly removed: number;
	/** Acted on by both, by another rule or action. */
	readonly changed: number;
}

/** The current policy's outcome by digest: built once per current policy, then reused on every keystroke. */
export function indexOutcomes(baseline: EvaluationResult): ReadonlyMap<string, ImageOutcome> {
	return new Map(baseline.actions.map(outcome => [outcome.digest, outcome]));
}

/**
 * The counts of `diffOutcomes(baseline, draft)` without building its lists: one pass over the
 * draft's actions with lookups in the prebuilt baseline index (on 100,000 images the full diff
 * costs more than the evaluation itself, most of it in rebuilding the baseline map).
 */
export function diffCounts(baseline: ReadonlyMap<string, ImageOutcome>, draft: EvaluationResult): DiffCounts {
	let added = 0;
	let changed = 0;
	let matched = 0;
	for (const outcome of draft.actions) {
		const before = baseline.get(outcome.digest);
		if (before === undefined) added++;
		else {
			matched++;
			if (before.action !== outcome.action || before.rulePriority !== outcome.rulePriority) changed++;
		}
	}
	return {added, removed: baseline.size - matched, changed};
}

/** Every acted-on image that running tasks, services or recent task definitions use. */
export function inUseWarnings(evaluation: EvaluationResult, usage: ReadonlyMap<string, readonly Consumer[]>): InUseWarning[] {
	const out: InUseWarning[] = [];
	if (usage.size === 0) return out;
	for (const outcome of evaluation.actions) {
		const consumers = consumersText(usage.get(outcome.digest));
		if (consumers) out.push({digest: outcome.digest, tags: outcome.tags, action: actionOf(outcome), rulePriority: outcome.rulePriority, consumers});
	}
	return out;
}

function rowOf(outcome: ImageOutcome, usage: ReadonlyMap<string, readonly Consumer[]>, change?: PreviewRow['change']): PreviewRow {
	// Every row has the same properties in the same order: one hidden class for 100,000 rows
	// (optional properties added by spreads gave each row its own, costing time and memory).
	return {
		key: outcome.digest, digest: outcome.digest, tags: outcome.tags, pushedAt: outcome.pushedAt, sizeInBytes: outcome.sizeInBytes,
		action: actionOf(outcome), rulePriority: outcome.rulePriority,
		reason: outcome.tieAtBoundary ? `${outcome.reason} (tie at boundary)` : outcome.reason,
		inUse: usage.size === 0 ? undefined : consumersText(usage.get(outcome.digest)), change,
	};
}

/** The rows of one list mode. In-use images come first in every mode: they are what must not be missed. */
export function previewRows(mode: ListMode, evaluation: EvaluationResult, diff: OutcomeDiff | undefined, usage: ReadonlyMap<string, readonly Consumer[]>, pushedAt: ReadonlyMap<string, number>): RowSource<PreviewRow> {
	if (mode === 'changes') {
		if (!diff) return [];
		const byDigest = new Map(evaluation.actions.map(outcome => [outcome.digest, outcome]));
		const rows: PreviewRow[] = [];
		for (const change of diff.added) {
			const outcome = byDigest.get(change.digest);
			if (outcome) rows.push(rowOf(outcome, usage, '+'));
		}
		for (const change of diff.changed) {
			const outcome = byDigest.get(change.digest);
			if (outcome) rows.push({...rowOf(outcome, usage, '~'), reason: `was ${change.before ? actionOf(change.before) : 'expire'} #${change.before?.rulePriority ?? '?'}; now ${outcome.reason}`});
		}
		for (const change of diff.removed) {
			rows.push({
				key: change.digest, digest: change.digest, tags: change.tags, pushedAt: pushedAt.get(change.digest), sizeInBytes: change.sizeInBytes,
				action: 'keep', rulePriority: undefined, reason: `kept now; the current policy would ${change.before ? actionOf(change.before) : 'expire'} it (#${change.before?.rulePriority ?? '?'})`,
				inUse: undefined, change: '-',
			});
		}
		return rows;
	}
	// Rows are built only for the window on screen: a draft can act on 90,000 images on every
	// keystroke and the list shows thirty of them.
	const isUsed = (outcome: ImageOutcome) => usage.size > 0 && (usage.get(outcome.digest)?.length ?? 0) > 0;
	const used = usage.size === 0 ? [] : evaluation.actions.filter(isUsed);
	const toRow = (outcome: ImageOutcome) => rowOf(outcome, usage);
	if (mode === 'in-use') return lazyRows(used, toRow);
	return lazyRows(used.length === 0 ? evaluation.actions : [...used, ...evaluation.actions.filter(outcome => !isUsed(outcome))], toRow);
}
