// Bad input of every kind, through the built binary where a user would meet it: wrong flags,
// --images files of the wrong shape, huge, truncated or binary, a corrupt settings file, stdin
// that is not a terminal, NO_COLOR; and in the app: a terminal too small, resized during a
// dialog, and keys typed faster than the screens change.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanEnv, runCli, runInPty, scriptAvailable} from '../helpers/built-cli.js';
import {KEYS, renderApp} from '../helpers/render-app.js';
import {useSimulator} from '../helpers/sim.js';

const dir = mkdtempSync(join(tmpdir(), 'ecrtui-bad-input-'));
const env = () => cleanEnv(mkdtempSync(join(tmpdir(), 'ecrtui-bad-input-config-')));
const stackTrace = /\n\s+at .*:\d+:\d+/;

const policy = join(dir, 'policy.json');
writeFileSync(policy, JSON.stringify({rules: [{rulePriority: 1, selection: {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1}, action: {type: 'expire'}}]}));

function file(name: string, content: string | Buffer): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

describe('command-line flags: usage errors exit 2 with the reason and the usage, at once', () => {
	const cases: [string, string[], RegExp][] = [
		['an unknown flag', ['--frobnicate'], /unknown flag '--frobnicate'/],
		['an unknown command', ['deploy'], /unknown command 'deploy'/],
		['a flag without its value', ['--region'], /--region needs a value/],
		['a bad region', ['--region', 'mars-1'], /is not an AWS region name/],
		['an endpoint that is not http(s)', ['--endpoint-url', 'ftp://example.com'], /must be an http:\/\/ or https:\/\/ URL/],
		['an endpoint that is not a URL', ['--endpoint-url', 'not a url'], /must be an http:\/\/ or https:\/\/ URL/],
		['--demo with --profile', ['--demo', '--profile', 'prod'], /cannot be combined with --profile/],
		['a flag given twice', ['--region', 'us-east-1', '--region', 'eu-west-1'], /given twice/],
		['a value for a switch', ['--read-only=yes'], /takes no value/],
		['a bad theme', ['--theme', 'neon'], /--theme must be dark or light/],
		['an unknown scenario', ['diagnose', '--demo', '--scenario', 'nope', '--cluster', 'prod', '--task', 'x'], /unknown scenario 'nope'/],
		['an argument carrying escape sequences', ['--\u001B]0;pwned\u0007\u001B[2Jx'], /unknown flag '--\?\]0;pwned\?\?\[2Jx'/],
		['lifecycle without a subcommand', ['lifecycle'], /lifecycle needs a subcommand/],
		['preview with both inputs', ['lifecycle', 'preview', '--policy', policy, '--images', policy, '--repository', 'x'], /exactly one of --images FILE or --repository NAME/],
		['a bad --now', ['lifecycle', 'preview', '--policy', policy, '--images', policy, '--now', 'yesterday'], /is not an ISO 8601 time/],
		['a negative price', ['lifecycle', 'preview', '--policy', policy, '--images', policy, '--price', '-1'], /non-negative number/],
		['a port out of range', ['sim', '--port', '70000'], /must be a number from 0 to 65535/],
		['diagnose without a task', ['diagnose', '--cluster', 'prod'], /diagnose needs --cluster NAME and --task ID/],
		['a 100,000-character argument', [`--${'x'.repeat(100_000)}`], /unknown flag/],
	];
	for (const [name, args, message] of cases) {
		test(name, async () => {
			const result = await runCli(args, {env: env(), timeoutMs: 10_000});
			assert.equal(result.code, 2, result.stderr);
			assert.match(result.stderr, message);
			assert.match(result.stderr, /^ecrtui: /);
			assert.doesNotMatch(result.stderr, /unexpected error|Please report/, 'a usage error is not reported as a crash');
			assert.doesNotMatch(result.stderr, /[\u0000-\u0009\u000B-\u001F]/, 'nothing typed reaches the terminal as a control character');
			assert.doesNotMatch(result.stderr, stackTrace);
			assert.ok(result.stderr.length < 5000, 'the message stays short (a huge argument is not echoed whole)');
			assert.equal(result.stdout, '');
		});
	}
});

