import React, {useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {regionalSession} from '../../data/session.js';
import {useNavigation} from '../../app/router.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {Table} from '../../components/table/table.js';
import {listMoves, moveHandlers, clearFilter, sortHandlers} from '../../components/table/list-keys.js';
import {FilterBar} from '../../components/filter-bar.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {useNow} from '../../hooks/use-now.js';
import {useCopy} from '../../hooks/use-copy.js';
import {deleteImages, type DeleteOutcome, type DeleteProgress} from '../../data/delete-images.js';
import {archiveImages} from '../../data/archive-images.js';
import {bytes, usd} from '../../domain/format/units.js';
import {imageConsoleUrl} from '../../domain/format/console-url.js';
import {monthlyStorageCost} from '../../domain/registry/cost.js';
import {imagesActions, type ImagesActionId} from './keymap.js';
import {imageColumns} from './columns.js';
import {descendingFirst, useImagesScreen} from './use-images-screen.js';
import {ImageDetail} from './image-detail.js';
import {MarkMenu} from './mark-menu.js';
import {DeleteDialog} from './delete-dialog.js';
import {DeleteProgressView} from './delete-progress.js';

const about = `The images of one repository, newest first. Multi-arch images show their platform images under them
(└), and signatures/SBOMs are grouped under the image they sign. IN USE BY counts the running and pending
tasks, the services' current deployments and the latest task-definition revisions (setting inUseRevisions)
that use each image; ⇄ drift means a tag now points to a different digest than a service's tasks run.
Mark with space or m, delete with Ctrl-D: in-use images are skipped unless you include them, and platform
images of an index that stays are never sent (AWS refuses them). Every delete goes to the audit log.`;

const sortIds: Partial<Record<ImagesActionId, string>> = {
	'images.sort-tags': 'tags',
	'images.sort-size': 'size',
	'images.sort-pushed': 'pushed',
	'images.sort-pulled': 'pulled',
	'images.sort-scan': 'scan',
	'images.sort-usage': 'usage',
};

/** One repository's images: browse, understand, and clean up safely. */
export function ImagesScreen({repository, region, height, width}: {readonly repository: string; readonly region?: string; readonly height: number; readonly width: number}) {
	const services = useServices();
	const {theme, settings, audit} = services;
	// A repository of another region (multi-region view) is read with that region's clients.
	const session = region ? regionalSession(services.session, region) : services.session;
	const navigation = useNavigation();
	const flash = useFlash();
	const {copy, openUrl} = useCopy();
	const now = useNow(30_000);
	const tableHeight = Math.max(3, height - 3);
	const model = useImagesScreen(repository, tableHeight, session);
	const {view, panel, setPanel, marks, plan} = model;
	const columns = useMemo(() => imageColumns(now), [now]);
	const selected = view.selected;
	const [progress, setProgress] = useState<DeleteProgress>({done: 0, total: 0, deleted: 0, failed: 0});
	const [outcome, setOutcome] = useState<DeleteOutcome>();
	const stopRef = useRef(false);
	const [stopping, setStopping] = useState(false);

	const copyUri = (digest: string) => copy('image URI', `${session.accountId}.dkr.ecr.${session.region}.amazonaws.com/${repository}@${digest}`);

	const startDelete = () => {
		if (!plan || plan.count === 0) return;
		stopRef.current = false;
		setStopping(false);
		setOutcome(undefined);
		setProgress({done: 0, total: plan.count, deleted: 0, failed: 0});
		setPanel('progress');
		const common = {session, repository, audit, shouldStop: () => stopRef.current, onProgress: setProgress};
		const run = model.archive ? archiveImages({...common, images: [...plan.first, ...plan.second]}) : deleteImages({...common, phases: [plan.first, plan.second]});
		run.then(
			result => {
				setOutcome(result);
				setPanel('done');
				model.replaceMarks([]);
			},
			(error: Error) => {
				flash.error(`${model.archive ? 'Archive' : 'Delete'} stopped: ${error.message}`);
				setPanel('table');
			},
		);
	};

	const handlers: Record<ImagesActionId | (typeof listMoves)[number]['id'], () => void | boolean> = {
		'images.detail': () => selected && setPanel('detail'),
		'images.mark': () => {
			if (!selected) return;
			model.toggleMark(selected.image.digest);
			view.move('down');
		},
		'images.mark-menu': () => setPanel('mark-menu'),
		'images.clear-marks': () => model.replaceMarks([]),
		'images.delete': () => {
			if (marks.size === 0) flash.warn('mark images first: space marks one, m marks many (untagged, older than N days, ...)');
			else setPanel('confirm');
		},
		'images.lifecycle': () => {
			if (region && region !== services.session.region) flash.warn(`switch to ${region} (:region ${region}) to edit its lifecycle policy`);
			else navigation.push({screen: 'lifecycle', repository});
		},
		'images.filter': () => model.setFiltering(true),
		'images.raw': () => selected && setPanel('json'),
		'images.copy': () => selected && copyUri(selected.image.digest),
		'images.console': () => selected && openUrl(imageConsoleUrl(session.region, session.accountId, repository, selected.image.digest)),
		'images.escape': () => clearFilter(view),
		...sortHandlers(sortIds, column => view.sortBy(column, descendingFirst.has(column))),
		...moveHandlers(view),
	} as Record<ImagesActionId | (typeof listMoves)[number]['id'], () => void | boolean>;
	const actions = useMemo(() => [...imagesActions, ...listMoves], []);
	useKeymap(actions, handlers, {
		isActive: panel === 'table' && !model.filtering,
		publish: {title: `Images of ${repository}`, about},
	});
	// Panels close with Esc; the progress view turns Esc into "stop after this chunk".
	useKeyLayer(
		({input, key}) => {
			if (panel === 'progress') {
				if (key.escape) {
					stopRef.current = true;
					setStopping(true);
				}
				return true;
			}
			if (panel === 'done' && (key.escape || key.return)) {
				setPanel('table');
				return true;
			}
			if (panel === 'detail' && key.escape) {
				setPanel('table');
				return true;
			}
			if (panel === 'detail' && input === 'c' && selected) {
				copyUri(selected.image.digest);
				return true;
			}
			return false;
		},
		{priority: LAYER.overlay - 1, isActive: panel === 'progress' || panel === 'done' || panel === 'detail'},
	);

	const {images} = model;
	if ((images.status === 'loading' || images.status === 'idle') && !images.data) return <Loading label={`Listing images of ${repository}`} {...(images.progress ? {done: images.progress.done} : {})} />;
	if (images.problem && !images.data) return <ErrorPanel problem={images.problem} />;

	if (panel === 'json' && selected) {
		return <JsonView title={`${repository}@${selected.image.digest.slice(0, 19)}`} value={{image: selected.image, inUseBy: selected.consumers}} height={height} width={width} onClose={() => setPanel('table')} />;
	}
	if (panel === 'detail' && selected) {
		return <ImageDetail session={session} row={selected} images={images.data ?? []} graph={model.graph} drift={model.usage.drift} now={now} height={height} width={width} onRaw={() => setPanel('json')} />;
	}

	const overlay =
		panel === 'mark-menu' ? (
			<MarkMenu
				images={images.data ?? []}
				graph={model.graph}
				marks={marks}
				now={now}
				onCancel={() => setPanel('table')}
				onDone={result => {
					if (result.replace) model.replaceMarks(result.digests);
					else model.addMarks(result.digests);
					flash.info(`${result.description}: ${result.replace ? result.digests.length : `+${result.digests.length}`} marked`);
					setPanel('table');
				}}
			/>
		) : panel === 'confirm' && plan ? (
			<DeleteDialog
				repository={repository}
				plan={plan}
				includeInUse={model.includeInUse}
				archive={model.archive}
				typeToConfirmAbove={settings.get().typeToConfirmAbove}
				onToggleInUse={() => model.setIncludeInUse(!model.includeInUse)}
				onToggleArchive={() => model.setArchive(!model.archive)}
				onConfirm={startDelete}
				onCancel={() => setPanel('table')}
				width={width}
				height={height}
			/>
		) : panel === 'progress' || panel === 'done' ? (
			<DeleteProgressView progress={progress} {...(outcome ? {outcome} : {})} stopping={stopping} verb={model.archive ? 'Archiving' : 'Deleting'} width={width} height={height} />
		) : null;

	const usageNote = model.usageInput.status === 'loading' ? '⟳ finding tasks and services that use these images…' : model.usageInput.problem ? `in-use check failed: ${model.usageInput.problem.why}` : '';
	// Read-only mode hides the delete key here as help does.
	const deleteHint = session.readOnly ? '' : ' · Ctrl-D delete';
	const selection = marks.size > 0 ? `● ${marks.size} marked · ${bytes(model.markedBytes)} · ~${usd(monthlyStorageCost(model.markedBytes, model.pricePerGbMonth))}/mo${deleteHint} · M clear` : '';
	return (
		<Box flexDirection="column" height={height}>
			{overlay ? (
				<Box flexDirection="column" height={height - 2}>
					{overlay}
				</Box>
			) : (
				<Table columns={columns} rows={view.rows} cursor={view.cursor} height={tableHeight - 1} width={width} isMarked={model.isMarked} emptyText={view.filter ? 'no image matches the filter' : 'this repository has no images'} />
			)}
			<FilterBar editing={model.filtering} view={view} total={model.rows.length} onClose={() => model.setFiltering(false)} />
			<Text wrap="truncate" color={marks.size > 0 ? theme.color('row.marked') : theme.color('text.muted')}>
				{selection || `${(images.data ?? []).length} images${images.refreshing ? ' · ⟳ refreshing' : ''}${images.problem ? ` · ${problemNote(images.problem)}` : ''}`}
			</Text>
			<Text wrap="truncate" color={model.usage.drift.length ? theme.color('status.warn') : theme.color('text.muted')}>
				{usageNote || (model.usage.drift.length ? `⇄ ${model.usage.drift.length} service(s) run a digest their tag no longer points to` : `space mark · m mark many${deleteHint} · enter details`)}
			</Text>
		</Box>
	);
}
