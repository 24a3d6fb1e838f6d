import type {Simulator} from '../../source/sim/server.js';
import {ecsStateOf, type SimCluster, type SimTask} from '../../source/sim/world/ecs.js';

/**
 * The true cause of each demo failure, as the diagnosis must state it (verdict text) and the
 * check that must confirm it. Shared by the data, screen and `diagnose` command tests.
 */
export const DEMO_VERDICTS: Record<string, {verdict: RegExp; confirmedBy: string}> = {
	orders: {verdict: /^the execution role may not call ecr:GetAuthorizationToken: /, confirmedBy: 'iam:ecr-auth'},
	notify: {verdict: /^cannot download image layers from S3: the NAT route in rtb-0a1b2c3d4e5f62003 is a blackhole/, confirmedBy: 'network:s3'},
	etl: {verdict: /^cannot download image layers from S3: no S3 gateway endpoint on rtb-0a1b2c3d4e5f62004/, confirmedBy: 'network:s3'},
	search: {verdict: /^cannot reach ECR: security group sg-0a1b2c3d4e5f61002 allows no outbound TCP 443/, confirmedBy: 'network:ecr-api'},
	ledger: {verdict: /^cannot reach ECR: network ACL acl-0a1b2c3d4e5f66002 on subnet-0a1b2c3d4e5f60006 drops return traffic/, confirmedBy: 'network:ecr-api'},
	batch: {verdict: /^the image tag or digest does not exist: legacy-batch has no image 2024\.09 in 123456789012\/us-east-1/, confirmedBy: 'image:exists'},
	reports: {verdict: /^the image tag or digest does not exist: the image URI names us-west-2, but repository reports exists in us-east-1/, confirmedBy: 'image:region'},
};

/** The demo's `prod` cluster in a simulator's world. */
export function prodCluster(sim: Simulator): SimCluster {
	return ecsStateOf(sim.world, '123456789012', 'us-east-1').clusters.get('prod')!;
}

/** The most recent stopped task of a demo service in `prod`. */
export function latestStopped(sim: Simulator, service: string): SimTask {
	return [...prodCluster(sim).tasks.values()].filter(task => task.serviceName === service && task.lastStatus === 'STOPPED').at(-1)!;
}
