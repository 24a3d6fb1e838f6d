import type {Clock} from '../clock.js';
import {emptyEcrState, type EcrState} from './ecr.js';

/**
 * The simulated AWS: accounts, each with global IAM state and per-region service state.
 * Service modules add their own state slices (`ecr`, `ecs`, `ec2`, `logs`) to a region.
 */
export type RegionState = {
	region: string;
	ecr: EcrState;
	/** Other services keep their state here under their own key (see world/*.ts). */
	services: Record<string, unknown>;
};

export type Principal = {
	accessKeyId: string;
	arn: string;
	userId: string;
};

export type Account = {
	id: string;
	regions: Map<string, RegionState>;
	/** Global (IAM) state slices, keyed by service. */
	global: Record<string, unknown>;
};

export const DEFAULT_ACCOUNT = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export class World {
	readonly accounts = new Map<string, Account>();
	readonly principals = new Map<string, Principal & {accountId: string}>();
	/** Hooks run before each request so time-driven state (tasks, lifecycle) catches up. */
	private readonly tickers: {run: (now: number) => void; services?: readonly string[]}[] = [];

	constructor(readonly clock: Clock) {}

	account(id = DEFAULT_ACCOUNT): Account {
		let account = this.accounts.get(id);
		if (!account) {
			account = {id, regions: new Map(), global: {}};
			this.accounts.set(id, account);
		}
		return account;
	}

	region(accountId: string, region: string): RegionState {
		const account = this.account(accountId);
		let state = account.regions.get(region);
		if (!state) {
			state = {region, ecr: emptyEcrState(), services: {}};
			account.regions.set(region, state);
		}
		return state;
	}

	/** Gets or creates a service's state slice in a region. */
	slice<T>(accountId: string, region: string, key: string, create: () => T): T {
		const state = this.region(accountId, region);
		state.services[key] ??= create();
		return state.services[key] as T;
	}

	/** Gets or creates a global (account-wide) state slice, such as IAM. */
	globalSlice<T>(accountId: string, key: string, create: () => T): T {
		const account = this.account(accountId);
		account.global[key] ??= create();
		return account.global[key] as T;
	}

	addPrincipal(accountId: string, principal: Principal): void {
		this.principals.set(principal.accessKeyId, {...principal, accountId});
		this.account(accountId);
	}

	/**
	 * The caller behind an access key. Unknown keys act as the default account's admin, as
	 * moto does: the simulator does not check signatures.
	 */
	principalFor(accessKeyId: string | undefined): Principal & {accountId: string} {
		const known = accessKeyId ? this.principals.get(accessKeyId) : undefined;
		if (known) return known;
		return {
			accessKeyId: accessKeyId ?? 'AKIAANONYMOUS',
			accountId: DEFAULT_ACCOUNT,
			arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:user/sim-user`,
			userId: 'AIDASIMUSER0000000000',
		};
	}

	/**
	 * Registers time-driven state. With `services`, it catches up only before requests to those
	 * services (and on a bare `tick()`): reading ECR never pays for replaying ECS history.
	 */
	onTick(ticker: (now: number) => void, services?: readonly string[]): void {
		this.tickers.push({run: ticker, ...(services ? {services} : {})});
	}

	/** Brings time-driven state up to now (for requests to `service`, or everything). */
	tick(service?: string): void {
		const now = this.clock.now();
		for (const ticker of this.tickers) if (service === undefined || !ticker.services || ticker.services.includes(service)) ticker.run(now);
	}
}
