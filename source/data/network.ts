import type {Descriptor} from './store.js';
import type {Session} from './session.js';
import {problem} from './problems.js';
import {NETWORK_TTL_MS, networkInterfaceResource, subnetKey, subnetResource, vpcModelResource, vpcsResource} from './network-resources.js';
import {describeServices, describeTaskDefinition, describeTasks} from './ecs.js';
import type {LocatedInterface, VpcModelRecord, VpcSummary} from './ec2.js';
import {classifySubnets, networkChecks, networkVerdict, resolveTaskPaths, type NetworkVerdict, type SubnetOverview} from '../domain/network/index.js';
import type {Hop, TaskNeeds, TaskNetwork, TaskPaths, VpcModel} from '../domain/network/types.js';
import type {Check} from '../domain/diagnosis/types.js';
import type {ServiceRecord, TaskDefinitionRecord} from '../domain/ecs/types.js';
import {serviceNameOf, taskLocation, type TaskRecord} from '../domain/tasks/types.js';
import {ecrRepositoryArn, parseImageUri} from '../domain/registry/image-uri.js';
import {nameOfArn} from '../domain/ecs/types.js';

/**
 * The network half of a diagnosis: where a task (or a hypothetical task in a subnet) sits in
 * its VPC, every path it needs, the one-line verdict and the checks. EC2 reads go through the
 * session's cache (`network-resources.ts`), so the diagnosis, the network screen and the VPC
 * overview share them; the reasoning is the pure engine in `domain/network/`.
 */

type Scoped = Pick<Session, 'scope' | 'clients' | 'store' | 'region' | 'accountId'>;

/** What `loadTaskNetwork` and `loadSubnetNetwork` return. */
export type NetworkResult = {
	/** What the engine was given: subnet, ENI, groups, public IP, platform version, needs. */
	taskNetwork: TaskNetwork;
	/** Every dependency's path, hop by hop. */
	paths: TaskPaths;
	/** The one-line verdict (`cannot pull: the NAT route in rtb-1 is a blackhole`). */
	verdict: NetworkVerdict;
	/** One check per dependency (`network:ecr-api`, ...), for the diagnosis and `diagnose --json`. */
	checks: Check[];
	vpcId: string;
	model: VpcModel;
	/** The task subnet's class in the VPC overview (public, nat, endpoint-only, ...). */
	subnet?: SubnetOverview;
	/** Why inputs were guessed (ENI gone, no service), in plain words. */
	notes: string[];
};

/** What a task's network is derived from. */
export type TaskNetworkInput = {
	task: TaskRecord;
	taskDefinition: TaskDefinitionRecord;
	/** The task's service: assignPublicIp lives in its network configuration. */
	service?: ServiceRecord;
	/** Customer managed KMS keys protecting the task's secrets (e.g. from DescribeSecret); adds the KMS path. */
	customerManagedKeys?: readonly string[];
};

/**
 * Reads a cached resource; throws the load's Problem when it failed. Data kept from before a
 * failed refresh is not returned: the result built from it would be stored as fresh, and the
 * screen would say "up to date" over stale data. Failing instead keeps the caller's own last
 * result on screen, marked stale, with the problem.
 */
async function read<T>(session: Scoped, descriptor: Descriptor<T>, signal?: AbortSignal): Promise<T> {
	signal?.throwIfAborted();
	const entry = await session.store.ensure(descriptor);
	signal?.throwIfAborted();
	if (entry.status !== 'error' && entry.data !== undefined) return entry.data;
	throw entry.problem ?? problem('unknown', descriptor.what, 'The load ended without data.', 'Press Ctrl-R to try again.');
}

/** The VPC model; its subnets are cached as lookups too, so opening one from the overview costs nothing. */
async function readModel(session: Scoped, vpcId: string, signal?: AbortSignal): Promise<VpcModelRecord> {
	const model = await read(session, vpcModelResource(session, vpcId), signal);
	for (const subnet of model.subnets) {
		if (session.store.peek(subnetKey(session, subnet.subnetId)) === undefined) session.store.put(subnetKey(session, subnet.subnetId), subnet);
	}
	return model;
}

/** A Secrets Manager ARN in any partition; any other `valueFrom` is an SSM parameter. */
export const SECRETS_MANAGER_ARN = /^arn:aws[\w-]*:secretsmanager:/;

/** Every `valueFrom` the task reads at start: container secrets and log-driver secret options. */
export function secretReferences(taskDefinition: TaskDefinitionRecord): string[] {
	return taskDefinition.containers.flatMap(container => [
		...container.secrets.map(secret => secret.valueFrom),
		...(container.logConfiguration?.secretOptions ?? []).map(option => option.valueFrom),
	]);
}

