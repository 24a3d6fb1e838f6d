/**
 * Command-line parsing, kept free of imports so `ecrtui --version` and usage errors cost
 * nothing. Unknown flags and bad values are usage errors (exit 2), never stack traces.
 */
export type GlobalOptions = {
	demo: boolean;
	scenario?: string;
	profile?: string;
	region?: string;
	endpointUrl?: string;
	readOnly: boolean;
	debug: boolean;
	noColor: boolean;
	theme?: 'dark' | 'light';
};

export type Command =
	| {name: 'tui'}
	| {name: 'version'}
	| {name: 'help'; topic?: string}
	| {name: 'lifecycle-validate'; policy: string; json: boolean}
	| {name: 'lifecycle-preview'; policy: string; images?: string; repository?: string; now?: number; json: boolean; pricePerGbMonth?: number}
	| {name: 'diagnose'; cluster: string; task: string; json: boolean}
	| {name: 'sim'; port: number; scenario: string};

export type ParseResult = {ok: true; command: Command; options: GlobalOptions} | {ok: false; error: string; topic?: string};

type FlagSpec = {takesValue: boolean; commands: readonly string[]};

const everywhere = ['tui', 'lifecycle-validate', 'lifecycle-preview', 'diagnose', 'sim'] as const;
const flags: Record<string, FlagSpec> = {
	'--demo': {takesValue: false, commands: everywhere},
	'--scenario': {takesValue: true, commands: everywhere},
	'--profile': {takesValue: true, commands: everywhere},
	'--region': {takesValue: true, commands: everywhere},
	'--endpoint-url': {takesValue: true, commands: everywhere},
	'--read-only': {takesValue: false, commands: everywhere},
	'--debug': {takesValue: false, commands: everywhere},
	'--no-color': {takesValue: false, commands: everywhere},
	'--theme': {takesValue: true, commands: everywhere},
	'--json': {takesValue: false, commands: ['lifecycle-validate', 'lifecycle-preview', 'diagnose']},
	'--policy': {takesValue: true, commands: ['lifecycle-validate', 'lifecycle-preview']},
	'--images': {takesValue: true, commands: ['lifecycle-preview']},
	'--repository': {takesValue: true, commands: ['lifecycle-preview']},
	'--now': {takesValue: true, commands: ['lifecycle-preview']},
	'--price': {takesValue: true, commands: ['lifecycle-preview']},
	'--cluster': {takesValue: true, commands: ['diagnose']},
	'--task': {takesValue: true, commands: ['diagnose']},
	'--port': {takesValue: true, commands: ['sim']},
};
const aliases: Record<string, string> = {'-h': '--help', '-v': '--version', '--readonly': '--read-only', '--endpoint': '--endpoint-url'};

const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

function commandOf(words: string[]): {command: string; rest: number} | {error: string} {
	const [first, second] = words;
	if (first === undefined || first.startsWith('-')) return {command: 'tui', rest: 0};
	if (first === 'lifecycle') {
		if (second === 'validate') return {command: 'lifecycle-validate', rest: 2};
		if (second === 'preview') return {command: 'lifecycle-preview', rest: 2};
		return {error: second === undefined ? 'lifecycle needs a subcommand: validate or preview' : `unknown lifecycle subcommand '${second}' (expected validate or preview)`};
	}
	if (first === 'diagnose' || first === 'sim') return {command: first, rest: 1};
	if (first === 'help') return {command: 'help', rest: 1};
	return {error: `unknown command '${first}'`};
}

/** Parses argv (without node and script). */
export function parseArgs(argv: readonly string[]): ParseResult {
	const picked = commandOf([...argv]);
	if ('error' in picked) {
		// --help and --version work anywhere, also after an incomplete command (`ecrtui lifecycle --help`).
		const words = argv.map(word => aliases[word] ?? word);
		if (words.includes('--help')) return {ok: true, command: {name: 'help', ...(argv[0] === 'lifecycle' ? {topic: 'lifecycle'} : {})}, options: defaults()};
		if (words.includes('--version')) return {ok: true, command: {name: 'version'}, options: defaults()};
		return {ok: false, error: picked.error};
	}
	if (picked.command === 'help') return {ok: true, command: {name: 'help', ...(argv[1] ? {topic: argv[1]} : {})}, options: defaults()};
	const values = new Map<string, string | true>();
	for (let index = picked.rest; index < argv.length; index++) {
		let word = argv[index]!;
		let inline: string | undefined;
		if (word.startsWith('--') && word.includes('=')) {
			inline = word.slice(word.indexOf('=') + 1);
			word = word.slice(0, word.indexOf('='));
		}
		word = aliases[word] ?? word;
		if (word === '--help') return {ok: true, command: {name: 'help', topic: picked.command}, options: defaults()};
		if (word === '--version') return {ok: true, command: {name: 'version'}, options: defaults()};
		const spec = flags[word];
		if (!spec) return {ok: false, error: word.startsWith('-') ? `unknown flag '${word}'` : `unexpected argument '${word}'`, topic: picked.command};
		if (!spec.commands.includes(picked.command)) return {ok: false, error: `${word} does not apply to this command`, topic: picked.command};
		if (values.has(word)) return {ok: false, error: `${word} given twice`, topic: picked.command};
		if (spec.takesValue) {
			const value = inline ?? argv[++index];
			if (value === undefined || (inline === undefined && value.startsWith('--'))) return {ok: false, error: `${word} needs a value`, topic: picked.command};
			values.set(word, value);
		} else {
			if (inline !== undefined) return {ok: false, error: `${word} takes no value`, topic: picked.command};
			values.set(word, true);
		}
	}
	return build(picked.command, values);
}

