import {useCallback, useMemo, useRef, useState} from 'react';
import {useServices} from '../../app/context.js';
import type {Session} from '../../data/session.js';
import {useResource} from '../../hooks/use-resource.js';
import {imagesResource, indexManifestsResource} from '../../data/resources.js';
import {usageResource} from '../../data/usage.js';
import {useTableView} from '../../components/table/use-table-view.js';
import {buildImageRows, imageGraph, type ImageGraph, type ImageRow} from '../../domain/registry/image-tree.js';
import type {ImageRecord, Severity} from '../../domain/registry/types.js';
import {repositoryUsage, type RepositoryUsage} from '../../domain/registry/usage.js';
import {planDeletion} from '../../domain/registry/deletion-plan.js';
import {imageSorters, type ImageTableRow} from './columns.js';

const keyOf = (row: ImageTableRow) => row.image.digest;
const searchText = (row: ImageTableRow) =>
	// The digest's first 12 hex digits are enough to find an image (and what the table shows);
	// the full 71 characters for 100,000 images would be ~10 MB of search text.
	`${row.image.tags.join(' ')} ${row.image.digest.slice(0, 19)} ${row.kind} ${row.platform ? `${row.platform.os}/${row.platform.architecture}` : ''} ${row.image.status} ${row.consumers.map(consumer => consumer.label).join(' ')} ${row.image.tags.length ? '' : 'untagged'}`;
const group = {keyOf: (row: ImageTableRow) => row.group, isHead: (row: ImageTableRow) => row.depth === 0};

export const descendingFirst = new Set(['size', 'pushed', 'pulled', 'scan', 'usage']);

export type Panel = 'table' | 'detail' | 'json' | 'mark-menu' | 'confirm' | 'progress' | 'done';

const emptyUsage: RepositoryUsage = {byDigest: new Map(), drift: []};
const noConsumers: ImageTableRow['consumers'] = [];

/**
 * An index has no scan of its own (its platform images are scanned); show the worst of its
 * children so the row says whether the multi-arch image has findings.
 */
function withChildScan(index: ImageRecord, graph: ImageGraph, byDigest: ReadonlyMap<string, ImageRecord>): ImageRecord {
	if (index.scan) return index;
	const children = graph.childrenOf.get(index.digest) ?? [];
	const counts: Partial<Record<Severity, number>> = {};
	let scanned = false;
	for (const child of children) {
		const scan = byDigest.get(child.digest)?.scan;
		if (!scan) continue;
		scanned = true;
		for (const [severity, count] of Object.entries(scan.counts) as [Severity, number][]) counts[severity] = Math.max(counts[severity] ?? 0, count);
	}
	return scanned ? {...index, scan: {status: 'COMPLETE', counts}} : index;
}

function sameRow(previous: ImageTableRow, row: ImageRow, consumers: ImageTableRow['consumers'], drift: boolean): boolean {
	return previous.kind === row.kind && previous.depth === row.depth && previous.group === row.group && previous.platform === row.platform && previous.dependents === row.dependents && previous.consumers === consumers && previous.drift === drift;
}

