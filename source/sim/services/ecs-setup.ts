import type {SimCluster, SimNetworkConfiguration, SimService, SimTaskDefinition} from '../world/ecs.js';
import type {World} from '../world/world.js';
import {ecsScheduler} from './ecs-scheduler.js';

/**
 * What scenarios use to build ECS worlds: services handed to the scheduler, which launches
 * their tasks from `deployedAt` on. Scenarios then advance the scheduler to "now", so the
 * story before the scenario starts (healthy tasks started days ago, failed tasks of the last
 * hour, service events) is replayed, not invented.
 */
export type ServiceSpec = {
	name: string;
	definition: SimTaskDefinition;
	desiredCount: number;
	network: SimNetworkConfiguration;
	/** When the service (and its deployment) was created; tasks launch from then on. */
	deployedAt: number;
	platformVersion?: string;
	circuitBreaker?: boolean;
};

/** Adds a service to a cluster and lets the scheduler run it. */
export function addService(world: World, accountId: string, region: string, cluster: SimCluster, spec: ServiceSpec): SimService {
	const service: SimService = {
		name: spec.name,
		arn: `arn:aws:ecs:${region}:${accountId}:service/${cluster.name}/${spec.name}`,
		clusterArn: cluster.arn,
		status: 'ACTIVE',
		desiredCount: spec.desiredCount,
		taskDefinitionArn: spec.definition.arn,
		launchType: 'FARGATE',
		platformVersion: spec.platformVersion ?? '1.4.0',
		network: spec.network,
		createdAt: spec.deployedAt,
		createdBy: `arn:aws:iam::${accountId}:role/DemoAdmin`,
		deployments: [],
		events: [],
		circuitBreaker: spec.circuitBreaker ?? false,
		nextLaunchAt: spec.deployedAt,
		consecutiveFailures: 0,
		steady: false,
		subnetCursor: 0,
	};
	cluster.services.set(spec.name, service);
	const scheduler = ecsScheduler(world);
	scheduler.watchService(scheduler.scopeOf(accountId, region, cluster), service);
	return service;
}

/** Replays the ECS world up to `now` (the end of a scenario's set-up). */
export function settleEcs(world: World, now: number): void {
	ecsScheduler(world).advance(now);
}
