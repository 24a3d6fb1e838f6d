import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {Table} from 'ink-table';
import {useServices} from '../../app/context.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import type {ActionSpec} from '../../app/keys/actions.js';
import type {CallRecord} from '../../data/recorder.js';
import {safe, truncate} from '../../domain/format/text.js';

const actions = [{id: 'errors.back', keys: ['esc'], title: 'Back', group: 'Errors', hidden: true}] as const satisfies readonly ActionSpec[];

const about = `The AWS calls of this session that failed or were throttled, newest first: what failed, the
error AWS returned, and how many attempts the retries took. Totals count the whole session.`;

function interesting(record: CallRecord): boolean {
	return record.outcome === 'error' || record.throttles > 0;
}

/** `!`: recent errors and throttles from the call recorder. */
export function ErrorsScreen({height, width}: {readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const [, setTick] = useState(0);
	useEffect(() => session.recorder.subscribe(event => event.type === 'finish' && setTick(value => value + 1)), [session]);
	useKeymap(actions, {'errors.back': () => false}, {publish: {title: 'Recent errors', about}});
	const {totals} = session.recorder;
	const recent = session.recorder.records.filter(interesting).slice(-Math.max(1, height - 6)).reverse();
	const messageWidth = Math.max(10, width - 50);
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				calls {totals.calls} · errors {totals.errors} · throttled attempts {totals.throttles} · duplicate concurrent requests {totals.duplicates}
			</Text>
			{recent.length === 0 ? (
				<Text color={theme.color('status.ok')}>✓ no errors or throttling in this session</Text>
			) : (
				<Table
					data={recent.map(record => ({
						time: new Date(record.startedAt).toISOString().slice(11, 19),
						call: `${record.service}:${record.operation}`,
						attempts: record.attempts,
						error: record.errorCode ?? (record.throttles > 0 ? 'throttled (recovered)' : ''),
						message: truncate(safe(record.errorMessage ?? ''), messageWidth),
					}))}
				/>
			)}
		</Box>
	);
}
