import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {useResource} from '../../hooks/use-resource.js';
import {presenceResource, scanFindingsResource} from '../../data/resources.js';
import type {Session} from '../../data/session.js';
import type {ImageGraph} from '../../domain/registry/image-tree.js';
import type {ImageRecord} from '../../domain/registry/types.js';
import type {Drift} from '../../domain/registry/usage.js';
import {age, bytes, isoTime, shortDigest} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';
import type {ImageTableRow} from './columns.js';
import {platformLabel, scanText} from './columns.js';

type Line = {text: string; role?: 'status.error' | 'status.warn' | 'status.ok' | 'text.accent' | 'text.secondary'; bold?: boolean};

/**
 * Everything about one image: tags, digest, media type, platforms, scan summary with the top
 * findings, what uses it (and drift), referrers. Scrolls with ↑↓; `y` shows the raw JSON.
 */
export function ImageDetail({session, row, images, graph, drift, now, height, width, onRaw}: {
	readonly session: Session;
	readonly row: ImageTableRow;
	readonly images: readonly ImageRecord[];
	readonly graph: ImageGraph;
	readonly drift: readonly Drift[];
	readonly now: number;
	readonly height: number;
	readonly width: number;
	readonly onRaw: () => void;
}) {
	const {theme, settings} = useServices();
	const {image} = row;
	const findings = useResource(useMemo(() => (image.scan ? scanFindingsResource(session, image.repositoryName, image.digest) : undefined), [session, image]));
	const regions = settings.get().regions;
	const presence = useResource(useMemo(() => presenceResource(session, image.repositoryName, image.digest, regions), [session, image, regions]));
	const [offset, setOffset] = useState(0);
	const byDigest = useMemo(() => new Map(images.map(item => [item.digest, item])), [images]);

	const lines: Line[] = [];
	const add = (text: string, extra: Omit<Line, 'text'> = {}) => lines.push({text, ...extra});
	add(`${image.repositoryName} @ ${image.digest}`, {bold: true, role: 'text.accent'});
	add(`tags: ${image.tags.length ? image.tags.join(', ') : '<untagged>'}`);
	add(`type: ${row.kind}${image.manifestMediaType ? ` · ${image.manifestMediaType}` : ''}${image.artifactMediaType ? ` · artifact ${image.artifactMediaType}` : ''}`);
	add(`size: ${bytes(image.sizeInBytes)}${row.kind === 'index' ? ' (largest platform, as ECR reports it)' : ''} · status ${image.status}${image.lastArchivedAt ? ` since ${isoTime(image.lastArchivedAt)}` : ''}`);
	add(`pushed: ${isoTime(image.pushedAt)} (${age(image.pushedAt, now)} ago) · last pulled: ${image.lastPulledAt ? `${isoTime(image.lastPulledAt)} (${age(image.lastPulledAt, now)} ago)` : 'never recorded'}`);
	add(
		presence.data
			? presence.data.present.length
				? `also present in: ${presence.data.present.join(', ')} (replicated)`
				: `only in ${session.region} (checked ${presence.data.checked.join(', ') || 'no other region'})`
			: presence.problem
				? `other regions: ${presence.problem.why}`
				: 'other regions: checking…',
		{role: presence.data?.present.length ? 'text.accent' : 'text.secondary'},
	);
	const children = graph.childrenOf.get(image.digest);
	if (children?.length) {
		add('platforms:', {bold: true});
		for (const child of children) {
			const record = byDigest.get(child.digest);
			const platform = child.platform ? platformLabel(child.platform) : child.attestation ? 'attestation' : 'unknown';
			add(`  ${platform.padEnd(18)} ${shortDigest(child.digest)}  ${record ? bytes(record.sizeInBytes) : 'not in this repository'}`);
		}
	}
	const parents = graph.parentsOf.get(image.digest);
	if (parents?.length) add(`part of multi-arch index ${parents.map(shortDigest).join(', ')} (protected while the index exists)`, {role: 'text.secondary'});
	if (image.subjectDigest) add(`describes image ${shortDigest(image.subjectDigest)} (a referrer: signature, SBOM or attestation)`, {role: 'text.secondary'});
	const referrers = graph.referrersOf.get(image.digest);
	if (referrers?.length) add(`referrers: ${referrers.map(digest => `${byDigest.get(digest)?.artifactMediaType?.split('/').pop() ?? 'artifact'} ${shortDigest(digest)}`).join(', ')}`);

	add('in use by:', {bold: true});
	if (row.consumers.length === 0) add('  nothing found (running/pending tasks, service deployments, recent task definitions)', {role: 'text.secondary'});
	for (const consumer of row.consumers) add(`  ● ${consumer.label}${consumer.via === 'tag' ? ` via tag ${consumer.tag}` : ''}`, {role: 'status.ok'});
	for (const item of drift.filter(entry => entry.runningDigest === image.digest || entry.tagDigest === image.digest)) {
		add(`  ⇄ drift: ${item.cluster}/${item.service} runs ${shortDigest(item.runningDigest)} but tag ${item.tag} now points to ${shortDigest(item.tagDigest)}`, {role: 'status.warn'});
	}

	add(`scan: ${image.scan ? `${image.scan.status} · ${scanText(row)} · ${Object.entries(image.scan.counts).map(([severity, count]) => `${severity.toLowerCase()} ${count}`).join(', ') || 'no findings'}` : 'not scanned'}`, {bold: true});
	if (findings.status === 'loading') add('  loading findings…', {role: 'text.secondary'});
	if (findings.problem) add(`  ${findings.problem.why}`, {role: 'status.error'});
	for (const finding of findings.data?.findings.slice(0, 8) ?? []) {
		add(`  ${finding.severity.padEnd(8)} ${finding.name}${finding.packageName ? ` (${finding.packageName})` : ''}: ${finding.description}`, {role: finding.severity === 'CRITICAL' ? 'status.error' : finding.severity === 'HIGH' ? 'status.warn' : undefined});
	}
	add('y raw JSON · c copy URI · ↑↓ scroll · Esc back', {role: 'text.secondary'});

	const body = Math.max(1, height - 2);
	const maxOffset = Math.max(0, lines.length - body);
	useKeyLayer(
		({input, key}) => {
			if (key.downArrow || input === 'j') setOffset(value => Math.min(maxOffset, value + 1));
			else if (key.upArrow || input === 'k') setOffset(value => Math.max(0, value - 1));
			else if (key.pageDown) setOffset(value => Math.min(maxOffset, value + body));
			else if (key.pageUp) setOffset(value => Math.max(0, value - body));
			else if (input === 'y') onRaw();
			else return false;
			return true;
		},
		{priority: LAYER.screen + 1},
	);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.color('border')} height={height} width={width} paddingX={1}>
			{lines.slice(offset, offset + body).map((line, index) => (
				<Text key={offset + index} wrap="truncate" bold={line.bold} color={line.role ? theme.color(line.role) : undefined}>
					{safe(line.text)}
				</Text>
			))}
		</Box>
	);
}
