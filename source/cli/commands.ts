import type {Command, GlobalOptions} from './args.js';

/** The commands that print and exit (the TUI, --version and --help are handled by the CLI itself). */
type PrintingCommand = Exclude<Command, {name: 'tui' | 'version' | 'help'}>;

/** Non-interactive commands: each prints its result and returns the exit code. */
export async function runCommand(command: PrintingCommand, options: GlobalOptions): Promise<number> {
	switch (command.name) {
		case 'sim': {
			const {runSimCommand} = await import('./sim-command.js');
			return runSimCommand(command);
		}
		case 'lifecycle-validate': {
			const {runLifecycleValidate} = await import('./lifecycle-command.js');
			return runLifecycleValidate(command);
		}
		case 'lifecycle-preview': {
			const {runLifecyclePreview} = await import('./lifecycle-command.js');
			return runLifecyclePreview(command, options);
		}
		case 'diagnose': {
			const {runDiagnose} = await import('./diagnose-command.js');
			return runDiagnose(command, options);
		}
	}
}
