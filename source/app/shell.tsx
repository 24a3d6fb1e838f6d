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
import {LAYER, useKeyLayer} from './keys/dispatch.js';
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

	// Too small: the screen stays mounted but hidden, so marks, a dialog and the cursor survive a
	// window that shrinks for a moment (unmounting lost them all). Keys are held back from what
	// cannot be seen, so nothing is confirmed blind; q and Ctrl-C still quit.
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	useKeyLayer(
		({input, key}) => {
			if (input === 'q' || (key.ctrl && input === 'c')) onQuit();
			return true;
		},
		{priority: LAYER.input + 10, isActive: tooSmall},
	);
	const width = Math.max(columns, MIN_COLUMNS);
	const height = Math.max(rows, MIN_ROWS);
	const paletteLines = overlay === 'palette' ? 7 : 0;
	const bodyHeight = Math.max(3, height - 1 - 2 - paletteLines + (overlay === 'palette' ? 2 : 0));
	return (
		<Box flexDirection="column">
			{tooSmall ? (
				<Box flexDirection="column" width={columns}>
					<Text>
						ecrtui needs a terminal of at least {MIN_COLUMNS}×{MIN_ROWS}; this one is {columns}×{rows}.
					</Text>
					<Text>Make the window larger (q quits).</Text>
				</Box>
			) : null}
			<Box flexDirection="column" width={width} height={height} display={tooSmall ? 'none' : 'flex'}>
				<Header width={width} />
				{/* The screen stays mounted under help (its keys are what help lists), just not drawn. */}
				<Box height={bodyHeight} width={width} flexDirection="column" display={overlay === 'help' ? 'none' : 'flex'}>
					<ScreenView route={navigation.route} height={bodyHeight} width={width} />
				</Box>
				{overlay === 'help' ? <HelpOverlay height={bodyHeight} width={Math.min(width, 110)} onClose={() => setOverlay(undefined)} /> : null}
				{overlay === 'palette' ? <Palette onRun={run} onClose={() => setOverlay(undefined)} /> : <Footer width={width} firstRun={firstRun} />}
			</Box>
		</Box>
	);
}
