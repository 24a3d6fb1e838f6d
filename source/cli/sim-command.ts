import type {Command} from './args.js';

/** `ecrtui sim`: the simulator on its own, for the AWS CLI and other clients. */
export async function runSimCommand(command: Extract<Command, {name: 'sim'}>): Promise<number> {
	const {startSimulator} = await import('../sim/server.js');
	const {isScenarioName, SCENARIOS} = await import('../sim/scenarios/index.js');
	if (!isScenarioName(command.scenario)) {
		process.stderr.write(`ecrtui: unknown scenario '${command.scenario}' (known: ${SCENARIOS.join(', ')})\n`);
		return 2;
	}
	let simulator;
	try {
		simulator = await startSimulator({port: command.port, scenario: command.scenario, speed: 1, start: Date.now()});
	} catch (error) {
		process.stderr.write(`ecrtui: could not start the simulator on port ${command.port}: ${(error as Error).message}\n`);
		return 1;
	}
	process.stdout.write(
		`ecrtui simulator (${command.scenario}) listening on ${simulator.url}\n` +
			`  aws --endpoint-url ${simulator.url} --region us-east-1 ecr describe-repositories\n` +
			`  ecrtui --endpoint-url ${simulator.url} --region us-east-1\n` +
			'Ctrl-C stops it.\n',
	);
	await new Promise<void>(resolve => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await simulator.close();
	return 0;
}
