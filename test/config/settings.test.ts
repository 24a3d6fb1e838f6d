import {describe, test, after} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DEFAULT_SETTINGS, loadSettings, memorySettings, type Settings} from '../../source/config/settings.js';

const root = mkdtempSync(join(tmpdir(), 'ecrtui-settings-test-'));
after(() => rmSync(root, {recursive: true, force: true}));
let counter = 0;

/** A fresh config directory (not created yet unless `content` is given). */
function configDir(content?: string): string {
	const dir = join(root, `case-${++counter}`, 'ecrtui');
	if (content !== undefined) {
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'settings.json'), content);
	}
	return dir;
}

function mode(path: string): number {
	return statSync(path).mode & 0o777;
}

const posix = process.platform !== 'win32';

describe('loadSettings: files and permissions', () => {
	test('a missing directory is created 0700 and defaults are used without warnings', () => {
		const dir = configDir();
		const store = loadSettings({ECRTUI_CONFIG_DIR: dir});
		assert.deepEqual(store.get(), DEFAULT_SETTINGS);
		assert.deepEqual(store.warnings, []);
		assert.equal(store.path, join(dir, 'settings.json'));
		assert.ok(existsSync(dir));
		if (posix) assert.equal(mode(dir), 0o700);
	});

	test('an existing directory that is too open is tightened to 0700', {skip: !posix}, () => {
		const dir = configDir();
		mkdirSync(dir, {recursive: true, mode: 0o755});
		chmodSync(dir, 0o755);
		loadSettings({ECRTUI_CONFIG_DIR: dir});
		assert.equal(mode(dir), 0o700);
	});

	test('saved settings are written 0600 as JSON and read back by the next load', async () => {
		const dir = configDir();
		const store = loadSettings({ECRTUI_CONFIG_DIR: dir});
		store.set('theme', 'light');
		store.set('lastProfile', 'prod');
		store.set('regions', ['eu-west-1', 'eu-central-1']);
		assert.equal(store.get().theme, 'light');
		await store.flush();
		const file = join(dir, 'settings.json');
		if (posix) assert.equal(mode(file), 0o600);
		const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		assert.equal(onDisk.theme, 'light');
		assert.equal(onDisk.lastProfile, 'prod');
		const again = loadSettings({ECRTUI_CONFIG_DIR: dir});
		assert.deepEqual(again.get(), {...DEFAULT_SETTINGS, theme: 'light', lastProfile: 'prod', regions: ['eu-west-1', 'eu-central-1']});
		assert.deepEqual(again.warnings, []);
	});

	test('get returns a copy', () => {
		const store = loadSettings({ECRTUI_CONFIG_DIR: configDir()});
		const copy = store.get() as Settings & {theme: string};
		copy.theme = 'light';
		assert.equal(store.get().theme, 'dark');
	});
});

describe('loadSettings: a corrupt file', () => {
	const corrupt = ['{"theme": "light",', '{not json}', '', '\u0000\u0000\u0000'];
	for (const content of corrupt) {
		test(`${JSON.stringify(content)} is moved aside and replaced by defaults with a warning`, async () => {
			const dir = configDir(content);
			const store = loadSettings({ECRTUI_CONFIG_DIR: dir});
			assert.deepEqual(store.get(), DEFAULT_SETTINGS);
			assert.equal(store.warnings.length, 1);
			assert.match(store.warnings[0]!, /settings file was unreadable .* moved to .*settings\.json\.corrupt-\d+ and defaults are used/);
			const aside = readdirSync(dir).filter(name => name.startsWith('settings.json.corrupt-'));
			assert.equal(aside.length, 1);
			assert.equal(readFileSync(join(dir, aside[0]!), 'utf8'), content, 'the unreadable file is kept for the user');
			assert.ok(store.warnings[0]!.includes(join(dir, aside[0]!)));
			// The replacement works: a setting can be saved and read back.
			store.set('theme', 'light');
			await store.flush();
			assert.equal(loadSettings({ECRTUI_CONFIG_DIR: dir}).get().theme, 'light');
		});
	}
});

