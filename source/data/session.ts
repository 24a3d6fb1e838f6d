import type {AwsCredentialIdentity, AwsCredentialIdentityProvider} from '@aws-sdk/types';
import {AwsClients, profileRegion, type AwsTarget} from './clients.js';
import {CallRecorder} from './recorder.js';
import {ResourceStore} from './store.js';
import {problem, toProblem, type Problem} from './problems.js';
import {loadCredentialProviders, loadSts} from './sdk.js';
import type {Simulator} from '../sim/server.js';

/**
 * A session is one (profile, region, account) the app talks to: its clients, its cache and
 * its call recorder. Switching profile or region opens a new session, so data from two
 * accounts or regions can never mix in one cache.
 */
export type Session = {
	mode: 'demo' | 'aws';
	profile?: string;
	region: string;
	accountId: string;
	/** The caller's ARN from sts:GetCallerIdentity. */
	arn: string;
	endpoint?: string;
	readOnly: boolean;
	clients: AwsClients;
	store: ResourceStore;
	recorder: CallRecorder;
	/** Cache-key prefix: `<account>/<region>`. */
	scope: string;
	/** The embedded simulator in demo mode. */
	simulator?: Simulator;
	/** Views of the same account in other regions (multi-region screens), created on demand. */
	regional?: Map<string, Session>;
};

export type SessionOptions = {
	demo?: {simulator: Simulator; accessKeyId: string};
	profile?: string;
	region?: string;
	endpoint?: string;
	readOnly: boolean;
	/** Attempts per AWS call (default 3); tests use 1. */
	maxAttempts?: number;
	recorder?: CallRecorder;
	env?: NodeJS.ProcessEnv;
};

export type SessionResult = {ok: true; session: Session} | {ok: false; problem: Problem};

/**
 * Whether an endpoint is this machine. The host must be exactly localhost, ::1 or an IPv4
 * address in 127.0.0.0/8: a name that merely starts with "127." (127.attacker.example) can
 * resolve anywhere, and used to pass as loopback.
 */
function isLoopback(endpoint: string): boolean {
	try {
		const host = new URL(endpoint).hostname;
		return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
	} catch {
		return false;
	}
}

/** A plain-http endpoint on another host would send signed requests in clear text. */
export function insecureEndpointWarning(endpoint: string | undefined): string | undefined {
	if (!endpoint) return undefined;
	try {
		const url = new URL(endpoint);
		if (url.protocol === 'http:' && !isLoopback(endpoint)) {
			return `warning: --endpoint-url ${endpoint} is plain http to a non-loopback host; requests (signed with your credentials) travel unencrypted.`;
		}
	} catch {
		return undefined;
	}
	return undefined;
}

async function resolveRegion(options: SessionOptions, env: NodeJS.ProcessEnv): Promise<string | undefined> {
	if (options.region) return options.region;
	if (env.AWS_REGION) return env.AWS_REGION;
	if (env.AWS_DEFAULT_REGION) return env.AWS_DEFAULT_REGION;
	return profileRegion(options.profile);
}

async function resolveCredentials(options: SessionOptions): Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> {
	const {fromNodeProviderChain} = await loadCredentialProviders();
	const chain = fromNodeProviderChain(options.profile ? {profile: options.profile} : {});
	if (options.endpoint && isLoopback(options.endpoint)) {
		// Local emulators (the simulator, moto) ignore signatures; let them work without a profile.
		try {
			return await chain();
		} catch {
			return {accessKeyId: 'AKIALOCALEMULATOR000', secretAccessKey: 'local-emulator'};
		}
	}
	return chain;
}

/** Resolves credentials and region, asks STS who we are, and returns a ready session. */
export async function openSession(options: SessionOptions): Promise<SessionResult> {
	const env = options.env ?? process.env;
	const recorder = options.recorder ?? new CallRecorder();
	const profile = options.demo ? undefined : (options.profile ?? env.AWS_PROFILE);
	const what = 'Checking your AWS identity (sts:GetCallerIdentity)';
	let target: AwsTarget;
	if (options.demo) {
		target = {
			region: options.region ?? 'us-east-1',
			endpoint: options.demo.simulator.url,
			credentials: {accessKeyId: options.demo.accessKeyId, secretAccessKey: 'demo'},
			maxAttempts: options.maxAttempts ?? 3,
			readOnly: options.readOnly,
		};
	} else {
		const region = await resolveRegion({...options, ...(profile ? {profile} : {})}, env);
		if (!region) {
			return {
				ok: false,
				problem: problem('no-region', 'Choosing an AWS region', `No region is set${profile ? ` for profile ${profile}` : ''} (no --region, AWS_REGION, or region in ~/.aws/config).`, 'Pass --region (for example --region us-east-1), set AWS_REGION, or try `ecrtui --demo`.'),
			};
		}
		target = {
			region,
			...(profile ? {profile} : {}),
			...(options.endpoint ? {endpoint: options.endpoint} : {}),
			credentials: await resolveCredentials({...options, ...(profile ? {profile} : {})}),
			maxAttempts: options.maxAttempts ?? 3,
			readOnly: options.readOnly,
		};
	}
	const clients = new AwsClients(target, recorder);
	try {
		const {GetCallerIdentityCommand} = await loadSts();
		const sts = await clients.sts();
		// Fail fast at start: an unreachable endpoint must not hang the launch.
		const identity = await sts.send(new GetCallerIdentityCommand({}), {abortSignal: AbortSignal.timeout(15_000)});
		const accountId = identity.Account ?? 'unknown';
		const session: Session = {
			mode: options.demo ? 'demo' : 'aws',
			...(profile ? {profile} : {}),
			region: target.region,
			accountId,
			arn: identity.Arn ?? '',
			...(target.endpoint ? {endpoint: target.endpoint} : {}),
			readOnly: options.readOnly,
			clients,
			store: new ResourceStore({...(profile ? {profile} : {}), ...(target.endpoint ? {endpoint: target.endpoint} : {})}),
			recorder,
			scope: `${accountId}/${target.region}`,
			...(options.demo ? {simulator: options.demo.simulator} : {}),
		};
		return {ok: true, session};
	} catch (error) {
		clients.destroy();
		const mapped = toProblem(error, {what, ...(profile ? {profile} : {}), ...(target.endpoint ? {endpoint: target.endpoint} : {})});
		if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
			return {ok: false, problem: problem('network', what, `No answer from ${target.endpoint ?? `AWS in ${target.region}`} within 15 s.`, 'Check your network, VPN or proxy and --endpoint-url, or try `ecrtui --demo`.')};
		}
		return {ok: false, problem: mapped};
	}
}

/**
 * The same account and credentials in another region: its own clients, the shared cache (keys
 * carry the region, so nothing mixes) and the shared recorder. Reused per region.
 */
export function regionalSession(session: Session, region: string): Session {
	if (region === session.region) return session;
	session.regional ??= new Map();
	let regional = session.regional.get(region);
	if (!regional) {
		regional = {...session, region, clients: session.clients.forRegion(region), scope: `${session.accountId}/${region}`, regional: session.regional};
		session.regional.set(region, regional);
	}
	return regional;
}

/** Closes a session's sockets (its clients close their other regions' too) and cancels its loads. */
export function closeSession(session: Session): void {
	session.store.cancelAll();
	session.clients.destroy();
}