/**
 * What a task definition makes the task reach before it starts: ECR for private ECR images,
 * CloudWatch Logs for awslogs, Secrets Manager / SSM for `secrets` and log `secretOptions`
 * (a `valueFrom` that is not a Secrets Manager ARN is an SSM parameter ARN or name [DOC
 * specifying-sensitive-data]), Secrets Manager for private registry credentials.
 */
export function taskNeeds(taskDefinition: TaskDefinitionRecord, customerManagedKeys: readonly string[] = []): {needs: TaskNeeds; repositoryArns: string[]} {
	const references = secretReferences(taskDefinition);
	const repositoryArns = new Set<string>();
	for (const container of taskDefinition.containers) {
		const parsed = parseImageUri(container.image);
		if (!parsed.ok || parsed.image.kind !== 'ecr-private') continue;
		const arn = ecrRepositoryArn(parsed.image);
		if (arn !== undefined) repositoryArns.add(arn);
	}
	const needs: TaskNeeds = {
		ecr: repositoryArns.size > 0,
		logs: taskDefinition.containers.some(container => container.logConfiguration?.logDriver === 'awslogs'),
		secretsManager: references.some(reference => SECRETS_MANAGER_ARN.test(reference)) || taskDefinition.containers.some(container => container.repositoryCredentials !== undefined),
		ssm: references.some(reference => !SECRETS_MANAGER_ARN.test(reference)),
	};
	if (customerManagedKeys.length > 0) needs.kms = true;
	return {needs, repositoryArns: [...repositoryArns]};
}

/** The deployment the task belongs to carries the network configuration it was launched with. */
function launchConfiguration(task: TaskRecord, service: ServiceRecord | undefined) {
	const deployment = service?.deployments.find(candidate => candidate.taskDefinition === task.taskDefinitionArn && candidate.networkConfiguration !== undefined);
	return {
		network: deployment?.networkConfiguration ?? service?.networkConfiguration,
		platformVersion: task.platformVersion ?? deployment?.platformVersion ?? service?.platformVersion,
	};
}

/** The task's placement from DescribeTasks, its ENI (when it still exists) and its service. */
export function taskNetworkOf(input: TaskNetworkInput, eni: LocatedInterface | undefined, session: Pick<Session, 'region' | 'accountId'>): {taskNetwork: TaskNetwork; notes: string[]} {
	const {task, taskDefinition, service} = input;
	const location = taskLocation(task.taskArn);
	const launch = launchConfiguration(task, service);
	const notes: string[] = [];
	const subnetId = task.subnetId ?? eni?.subnetId ?? launch.network?.subnets[0];
	if (subnetId === undefined) throw problem('not-found', 'Locating the task in its VPC', `Task ${task.taskArn} has no network interface attachment (not awsvpc, or it never got one).`, 'Only awsvpc (Fargate) tasks have a network path to check.');
	if (task.subnetId === undefined) notes.push(`the task has no subnet attachment; using ${subnetId} from the service's network configuration`);
	let securityGroupIds = eni?.groupIds ?? [];
	if (eni === undefined) {
		securityGroupIds = launch.network?.securityGroups ?? [];
		notes.push(task.eniId === undefined
			? 'the task has no ENI yet; security groups are taken from the service'
			: `ENI ${task.eniId} no longer exists (Fargate deletes it after the task stops); security groups are taken from the service`);
	}
	const {needs, repositoryArns} = taskNeeds(taskDefinition, input.customerManagedKeys);
	const clusterName = (task.clusterArn ? nameOfArn(task.clusterArn) : undefined);
	const serviceName = service?.name ?? serviceNameOf(task);
	const privateIp = task.privateIp ?? eni?.privateIpAddress;
	const taskNetwork: TaskNetwork = {
		region: location.region ?? session.region,
		accountId: location.account ?? session.accountId,
		subnetId,
		securityGroupIds,
		assignPublicIp: launch.network?.assignPublicIp ?? false,
		platformVersion: launch.platformVersion ?? 'LATEST',
		needs,
		repositoryArns,
		...(task.eniId ?? eni?.networkInterfaceId ? {eniId: task.eniId ?? eni?.networkInterfaceId} : {}),
		...(eni?.publicIp ? {publicIp: eni.publicIp} : {}),
		...(privateIp ? {privateIp} : {}),
		...(taskDefinition.executionRoleArn ? {executionRoleArn: taskDefinition.executionRoleArn} : {}),
		...(clusterName ? {clusterName} : {}),
		...(serviceName ? {serviceName} : {}),
	};
	if (launch.network === undefined && eni?.publicIp === undefined) notes.push('no service network configuration: assignPublicIp is assumed DISABLED');
	return {taskNetwork, notes};
}