describe('--images files: wrong shape, truncated, binary, empty, missing, huge', () => {
	const imageDetails = (count: number) => ({imageDetails: Array.from({length: count}, (_, index) => ({registryId: '123456789012', repositoryName: 'r', imageDigest: `sha256:${index.toString(16).padStart(64, '0')}`, imageTags: index % 3 ? [] : [`v${index}`], imageSizeInBytes: 1_000_000 + index, imagePushedAt: 1_700_000_000 + index * 60}))});
	const cases: [string, () => string, number, RegExp][] = [
		['an object without imageDetails', () => file('wrong.json', '{"foo": 1}'), 2, /No "imageDetails" key found/],
		['a list of numbers', () => file('numbers.json', '[1, 2, 3]'), 2, /neither pages .* nor image details/],
		['an image without a push time', () => file('nopush.json', '{"imageDetails": [{"imageDigest": "sha256:ab"}]}'), 2, /imagePushedAt is missing/],
		['truncated JSON', () => file('truncated.json', JSON.stringify(imageDetails(50)).slice(0, 2000)), 2, /(Invalid JSON|truncated|Unterminated)/],
		['binary data', () => file('binary.json', Buffer.from(Array.from({length: 4096}, (_, index) => (index * 7919) % 256))), 2, /not text \(binary data\?\)/],
		['an empty file', () => file('empty.json', ''), 2, /The input is empty/],
		['a missing file', () => join(dir, 'missing.json'), 2, /no such file/],
		['a directory', () => dir, 2, /is a directory/],
		['100,000 images (30 MB): previewed', () => file('huge.json', JSON.stringify(imageDetails(100_000))), 0, /"expiringImageTotalCount": 66665/],
		['5,000,000 nested brackets', () => file('deep.json', '['.repeat(5_000_000)), 2, /truncated|Invalid JSON/],
		['a 40 MB string', () => file('longstring.json', `{"imageDetails":[{"imageDigest":"${'a'.repeat(40_000_000)}"}]}`), 2, /imagePushedAt is missing/],
	];
	for (const [name, path, code, message] of cases) {
		test(name, async () => {
			const result = await runCli(['lifecycle', 'preview', '--policy', policy, '--images', path(), '--json'], {env: env(), timeoutMs: 30_000});
			assert.equal(result.code, code, result.stderr.slice(0, 2000));
			assert.match(code === 0 ? result.stdout : result.stderr, message);
			assert.doesNotMatch(result.stderr, stackTrace);
			assert.ok(result.stderr.length < 10_000, 'the error does not echo the input');
			assert.ok(result.ms < 20_000, `took ${result.ms} ms`);
		});
	}

	test('the same through stdin (-), and a terminal on stdin is refused', async () => {
		const result = await runCli(['lifecycle', 'preview', '--policy', policy, '--images', '-'], {env: env(), input: '{"imageDetails": [', timeoutMs: 10_000});
		assert.equal(result.code, 2);
		assert.match(result.stderr, /truncated|Invalid JSON/);
	});
});

