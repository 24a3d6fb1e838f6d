import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {Table} from '../../components/table/table.js';
import {Loading} from '../../components/loading.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {bytes, shortDigest, usd} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';
import {previewColumns} from './columns.js';
import type {LifecycleScreenModel} from './use-lifecycle-screen.js';

const LIST_TITLES = {acted: 'acted on', changes: 'changes vs the current policy', 'in-use': 'in use'} as const;

function plural(count: number, word: string): string {
	return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The dry run: totals and the monthly saving (an estimate), the change against the current
 * policy, a warning for every image in use that the draft acts on, per-rule counts, and a
 * windowed list of the images (acted on / changes / in use).
 */
export function PreviewPane({model, height, width, focused, source, unreadable = false}: {readonly model: LifecycleScreenModel; readonly height: number; readonly width: number; readonly focused: boolean; readonly source: string | null | undefined; readonly unreadable?: boolean}) {
	const theme = useTheme();
	const {evaluation, savings, changes, inUse, rows, state, imagesEntry, usageInput} = model;
	const columns = useMemo(() => previewColumns(model.now), [model.now]);
	const title = (
		<Text bold={focused} color={focused ? theme.color('border.focus') : theme.color('text.secondary')} wrap="truncate">
			{focused ? '▍' : ' '}
			{safe(`Dry run${state.picker ? ' of the template' : ''} · estimate as of now · AWS acts within 24 h; last-pull times may lag a day`, width - 1)}
		</Text>
	);
	if (!evaluation) {
		const loading = imagesEntry.problem && !imagesEntry.data ? <ErrorPanel problem={imagesEntry.problem} compact /> : !model.images ? (
			<Loading label={`Reading the images of the repository`} {...(imagesEntry.progress ? {done: imagesEntry.progress.done} : {})} />
		) : (
			<Text color={theme.color('text.muted')}>No preview yet: the draft does not validate (see the problems above).</Text>
		);
		return (
			<Box flexDirection="column" height={height} width={width} overflow="hidden">
				{title}
				{loading}
			</Box>
		);
	}
	const {totals} = evaluation;
	const lines: React.ReactNode[] = [];
	const acts = totals.expiring + totals.transitioning > 0;
	const summary = `${model.stale && model.previewValidation.ok ? '⟳ ' : ''}${acts
		? `✖ ${plural(totals.expiring, 'image')} expire · ⇣ ${totals.transitioning.toLocaleString('en-US')} archive · ${bytes(totals.bytesFreed)} · saves ~${usd(savings?.total ?? 0)}/mo (estimate)`
		: '✓ nothing expires or moves to archive now'}`;
	lines.push(
		<Text key="summary" wrap="truncate" bold color={acts ? theme.color('text.primary') : theme.color('status.ok')}>
			{safe(summary, width)}
		</Text>,
	);
	if (model.stale) {
		lines.push(
			<Text key="stale" wrap="truncate" color={theme.color('status.warn')}>
				{model.previewValidation.ok ? '⟳ updating…' : '⚠ showing the last valid draft: the current one has errors'}
			</Text>,
		);
	}
	if (unreadable) {
		lines.push(
			<Text key="unreadable" wrap="truncate" color={theme.color('status.warn')}>
				{safe('⚠ no comparison: the current policy cannot be read; this is what the draft alone would do', width)}
			</Text>,
		);
	}
	if (changes) {
		const against = source === null ? 'vs no policy (AWS keeps everything today)' : 'vs the current policy';
		const saved = (savings?.total ?? 0) - (model.baselineSavings?.total ?? 0);
		lines.push(
			<Text key="diff" wrap="truncate" color={theme.color('text.secondary')}>
				{safe(`${against}: +${changes.added} newly acted on · −${changes.removed} no longer · ~${changes.changed} other rule · ${saved >= 0 ? '+' : '−'}${usd(Math.abs(saved))}/month`, width)}
			</Text>,
		);
	}
	// One banner per in-use image while there is room; the rest share one line (o lists them all).
	const bannerRoom = Math.max(1, Math.min(inUse.length, height - 8));
	const individual = inUse.length > bannerRoom ? bannerRoom - 1 : bannerRoom;
	for (const warning of inUse.slice(0, individual)) {
		lines.push(
			<Text key={`use-${warning.digest}`} wrap="truncate" color={theme.color('status.warn')} bold>
				{safe(`⚠ IN USE: ${warning.tags.join(', ') || shortDigest(warning.digest)} would ${warning.action === 'expire' ? 'EXPIRE' : 'be ARCHIVED (cannot be pulled)'} (rule #${warning.rulePriority}) — ${warning.consumers}`, width)}
			</Text>,
		);
	}
	if (inUse.length > individual) {
		const rest = inUse.slice(individual).map(warning => warning.tags.join(', ') || shortDigest(warning.digest)).join('; ');
		lines.push(
			<Text key="use-more" wrap="truncate" color={theme.color('status.warn')} bold>
				{safe(`⚠ IN USE${individual > 0 ? ', also' : ''}: ${inUse.length - individual} image${inUse.length - individual === 1 ? '' : 's'} acted on: ${rest} (o lists them)`, width)}
			</Text>,
		);
	}
	// A failed refresh keeps the last data: say so, with the fix (problemNote), not only AWS's words.
	const stale = (imagesEntry.data && imagesEntry.problem) ?? (model.policyEntry.data !== undefined ? model.policyEntry.problem : undefined);
	if (stale) lines.push(<Text key="stale" wrap="truncate" color={theme.color('status.warn')}>{problemNote(stale, {subject: 'dry run'})}</Text>);
	if (usageInput.problem) lines.push(<Text key="usage" wrap="truncate" color={theme.color('status.warn')}>{problemNote(usageInput.problem, {stale: usageInput.data !== undefined, subject: 'in-use check'})}</Text>);
	else if (!usageInput.data) lines.push(<Text key="usage" wrap="truncate" color={theme.color('text.muted')}>⟳ finding the tasks and services that use these images…</Text>);
	if (height - lines.length >= 8 && evaluation.rules.length > 0) {
		const perRule = evaluation.rules.map(rule => `#${rule.rulePriority} ${rule.expiring + rule.transitioning} ${rule.transitioning ? 'archive' : 'expire'} ${bytes(rule.bytes)}`).join(' · ');
		lines.push(<Text key="rules" wrap="truncate" color={theme.color('text.secondary')}>{safe(`by rule: ${perRule}`, width)}</Text>);
	}
	// Title, the lines above, the table's header and the list line below it.
	const tableHeight = Math.max(1, height - 3 - lines.length);
	const cursor = Math.min(state.previewCursor, Math.max(0, rows.length - 1));
	return (
		<Box flexDirection="column" height={height} width={width} overflow="hidden">
			{title}
			{lines}
			<Table
				columns={columns}
				rows={rows}
				cursor={cursor}
				height={tableHeight}
				width={width}
				isFocused={focused}
				emptyText={state.listMode === 'acted' ? 'the draft acts on no image' : state.listMode === 'changes' ? 'no change against the current policy' : 'no image in use is acted on'}
			/>
			<Text wrap="truncate" color={theme.color('text.muted')}>
				{safe(`list: ${LIST_TITLES[state.listMode]} (${rows.length.toLocaleString('en-US')}) · o switch · w compare with AWS · ? assumptions`, width)}
			</Text>
		</Box>
	);
}
