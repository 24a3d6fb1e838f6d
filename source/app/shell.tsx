import React, {useCallback} from 'react';
import {Box, Text} from 'ink';
import {useServices} from './context.js';
import {Header} from './header.js';
import {Footer} from './footer.js';
import {HelpOverlay} from './help-overlay.js';
import {Palette} from './palette.js';
import {useNavigation} from './router.js';
import {useFlash, useUi} from './ui-state.js';
import {useKeymap} from './keys/use-keymap.js';
import {LAYER} from './keys/dispatch.js';
import {globalActions, type GlobalActionId} from './keys/global-keys.js';
import type {CommandIntent} from './commands.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {ScreenView} from './screens.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/** Header, the current screen, footer; help and palette on top; a message when too small. */
export function Shell({onQuit, onTheme, firstRun}: {readonly onQuit: () => void; readonly onTheme: (theme: 'dark' | 'light') => void; readonly firstRun: boolean}) {
	const {columns, rows} = useTerminalSize();
	const services = useServices();
	const navigation = useNavigation();
	const {overlay, setOverlay} = useUi();
	const flash = useFlash();

	const run = useCallback(
		(intent: CommandIntent) => {
			setOverlay(undefined);
			switch (intent.type) {
				case 'navigate':
					navigation.reset(intent.route);
					return;
				case 'switch':
					flash.info(`switching to ${intent.profile ? `profile ${intent.profile}` : ''}${intent.region ? `region ${intent.region}` : ''}…`);
					void services.switchSession(intent).catch((error: Error) => flash.error(error.message));
					return;
				case 'theme':
					onTheme(intent.theme);
					return;
				case 'quit':
					onQuit();
					return;
				case 'help':
					setOverlay('help');
					return;
				case 'error':
					flash.warn(intent.message);
					return;
			}
		},
		[navigation, services, flash, onQuit, onTheme, setOverlay],
	);

	const handlers: Record<GlobalActionId, () => void | boolean> = {
		'app.help': () => setOverlay('help'),
		'app.palette': () => setOverlay('palette'),
		'app.refresh': () => {
			void services.session.store.refresh(`${services.session.scope}/`);
			flash.info('refreshing…');
		},
		'app.back': () => navigation.pop(),
		'app.errors': () => navigation.push({screen: 'errors'}),
		'app.quit': onQuit,
	};
	useKeymap(globalActions, handlers, {priority: LAYER.global});

	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return (
			<Box flexDirection="column">
				<Text>
					ecrtui needs a terminal of at least {MIN_COLUMNS}×{MIN_ROWS}; this one is {columns}×{rows}.
				</Text>
				<Text>Make the window larger (q quits).</Text>
			</Box>
		);
	}
	const paletteLines = overlay === 'palette' ? 7 : 0;
	const bodyHeight = Math.max(3, rows - 1 - 2 - paletteLines + (overlay === 'palette' ? 2 : 0));
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header width={columns} />
			{/* The screen stays mounted under help (its keys are what help lists), just not drawn. */}
			<Box height={bodyHeight} width={columns} flexDirection="column" display={overlay === 'help' ? 'none' : 'flex'}>
				<ScreenView route={navigation.route} height={bodyHeight} width={columns} />
			</Box>
			{overlay === 'help' ? <HelpOverlay height={bodyHeight} width={Math.min(columns, 110)} onClose={() => setOverlay(undefined)} /> : null}
			{overlay === 'palette' ? <Palette onRun={run} onClose={() => setOverlay(undefined)} /> : <Footer width={columns} firstRun={firstRun} />}
		</Box>
	);
}
