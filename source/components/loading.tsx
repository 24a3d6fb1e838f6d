import React from 'react';
import {Text} from 'ink';
import Spinner from 'ink-spinner';
import {useTheme} from '../app/context.js';

/** A spinner line with an optional progress count. */
export function Loading({label, done, total}: {readonly label: string; readonly done?: number; readonly total?: number}) {
	const theme = useTheme();
	const progress = done === undefined ? '' : total === undefined ? ` (${done})` : ` (${done}/${total})`;
	return (
		<Text color={theme.color('text.secondary')}>
			<Spinner type="dots" /> {label}
			{progress}
		</Text>
	);
}