/** The images screen's view model: data, tree rows, usage, marks, and the delete plan. */
export function useImagesScreen(repository: string, pageSize: number, session: Session) {
	const {settings} = useServices();
	const {inUseRevisions, pricePerGbMonth} = settings.get();
	const images = useResource(useMemo(() => imagesResource(session, repository), [session, repository]));
	const loaded = images.status === 'ok' && !images.refreshing ? images.data : undefined;
	const manifests = useResource(useMemo(() => (loaded ? indexManifestsResource(session, repository, loaded) : undefined), [session, repository, loaded]));
	const usageInput = useResource(useMemo(() => usageResource(session, inUseRevisions), [session, inUseRevisions]));

	const graph = useMemo(() => imageGraph(images.data ?? [], manifests.data ?? []), [images.data, manifests.data]);
	const usage = useMemo(
		() => (usageInput.data && images.data ? repositoryUsage(usageInput.data, {name: repository, registryId: session.accountId, region: session.region}, images.data) : emptyUsage),
		[usageInput.data, images.data, repository, session],
	);
	const driftDigests = useMemo(() => new Set(usage.drift.map(item => item.runningDigest)), [usage]);
	// Rows are rebuilt when a page, the manifests or the usage arrive, but most rows come out the
	// same: reusing the previous object for an unchanged row keeps one copy of 100,000 rows alive
	// (React holds the previous render's memo values too) and their search text cached.
	const rowCache = useRef(new WeakMap<ImageRecord, ImageTableRow>());
	const rows = useMemo<ImageTableRow[]>(() => {
		const heads = [...(images.data ?? [])].sort((a, b) => b.pushedAt - a.pushedAt);
		// Only indexes need a lookup (their children's scans); most repositories have none.
		const byDigest = graph.childrenOf.size === 0 ? new Map<string, ImageRecord>() : new Map(heads.map(image => [image.digest, image]));
		const cache = rowCache.current;
		return buildImageRows(heads, graph).map((row): ImageTableRow => {
			const consumers = usage.byDigest.get(row.image.digest) ?? noConsumers;
			const drift = driftDigests.has(row.image.digest);
			const previous = cache.get(row.image);
			if (previous && sameRow(previous, row, consumers, drift)) return previous;
			// One literal with a fixed property order: one hidden class for every row (see makeRow).
			const next: ImageTableRow = {
				image: row.kind === 'index' ? withChildScan(row.image, graph, byDigest) : row.image,
				kind: row.kind,
				depth: row.depth,
				group: row.group,
				platform: row.platform,
				dependents: row.dependents,
				consumers,
				drift,
			};
			// Indexes get a new image (their children's scan): never reused, always up to date.
			if (row.kind !== 'index') cache.set(row.image, next);
			return next;
		});
	}, [images.data, graph, usage, driftDigests]);
	const view = useTableView({rows, keyOf, searchText, sorters: imageSorters, initialSort: {id: 'pushed', descending: true}, pageSize, group});

	const [marks, setMarks] = useState<ReadonlySet<string>>(new Set());
	const marksRef = useRef(marks);
	marksRef.current = marks;
	const [panel, setPanel] = useState<Panel>('table');
	const [filtering, setFiltering] = useState(false);
	const [includeInUse, setIncludeInUse] = useState(false);
	const [archive, setArchive] = useState(false);

	const toggleMark = useCallback((digest: string) => {
		const next = new Set(marksRef.current);
		if (next.has(digest)) next.delete(digest);
		else next.add(digest);
		setMarks(next);
	}, []);
	const replaceMarks = useCallback((digests: Iterable<string>) => setMarks(new Set(digests)), []);
	const addMarks = useCallback((digests: Iterable<string>) => setMarks(new Set([...marksRef.current, ...digests])), []);

	// Planned only while the confirmation is open: each mark would otherwise re-plan every image.
	const confirming = panel === 'confirm';
	const plan = useMemo(
		() => (confirming && images.data ? planDeletion({images: images.data, graph, marked: marks, usage, includeInUse, pricePerGbMonth}) : undefined),
		[confirming, images.data, graph, marks, usage, includeInUse, pricePerGbMonth],
	);
	const markedBytes = useMemo(() => {
		let total = 0;
		for (const image of images.data ?? []) if (marks.has(image.digest)) total += image.sizeInBytes;
		return total;
	}, [images.data, marks]);

	/** A row shows as marked when it is, or when its head is (children and referrers follow). */
	const isMarked = useCallback((row: ImageTableRow) => marks.has(row.image.digest) || (row.depth === 1 && marks.has(row.group)), [marks]);

	return {
		images,
		manifests,
		usageInput,
		usage,
		graph,
		rows,
		view,
		marks,
		toggleMark,
		replaceMarks,
		addMarks,
		isMarked,
		markedBytes,
		plan,
		panel,
		setPanel,
		filtering,
		setFiltering,
		includeInUse,
		setIncludeInUse,
		archive,
		setArchive,
		pricePerGbMonth,
	};
}

