import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {complete, findCommand, paletteCommands, runCommandLine, type CommandIntent} from '../../source/app/commands.js';

describe('runCommandLine', () => {
	const cases: [string, CommandIntent][] = [
		[':repos', {type: 'navigate', route: {screen: 'repositories'}}],
		['repos', {type: 'navigate', route: {screen: 'repositories'}}],
		[':repositories', {type: 'navigate', route: {screen: 'repositories'}}],
		[':ecr', {type: 'navigate', route: {screen: 'repositories'}}],
		[':r', {type: 'navigate', route: {screen: 'repositories'}}],
		[':images payments-api', {type: 'navigate', route: {screen: 'images', repository: 'payments-api'}}],
		[':img team/web', {type: 'navigate', route: {screen: 'images', repository: 'team/web'}}],
		[':i web', {type: 'navigate', route: {screen: 'images', repository: 'web'}}],
		[':images', {type: 'error', message: 'usage: :images REPOSITORY'}],
		[':tasks', {type: 'navigate', route: {screen: 'tasks'}}],
		[':ecs', {type: 'navigate', route: {screen: 'tasks'}}],
		[':clusters', {type: 'navigate', route: {screen: 'tasks'}}],
		[':services', {type: 'navigate', route: {screen: 'tasks'}}],
		[':t', {type: 'navigate', route: {screen: 'tasks'}}],
		[':network', {type: 'navigate', route: {screen: 'network'}}],
		[':vpc', {type: 'navigate', route: {screen: 'network'}}],
		[':net', {type: 'navigate', route: {screen: 'network'}}],
		[':n', {type: 'navigate', route: {screen: 'network'}}],
		[':lifecycle web', {type: 'navigate', route: {screen: 'lifecycle', repository: 'web'}}],
		[':lc web', {type: 'navigate', route: {screen: 'lifecycle', repository: 'web'}}],
		[':policy web', {type: 'navigate', route: {screen: 'lifecycle', repository: 'web'}}],
		[':lifecycle', {type: 'error', message: 'usage: :lifecycle REPOSITORY'}],
		[':region us-west-2', {type: 'switch', region: 'us-west-2'}],
		[':reg eu-west-1', {type: 'switch', region: 'eu-west-1'}],
		[':region', {type: 'error', message: 'usage: :region NAME (Tab completes)'}],
		[':profile prod', {type: 'switch', profile: 'prod'}],
		[':ctx dev', {type: 'switch', profile: 'dev'}],
		[':context dev', {type: 'switch', profile: 'dev'}],
		[':profile', {type: 'error', message: 'usage: :profile NAME (Tab completes)'}],
		[':errors', {type: 'navigate', route: {screen: 'errors'}}],
		[':err', {type: 'navigate', route: {screen: 'errors'}}],
		[':!', {type: 'navigate', route: {screen: 'errors'}}],
		[':theme light', {type: 'theme', theme: 'light'}],
		[':theme dark', {type: 'theme', theme: 'dark'}],
		[':theme', {type: 'error', message: 'usage: :theme dark|light'}],
		[':theme solarized', {type: 'error', message: 'usage: :theme dark|light'}],
		[':help', {type: 'help'}],
		[':h', {type: 'help'}],
		[':?', {type: 'help'}],
		[':quit', {type: 'quit'}],
		[':q', {type: 'quit'}],
		[':q!', {type: 'quit'}],
		[':exit', {type: 'quit'}],
		// Whitespace and case.
		['  :region   us-east-2  ', {type: 'switch', region: 'us-east-2'}],
		[':IMAGES web', {type: 'navigate', route: {screen: 'images', repository: 'web'}}],
		[':Q', {type: 'quit'}],
		// Arguments of commands that take none are ignored.
		[':repos extra words', {type: 'navigate', route: {screen: 'repositories'}}],
	];
	for (const [line, intent] of cases) {
		test(JSON.stringify(line), () => assert.deepEqual(runCommandLine(line), intent));
	}

	const errors: [string, RegExp][] = [
		['', /type a command, for example :repos/],
		[':', /type a command/],
		['   ', /type a command/],
		[':deploy', /^unknown command :deploy \(try :repos, :tasks, :network, :region, :profile, :q\)$/],
		[':imagez web', /unknown command :imagez/],
		['::repos', /unknown command ::repos/],
	];
	for (const [line, message] of errors) {
		test(`error: ${JSON.stringify(line)}`, () => {
			const intent = runCommandLine(line);
			assert.equal(intent.type, 'error');
			assert.match((intent as {message: string}).message, message);
		});
	}
});

describe('findCommand and the table', () => {
	test('every name and alias is unique and finds its command', () => {
		const seen = new Map<string, string>();
		for (const command of paletteCommands) {
			for (const word of [command.name, ...command.aliases]) {
				assert.equal(seen.has(word), false, `${word} used by ${seen.get(word)} and ${command.name}`);
				seen.set(word, command.name);
				assert.equal(findCommand(word)?.name, command.name);
				assert.equal(findCommand(word.toUpperCase())?.name, command.name);
			}
			assert.ok(command.description.length > 0);
		}
		assert.equal(findCommand('nope'), undefined);
	});

	test('commands that need an argument report usage without one', () => {
		for (const command of paletteCommands.filter(item => item.argument)) {
			assert.equal(runCommandLine(`:${command.name}`).type, 'error', command.name);
		}
	});
});

describe('complete', () => {
	const values = {
		repository: ['payments-api', 'payments-worker', 'web', 'team/web'],
		region: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'],
		profile: ['default', 'prod', 'prod-admin', 'dev'],
	};
	const cases: [string, string[]][] = [
		['', paletteCommands.map(command => command.name)],
		[':', paletteCommands.map(command => command.name)],
		['re', ['repos', 'region']],
		[':re', ['repos', 'region']],
		['RE', ['repos', 'region']],
		['i', ['images']],
		['q', ['quit']],
		['x', []],
		['t', ['tasks', 'theme']],
		['images ', ['images payments-api', 'images payments-worker', 'images web', 'images team/web']],
		['images pay', ['images payments-api', 'images payments-worker']],
		[':images payments-w', ['images payments-worker']],
		['img we', ['images web']],
		['i team', ['images team/web']],
		['lifecycle w', ['lifecycle web']],
		['region us-', ['region us-east-1', 'region us-east-2', 'region us-west-2']],
		['reg eu', ['region eu-west-1']],
		['profile prod', ['profile prod', 'profile prod-admin']],
		['ctx d', ['profile default', 'profile dev']],
		['theme ', ['theme dark', 'theme light']],
		['theme l', ['theme light']],
		['repos ', []],
		['quit now', []],
		['unknown arg', []],
		['images zzz', []],
	];
	for (const [line, expected] of cases) {
		test(JSON.stringify(line), () => assert.deepEqual(complete(line, values), expected));
	}

	test('argument values not supplied complete to nothing', () => {
		assert.deepEqual(complete('region ', {}), []);
		assert.deepEqual(complete('theme d', {}), ['theme dark']);
	});

	test('every completion runs as a valid command', () => {
		for (const line of ['images pay', 'region us-', 'profile prod', 'theme ']) {
			for (const completion of complete(line, values)) {
				assert.notEqual(runCommandLine(completion).type, 'error', completion);
			}
		}
	});
});
