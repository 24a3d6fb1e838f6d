import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {parseArgs, type Command, type GlobalOptions, type ParseResult} from '../../source/cli/args.js';

const DEFAULTS: GlobalOptions = {demo: false, readOnly: false, debug: false, noColor: false};

function ok(argv: string[]): {command: Command; options: GlobalOptions} {
	const result = parseArgs(argv);
	assert.ok(result.ok, `${argv.join(' ')} should parse: ${result.ok ? '' : result.error}`);
	return {command: result.command, options: result.options};
}

function failure(argv: string[]): Extract<ParseResult, {ok: false}> {
	const result = parseArgs(argv);
	assert.equal(result.ok, false, `${argv.join(' ')} should fail`);
	return result as Extract<ParseResult, {ok: false}>;
}

describe('parseArgs: commands', () => {
	const cases: [string, string[], Command][] = [
		['no arguments starts the TUI', [], {name: 'tui'}],
		['lifecycle validate', ['lifecycle', 'validate', '--policy', 'p.json'], {name: 'lifecycle-validate', policy: 'p.json', json: false}],
		['lifecycle validate --json from stdin', ['lifecycle', 'validate', '--policy', '-', '--json'], {name: 'lifecycle-validate', policy: '-', json: true}],
		['lifecycle preview with images', ['lifecycle', 'preview', '--policy', 'p.json', '--images', 'i.json'], {name: 'lifecycle-preview', policy: 'p.json', images: 'i.json', json: false}],
		['lifecycle preview with repository, now, price and json', ['lifecycle', 'preview', '--policy', 'p.json', '--repository', 'web', '--now', '2026-11-29T00:00:00Z', '--price', '0.07', '--json'], {name: 'lifecycle-preview', policy: 'p.json', repository: 'web', now: Date.UTC(2026, 10, 29), pricePerGbMonth: 0.07, json: true}],
		['lifecycle preview --now date only', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--now', '2026-11-29'], {name: 'lifecycle-preview', policy: 'p', images: 'i', now: Date.UTC(2026, 10, 29), json: false}],
		['lifecycle preview --price 0', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--price', '0'], {name: 'lifecycle-preview', policy: 'p', images: 'i', pricePerGbMonth: 0, json: false}],
		['diagnose', ['diagnose', '--cluster', 'prod', '--task', '0f1e2d3c'], {name: 'diagnose', cluster: 'prod', task: '0f1e2d3c', json: false}],
		['diagnose --json, flags in any order', ['diagnose', '--json', '--task', 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e', '--cluster', 'prod'], {name: 'diagnose', cluster: 'prod', task: 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e', json: true}],
		['sim with defaults', ['sim'], {name: 'sim', port: 0, scenario: 'demo'}],
		['sim with port and scenario', ['sim', '--port', '4566', '--scenario', 'big-registry'], {name: 'sim', port: 4566, scenario: 'big-registry'}],
		['sim port 65535', ['sim', '--port=65535'], {name: 'sim', port: 65535, scenario: 'demo'}],
		['help', ['help'], {name: 'help'}],
		['help with a topic', ['help', 'diagnose'], {name: 'help', topic: 'diagnose'}],
	];
	for (const [name, argv, command] of cases) {
		test(name, () => assert.deepEqual(ok(argv).command, command));
	}
});

describe('parseArgs: global flags', () => {
	const cases: [string[], Partial<GlobalOptions>][] = [
		[[], {}],
		[['--demo'], {demo: true}],
		[['--demo', '--scenario', 'empty'], {demo: true, scenario: 'empty'}],
		[['--profile', 'prod'], {profile: 'prod'}],
		[['--region', 'eu-west-1'], {region: 'eu-west-1'}],
		[['--region', 'us-gov-west-1'], {region: 'us-gov-west-1'}],
		[['--region', 'cn-north-1'], {region: 'cn-north-1'}],
		[['--region', 'us-isob-east-1'], {region: 'us-isob-east-1'}],
		[['--region', 'ap-southeast-7'], {region: 'ap-southeast-7'}],
		[['--endpoint-url', 'http://127.0.0.1:4566'], {endpointUrl: 'http://127.0.0.1:4566'}],
		[['--endpoint-url', 'https://ecr.example.internal'], {endpointUrl: 'https://ecr.example.internal'}],
		[['--read-only'], {readOnly: true}],
		[['--debug'], {debug: true}],
		[['--no-color'], {noColor: true}],
		[['--theme', 'light'], {theme: 'light'}],
		[['--theme', 'dark'], {theme: 'dark'}],
		[['--profile', 'prod', '--region', 'us-west-2', '--read-only', '--debug', '--no-color', '--theme', 'light'], {profile: 'prod', region: 'us-west-2', readOnly: true, debug: true, noColor: true, theme: 'light'}],
	];
	for (const [argv, expected] of cases) {
		test(argv.join(' ') || '(none)', () => {
			const result = ok(argv);
			assert.deepEqual(result.command, {name: 'tui'});
			assert.deepEqual(result.options, {...DEFAULTS, ...expected});
		});
	}

	test('global flags apply to every command', () => {
		const commands = [
			['lifecycle', 'validate', '--policy', 'p'],
			['lifecycle', 'preview', '--policy', 'p', '--repository', 'web'],
			['diagnose', '--cluster', 'c', '--task', 't'],
			['sim'],
		];
		for (const base of commands) {
			const result = ok([...base, '--region', 'us-east-2', '--read-only', '--debug', '--no-color', '--theme', 'light', '--profile', 'dev']);
			assert.deepEqual(result.options, {...DEFAULTS, region: 'us-east-2', readOnly: true, debug: true, noColor: true, theme: 'light', profile: 'dev'}, base.join(' '));
		}
		assert.equal(ok(['diagnose', '--demo', '--cluster', 'c', '--task', 't']).options.demo, true);
		assert.equal(ok(['lifecycle', 'preview', '--demo', '--policy', 'p', '--repository', 'data-pipeline']).options.demo, true);
	});
});

describe('parseArgs: --flag=value and aliases', () => {
	const cases: [string[], Partial<GlobalOptions>][] = [
		[['--profile=prod'], {profile: 'prod'}],
		[['--region=eu-central-1'], {region: 'eu-central-1'}],
		[['--endpoint-url=http://localhost:5000/path?x=1'], {endpointUrl: 'http://localhost:5000/path?x=1'}],
		[['--endpoint=http://localhost:5000'], {endpointUrl: 'http://localhost:5000'}],
		[['--readonly'], {readOnly: true}],
		[['--theme=light'], {theme: 'light'}],
		[['--profile=a=b'], {profile: 'a=b'}],
	];
	for (const [argv, expected] of cases) {
		test(argv.join(' '), () => assert.deepEqual(ok(argv).options, {...DEFAULTS, ...expected}));
	}

	test('command flags with =', () => {
		assert.deepEqual(ok(['lifecycle', 'validate', '--policy=./p.json']).command, {name: 'lifecycle-validate', policy: './p.json', json: false});
		assert.deepEqual(ok(['diagnose', '--cluster=prod', '--task=abc']).command, {name: 'diagnose', cluster: 'prod', task: 'abc', json: false});
	});

	test('a value may start with a single dash (stdin, negative-looking names)', () => {
		assert.deepEqual(ok(['lifecycle', 'preview', '--policy', '-', '--images', '-']).command, {name: 'lifecycle-preview', policy: '-', images: '-', json: false});
	});
});

describe('parseArgs: --help and --version anywhere', () => {
	const cases: [string[], Command][] = [
		[['--help'], {name: 'help', topic: 'tui'}],
		[['-h'], {name: 'help', topic: 'tui'}],
		[['--version'], {name: 'version'}],
		[['-v'], {name: 'version'}],
		[['--profile', 'prod', '--version'], {name: 'version'}],
		[['--region', 'nowhere', '--help'], {name: 'help', topic: 'tui'}],
		[['lifecycle', 'validate', '--help'], {name: 'help', topic: 'lifecycle-validate'}],
		[['lifecycle', 'preview', '-h'], {name: 'help', topic: 'lifecycle-preview'}],
		[['lifecycle', 'preview', '--policy', 'p', '--version'], {name: 'version'}],
		[['diagnose', '--help'], {name: 'help', topic: 'diagnose'}],
		[['diagnose', '--cluster', 'c', '-v'], {name: 'version'}],
		[['sim', '--help'], {name: 'help', topic: 'sim'}],
		[['lifecycle', '--help'], {name: 'help', topic: 'lifecycle'}],
		[['lifecycle', '-h'], {name: 'help', topic: 'lifecycle'}],
		[['lifecycle', '--version'], {name: 'version'}],
		[['deploy', '--help'], {name: 'help'}],
	];
	for (const [argv, command] of cases) {
		test(argv.join(' '), () => assert.deepEqual(ok(argv).command, command));
	}

	test('help and version ignore other flags and return default options', () => {
		assert.deepEqual(ok(['--demo', '--help']).options, DEFAULTS);
		assert.deepEqual(ok(['--read-only', '--version']).options, DEFAULTS);
	});
});

describe('parseArgs: errors name the topic', () => {
	const cases: [string, string[], RegExp, string | undefined][] = [
		['unknown command', ['deploy'], /unknown command 'deploy'/, undefined],
		['lifecycle without subcommand', ['lifecycle'], /lifecycle needs a subcommand: validate or preview/, undefined],
		['unknown lifecycle subcommand', ['lifecycle', 'apply'], /unknown lifecycle subcommand 'apply'/, undefined],
		['unknown flag', ['--colour'], /unknown flag '--colour'/, 'tui'],
		['unknown short flag', ['-x'], /unknown flag '-x'/, 'tui'],
		['unknown flag on a command', ['diagnose', '--cluster', 'c', '--task', 't', '--verbose'], /unknown flag '--verbose'/, 'diagnose'],
		['stray argument', ['sim', 'extra'], /unexpected argument 'extra'/, 'sim'],
		['flag for another command', ['--json'], /--json does not apply to this command/, 'tui'],
		['--policy on diagnose', ['diagnose', '--policy', 'p'], /--policy does not apply/, 'diagnose'],
		['--port on the TUI', ['--port', '1'], /--port does not apply/, 'tui'],
		['--images on validate', ['lifecycle', 'validate', '--policy', 'p', '--images', 'i'], /--images does not apply/, 'lifecycle-validate'],
		['--cluster on sim', ['sim', '--cluster', 'c'], /--cluster does not apply/, 'sim'],
		['flag given twice', ['--region', 'us-east-1', '--region', 'us-west-2'], /--region given twice/, 'tui'],
		['alias and flag given twice', ['--read-only', '--readonly'], /--read-only given twice/, 'tui'],
		['missing value at the end', ['--profile'], /--profile needs a value/, 'tui'],
		['missing value before another flag', ['--profile', '--debug'], /--profile needs a value/, 'tui'],
		['missing value on a command', ['diagnose', '--cluster'], /--cluster needs a value/, 'diagnose'],
		['value for a boolean flag', ['--debug=true'], /--debug takes no value/, 'tui'],
		['empty profile', ['--profile', '  '], /--profile needs a profile name/, 'tui'],
		['bad region', ['--region', 'useast1'], /--region 'useast1' is not an AWS region name/, 'tui'],
		['region in upper case', ['--region', 'US-EAST-1'], /is not an AWS region name/, 'tui'],
		['endpoint without scheme', ['--endpoint-url', 'localhost:4566'], /must be an http:\/\/ or https:\/\/ URL/, 'tui'],
		['endpoint with another scheme', ['--endpoint-url', 'ftp://x'], /must be an http:\/\/ or https:\/\/ URL/, 'tui'],
		['endpoint not a URL', ['--endpoint-url', 'not a url'], /must be an http/, 'tui'],
		['bad theme', ['--theme', 'blue'], /--theme must be dark or light, not 'blue'/, 'tui'],
		['demo with profile', ['--demo', '--profile', 'prod'], /cannot be combined with --profile or --endpoint-url/, 'tui'],
		['demo with endpoint', ['--demo', '--endpoint-url', 'http://127.0.0.1:1'], /cannot be combined/, 'tui'],
		['scenario without demo', ['--scenario', 'empty'], /--scenario only applies with --demo/, 'tui'],
		['scenario without demo on diagnose', ['diagnose', '--cluster', 'c', '--task', 't', '--scenario', 'x'], /--scenario only applies/, 'diagnose'],
		['validate without policy', ['lifecycle', 'validate'], /lifecycle validate needs --policy FILE/, 'lifecycle-validate'],
		['validate with empty policy', ['lifecycle', 'validate', '--policy='], /needs --policy FILE/, 'lifecycle-validate'],
		['preview without policy', ['lifecycle', 'preview', '--images', 'i'], /lifecycle preview needs --policy FILE/, 'lifecycle-preview'],
		['preview with neither images nor repository', ['lifecycle', 'preview', '--policy', 'p'], /exactly one of --images FILE or --repository NAME/, 'lifecycle-preview'],
		['preview with both images and repository', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--repository', 'r'], /exactly one of/, 'lifecycle-preview'],
		['preview bad --now', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--now', 'yesterday'], /--now 'yesterday' is not an ISO 8601 time/, 'lifecycle-preview'],
		['preview --now as epoch', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--now', '1764374400'], /is not an ISO 8601 time/, 'lifecycle-preview'],
		['preview --now impossible date', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--now', '2026-13-45'], /is not an ISO 8601 time/, 'lifecycle-preview'],
		['preview negative price', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--price=-1'], /--price '-1' must be a non-negative number/, 'lifecycle-preview'],
		['preview price not a number', ['lifecycle', 'preview', '--policy', 'p', '--images', 'i', '--price', 'cheap'], /must be a non-negative number/, 'lifecycle-preview'],
		['diagnose without task', ['diagnose', '--cluster', 'prod'], /diagnose needs --cluster NAME and --task ID/, 'diagnose'],
		['diagnose without cluster', ['diagnose', '--task', 't'], /diagnose needs --cluster NAME and --task ID/, 'diagnose'],
		['sim port too big', ['sim', '--port', '65536'], /--port '65536' must be a number from 0 to 65535/, 'sim'],
		['sim port negative', ['sim', '--port', '-1'], /--port '-1' must be a number/, 'sim'],
		['sim port not a number', ['sim', '--port', 'http'], /--port 'http' must be a number/, 'sim'],
		['sim port fraction', ['sim', '--port', '80.5'], /must be a number/, 'sim'],
	];
	for (const [name, argv, error, topic] of cases) {
		test(name, () => {
			const result = failure(argv);
			assert.match(result.error, error);
			assert.equal(result.topic, topic);
		});
	}
});
