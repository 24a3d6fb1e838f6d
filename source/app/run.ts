import {pickTheme} from './theme/themes.js';
import {loadSettings} from '../config/settings.js';
import {openAuditLog} from '../config/audit.js';
import {configDir} from '../config/paths.js';
import {closeSession} from '../data/session.js';
import {CallRecorder} from '../data/recorder.js';
import {repositoriesResource} from '../data/resources.js';
import {bootstrap, type Bootstrap} from '../cli/bootstrap.js';
import {openDebugLog, type DebugLog} from './debug-log.js';
import type {GlobalOptions} from '../cli/args.js';
import {mark} from '../trace.js';
import {problemMessage} from '../cli/output.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';

/**
 * Yoga's Emscripten loader reads its inlined WebAssembly through fetch() when fetch exists,
 * which in Node loads undici to decode a data: URL (~30 ms of the first frame); without
 * fetch it decodes the base64 itself. Nothing else uses fetch (the AWS SDK uses node:http),
 * and it is back as soon as the UI modules have loaded.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!saved?.configurable) return load();
	delete (globalThis as {fetch?: unknown}).fetch;
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', saved);
	}
}

/** Runs the terminal UI; resolves with the process exit code. */
export async function runTui(options: GlobalOptions): Promise<number> {
	// Ink, React and the screens start loading now, while the session opens.
	const ui = withoutFetch(() => import('./mount.js'));
	ui.catch(() => undefined);
	const settings = loadSettings();
	mark('settings');
	const remembered = settings.get();
	const readOnly = options.readOnly || remembered.readOnly;
	const recorder = new CallRecorder();
	let debug: DebugLog | undefined;
	if (options.debug) debug = openDebugLog(recorder);
	let started: Bootstrap;
	try {
		started = await bootstrap(options, {readOnly, recorder, remembered: {...(remembered.lastProfile ? {profile: remembered.lastProfile} : {}), ...(remembered.lastRegion ? {region: remembered.lastRegion} : {})}});
	} catch (error) {
		process.stderr.write(`ecrtui: ${(error as Error).message}\n`);
		return (error as {usage?: boolean}).usage ? 2 : 1;
	}
	const {first, open} = started;
	mark('session open');
	if (!first.ok) {
		await started.close();
		const {problem} = first;
		process.stderr.write(problemMessage(problem));
		return 1;
	}
	let session = first.session;
	// The first screen's listing starts now, while Ink and the screens finish loading; the
	// repositories screen joins this request (the store shares loads in flight by key).
	void session.store.ensure(repositoriesResource(session));
	const {mount} = await ui;
	mark('ui modules loaded');
	const theme = pickTheme({noColor: options.noColor, ...(options.theme ? {flag: options.theme} : {}), setting: remembered.theme});

	const restore = () => process.stdout.write(leaveAlternateScreen);
	process.stdout.write(enterAlternateScreen);
	const onSignal = () => {
		restore();
		process.exit(130);
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	try {
		await mount({
			session,
			settings,
			audit: openAuditLog(),
			theme,
			configDir: configDir(),
			openSession: open,
			onSessionChange: next => {
				session = next;
			},
		});
	} catch (error) {
		debug?.write('crash', {message: (error as Error).message, stack: (error as Error).stack});
		throw error;
	} finally {
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		closeSession(session);
		await started.close();
	}
	await settings.flush();
	for (const warning of settings.warnings) process.stderr.write(`ecrtui: ${warning}\n`);
	if (debug) process.stderr.write(`ecrtui: debug log written to ${debug.path}\n`);
	return 0;
}