describe('loadSettings: invalid values reset one by one', () => {
	const invalid: [keyof Settings, unknown][] = [
		['refreshIntervalMs', -1],
		['refreshIntervalMs', 3_600_001],
		['refreshIntervalMs', 1.5],
		['refreshIntervalMs', '5000'],
		['stallThresholdMs', 999],
		['theme', 'solarized'],
		['readOnly', 'yes'],
		['lastProfile', 42],
		['lastRegion', null],
		['pricePerGbMonth', -0.01],
		['pricePerGbMonth', '0.10'],
		['inUseRevisions', 0],
		['inUseRevisions', 101],
		['typeToConfirmAbove', -1],
		['stoppedHistoryLimit', 100_001],
		['productionPattern', '(unclosed'],
		['productionPattern', 5],
		['regions', 'us-east-1'],
		['regions', ['us-east-1', 7]],
		['hintShown', 1],
	];
	for (const [key, value] of invalid) {
		test(`${key} = ${JSON.stringify(value)}`, () => {
			const dir = configDir(JSON.stringify({[key]: value, theme: key === 'theme' ? value : 'light'}));
			const store = loadSettings({ECRTUI_CONFIG_DIR: dir});
			const settings = store.get();
			assert.deepEqual(settings[key], DEFAULT_SETTINGS[key]);
			if (key !== 'theme') assert.equal(settings.theme, 'light', 'the valid setting next to it is kept');
			assert.equal(store.warnings.length, 1);
			assert.equal(store.warnings[0], `Setting ${key} had an invalid value (${JSON.stringify(value)}); using ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
		});
	}

	test('several invalid values give one warning each, valid ones are kept', () => {
		const dir = configDir(JSON.stringify({refreshIntervalMs: -5, theme: 'neon', pricePerGbMonth: 0.2, regions: ['eu-west-1'], productionPattern: '(', inUseRevisions: 3, lastRegion: 'us-west-2', hintShown: true}));
		const store = loadSettings({ECRTUI_CONFIG_DIR: dir});
		assert.deepEqual(store.get(), {...DEFAULT_SETTINGS, pricePerGbMonth: 0.2, regions: ['eu-west-1'], inUseRevisions: 3, lastRegion: 'us-west-2', hintShown: true});
		assert.equal(store.warnings.length, 3);
		assert.deepEqual(store.warnings.map(warning => /^Setting (\w+)/.exec(warning)?.[1]).sort(), ['productionPattern', 'refreshIntervalMs', 'theme']);
	});

	const valid: Partial<Settings>[] = [
		{refreshIntervalMs: 0},
		{refreshIntervalMs: 3_600_000},
		{stallThresholdMs: 1000},
		{inUseRevisions: 1},
		{inUseRevisions: 100},
		{typeToConfirmAbove: 0},
		{stoppedHistoryLimit: 0},
		{stoppedHistoryLimit: 100_000},
		{pricePerGbMonth: 0},
		{productionPattern: '^(prod|live)-'},
		{regions: []},
		{readOnly: true, lastProfile: 'dev', lastRegion: 'ap-northeast-1', hintShown: true},
	];
	for (const values of valid) {
		test(`valid: ${JSON.stringify(values)}`, () => {
			const store = loadSettings({ECRTUI_CONFIG_DIR: configDir(JSON.stringify(values))});
			assert.deepEqual(store.warnings, []);
			assert.deepEqual(store.get(), {...DEFAULT_SETTINGS, ...values});
		});
	}

	test('unknown keys are ignored without a warning', () => {
		const store = loadSettings({ECRTUI_CONFIG_DIR: configDir(JSON.stringify({colour: 'red', theme: 'light'}))});
		assert.deepEqual(store.warnings, []);
		assert.equal(store.get().theme, 'light');
		assert.equal('colour' in store.get(), false);
	});
});

describe('memorySettings', () => {
	test('defaults with overrides, nothing written', () => {
		const store = memorySettings({readOnly: true});
		assert.deepEqual(store.get(), {...DEFAULT_SETTINGS, readOnly: true});
		store.set('theme', 'light');
		assert.equal(store.get().theme, 'light');
		assert.equal(store.path, ':memory:');
		assert.deepEqual(store.warnings, []);
	});
});
