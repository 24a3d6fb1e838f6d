import type {Command, GlobalOptions} from './args.js';

/** Non-interactive commands: each prints its result and returns the exit code. */
export async function runCommand(command: Command, options: GlobalOptions): Promise<number> {
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
		default:
			process.stderr.write(`ecrtui: ${command.name} is not available in this build yet\n`);
			void options;
			return 2;
	}
}
