import React from 'react';
import {render} from 'ink';
import {App} from './app.js';
import {pickTheme} from './theme/themes.js';
import {loadSettings} from '../config/settings.js';
import {openAuditLog} from '../config/audit.js';
import {configDir} from '../config/paths.js';
import {CallRecorder} from '../data/recorder.js';
import {closeSession, insecureEndpointWarning, openSession, type SessionOptions} from '../data/session.js';
import {openDebugLog, type DebugLog} from './debug-log.js';
import type {GlobalOptions} from '../cli/args.js';
import type {Simulator} from '../sim/server.js';

/** Simulated time runs this many times faster than real time in the demo. */
export const DEMO_SPEED = 6;

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';

/** Starts the simulator for --demo, in-process on an ephemeral loopback port. */
export async function startDemoSimulator(scenario: string | undefined): Promise<Simulator> {
	const {startSimulator} = await import('../sim/server.js');
	const {isScenarioName} = await import('../sim/scenarios/index.js');
	const name = scenario ?? 'demo';
	if (!isScenarioName(name)) throw Object.assign(new Error(`unknown scenario '${name}'`), {usage: true});
	return startSimulator({scenario: name, speed: DEMO_SPEED, start: Date.now()});
}

/** Runs the terminal UI; resolves with the process exit code. */
export async function runTui(options: GlobalOptions): Promise<number> {
	const settings = loadSettings();
	const recorder = new CallRecorder();
	let debug: DebugLog | undefined;
	if (options.debug) debug = openDebugLog(recorder);
	const readOnly = options.readOnly || settings.get().readOnly;

	let simulator: Simulator | undefined;
	const base: Omit<SessionOptions, 'profile' | 'region'> = {readOnly, recorder};
	if (options.demo) {
		try {
			simulator = await startDemoSimulator(options.scenario);
		} catch (error) {
			process.stderr.write(`ecrtui: ${(error as Error).message}\n`);
			return (error as {usage?: boolean}).usage ? 2 : 1;
		}
		const {DEMO_ACCESS_KEY} = await import('../sim/scenarios/index.js');
		base.demo = {simulator, accessKeyId: DEMO_ACCESS_KEY};
	} else {
		const warning = insecureEndpointWarning(options.endpointUrl);
		if (warning) process.stderr.write(`${warning}\n`);
		if (options.endpointUrl) base.endpoint = options.endpointUrl;
	}
	const open = (change: {profile?: string; region?: string}) =>
		openSession({...base, ...(change.profile ? {profile: change.profile} : {}), ...(change.region ? {region: change.region} : {})});

	const first = await open({...(options.profile ? {profile: options.profile} : {}), ...(options.region ? {region: options.region} : {})});
	if (!first.ok) {
		await simulator?.close();
		const {problem} = first;
		process.stderr.write(`ecrtui: ${problem.what} failed.\n  ${problem.why}\n  → ${problem.next}\n`);
		return 1;
	}
	let session = first.session;
	const theme = pickTheme({noColor: options.noColor, ...(options.theme ? {flag: options.theme} : {}), setting: settings.get().theme});

	const restore = () => process.stdout.write(leaveAlternateScreen);
	process.stdout.write(enterAlternateScreen);
	const onSignal = () => {
		restore();
		process.exit(130);
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	try {
		const instance = render(
			<App
				session={session}
				settings={settings}
				audit={openAuditLog()}
				theme={theme}
				configDir={configDir()}
				openSession={open}
				onSessionChange={next => {
					session = next;
				}}
			/>,
			{exitOnCtrlC: false, patchConsole: true, maxFps: 30},
		);
		await instance.waitUntilExit();
	} catch (error) {
		debug?.write('crash', {message: (error as Error).message, stack: (error as Error).stack});
		throw error;
	} finally {
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		closeSession(session);
		await simulator?.close();
	}
	for (const warning of settings.warnings) process.stderr.write(`ecrtui: ${warning}\n`);
	if (debug) process.stderr.write(`ecrtui: debug log written to ${debug.path}\n`);
	return 0;
}
