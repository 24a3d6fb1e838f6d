import {parseArgs} from './cli/args.js';
import {helpText, usageLine} from './cli/usage.js';
import pkg from '../package.json' with {type: 'json'};
import {mark} from './trace.js';

/**
 * Entry point. Only argument parsing is loaded up front; each command, the UI and the AWS SDK
 * are imported when needed, so `ecrtui --version` and usage errors start instantly.
 */
async function main(argv: string[]): Promise<number> {
	mark('cli');
	const parsed = parseArgs(argv);
	if (!parsed.ok) {
		process.stderr.write(`ecrtui: ${printable(parsed.error)}\n${usageLine(parsed.topic)}\n`);
		return 2;
	}
	const {command} = parsed;
	// NO_COLOR (any non-empty value, https://no-color.org) means --no-color, decided once here.
	const options = {...parsed.options, noColor: parsed.options.noColor || (process.env.NO_COLOR ?? '') !== ''};
	if (options.noColor) process.env.FORCE_COLOR = '0';
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
	switch (command.name) {
		case 'version':
			process.stdout.write(`${pkg.version}\n`);
			return 0;
		case 'help':
			process.stdout.write(`${helpText(command.topic)}\n`);
			return 0;
		case 'tui': {
			if (!process.stdin.isTTY || !process.stdout.isTTY) {
				process.stderr.write(
					'ecrtui: the interactive UI needs a terminal (stdin and stdout must be a TTY).\n' +
						'  For scripts and CI use: ecrtui lifecycle validate|preview, ecrtui diagnose (see ecrtui --help).\n',
				);
				return 2;
			}
			// Ink draws only the last frame when CI is set (is-in-ci, read once when Ink loads); with
			// a terminal on both ends someone is watching, so the UI must be live whatever CI says.
			delete process.env.CI;
			delete process.env.CONTINUOUS_INTEGRATION;
			const {runTui} = await import('./app/run.js');
			return runTui(options);
		}
		default: {
			const {runCommand} = await import('./cli/commands.js');
			return runCommand(command, options);
		}
	}
}

/**
 * A usage error quotes what was typed: control characters in it would reach the terminal (an
 * argument can carry escape sequences), and a 100,000-character argument was echoed whole.
 */
function printable(text: string): string {
	const clean = text.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '?');
	return clean.length > 300 ? `${clean.slice(0, 299)}…` : clean;
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: Error & {usage?: boolean}) => {
		// A usage error found after parsing (an unknown --scenario) is the user's, not a crash.
		if (error.usage) {
			process.stderr.write(`ecrtui: ${printable(error.message)}\n`);
			process.exitCode = 2;
			return;
		}
		// Never a stack trace for the user; --debug logs it.
		process.stderr.write(`ecrtui: unexpected error: ${printable(error.message)}\n  Please report it with the output of --debug.\n`);
		if (process.argv.includes('--debug')) process.stderr.write(`${error.stack ?? ''}\n`);
		process.exitCode = 1;
	},
);
