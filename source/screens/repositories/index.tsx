import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useNavigation} from '../../app/router.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {Table} from '../../components/table/table.js';
import {listMoves, moveHandlers, clearFilter, sortHandlers} from '../../components/table/list-keys.js';
import {FilterBar} from '../../components/filter-bar.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {useNow} from '../../hooks/use-now.js';
import {useCopy} from '../../hooks/use-copy.js';
import {bytes, usd} from '../../domain/format/units.js';
import {fit} from '../../domain/format/text.js';
import {repositoryConsoleUrl} from '../../domain/format/console-url.js';
import {repositoriesActions, type RepositoriesActionId} from './keymap.js';
import {repositoryColumns} from './columns.js';
import {useRepositoriesScreen} from './use-repositories-screen.js';
import {StoragePanel} from './storage-panel.js';
import {mark} from '../../trace.js';

const about = `Every ECR repository in this account and region, with its images, untagged images, total size and an
estimated monthly storage cost. The cost is an estimate: AWS bills the unique layers stored, not the sum of
image sizes, so shared base layers make the real bill lower. ⚑ marks repositories with no lifecycle policy
and a large untagged share. Statistics load in the background; the table works meanwhile.`;

const sortIds: Partial<Record<RepositoriesActionId, string>> = {
	'repos.sort-name': 'name',
	'repos.sort-images': 'images',
	'repos.sort-untagged': 'untagged',
	'repos.sort-size': 'size',
	'repos.sort-cost': 'cost',
	'repos.sort-push': 'push',
	'repos.sort-policy': 'policy',
	'repos.sort-scan': 'scan',
	'repos.sort-mutability': 'mutability',
	'repos.sort-encryption': 'encryption',
};


/** The first screen: repositories with sizes, costs and policy status. */
export function RepositoriesScreen({height, width}: {readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const flash = useFlash();
	const {copy, openUrl} = useCopy();
	const now = useNow(30_000);
	const status = 2;
	const storageHeight = 9;
	const tableHeight = Math.max(3, height - status - 2 - 1);
	const screen = useRepositoriesScreen(tableHeight);
	const {view, totals, progress, filtering, panel} = screen;
	const columns = useMemo(() => repositoryColumns(now, screen.allRegions), [now, screen.allRegions]);
	const selected = view.selected;

	const handlers = {
		'repos.open': () =>
			selected &&
			navigation.push({screen: 'images', repository: selected.repository.name, ...(selected.repository.region === session.region ? {} : {region: selected.repository.region})}),
		'repos.lifecycle': () => {
			if (!selected) return;
			if (selected.repository.region !== session.region) flash.warn(`switch to ${selected.repository.region} (:region ${selected.repository.region}) to edit its lifecycle policy`);
			else navigation.push({screen: 'lifecycle', repository: selected.repository.name});
		},
		'repos.regions': () => {
			screen.setAllRegions(!screen.allRegions);
			flash.info(screen.allRegions ? `only ${session.region}` : `all regions: ${screen.regions.join(', ')}`);
		},
		'repos.storage': () => screen.setPanel(panel === 'storage' ? 'none' : 'storage'),
		'repos.filter': () => screen.setFiltering(true),
		'repos.raw': () => selected && screen.setPanel('json'),
		'repos.copy': () => selected && copy('URI', selected.repository.uri),
		'repos.console': () => selected && openUrl(repositoryConsoleUrl(session.region, session.accountId, selected.repository.name)),
		'repos.clear-filter': () => {
			if (panel !== 'none') {
				screen.setPanel('none');
				return true;
			}
			return clearFilter(view);
		},
		...sortHandlers(sortIds, column => screen.sortBy(column)),
		...moveHandlers(view),
	} as Record<RepositoriesActionId | (typeof listMoves)[number]['id'], () => void | boolean>;
	const actions = useMemo(() => [...repositoriesActions, ...listMoves], []);
	useKeymap(actions, handlers, {
		isActive: !filtering && panel !== 'json',
		publish: {title: 'Repositories', about},
	});

	const {repositories} = screen;
	if (repositories.data) mark('repositories on screen');
	if (repositories.status === 'loading' || (repositories.status === 'idle' && !repositories.data)) return <Loading label="Listing repositories" />;
	if (repositories.problem && !repositories.data) return <ErrorPanel problem={repositories.problem} />;

	if (panel === 'json' && selected) {
		return <JsonView title={selected.repository.name} value={{repository: selected.repository, statistics: selected.figures.stats, lifecyclePolicy: selected.figures.policy}} height={height} width={width} onClose={() => screen.setPanel('none')} />;
	}

	const showStorage = panel === 'storage' && selected !== undefined;
	const bodyHeight = showStorage ? Math.max(3, tableHeight - storageHeight) : tableHeight;
	// A column that could not be read for some repository says why (the missing permission).
	const policyProblem = screen.rows.find(row => row.figures.policyProblem)?.figures.policyProblem;
	const statsProblem = screen.rows.find(row => row.figures.problem)?.figures.problem;
	const loadingLine = progress.done < progress.total ? `statistics ${progress.done}/${progress.total}…` : '';
	return (
		<Box flexDirection="column" height={height}>
			<Table
				columns={columns}
				rows={view.rows}
				cursor={view.cursor}
				height={bodyHeight}
				width={width}
				emptyText={view.filter ? 'no repository matches the filter' : 'no repositories in this region'}
				footer={(size, layout) => {
					const cells: Record<string, string> = {
						name: `TOTAL (${view.rows.length})`,
						images: String(totals.images),
						untagged: String(totals.untagged),
						size: bytes(totals.bytes),
						cost: `~${usd(totals.cost)}`,
					};
					return layout.map(({column, width: cell}) => fit(cells[column.id] ?? '', cell, column.align)).join(' ').slice(0, size);
				}}
			/>
			{showStorage ? <StoragePanel row={selected} height={storageHeight} width={width} now={now} /> : null}
			<FilterBar editing={filtering} view={view} total={screen.rows.length} onClose={() => screen.setFiltering(false)} />
			<Text color={theme.color('text.muted')} wrap="truncate">
				<Text color={theme.color('status.warn')}>
					{repositories.problem ? `${problemNote(repositories.problem)} · ` : ''}
					{statsProblem ? `${problemNote(statsProblem, {stale: false, subject: 'image statistics'})} · ` : ''}
					{policyProblem ? `${problemNote(policyProblem, {stale: false, subject: 'LIFECYCLE'})} · ` : ''}
				</Text>
				{screen.regionFailures.map(failure => `⚠ ${failure.region}: ${failure.problem.why} · `).join('')}
				{screen.allRegions ? `regions: ${screen.regions.join(', ')} · ` : ''}
				{loadingLine ? `⟳ ${loadingLine} · ` : ''}
				{totals.untaggedBytes > 0 ? `untagged: ${bytes(totals.untaggedBytes)} · ` : ''}
				cost is an estimate (sum of image sizes; AWS bills unique layers)
			</Text>
		</Box>
	);
}
