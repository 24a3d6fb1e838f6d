import React from 'react';
import {render} from 'ink';
import {App, type AppProps} from './app.js';

/**
 * Draws the app and resolves when the user quits. Kept apart from run.ts so that Ink, React and
 * the screens load while the session is being opened (Yoga's WebAssembly compiles off-thread).
 */
export async function mount(props: AppProps): Promise<void> {
	const instance = render(<App {...props} />, {exitOnCtrlC: false, patchConsole: true, maxFps: 60});
	await instance.waitUntilExit();
}