function defaults(): GlobalOptions {
	return {demo: false, readOnly: false, debug: false, noColor: false};
}

function build(command: string, values: Map<string, string | true>): ParseResult {
	const text = (flag: string) => values.get(flag) as string | undefined;
	const fail = (error: string): ParseResult => ({ok: false, error, topic: command});
	const options: GlobalOptions = {
		demo: values.has('--demo'),
		readOnly: values.has('--read-only'),
		debug: values.has('--debug'),
		noColor: values.has('--no-color'),
	};
	const region = text('--region');
	if (region !== undefined) {
		if (!regionPattern.test(region)) return fail(`--region '${region}' is not an AWS region name (for example us-east-1)`);
		options.region = region;
	}
	const endpoint = text('--endpoint-url');
	if (endpoint !== undefined) {
		let url: URL | undefined;
		try {
			url = new URL(endpoint);
		} catch {
			url = undefined;
		}
		if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return fail(`--endpoint-url '${endpoint}' must be an http:// or https:// URL`);
		options.endpointUrl = endpoint;
	}
	const profile = text('--profile');
	if (profile !== undefined) {
		if (profile.trim() === '') return fail('--profile needs a profile name');
		options.profile = profile;
	}
	const theme = text('--theme');
	if (theme !== undefined) {
		if (theme !== 'dark' && theme !== 'light') return fail(`--theme must be dark or light, not '${theme}'`);
		options.theme = theme;
	}
	const scenario = text('--scenario');
	if (scenario !== undefined) options.scenario = scenario;
	if (options.demo && (options.profile || options.endpointUrl)) return fail('--demo uses the embedded simulator; it cannot be combined with --profile or --endpoint-url');
	if (scenario !== undefined && !options.demo && command !== 'sim') return fail('--scenario only applies with --demo or to `ecrtui sim`');

	switch (command) {
		case 'tui':
			return {ok: true, command: {name: 'tui'}, options};
		case 'lifecycle-validate': {
			const policy = text('--policy');
			if (!policy) return fail('lifecycle validate needs --policy FILE');
			return {ok: true, command: {name: 'lifecycle-validate', policy, json: values.has('--json')}, options};
		}
		case 'lifecycle-preview': {
			const policy = text('--policy');
			const images = text('--images');
			const repository = text('--repository');
			if (!policy) return fail('lifecycle preview needs --policy FILE');
			if ((images === undefined) === (repository === undefined)) return fail('lifecycle preview needs exactly one of --images FILE or --repository NAME');
			let now: number | undefined;
			const nowText = text('--now');
			if (nowText !== undefined) {
				now = Date.parse(nowText);
				if (!/^\d{4}-\d{2}-\d{2}/.test(nowText) || Number.isNaN(now)) return fail(`--now '${nowText}' is not an ISO 8601 time (for example 2026-11-29T00:00:00Z)`);
			}
			let price: number | undefined;
			const priceText = text('--price');
			if (priceText !== undefined) {
				price = Number(priceText);
				if (!Number.isFinite(price) || price < 0) return fail(`--price '${priceText}' must be a non-negative number of USD per GB-month`);
			}
			return {
				ok: true,
				command: {
					name: 'lifecycle-preview',
					policy,
					...(images === undefined ? {} : {images}),
					...(repository === undefined ? {} : {repository}),
					...(now === undefined ? {} : {now}),
					...(price === undefined ? {} : {pricePerGbMonth: price}),
					json: values.has('--json'),
				},
				options,
			};
		}
		case 'diagnose': {
			const cluster = text('--cluster');
			const task = text('--task');
			if (!cluster || !task) return fail('diagnose needs --cluster NAME and --task ID');
			return {ok: true, command: {name: 'diagnose', cluster, task, json: values.has('--json')}, options};
		}
		case 'sim': {
			const portText = text('--port') ?? '0';
			const port = Number(portText);
			if (!/^\d+$/.test(portText) || port > 65535) return fail(`--port '${portText}' must be a number from 0 to 65535`);
			return {ok: true, command: {name: 'sim', port, scenario: scenario ?? 'demo'}, options};
		}
		default:
			return fail(`unknown command '${command}'`);
	}
}
