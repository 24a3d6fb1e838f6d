import {allocatePrivateIp, type Ec2State} from '../world/ec2.js';
import {hexId} from '../ids.js';
import {type SimCluster, type SimDeployment, type SimService, type SimTask, type SimTaskDefinition} from '../world/ecs.js';
import type {World} from '../world/world.js';
import {decideOutcome, jitter, resolveDigests} from './ecs-outcome.js';
import {requestId} from './ecs-messages.js';

/**
 * Launching one Fargate task of a service: an awsvpc ENI in the next subnet of the service's
 * network configuration (with its security groups, and a public IP when assignPublicIp is
 * ENABLED), so DescribeNetworkInterfaces finds it, then the outcome its configuration earns.
 */

/** Where a launch happens. */
export type LaunchScope = {world: World; ec2: Ec2State; accountId: string; region: string; cluster: SimCluster};

/** A public address for a task ENI (from a range AWS hands to EC2 in us-east-1). */
function publicIpFor(seed: string): string {
	const hex = hexId(`${seed}/public-ip`, 6);
	return `54.${160 + (Number.parseInt(hex.slice(0, 2), 16) % 32)}.${Number.parseInt(hex.slice(2, 4), 16)}.${1 + (Number.parseInt(hex.slice(4, 6), 16) % 254)}`;
}

function macOf(seed: string): string {
	const hex = hexId(`${seed}/mac`, 10);
	return `0e:${hex.match(/../g)?.join(':') ?? '00:00:00:00:00'}`;
}

/** The PRIMARY deployment, created (with pinned digests) when a service has none. */
export function primaryDeployment(world: World, service: SimService, definition: SimTaskDefinition, at: number, seed: string): SimDeployment {
	const existing = service.deployments.find(deployment => deployment.status === 'PRIMARY');
	if (existing) return existing;
	const digits = BigInt(`0x${hexId(`${seed}/deployment`, 15)}`).toString().padStart(19, '1').slice(0, 19);
	const deployment: SimDeployment = {
		id: `ecs-svc/${digits}`,
		status: 'PRIMARY',
		taskDefinitionArn: definition.arn,
		desiredCount: service.desiredCount,
		failedTasks: 0,
		rolloutState: 'IN_PROGRESS',
		rolloutStateReason: 'ECS deployment ecs-svc/' + digits + ' in progress.',
		createdAt: at,
		updatedAt: at,
		imageDigests: resolveDigests(world, definition),
	};
	service.deployments.unshift(deployment);
	return deployment;
}

/** Result of {@link launchTask}: the task, or why it could not be placed. */
export type LaunchResult = {ok: true; task: SimTask} | {ok: false; subnetId: string};

/** Creates one task (PROVISIONING) and its ENI at time `at`. */
export function launchTask(scope: LaunchScope, service: SimService, deployment: SimDeployment, definition: SimTaskDefinition, at: number, sequence: number): LaunchResult {
	const {ec2, accountId, region, cluster} = scope;
	const subnetId = service.network.subnets[service.subnetCursor % Math.max(1, service.network.subnets.length)] ?? '';
	service.subnetCursor++;
	const subnet = ec2.subnets.get(subnetId);
	let privateIp: string;
	try {
		privateIp = allocatePrivateIp(ec2, subnetId);
	} catch {
		return {ok: false, subnetId};
	}
	const id = hexId(`${cluster.arn}/${service.name}/${sequence}`, 32);
	const eniId = `eni-${hexId(`${id}/eni`, 17)}`;
	const attachmentId = requestId(`${id}/attachment`);
	const macAddress = macOf(id);
	const privateDnsName = `ip-${privateIp.replaceAll('.', '-')}.ec2.internal`;
	const publicIp = service.network.assignPublicIp ? publicIpFor(id) : undefined;
	const availabilityZone = subnet?.availabilityZone ?? `${region}a`;
	ec2.networkInterfaces.set(eniId, {
		networkInterfaceId: eniId,
		subnetId,
		vpcId: subnet?.vpcId ?? '',
		availabilityZone,
		privateIpAddress: privateIp,
		privateDnsName,
		macAddress,
		description: `arn:aws:ecs:${region}:${accountId}:attachment/${attachmentId}`,
		interfaceType: 'interface',
		requesterId: '578734482556',
		requesterManaged: true,
		status: 'in-use',
		sourceDestCheck: true,
		groupIds: [...service.network.securityGroups],
		...(publicIp ? {association: {publicIp, publicDnsName: `ec2-${publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`, ipOwnerId: 'amazon'}} : {}),
		attachment: {attachmentId: `ela-attach-${hexId(`${id}/ela`, 17)}`, status: 'attached', attachTime: at, deviceIndex: 1, instanceOwnerId: '578734482556', deleteOnTermination: false},
		tags: {},
	});
	const outcome = decideOutcome({
		world: scope.world,
		ec2,
		service,
		definition,
		placement: {accountId, region, taskId: id, subnetId, eniId, privateIp, ...(publicIp ? {publicIp} : {})},
		clusterName: cluster.name,
		pinned: deployment.imageDigests,
	});
	const task: SimTask = {
		id,
		arn: `arn:aws:ecs:${region}:${accountId}:task/${cluster.name}/${id}`,
		clusterArn: cluster.arn,
		taskDefinitionArn: definition.arn,
		group: `service:${service.name}`,
		serviceName: service.name,
		startedBy: deployment.id,
		lastStatus: 'PROVISIONING',
		desiredStatus: 'RUNNING',
		launchType: 'FARGATE',
		platformVersion: service.platformVersion,
		platformFamily: 'Linux',
		availabilityZone,
		cpu: definition.cpu,
		memory: definition.memory,
		createdAt: at,
		healthStatus: 'UNKNOWN',
		containers: definition.containerDefinitions.map(container => ({
			name: container.name,
			image: container.image,
			lastStatus: 'PENDING',
			healthStatus: 'UNKNOWN',
			...(container.cpu === undefined ? {} : {cpu: container.cpu}),
			...(container.memory === undefined ? {} : {memory: container.memory}),
		})),
		attachment: {id: attachmentId, status: 'PRECREATED', subnetId, eniId, macAddress, privateIp, privateDnsName},
		version: 1,
		outcome,
		// ENI creation and attachment: 15-30 s on Fargate [INF from observed timestamps].
		steps: [{at: at + jitter(`${id}/provisioning`, 15_000, 30_000), kind: 'pending'}],
	};
	cluster.tasks.set(id, task);
	return {ok: true, task};
}

/** Releases a stopped task's ENI back to the subnet. */
export function releaseEni(ec2: Ec2State, task: SimTask): void {
	ec2.networkInterfaces.delete(task.attachment.eniId);
}
