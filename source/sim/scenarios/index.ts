import {DEMO_ACCOUNT, buildDemoRegistry} from './demo-registry.js';
import {buildDemoIam} from './demo-iam.js';
import {buildDemoNetwork} from './demo-network.js';
import {buildDemoEcs} from './demo-ecs.js';
import {buildBigCluster} from './big-cluster.js';
import {buildBigRegistry, buildBigRepository} from './generated.js';
import type {World} from '../world/world.js';

/** Scenario names accepted by `ecrtui sim --scenario` and `--demo --scenario`. */
export const SCENARIOS = ['demo', 'empty', 'big-registry', 'big-repository', 'big-repository-1k', 'big-cluster'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const DEMO_ACCESS_KEY = 'AKIAECRTUIDEMO000001';

export function isScenarioName(name: string): name is ScenarioName {
	return (SCENARIOS as readonly string[]).includes(name);
}

/** Loads a scenario into an empty world. */
export function buildScenario(name: ScenarioName, world: World): void {
	world.addPrincipal(DEMO_ACCOUNT, {
		accessKeyId: DEMO_ACCESS_KEY,
		arn: `arn:aws:sts::${DEMO_ACCOUNT}:assumed-role/DemoAdmin/ecrtui-demo`,
		userId: 'AROADEMOADMIN0000000:ecrtui-demo',
	});
	const now = world.clock.now();
	switch (name) {
		case 'demo':
			buildDemoRegistry(world, now);
			buildDemoNetwork(world, now);
			buildDemoIam(world);
			buildDemoEcs(world, now);
			return;
		case 'empty':
			return;
		case 'big-cluster':
			buildBigCluster(world, now);
			return;
		case 'big-registry':
			buildBigRegistry(world, now);
			return;
		case 'big-repository':
			buildBigRepository(world, now);
			return;
		case 'big-repository-1k':
			buildBigRepository(world, now, 1000);
			return;
	}
}
