import React, {act} from 'react';
import {after} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app/app.js';
import {themes} from '../../source/app/theme/themes.js';
import {memorySettings, type Settings} from '../../source/config/settings.js';
import {memoryAuditLog} from '../../source/config/audit.js';
import {openSession, type Session} from '../../source/data/session.js';
import type {Simulator} from '../../source/sim/server.js';
import {DEMO_ACCESS_KEY} from '../../source/sim/scenarios/index.js';
import type {Route} from '../../source/app/router.js';
import type {Theme} from '../../source/app/theme/tokens.js';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Key sequences as a terminal sends them. */
export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	space: ' ',
	backspace: '\u007F',
	ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 96),
} as const;

export type AppHarness = {
	sim: Simulator;
	session: Session;
	audit: ReturnType<typeof memoryAuditLog>;
	settings: ReturnType<typeof memorySettings>;
	frame(): string;
	/** Every frame written so far (to check that nothing flickered or leaked). */
	frames(): string[];
	press(...keys: string[]): Promise<void>;
	type(text: string): Promise<void>;
	/** Waits until the frame satisfies the predicate (polling, never a fixed sleep). */
	waitFor(predicate: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	resize(columns: number, rows: number): Promise<void>;
	unmount(): Promise<void>;
};

export type RenderAppOptions = {
	sim: Simulator;
	width?: number;
	height?: number;
	readOnly?: boolean;
	route?: Route;
	settings?: Partial<Settings>;
	theme?: Theme;
	maxAttempts?: number;
	/** Config directory (stopped-task history, ...); default `/tmp/ecrtui-test`. */
	configDir?: string;
	/** The test: the app is unmounted when it ends (otherwise when the file ends). */
	t?: {after(fn: () => unknown): void};
};

function matcher(predicate: string | RegExp | ((frame: string) => boolean)): (frame: string) => boolean {
	if (typeof predicate === 'string') return frame => frame.includes(predicate);
	if (predicate instanceof RegExp) return frame => predicate.test(frame);
	return predicate;
}

/** Starts the app on the simulator inside ink-testing-library, at a chosen terminal size. */
export async function renderApp(options: RenderAppOptions): Promise<AppHarness> {
	const {sim} = options;
	const settings = memorySettings({hintShown: true, ...options.settings});
	const audit = memoryAuditLog();
	const open = (change: {profile?: string; region?: string}) =>
		openSession({demo: {simulator: sim, accessKeyId: DEMO_ACCESS_KEY}, readOnly: options.readOnly ?? false, maxAttempts: options.maxAttempts ?? 1, ...(change.region ? {region: change.region} : {})});
	const opened = await open({});
	if (!opened.ok) throw new Error(`session failed: ${opened.problem.why}`);
	const session = opened.session;
	let instance!: ReturnType<typeof render>;
	await act(async () => {
		instance = render(
			<App session={session} settings={settings} audit={audit} theme={options.theme ?? themes.dark} configDir={options.configDir ?? '/tmp/ecrtui-test'} openSession={open} {...(options.route ? {initialRoute: options.route} : {})} />,
		);
	});
	const stdout = instance.stdout as unknown as NodeJS.EventEmitter & {columns: number; rows: number};
	const resize = async (columns: number, rows: number) => {
		Object.defineProperty(stdout, 'columns', {configurable: true, get: () => columns});
		Object.defineProperty(stdout, 'rows', {configurable: true, get: () => rows});
		await act(async () => {
			stdout.emit('resize');
		});
	};
	await resize(options.width ?? 100, options.height ?? 30);
	let unmounted = false;
	const frame = () => instance.lastFrame() ?? '';
	const tick = () => act(() => new Promise<void>(resolve => setTimeout(resolve, 5)));
	const harness: AppHarness = {
		sim,
		session,
		audit,
		settings,
		frame,
		frames: () => instance.frames,
		async press(...keys) {
			for (const key of keys) {
				await act(async () => {
					instance.stdin.write(key);
				});
				await tick();
			}
		},
		async type(text) {
			for (const char of text) await harness.press(char);
		},
		async waitFor(predicate, timeoutMs = 5000) {
			const test = matcher(predicate);
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (test(frame())) return frame();
				await tick();
			}
			throw new Error(`timed out waiting for ${String(predicate)}; last frame:\n${frame()}`);
		},
		resize,
		async unmount() {
			if (unmounted) return;
			unmounted = true;
			session.store.cancelAll();
			await act(async () => {
				instance.unmount();
			});
		},
	};
	if (options.t) options.t.after(() => harness.unmount().catch(() => undefined));
	else after(() => harness.unmount().catch(() => undefined));
	return harness;
}
