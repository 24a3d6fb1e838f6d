import {existsSync, readFileSync, renameSync} from 'node:fs';
import {join} from 'node:path';
import {configDir, ensurePrivateDir} from './paths.js';

/** User settings (never credentials). Stored with `conf` as JSON, mode 0600. */
export type Settings = {
	/** Watcher refresh interval; 0 turns auto-refresh off. */
	refreshIntervalMs: number;
	/** PROVISIONING/PENDING/ACTIVATING longer than this is stalled. */
	stallThresholdMs: number;
	theme: 'dark' | 'light';
	readOnly: boolean;
	lastProfile?: string;
	lastRegion?: string;
	/** Storage price per GB-month, USD (ECR private storage: 0.10). */
	pricePerGbMonth: number;
	/** How many recent ACTIVE task-definition revisions per family count as "in use". */
	inUseRevisions: number;
	/** Above this many images, deleting needs the repository name typed. */
	typeToConfirmAbove: number;
	/** Stopped tasks kept locally per account and region. */
	stoppedHistoryLimit: number;
	/** Profiles whose name matches this (case-insensitive regex) get the red production banner. */
	productionPattern: string;
	/** Regions for the multi-region repository view. */
	regions: string[];
	/** The first-run hint has been shown. */
	hintShown: boolean;
};

export const DEFAULT_SETTINGS: Settings = {
	refreshIntervalMs: 5000,
	stallThresholdMs: 60_000,
	theme: 'dark',
	readOnly: false,
	pricePerGbMonth: 0.1,
	inUseRevisions: 5,
	typeToConfirmAbove: 50,
	stoppedHistoryLimit: 500,
	productionPattern: 'prod',
	regions: ['us-east-1', 'us-west-2'],
	hintShown: false,
};

type Check = (value: unknown) => boolean;
const checks: {[K in keyof Settings]-?: Check} = {
	refreshIntervalMs: value => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 3_600_000,
	stallThresholdMs: value => Number.isInteger(value) && (value as number) >= 1000,
	theme: value => value === 'dark' || value === 'light',
	readOnly: value => typeof value === 'boolean',
	lastProfile: value => typeof value === 'string',
	lastRegion: value => typeof value === 'string',
	pricePerGbMonth: value => typeof value === 'number' && value >= 0 && Number.isFinite(value),
	inUseRevisions: value => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100,
	typeToConfirmAbove: value => Number.isInteger(value) && (value as number) >= 0,
	stoppedHistoryLimit: value => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000,
	productionPattern: value => {
		if (typeof value !== 'string') return false;
		try {
			new RegExp(value, 'i');
			return true;
		} catch {
			return false;
		}
	},
	regions: value => Array.isArray(value) && value.every(item => typeof item === 'string'),
	hintShown: value => typeof value === 'boolean',
};

export type SettingsStore = {
	get(): Settings;
	/** Changes a setting now; the file is written in the background (see `flush`). */
	set<K extends keyof Settings>(key: K, value: Settings[K]): void;
	/** Resolves when every change so far is on disk. */
	flush(): Promise<void>;
	/** Problems found when loading (corrupt file replaced, invalid values reset) or saving. */
	warnings: string[];
	path: string;
};

/** The stored object, or why the file cannot be used. */
function readStored(file: string): {ok: true; value: Record<string, unknown>} | {ok: false; reason: string} | undefined {
	if (!existsSync(file)) return undefined;
	try {
		const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return {ok: false, reason: 'it does not hold a JSON object'};
		return {ok: true, value: value as Record<string, unknown>};
	} catch (error) {
		return {ok: false, reason: (error as Error).message.split('\n')[0] ?? 'unreadable'};
	}
}

/**
 * Loads settings. A corrupt file is moved aside and replaced with defaults (reported, never a
 * crash); invalid values fall back to their defaults one by one.
 *
 * Reading is a plain JSON parse; `conf` (which loads a JSON-schema validator, ~40 ms) is
 * imported on the first change, off the start-up path, and writes the same file, 0600.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): SettingsStore {
	const dir = ensurePrivateDir(configDir(env));
	const file = join(dir, 'settings.json');
	const warnings: string[] = [];
	const read = readStored(file);
	let stored: Record<string, unknown> = {};
	if (read?.ok) stored = read.value;
	else if (read && !read.ok) {
		const aside = `${file}.corrupt-${Date.now()}`;
		renameSync(file, aside);
		warnings.push(`The settings file was unreadable (${read.reason}); it was moved to ${aside} and defaults are used.`);
	}
	const settings: Settings = {...DEFAULT_SETTINGS};
	for (const key of Object.keys(checks) as (keyof Settings)[]) {
		if (!(key in stored)) continue;
		const value = stored[key];
		if (checks[key](value)) (settings as Record<string, unknown>)[key] = value;
		else warnings.push(`Setting ${key} had an invalid value (${JSON.stringify(value)}); using ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
	}
	let conf: Promise<{set(key: string, value: unknown): void}> | undefined;
	let pending: Promise<void> = Promise.resolve();
	const open = () =>
		(conf ??= import('conf').then(({default: Conf}) => new Conf<Record<string, unknown>>({cwd: dir, configName: 'settings', projectName: 'ecrtui', projectSuffix: '', configFileMode: 0o600})));
	return {
		get: () => ({...settings}),
		set(key, value) {
			settings[key] = value;
			pending = pending.then(async () => {
				try {
					(await open()).set(key, value as unknown);
				} catch (error) {
					warnings.push(`Could not save setting ${key}: ${(error as Error).message}`);
				}
			});
		},
		flush: () => pending,
		warnings,
		path: file,
	};
}

/** In-memory settings for tests and non-persistent runs. */
export function memorySettings(overrides: Partial<Settings> = {}): SettingsStore {
	const settings: Settings = {...DEFAULT_SETTINGS, ...overrides};
	return {
		get: () => ({...settings}),
		set(key, value) {
			settings[key] = value;
		},
		flush: () => Promise.resolve(),
		warnings: [],
		path: ':memory:',
	};
}