function evaluate(taskNetwork: TaskNetwork, model: VpcModelRecord, notes: string[]): NetworkResult {
	// The task ENI is read on its own (the model lists only endpoint ENIs).
	const paths = resolveTaskPaths({task: taskNetwork, model});
	const subnet = classifySubnets({model, region: taskNetwork.region}).find(row => row.subnetId === taskNetwork.subnetId);
	return {taskNetwork, paths, verdict: networkVerdict(paths), checks: networkChecks(paths), vpcId: model.vpc.vpcId, model, ...(subnet ? {subnet} : {}), notes};
}

/**
 * The network paths of a task: ENI (`ec2:DescribeNetworkInterfaces`), then its VPC's model
 * (cached); assignPublicIp from the service. The checks are what `ecrtui diagnose --json`
 * lists under the network group. Throws a `Problem` when AWS cannot be read.
 */
export async function loadTaskNetwork(session: Scoped, input: TaskNetworkInput, signal?: AbortSignal): Promise<NetworkResult> {
	const eni = input.task.eniId === undefined ? null : await read(session, networkInterfaceResource(session, input.task.eniId), signal);
	const {taskNetwork, notes} = taskNetworkOf(input, eni ?? undefined, session);
	const vpcId = eni?.vpcId ?? (await vpcOfSubnet(session, taskNetwork.subnetId, signal));
	const model = await readModel(session, vpcId, signal);
	const withEni: VpcModelRecord = eni ? {...model, networkInterfaces: [...model.networkInterfaces, eni]} : model;
	return evaluate(taskNetwork, withEni, notes);
}

async function vpcOfSubnet(session: Scoped, subnetId: string, signal?: AbortSignal): Promise<string> {
	const subnet = await read(session, subnetResource(session, subnetId), signal);
	if (subnet === null) throw problem('not-found', 'Locating the subnet', `Subnet ${subnetId} does not exist in ${session.region}.`, 'It may have been deleted, or belong to another account or Region.');
	return subnet.vpcId;
}

/** A hypothetical Fargate task for the subnet view. */
export type SubnetTaskOptions = {
	/** The task's security group; default: the VPC's `default` group. */
	securityGroupId?: string;
	/** @default false (as a service with DISABLED) */
	assignPublicIp?: boolean;
	/** @default {ecr: true, logs: true} (an ECR image with awslogs, the common Fargate task) */
	needs?: Partial<TaskNeeds>;
	/** @default 'LATEST' */
	platformVersion?: string;
};

/** The VPC's `default` security group, which a task gets when none is named. */
export function defaultSecurityGroupId(model: VpcModel): string | undefined {
	return model.securityGroups.find(candidate => candidate.groupName === 'default')?.groupId ?? model.securityGroups[0]?.groupId;
}

function hypotheticalTask(session: Pick<Session, 'region' | 'accountId'>, model: VpcModel, subnetId: string, options: SubnetTaskOptions): TaskNetwork {
	const group = options.securityGroupId ?? defaultSecurityGroupId(model);
	return {
		region: session.region,
		accountId: session.accountId,
		subnetId,
		securityGroupIds: group === undefined ? [] : [group],
		assignPublicIp: options.assignPublicIp ?? false,
		platformVersion: options.platformVersion ?? 'LATEST',
		needs: {ecr: true, logs: true, secretsManager: false, ssm: false, ...options.needs},
	};
}

/** The paths a Fargate task placed in `subnetId` would take, with a chosen security group. */
export async function loadSubnetNetwork(session: Scoped, subnetId: string, options: SubnetTaskOptions = {}, signal?: AbortSignal): Promise<NetworkResult> {
	const vpcId = await vpcOfSubnet(session, subnetId, signal);
	const model = await readModel(session, vpcId, signal);
	return evaluate(hypotheticalTask(session, model, subnetId, options), model, []);
}

/** A row of the VPC overview: the subnet's class, and a network ACL that blocks every task there. */
export type SubnetRow = SubnetOverview & {
	/** The failing network ACL hop, when the subnet's (or the endpoint's / NAT's) ACL drops the traffic. */
	blockedBy?: Hop;
};

/**
 * The overview's rows. Classes come from routes and endpoints; network ACLs apply to every task
 * in a subnet whatever its security group, so a hypothetical task is traced and a failing ACL
 * hop turns "can pull" into "no" (otherwise the overview would say yes and the path view no).
 */
