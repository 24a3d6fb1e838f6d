import React from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useResource} from '../../hooks/use-resource.js';
import {imagesResource} from '../../data/resources.js';
import {bytesPushedPerMonth, sparkline, untaggedShare} from '../../domain/registry/stats.js';
import {bytes} from '../../domain/format/units.js';
import type {RepositoryRow} from './columns.js';

/** Bytes pushed per month, the untagged share, and what a suggested lifecycle policy would save. */
export function StoragePanel({row, height, width, now}: {readonly row: RepositoryRow; readonly height: number; readonly width: number; readonly now: number}) {
	const {session, theme} = useServices();
	const images = useResource(imagesResource(session, row.repository.name));
	const months = bytesPushedPerMonth(images.data ?? [], now, 12);
	const stats = row.figures.stats;
	return (
		<Box flexDirection="column" borderStyle="single" borderColor={theme.color('border')} height={height} width={width} paddingX={1}>
			<Text bold wrap="truncate">
				Storage of {row.repository.name}
			</Text>
			<Text wrap="truncate">
				pushed per month (12 months): {sparkline(months.map(month => month.bytes))} {months[0]?.month} → {months[months.length - 1]?.month}
			</Text>
			<Text wrap="truncate">
				untagged: {stats ? `${bytes(stats.untaggedBytes)} of ${bytes(stats.totalBytes)} (${Math.round(untaggedShare(stats) * 100)}%)` : '…'}
			</Text>
		</Box>
	);
}
