import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../source/app/app.js';
import type {Route} from '../../source/app/router.js';
import {themes} from '../../source/app/theme/themes.js';
import {memoryAuditLog} from '../../source/config/audit.js';
import {memorySettings, type Settings} from '../../source/config/settings.js';
import type {SessionResult} from '../../source/data/session.js';

export type BenchApp = ReturnType<typeof render>;

/**
 * The app as the benchmarks drive it: ink-testing-library without act() (keys go straight to
 * stdin, frames are polled), optionally at a terminal size.
 */
export function renderBenchApp(opened: Extract<SessionResult, {ok: true}>, options: {route: Route; openSession?: () => Promise<SessionResult>; settings?: Partial<Settings>; size?: {columns: number; rows: number}}): BenchApp {
	const instance = render(
		<App
			session={opened.session}
			settings={memorySettings({hintShown: true, ...options.settings})}
			audit={memoryAuditLog()}
			theme={themes.dark}
			configDir="/tmp/ecrtui-bench"
			openSession={options.openSession ?? (async () => opened)}
			initialRoute={options.route}
		/>,
	);
	if (options.size) {
		const {columns, rows} = options.size;
		const stdout = instance.stdout as unknown as NodeJS.EventEmitter;
		Object.defineProperty(stdout, 'columns', {configurable: true, get: () => columns});
		Object.defineProperty(stdout, 'rows', {configurable: true, get: () => rows});
		stdout.emit('resize');
	}
	return instance;
}

/** Polls the last frame every `intervalMs` until `done` holds; fails after `timeoutMs` with the frame. */
export async function untilFrame(instance: BenchApp, done: (frame: string) => boolean, options: {timeoutMs: number; intervalMs: number; what: string}): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	while (!done(instance.lastFrame() ?? '')) {
		if (Date.now() > deadline) throw new Error(`${options.what}; last frame:\n${instance.lastFrame()}`);
		await new Promise<void>(resolve => setTimeout(resolve, options.intervalMs));
	}
}
