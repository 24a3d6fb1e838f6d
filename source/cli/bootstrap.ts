import type {GlobalOptions} from './args.js';
import {CallRecorder} from '../data/recorder.js';
import {insecureEndpointWarning, openSession, type SessionOptions, type SessionResult} from '../data/session.js';
import type {Simulator} from '../sim/server.js';
import {mark} from '../trace.js';

/** Simulated time runs this many times faster than real time in the interactive demo. */
export const DEMO_SPEED = 6;

export type Bootstrap = {
	/** The first session, or why it could not be opened. */
	first: SessionResult;
	/** Opens another session the same way (profile or region switch). */
	open(change: {profile?: string; region?: string}): Promise<SessionResult>;
	simulator?: Simulator;
	/** Stops the embedded simulator, if any. */
	close(): Promise<void>;
};

/**
 * Opens the AWS session every command needs from the global flags: the embedded simulator with
 * --demo (on an ephemeral loopback port), otherwise the credential chain, profile, region and
 * --endpoint-url. Shared by the TUI and the non-interactive commands so they behave the same.
 */
export async function bootstrap(options: GlobalOptions, extra: {readOnly: boolean; demoSpeed?: number; maxAttempts?: number; recorder?: CallRecorder; remembered?: {profile?: string; region?: string}}): Promise<Bootstrap> {
	const recorder = extra.recorder ?? new CallRecorder();
	if (options.debug && !extra.recorder) {
		// Non-interactive commands log their AWS calls too (the TUI opens its own log).
		const {openDebugLog} = await import('../app/debug-log.js');
		const log = openDebugLog(recorder);
		process.once('exit', () => process.stderr.write(`ecrtui: debug log written to ${log.path}\n`));
	}
	const base: Omit<SessionOptions, 'profile' | 'region'> = {readOnly: extra.readOnly, recorder, ...(extra.maxAttempts ? {maxAttempts: extra.maxAttempts} : {})};
	let simulator: Simulator | undefined;
	if (options.demo) {
		const {startSimulator} = await import('../sim/server.js');
		const {isScenarioName, SCENARIOS, DEMO_ACCESS_KEY} = await import('../sim/scenarios/index.js');
		const scenario = options.scenario ?? 'demo';
		if (!isScenarioName(scenario)) throw Object.assign(new Error(`unknown scenario '${scenario}' (known: ${SCENARIOS.join(', ')})`), {usage: true});
		mark('simulator modules loaded');
		simulator = await startSimulator({scenario, speed: extra.demoSpeed ?? DEMO_SPEED, start: Date.now()});
		mark('simulator started');
		base.demo = {simulator, accessKeyId: DEMO_ACCESS_KEY};
	} else {
		const warning = insecureEndpointWarning(options.endpointUrl);
		if (warning) process.stderr.write(`${warning}\n`);
		if (options.endpointUrl) base.endpoint = options.endpointUrl;
	}
	const open = (change: {profile?: string; region?: string}) =>
		openSession({...base, ...(change.profile ? {profile: change.profile} : {}), ...(change.region ? {region: change.region} : {})});
	// The TUI remembers the last profile and region; flags and AWS_PROFILE / AWS_REGION win.
	const env = process.env;
	const profile = options.profile ?? (options.demo || env.AWS_PROFILE ? undefined : extra.remembered?.profile);
	const region = options.region ?? (options.demo || env.AWS_REGION || env.AWS_DEFAULT_REGION ? undefined : extra.remembered?.region);
	const first = await open({...(profile ? {profile} : {}), ...(region ? {region} : {})});
	return {first, open, ...(simulator ? {simulator} : {}), close: async () => simulator?.close()};
}
