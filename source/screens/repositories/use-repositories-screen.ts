import {useCallback, useMemo, useState} from 'react';
import {useServices} from '../../app/context.js';
import {useResource} from '../../hooks/use-resource.js';
import {useRepositoryStats} from '../../hooks/use-repository-stats.js';
import {multiRegionRepositoriesResource, repositoriesResource} from '../../data/resources.js';
import type {RepositoryRecord} from '../../domain/registry/types.js';
import {useTableView} from '../../components/table/use-table-view.js';
import {repositorySorters, toRow, type RepositoryRow} from './columns.js';

const keyOf = (row: RepositoryRow) => `${row.repository.region}/${row.repository.name}`;
const searchText = (row: RepositoryRow) => `${row.repository.name} ${row.repository.region} ${row.repository.encryptionType} ${row.repository.tagMutability} ${row.rules === null ? 'no-policy' : ''} ${row.flagged ? 'flagged' : ''}`;

/** Numeric columns sort largest first on the first press. */
export const descendingFirst = new Set(['images', 'untagged', 'size', 'cost', 'push']);

export type Totals = {images: number; untagged: number; bytes: number; untaggedBytes: number; cost: number; loaded: number};

/** The repositories screen's view model: data, background stats, rows, sort, filter, cursor. */
export function useRepositoriesScreen(pageSize: number) {
	const {session, settings} = useServices();
	const [allRegions, setAllRegions] = useState(false);
	const regions = useMemo(() => [...new Set([session.region, ...settings.get().regions])], [session, settings]);
	const single = useResource(useMemo(() => (allRegions ? undefined : repositoriesResource(session)), [session, allRegions]));
	const multi = useResource(useMemo(() => (allRegions ? multiRegionRepositoriesResource(session, regions) : undefined), [session, allRegions, regions]));
	const repositories = allRegions ? {...multi, data: multi.data?.repositories} : single;
	const records: RepositoryRecord[] | undefined = repositories.data;
	const {figures, done, total} = useRepositoryStats(records);
	const price = settings.get().pricePerGbMonth;
	const rows = useMemo(() => (records ?? []).map(repository => toRow(repository, figures.get(`${repository.region}/${repository.name}`) ?? {loading: true}, price)), [records, figures, price]);
	const view = useTableView({rows, keyOf, searchText, sorters: repositorySorters, initialSort: {id: 'cost', descending: true}, pageSize});
	const [filtering, setFiltering] = useState(false);
	const [panel, setPanel] = useState<'none' | 'storage' | 'json'>('none');

	const totals = useMemo<Totals>(() => {
		const sum: Totals = {images: 0, untagged: 0, bytes: 0, untaggedBytes: 0, cost: 0, loaded: 0};
		for (const row of view.rows) {
			const stats = row.figures.stats;
			if (!stats) continue;
			sum.loaded++;
			sum.images += stats.imageCount;
			sum.untagged += stats.untaggedCount;
			sum.bytes += stats.totalBytes;
			sum.untaggedBytes += stats.untaggedBytes;
			sum.cost += row.cost ?? 0;
		}
		return sum;
	}, [view.rows]);

	const sortBy = useCallback((id: string) => view.sortBy(id, descendingFirst.has(id)), [view]);
	return {repositories, view, rows, totals, progress: {done, total}, filtering, setFiltering, panel, setPanel, sortBy, price, allRegions, setAllRegions, regions, regionFailures: allRegions ? (multi.data?.failures ?? []) : []};
}
