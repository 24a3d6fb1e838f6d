import type {Route} from './router.js';

/**
 * Palette commands as data: name, aliases, what it does, what argument it completes. The
 * palette, its completion and the help overlay read this table.
 */
export type ArgumentKind = 'repository' | 'region' | 'profile' | 'theme';

export type CommandIntent =
	| {type: 'navigate'; route: Route}
	| {type: 'switch'; profile?: string; region?: string}
	| {type: 'theme'; theme: 'dark' | 'light'}
	| {type: 'quit'}
	| {type: 'help'}
	| {type: 'error'; message: string};

export type PaletteCommand = {
	name: string;
	aliases: readonly string[];
	description: string;
	/** The argument it completes; a command with one needs it, and `usage` names it. */
	argument?: ArgumentKind;
	usage?: string;
	/** Called with the argument when the command has one (never without it). */
	run(argument: string): CommandIntent;
};

export const paletteCommands: readonly PaletteCommand[] = [
	{name: 'repos', aliases: ['repositories', 'ecr', 'r'], description: 'ECR repositories', run: () => ({type: 'navigate', route: {screen: 'repositories'}})},
	{
		name: 'images',
		aliases: ['img', 'i'],
		description: 'images of a repository',
		argument: 'repository',
		usage: 'REPOSITORY',
		run: repository => ({type: 'navigate', route: {screen: 'images', repository}}),
	},
	{name: 'tasks', aliases: ['ecs', 'clusters', 'services', 't'], description: 'ECS clusters, services and tasks (live)', run: () => ({type: 'navigate', route: {screen: 'tasks'}})},
	{name: 'network', aliases: ['vpc', 'net', 'n'], description: 'VPC overview and network paths', run: () => ({type: 'navigate', route: {screen: 'network'}})},
	{
		name: 'lifecycle',
		aliases: ['lc', 'policy'],
		description: 'lifecycle policy editor of a repository',
		argument: 'repository',
		usage: 'REPOSITORY',
		run: repository => ({type: 'navigate', route: {screen: 'lifecycle', repository}}),
	},
	{name: 'region', aliases: ['reg'], description: 'switch region', argument: 'region', usage: 'NAME (Tab completes)', run: region => ({type: 'switch', region})},
	{name: 'profile', aliases: ['ctx', 'context'], description: 'switch AWS profile', argument: 'profile', usage: 'NAME (Tab completes)', run: profile => ({type: 'switch', profile})},
	{name: 'errors', aliases: ['err', '!'], description: 'recent errors and throttles', run: () => ({type: 'navigate', route: {screen: 'errors'}})},
	{
		name: 'theme',
		aliases: [],
		description: 'colour theme: dark or light',
		argument: 'theme',
		usage: 'dark|light',
		run: theme => (theme === 'dark' || theme === 'light' ? {type: 'theme', theme} : {type: 'error', message: 'usage: :theme dark|light'}),
	},
	{name: 'help', aliases: ['h', '?'], description: 'keys of this screen', run: () => ({type: 'help'})},
	{name: 'quit', aliases: ['q', 'q!', 'exit'], description: 'quit ecrtui', run: () => ({type: 'quit'})},
];

/** Finds a command by name or alias. */
export function findCommand(name: string): PaletteCommand | undefined {
	const lower = name.toLowerCase();
	return paletteCommands.find(command => command.name === lower || command.aliases.includes(lower));
}

/** Parses ":name arg" text into an intent. */
export function runCommandLine(line: string): CommandIntent {
	const [name = '', ...rest] = line.trim().replace(/^:/, '').split(/\s+/);
	if (!name) return {type: 'error', message: 'type a command, for example :repos'};
	const command = findCommand(name);
	if (!command) return {type: 'error', message: `unknown command :${name} (try :repos, :tasks, :network, :region, :profile, :q)`};
	const argument = rest.join(' ');
	if (command.usage !== undefined && argument === '') return {type: 'error', message: `usage: :${command.name} ${command.usage}`};
	return command.run(argument);
}

/**
 * Completions for what is typed so far: command names first, then argument values once a
 * command and a space are typed.
 */
export function complete(line: string, values: Partial<Record<ArgumentKind, readonly string[]>>): string[] {
	const text = line.replace(/^:/, '');
	const space = text.indexOf(' ');
	if (space < 0) {
		const prefix = text.toLowerCase();
		return paletteCommands.filter(command => command.name.startsWith(prefix)).map(command => command.name);
	}
	const command = findCommand(text.slice(0, space));
	if (!command?.argument) return [];
	const prefix = text.slice(space + 1);
	const options = command.argument === 'theme' ? ['dark', 'light'] : (values[command.argument] ?? []);
	return options.filter(option => option.startsWith(prefix)).map(option => `${command.name} ${option}`);
}
