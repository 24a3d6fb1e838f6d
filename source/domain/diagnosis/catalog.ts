/**
 * The failure catalog (spec C.2) and the classifiers that match stop reasons against it.
 * Entries are tried most specific first; the first whose patterns hold wins. Text that
 * matches nothing stays `unclassified` with the raw text: ecrtui never guesses a cause.
 */
import type {TaskRecord} from '../tasks/types.js';
import {pullEntries} from './catalog-pull.js';
import {initializationEntries} from './catalog-startup.js';
import {runtimeEntries} from './catalog-runtime.js';
import type {CatalogEntry, CatalogMatch} from './catalog-types.js';
import {extractEvidence, type ExtractedEvidence} from './evidence.js';

export type {CatalogEntry, CatalogFamily} from './catalog-types.js';

/** Every entry, in matching order. */
export const CATALOG = [...initializationEntries, ...pullEntries, ...runtimeEntries] as const;

// The same list, widened for lookups that read optional fields.
const entries: readonly CatalogEntry[] = CATALOG;

/** Id of a catalog entry. */
export type CatalogEntryId = (typeof CATALOG)[number]['id'];

/** Where a classified text came from. */
export type ReasonSource =
	| {readonly kind: 'text'}
	| {readonly kind: 'stoppedReason'}
	| {readonly kind: 'container'; readonly container: string}
	| {readonly kind: 'exitCode'; readonly container: string; readonly exitCode: number}
	| {readonly kind: 'stopCode'; readonly stopCode: string};

/** What the classifier found in the text, beyond the entry itself. */
export type ReasonEvidence = ExtractedEvidence & {
	/** The substring that matched the entry's first pattern. */
	readonly matched: string;
};

/** Result of {@link classifyReason} / {@link classifyTask}. */
export type Classification =
	| {
			readonly kind: 'classified';
			readonly entry: CatalogEntry;
			readonly evidence: ReasonEvidence;
			readonly source: ReasonSource;
			/** The text that was classified. */
			readonly text: string;
	  }
	| {readonly kind: 'unclassified'; readonly raw: string}
	/** No stoppedReason, container reason, failing exit code or stop code to classify. */
	| {readonly kind: 'none'};

/** The entry with this id. */
export function catalogEntry(id: CatalogEntryId): CatalogEntry {
	const entry = entries.find(candidate => candidate.id === id);
	if (entry === undefined) throw new Error(`no catalog entry ${id}`);
	return entry;
}

/** The matched substring when `match` holds for `text`, otherwise undefined. */
function matchText(match: CatalogMatch, text: string): string | undefined {
	let matched: string | undefined;
	for (const pattern of match.all ?? []) {
		const found = pattern.exec(text);
		if (!found) return undefined;
		matched ??= found[0];
	}
	if (match.any !== undefined) {
		const found = match.any.map(pattern => pattern.exec(text)).find(result => result !== null);
		if (!found) return undefined;
		matched ??= found[0];
	}
	if ((match.none ?? []).some(pattern => pattern.test(text))) return undefined;
	return matched;
}

function indexedMatch(text: string): {index: number; matched: string} | undefined {
	for (const [index, entry] of entries.entries()) {
		const matched = matchText(entry.match, text);
		if (matched !== undefined) return {index, matched};
	}
	return undefined;
}

/** Classifies one reason text (a stoppedReason, a container reason or a service event). */
export function classifyReason(text: string): Classification {
	return classifyWithSource(text, {kind: 'text'})?.classification ?? (text.trim() === '' ? {kind: 'none'} : {kind: 'unclassified', raw: text});
}

function classifyWithSource(text: string, source: ReasonSource): {index: number; classification: Classification} | undefined {
	if (text.trim() === '') return undefined;
	const found = indexedMatch(text);
	if (found === undefined) return undefined;
	const entry = entries[found.index];
	if (entry === undefined) return undefined;
	const exitCode = source.kind === 'exitCode' ? {exitCode: source.exitCode} : {};
	return {
		index: found.index,
		classification: {kind: 'classified', entry, evidence: {...extractEvidence(text), ...exitCode, matched: found.matched}, source, text},
	};
}

/**
 * Classifies a task from its stoppedReason, each container's reason and non-zero exit
 * code, and finally its stopCode. When several texts match, the most specific entry (the
 * earliest in {@link CATALOG}) wins, so a container's "CannotPullContainerError: … not
 * found" beats the task's generic "Essential container in task exited".
 */
export function classifyTask(task: TaskRecord): Classification {
	const candidates: Array<{text: string; source: ReasonSource}> = [];
	if (task.stoppedReason !== undefined) candidates.push({text: task.stoppedReason, source: {kind: 'stoppedReason'}});
	for (const container of task.containers) {
		if (container.reason !== undefined) candidates.push({text: container.reason, source: {kind: 'container', container: container.name}});
		if (container.exitCode !== undefined && container.exitCode !== 0) {
			const source: ReasonSource = {kind: 'exitCode', container: container.name, exitCode: container.exitCode};
			candidates.push({text: `exit code ${container.exitCode}`, source});
		}
	}
	let best: {index: number; classification: Classification} | undefined;
	for (const {text, source} of candidates) {
		const result = classifyWithSource(text, source);
		if (result !== undefined && (best === undefined || result.index < best.index)) best = result;
	}
	if (best !== undefined) return withExitCode(best.classification, task);
	const byStopCode = entries.find(entry => entry.stopCodes?.some(code => code === task.stopCode));
	if (byStopCode !== undefined && task.stopCode !== undefined) {
		return withExitCode({kind: 'classified', entry: byStopCode, evidence: {hosts: [], matched: task.stopCode}, source: {kind: 'stopCode', stopCode: task.stopCode}, text: task.stopCode}, task);
	}
	const raw = candidates.filter(candidate => candidate.source.kind !== 'exitCode').map(candidate => candidate.text).join('\n');
	return raw === '' ? {kind: 'none'} : {kind: 'unclassified', raw};
}

// Container-exit entries read better with the exit code even when the task-level text won.
function withExitCode(classification: Classification, task: TaskRecord): Classification {
	if (classification.kind !== 'classified' || classification.entry.family !== 'container' || classification.evidence.exitCode !== undefined) {
		return classification;
	}
	const exited = task.containers.find(container => container.exitCode !== undefined && container.exitCode !== 0);
	if (exited?.exitCode === undefined) return classification;
	return {...classification, evidence: {...classification.evidence, exitCode: exited.exitCode}};
}
