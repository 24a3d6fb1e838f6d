import React from 'react';
import {Text} from 'ink';
import Spinner from 'ink-spinner';
import {useTheme} from '../app/context.js';
import {inert} from '../domain/format/text.js';

/** A spinner line with an optional progress count. */
export function Loading({label, done, total}: {readonly label: string; readonly done?: number; readonly total?: number}) {
	const theme = useTheme();
	const progress = done === undefined ? '' : total === undefined ? ` (${done})` : ` (${done}/${total})`;
	return (
		// Labels name AWS resources ("Listing images of <repository>"): inert, on one line.
		<Text color={theme.color('text.secondary')} wrap="truncate">
			<Spinner type="dots" /> {inert(label)}
			{progress}
		</Text>
	);
}