describe('the terminal', () => {
	test('stdin not a TTY: exit 2 with a message, no hang (stdin left open)', async () => {
		for (const args of [['--demo'], []]) {
			const result = await runCli(args, {env: env(), keepStdinOpen: true, timeoutMs: 10_000});
			assert.equal(result.code, 2);
			assert.match(result.stderr, /the interactive UI needs a terminal \(stdin and stdout must be a TTY\)/);
			assert.match(result.stderr, /ecrtui lifecycle validate\|preview, ecrtui diagnose/);
			assert.ok(result.ms < 5000, `took ${result.ms} ms`);
		}
	});

	/** The demo in a real terminal: help opens and closes (the screen answers keys), q exits 0; returns all output. */
	const helpRoundTrip = async (args: string[], extra: Record<string, string>) => {
		const pty = await runInPty(['--demo', ...args], {env: cleanEnv(mkdtempSync(join(tmpdir(), 'ecrtui-pty-')), extra), columns: 100, rows: 30});
		await pty.waitFor(/payments-api/, 20_000);
		const mark = pty.mark();
		pty.write('?');
		await pty.waitFor(/Esc or \? closes/, 5000, mark);
		const closed = pty.mark();
		pty.write('\u001B');
		// The table is back (the footer shows under help too, so it proves nothing).
		await pty.waitFor(/REPOSITORY\s+IMAGES/, 5000, closed);
		pty.write('q');
		assert.equal((await pty.exited(10_000)).code, 0);
		return pty.output();
	};

	test('NO_COLOR and --no-color: no colour escape codes at all; the same run without them is coloured', {skip: scriptAvailable, timeout: 60_000}, async () => {
		// SGR parameters that set a colour: 30-39, 40-49, 90-97, 100-107 (38;5;n and 38;2;r;g;b included).
		const colour = (output: string) => [...output.matchAll(/\u001B\[([0-9;]*)m/g)].filter(match => match[1]!.split(';').some(code => /^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$/.test(code)));
		const coloured = await helpRoundTrip([], {});
		assert.ok(colour(coloured).length > 10, 'a normal run uses colour');
		const noColor = await helpRoundTrip([], {NO_COLOR: '1'});
		assert.deepEqual(colour(noColor).map(match => match[0]), [], 'NO_COLOR: no colour codes');
		assert.match(noColor, /payments-api/);
		const flag = await helpRoundTrip(['--no-color'], {});
		assert.deepEqual(colour(flag).map(match => match[0]), [], '--no-color: no colour codes');
	});

	test('CI=true in the environment of a real terminal: the UI still draws every frame and answers keys', {skip: scriptAvailable, timeout: 60_000}, async () => {
		// Ink draws only the final frame when it thinks it runs in CI; a person at a terminal must not get a blank screen.
		await helpRoundTrip([], {CI: 'true', CONTINUOUS_INTEGRATION: '1'});
	});

	test('a corrupt settings file: moved aside, defaults used, a warning on exit, the app runs', {skip: scriptAvailable, timeout: 30_000}, async () => {
		const environment = env();
		const configDir = environment.ECRTUI_CONFIG_DIR!;
		writeFileSync(join(configDir, 'settings.json'), '{"refreshIntervalMs": 5000, "theme": "dar');
		const pty = await runInPty(['--demo'], {env: environment, columns: 100, rows: 30});
		await pty.waitFor(/payments-api/, 20_000);
		pty.write('q');
		assert.equal((await pty.exited(10_000)).code, 0);
		assert.match(pty.output(), /The settings file was unreadable .* moved to .*settings\.json\.corrupt-\d+ and defaults are used/);
		const files = readdirSync(configDir);
		assert.ok(files.some(name => /^settings\.json\.corrupt-\d+$/.test(name)), files.join(', '));
		if (existsSync(join(configDir, 'settings.json'))) assert.equal(statSync(join(configDir, 'settings.json')).mode & 0o777, 0o600);
	});

	test('too small, then resized during a dialog: a clear message, keys held back, and the dialog, marks and cursor survive', async t => {
		const sim = await useSimulator({}, t);
		const app = await renderApp({sim, t, width: 100, height: 30, route: {screen: 'images', repository: 'payments-api'}});
		await app.waitFor(/v2\.26\.0, latest/, 10_000);
		await app.press(KEYS.down, KEYS.down, KEYS.down, ' ', KEYS.ctrl('d'));
		await app.waitFor(/Delete 1 image from payments-api\?/, 5000);
		await app.resize(50, 12);
		let frame = await app.waitFor(/Make the window larger/, 3000);
		assert.match(frame, /at least 60×16; this\s+one is 50×12/);
		assert.doesNotMatch(frame, /Delete 1 image/, 'nothing else is drawn');
		// Keys typed blind do nothing: Tab and Enter would have confirmed the delete.
		await app.press(KEYS.tab, KEYS.enter);
		await app.resize(100, 30);
		frame = await app.waitFor(/Delete 1 image from payments-api\?/, 3000);
		assert.match(frame, /▸\[ Cancel \]/, 'the dialog is back as it was, on Cancel');
		await app.press(KEYS.escape);
		frame = await app.waitFor(/1 marked/, 3000);
		assert.match(frame, /●<untagged>\s+33e375208024/, 'the mark survived');
		assert.match(frame, /› v2\.24\.0/, 'and the cursor (one below the marked row, where space left it)');
		assert.equal(sim.calls.filter(call => call.mutating).length, 0);
		// A terminal that is too small from the start, then grows: the app appears.
		await app.resize(40, 8);
		await app.waitFor(/Make the window larger/, 3000);
		await app.resize(80, 24);
		await app.waitFor(/TAGS\s+DIGEST/, 3000);
	});

	test('in a real terminal, keys that arrive in one read: "/payments⏎⏎" opens the repository; Tab⏎ in a dialog presses the button Tab moved to', {skip: scriptAvailable, timeout: 60_000}, async () => {
		const pty = await runInPty(['--demo'], {env: env(), columns: 110, rows: 32});
		await pty.waitFor(/payments-api/, 20_000);
		let mark = pty.mark();
		pty.write('/payments\r\r');
		await pty.waitFor(/images: payments-api/, 5000, mark);
		await pty.waitFor(/TAGS\s+DIGEST/, 10_000, mark);
		mark = pty.mark();
		pty.write('G');
		await pty.waitFor(/untagged/, 5000, mark);
		mark = pty.mark();
		pty.write(' \u0004');
		await pty.waitFor(/Delete 1 image/, 5000, mark);
		mark = pty.mark();
		pty.write('\t\r');
		await pty.waitFor(/Done\./, 10_000, mark);
		pty.write('\r');
		pty.write('q');
		assert.equal((await pty.exited(10_000)).code, 0);
	});

	test('keys typed faster than the screens change: "/payments⏎⏎" filters and then opens the repository', async t => {
		const sim = await useSimulator({}, t);
		const app = await renderApp({sim, t, width: 100, height: 30});
		await app.waitFor(/payments-api\s+54/, 10_000);
		await app.press('/payments\r\r');
		await app.waitFor(/images: payments-api/, 3000);
		await app.waitFor(/TAGS\s+DIGEST/, 5000);
		// "?j": help opens and the next key scrolls it, instead of moving the cursor behind it.
		await app.press('?j');
		const frame = await app.waitFor(/Esc or \? closes/, 3000);
		assert.match(frame, /scroll \(2-/);
	});
});
