import {ec2StateOf} from '../world/ec2.js';
import {addCluster, ecsStateOf, registerTaskDefinition} from '../world/ecs.js';
import type {World} from '../world/world.js';
import {addService, settleEcs} from '../services/ecs-setup.js';
import {ecsScheduler} from '../services/ecs-scheduler.js';
import {buildDemoIam, DEMO_ROLES} from './demo-iam.js';
import {buildDemoNetwork, DEMO_NETWORK} from './demo-network.js';
import {addImage, addRepository} from './factory.js';

/**
 * A generated load scenario (`--scenario big-cluster`): cluster `big` with 10 healthy Fargate
 * services of 90 running tasks each, and 10 tasks per service stopped by a user 20 minutes
 * ago: 1,000 tasks, 900 running and 100 stopped. The watcher's refresh of the whole cluster
 * must cost ceil(N/100) ListTasks pages and DescribeTasks calls and one DescribeServices call.
 * Two /20 subnets behind the demo NAT give the ENIs room.
 */

const ACCOUNT = DEMO_NETWORK.accountId;
const REGION = DEMO_NETWORK.region;
const MINUTE = 60_000;

/** Sizes, for tests. */
export const BIG_CLUSTER = {cluster: 'big', services: 10, runningPerService: 90, stoppedPerService: 10} as const;

function addWideSubnets(world: World): string[] {
	const ec2 = ec2StateOf(world, ACCOUNT, REGION);
	const table = ec2.routeTables.get(DEMO_NETWORK.routeTables.privateA);
	const ids = ['subnet-0b1c2d3e4f5a60101', 'subnet-0b1c2d3e4f5a60102'];
	for (const [index, subnetId] of ids.entries()) {
		ec2.subnets.set(subnetId, {subnetId, vpcId: DEMO_NETWORK.vpcId, cidrBlock: `10.0.${32 + index * 16}.0/20`, availabilityZone: index === 0 ? 'us-east-1a' : 'us-east-1b', state: 'available', mapPublicIpOnLaunch: false, defaultForAz: false, tags: {Name: `big-private-${index + 1}`}});
		table?.associations.push({associationId: `rtbassoc-0b1c2d3e4f5a6010${index + 1}`, subnetId});
	}
	return ids;
}

/** Builds the big cluster and replays it to `now`. */
export function buildBigCluster(world: World, now: number): void {
	buildDemoNetwork(world, now);
	buildDemoIam(world, now);
	const repository = addRepository(world, ACCOUNT, REGION, 'load-app', {createdAt: now - 90 * 86_400_000});
	addImage(repository, {seed: 'load-app/v1', tags: ['v1'], pushedAt: now - 86_400_000, sizeInBytes: 60_000_000});
	const subnets = addWideSubnets(world);
	const state = ecsStateOf(world, ACCOUNT, REGION);
	const cluster = addCluster(state, ACCOUNT, REGION, BIG_CLUSTER.cluster, now - 100 * 86_400_000);
	for (let index = 1; index <= BIG_CLUSTER.services; index++) {
		const definition = registerTaskDefinition(state, ACCOUNT, REGION, {
			family: `load-${index}`,
			registeredAt: now - 2 * 86_400_000,
			executionRoleArn: DEMO_ROLES.taskExecution.arn,
			cpu: '256',
			memory: '512',
			containerDefinitions: [{name: 'app', image: `${repository.uri}:v1`, essential: true}],
		});
		addService(world, ACCOUNT, REGION, cluster, {
			name: `load-${String(index).padStart(2, '0')}`,
			definition,
			desiredCount: BIG_CLUSTER.runningPerService,
			network: {subnets, securityGroups: [DEMO_NETWORK.securityGroups.svcDefault], assignPublicIp: false},
			deployedAt: now - 86_400_000,
		});
	}
	// Stop ten tasks per service 20 minutes ago; the scheduler replaces them.
	const stopAt = now - 20 * MINUTE;
	settleEcs(world, stopAt);
	const scheduler = ecsScheduler(world);
	const scope = scheduler.scopeOf(ACCOUNT, REGION, cluster);
	for (const service of cluster.services.values()) {
		const running = [...cluster.tasks.values()].filter(task => task.serviceName === service.name && task.lastStatus === 'RUNNING');
		for (const task of running.slice(0, BIG_CLUSTER.stoppedPerService)) scheduler.stop(scope, task, stopAt, 'Scaled by the load test');
	}
	settleEcs(world, now);
}
