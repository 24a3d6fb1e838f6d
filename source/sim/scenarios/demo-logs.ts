import {ecsStateOf} from '../world/ecs.js';
import {addLogGroup, logsStateOf} from '../world/logs.js';
import type {World} from '../world/world.js';

const DAY = 86_400_000;

/**
 * The demo's CloudWatch log groups: one for every group its task definitions log to (awslogs
 * and FireLens), created a day before the first revision that uses it, as infrastructure code
 * would, with a 30-day retention. The streams and their lines come from the tasks themselves
 * (`services/logs-ecs.ts`), so a task that never started its containers has no stream.
 */
export function buildDemoLogs(world: World, accountId: string, region: string): void {
	const firstUse = new Map<string, number>();
	for (const definition of ecsStateOf(world, accountId, region).taskDefinitions.values()) {
		for (const container of definition.containerDefinitions) {
			const options = container.logConfiguration?.options ?? {};
			const group = options['awslogs-group'] ?? options.log_group_name;
			if (group === undefined) continue;
			firstUse.set(group, Math.min(firstUse.get(group) ?? Number.POSITIVE_INFINITY, definition.registeredAt));
		}
	}
	const state = logsStateOf(world, accountId, region);
	for (const [group, at] of [...firstUse].sort(([a], [b]) => (a < b ? -1 : 1))) addLogGroup(state, group, at - DAY, 30);
}