export function overviewRows(model: VpcModel, session: Pick<Session, 'region' | 'accountId'>): SubnetRow[] {
	return classifySubnets({model, region: session.region}).map(row => {
		const task = hypotheticalTask(session, model, row.subnetId, {assignPublicIp: row.class === 'public'});
		const blockedBy = resolveTaskPaths({task, model}).paths.flatMap(path => path.hops).find(hop => hop.kind === 'nacl' && hop.status === 'fail');
		if (blockedBy === undefined) return row;
		return {...row, canPull: 'no', reason: blockedBy.reason, blockedBy};
	});
}

/** The VPC overview: the VPCs of the Region, and per subnet of one of them, its class. */
export type VpcOverview = {
	vpcs: VpcSummary[];
	/** The VPC shown; undefined when the Region has none. */
	vpc?: VpcSummary;
	model?: VpcModel;
	subnets: SubnetRow[];
};

/** Which VPC to show first: the one asked for, else the first non-default VPC by name, else the default. */
function pickVpc(vpcs: readonly VpcSummary[], vpcId: string | undefined): VpcSummary | undefined {
	if (vpcId !== undefined) return vpcs.find(vpc => vpc.vpcId === vpcId);
	const sorted = [...vpcs].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || (a.name ?? a.vpcId).localeCompare(b.name ?? b.vpcId));
	return sorted[0];
}

/** `:network` with no task: the VPCs, and the subnets of one with their class and whether a task there can pull. */
export async function loadVpcOverview(session: Scoped, vpcId?: string, signal?: AbortSignal): Promise<VpcOverview> {
	const vpcs = await read(session, vpcsResource(session), signal);
	const vpc = pickVpc(vpcs, vpcId);
	if (vpc === undefined) {
		if (vpcId !== undefined) throw problem('not-found', 'Opening the VPC', `VPC ${vpcId} does not exist in ${session.region}.`, 'Pick another VPC (v) or switch region (:region).');
		return {vpcs, subnets: []};
	}
	const model = await readModel(session, vpc.vpcId, signal);
	return {vpcs, vpc, model, subnets: overviewRows(model, session)};
}

// Descriptors for the network screen. Each composes cached reads, so its own entry is cheap to
// reload; keys sit under `<account>/<region>/network/` and a region refresh reaches them.

/** The network view of a task, from its ARN: DescribeTasks, DescribeTaskDefinition, DescribeServices, then EC2. */
export function taskNetworkResource(session: Scoped, cluster: string, taskArn: string): Descriptor<NetworkResult> {
	return {
		key: `${session.scope}/network/task/${cluster}/${taskArn}`,
		ttlMs: NETWORK_TTL_MS,
		what: `Tracing the network paths of task ${nameOfArn(taskArn)}`,
		load: async ({signal}) => {
			const [task] = await describeTasks(session.clients, cluster, [taskArn], signal);
			if (task === undefined) throw problem('not-found', 'Reading the task', `Task ${taskArn} was not found in cluster ${cluster}.`, 'Stopped tasks stay describable for about an hour; pick a newer task.');
			const serviceName = serviceNameOf(task);
			const [taskDefinition, services] = await Promise.all([
				describeTaskDefinition(session.clients, task.taskDefinitionArn ?? '', signal),
				serviceName === undefined ? Promise.resolve([]) : describeServices(session.clients, cluster, [serviceName], signal),
			]);
			const service = services[0];
			return loadTaskNetwork(session, {task, taskDefinition, ...(service ? {service} : {})}, signal);
		},
	};
}

/** The network view of a hypothetical task in a subnet. */
export function subnetNetworkResource(session: Scoped, subnetId: string, options: SubnetTaskOptions = {}): Descriptor<NetworkResult> {
	return {
		key: `${session.scope}/network/subnet/${subnetId}/${options.securityGroupId ?? 'default'}/${options.assignPublicIp === true ? 'public-ip' : 'no-public-ip'}`,
		ttlMs: NETWORK_TTL_MS,
		what: `Tracing the network paths of a task in ${subnetId}`,
		load: ({signal}) => loadSubnetNetwork(session, subnetId, options, signal),
	};
}

/** The VPC overview (`:network`). */
export function vpcOverviewResource(session: Scoped, vpcId?: string): Descriptor<VpcOverview> {
	return {
		key: `${session.scope}/network/overview/${vpcId ?? 'first'}`,
		ttlMs: NETWORK_TTL_MS,
		what: 'Reading the VPC overview',
		load: ({signal}) => loadVpcOverview(session, vpcId, signal),
	};
}
