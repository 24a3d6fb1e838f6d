import {type SimCluster, type SimDeployment, type SimService, type SimTask, type SimTaskDefinition} from '../world/ecs.js';
import {requestId} from './ecs-messages.js';
import {seconds} from './ecr-shapes.js';

/**
 * Serialisers from the ECS world records to the JSON 1.1 shapes of the ECS API, with the
 * model's member names (`@aws-sdk/client-ecs` Task, Container, Service, Deployment, Cluster,
 * TaskDefinition) and timestamps as epoch seconds, as the JSON protocol sends them.
 * Undefined members are dropped by JSON.stringify, as AWS omits unset members.
 */


const isPending = (task: SimTask) => task.desiredStatus === 'RUNNING' && ['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(task.lastStatus);
const isRunning = (task: SimTask) => task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING';

export function clusterShape(cluster: SimCluster, include: readonly string[]) {
	const tasks = [...cluster.tasks.values()];
	const running = tasks.filter(task => task.lastStatus === 'RUNNING').length;
	const pending = tasks.filter(task => ['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(task.lastStatus)).length;
	return {
		clusterArn: cluster.arn,
		clusterName: cluster.name,
		status: cluster.status,
		registeredContainerInstancesCount: 0,
		runningTasksCount: running,
		pendingTasksCount: pending,
		activeServicesCount: [...cluster.services.values()].filter(service => service.status === 'ACTIVE').length,
		statistics: include.includes('STATISTICS')
			? [
					{name: 'runningFargateTasksCount', value: String(running)},
					{name: 'pendingFargateTasksCount', value: String(pending)},
					{name: 'activeFargateServiceCount', value: String(cluster.services.size)},
				]
			: [],
		tags: include.includes('TAGS') ? Object.entries(cluster.tags).map(([key, value]) => ({key, value})) : [],
		...(include.includes('SETTINGS') ? {settings: [{name: 'containerInsights', value: 'disabled'}]} : {}),
		capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
		defaultCapacityProviderStrategy: [],
	};
}

function networkShape(service: SimService) {
	const {subnets, securityGroups, assignPublicIp} = service.network;
	return {awsvpcConfiguration: {subnets, securityGroups, assignPublicIp: assignPublicIp ? 'ENABLED' : 'DISABLED'}};
}

function deploymentShape(service: SimService, deployment: SimDeployment, tasks: readonly SimTask[]) {
	const mine = tasks.filter(task => task.startedBy === deployment.id);
	return {
		id: deployment.id,
		status: deployment.status,
		taskDefinition: deployment.taskDefinitionArn,
		desiredCount: deployment.status === 'PRIMARY' ? service.desiredCount : deployment.desiredCount,
		pendingCount: mine.filter(isPending).length,
		runningCount: mine.filter(isRunning).length,
		failedTasks: deployment.failedTasks,
		createdAt: seconds(deployment.createdAt),
		updatedAt: seconds(deployment.updatedAt),
		launchType: service.launchType,
		platformVersion: service.platformVersion,
		platformFamily: 'Linux',
		networkConfiguration: networkShape(service),
		rolloutState: deployment.rolloutState,
		rolloutStateReason: deployment.rolloutStateReason,
	};
}

export function serviceShape(service: SimService, cluster: SimCluster, accountId: string) {
	const tasks = [...cluster.tasks.values()].filter(task => task.serviceName === service.name);
	return {
		serviceArn: service.arn,
		serviceName: service.name,
		clusterArn: service.clusterArn,
		loadBalancers: [],
		serviceRegistries: [],
		status: service.status,
		desiredCount: service.desiredCount,
		runningCount: tasks.filter(isRunning).length,
		pendingCount: tasks.filter(isPending).length,
		launchType: service.launchType,
		platformVersion: service.platformVersion,
		platformFamily: 'Linux',
		taskDefinition: service.taskDefinitionArn,
		deploymentConfiguration: {deploymentCircuitBreaker: {enable: service.circuitBreaker, rollback: false}, maximumPercent: 200, minimumHealthyPercent: 100},
		deployments: service.deployments.map(deployment => deploymentShape(service, deployment, tasks)),
		roleArn: `arn:aws:iam::${accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
		events: service.events.map(event => ({id: event.id, createdAt: seconds(event.createdAt), message: event.message})),
		createdAt: seconds(service.createdAt),
		placementConstraints: [],
		placementStrategy: [],
		networkConfiguration: networkShape(service),
		healthCheckGracePeriodSeconds: 0,
		schedulingStrategy: 'REPLICA',
		deploymentController: {type: 'ECS'},
		createdBy: service.createdBy,
		enableECSManagedTags: true,
		propagateTags: 'NONE',
		enableExecuteCommand: false,
		availabilityZoneRebalancing: 'ENABLED',
	};
}

export function taskShape(task: SimTask, region: string, accountId: string, clusterName: string) {
	const {attachment} = task;
	return {
		attachments: [
			{
				id: attachment.id,
				type: 'ElasticNetworkInterface',
				status: attachment.status,
				details: [
					{name: 'subnetId', value: attachment.subnetId},
					{name: 'networkInterfaceId', value: attachment.eniId},
					{name: 'macAddress', value: attachment.macAddress},
					{name: 'privateDnsName', value: attachment.privateDnsName},
					{name: 'privateIPv4Address', value: attachment.privateIp},
				],
			},
		],
		attributes: [{name: 'ecs.cpu-architecture', value: 'x86_64'}],
		availabilityZone: task.availabilityZone,
		clusterArn: task.clusterArn,
		connectivity: task.connectivity,
		connectivityAt: seconds(task.connectivityAt),
		containers: task.containers.map(container => ({
			containerArn: `arn:aws:ecs:${region}:${accountId}:container/${clusterName}/${task.id}/${requestId(`${task.id}/${container.name}`)}`,
			taskArn: task.arn,
			name: container.name,
			image: container.image,
			imageDigest: container.imageDigest,
			runtimeId: container.runtimeId,
			lastStatus: container.lastStatus,
			exitCode: container.exitCode,
			reason: container.reason,
			networkBindings: [],
			networkInterfaces: [{attachmentId: attachment.id, privateIpv4Address: attachment.privateIp}],
			healthStatus: container.healthStatus,
			cpu: container.cpu === undefined ? undefined : String(container.cpu),
			memory: container.memory === undefined ? undefined : String(container.memory),
		})),
		cpu: task.cpu,
		createdAt: seconds(task.createdAt),
		desiredStatus: task.desiredStatus,
		enableExecuteCommand: false,
		executionStoppedAt: seconds(task.executionStoppedAt),
		group: task.group,
		healthStatus: task.healthStatus,
		lastStatus: task.lastStatus,
		launchType: task.launchType,
		memory: task.memory,
		overrides: {containerOverrides: task.containers.map(container => ({name: container.name})), inferenceAcceleratorOverrides: []},
		platformVersion: task.platformVersion,
		platformFamily: task.platformFamily,
		pullStartedAt: seconds(task.pullStartedAt),
		pullStoppedAt: seconds(task.pullStoppedAt),
		startedAt: seconds(task.startedAt),
		startedBy: task.startedBy,
		stopCode: task.stopCode,
		stoppedAt: seconds(task.stoppedAt),
		stoppedReason: task.stoppedReason,
		stoppingAt: seconds(task.stoppingAt),
		tags: [],
		taskArn: task.arn,
		taskDefinitionArn: task.taskDefinitionArn,
		version: task.version,
		ephemeralStorage: {sizeInGiB: 20},
		fargateEphemeralStorage: {sizeInGiB: 20},
	};
}

export function taskDefinitionShape(definition: SimTaskDefinition) {
	const secrets = definition.containerDefinitions.some(container => (container.secrets ?? []).length > 0);
	return {
		taskDefinitionArn: definition.arn,
		containerDefinitions: definition.containerDefinitions.map(container => ({
			name: container.name,
			image: container.image,
			cpu: container.cpu ?? 0,
			...(container.memory === undefined ? {} : {memory: container.memory}),
			portMappings: (container.portMappings ?? []).map(mapping => ({containerPort: mapping.containerPort, hostPort: mapping.containerPort, protocol: mapping.protocol})),
			essential: container.essential,
			environment: container.environment ?? [],
			mountPoints: [],
			volumesFrom: [],
			...(container.secrets ? {secrets: container.secrets} : {}),
			...(container.logConfiguration ? {logConfiguration: {...container.logConfiguration, secretOptions: []}} : {}),
			systemControls: [],
			...(container.versionConsistency ? {versionConsistency: container.versionConsistency} : {}),
		})),
		family: definition.family,
		...(definition.taskRoleArn ? {taskRoleArn: definition.taskRoleArn} : {}),
		...(definition.executionRoleArn ? {executionRoleArn: definition.executionRoleArn} : {}),
		networkMode: definition.networkMode,
		revision: definition.revision,
		volumes: [],
		status: definition.status,
		requiresAttributes: [
			{name: 'com.amazonaws.ecs.capability.logging-driver.awslogs'},
			{name: 'ecs.capability.execution-role-awslogs'},
			{name: 'com.amazonaws.ecs.capability.ecr-auth'},
			{name: 'ecs.capability.execution-role-ecr-pull'},
			{name: 'ecs.capability.task-eni'},
			...(secrets ? [{name: 'ecs.capability.secrets.asm.environment-variables'}] : []),
		],
		placementConstraints: [],
		compatibilities: ['EC2', 'FARGATE'],
		requiresCompatibilities: definition.requiresCompatibilities,
		cpu: definition.cpu,
		memory: definition.memory,
		registeredAt: seconds(definition.registeredAt),
		registeredBy: definition.registeredBy,
	};
}
