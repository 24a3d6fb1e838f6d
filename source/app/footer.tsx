import React from 'react';
import {Text} from 'ink';
import {useServices} from './context.js';
import {formatKey, visibleActions, type ActionSpec} from './keys/actions.js';
import {useScreenActions} from './keys/use-keymap.js';
import {globalActions} from './keys/global-keys.js';
import {useUi} from './ui-state.js';
import {safe, truncate} from '../domain/format/text.js';

/** Two lines: key hints from the action tables, and the flash message (or a first-run hint). */
export function Footer({width, firstRun}: {readonly width: number; readonly firstRun: boolean}) {
	const {theme, session} = useServices();
	const screen = useScreenActions();
	const {flash} = useUi();
	const actions: readonly ActionSpec[] = [...visibleActions(screen?.actions ?? [], session.readOnly), ...globalActions];
	const hints = actions
		.filter(action => action.hint)
		.map(action => `${formatKey(action.keys[0]!)} ${action.title.split(' (')[0]!.toLowerCase()}`);
	const flashRole = flash?.kind === 'error' ? 'status.error' : flash?.kind === 'warn' ? 'status.warn' : 'status.info';
	const status = flash ? safe(flash.text) : firstRun ? 'New here? Press ? for the keys of each screen, : for commands, q to quit.' : '';
	return (
		<>
			<Text color={theme.color('text.secondary')} wrap="truncate">
				{truncate(hints.join(' · '), width)}
			</Text>
			<Text color={flash ? theme.color(flashRole) : theme.color('text.muted')} wrap="truncate">
				{flash?.kind === 'error' ? '✖ ' : flash?.kind === 'warn' ? '⚠ ' : ''}
				{status || ' '}
			</Text>
		</>
	);
}
