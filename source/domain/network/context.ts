// Everything about the task's side of the network that every path needs, resolved once.
import {NON_PUBLIC_IPV4} from './cidr.js';
import {endpointServiceName} from './endpoints.js';
import {naclForSubnet} from './nacls.js';
import {prefixListIdForService, routeTableForSubnet, type RouteTableLookup} from './routes.js';
import type {NetworkAcl, SecurityGroup, Subnet, TaskNetwork, VpcModel} from './types.js';

/** The resolved placement of a task in its VPC. */
export type PathContext = {
	task: TaskNetwork;
	model: VpcModel;
	subnet?: Subnet;
	lookup?: RouteTableLookup;
	/** The task's private IP, from the task or its ENI. */
	taskIp?: string;
	/** `ip/32` when the IP is known, else the subnet CIDR (every task IP is inside it). */
	taskCidr?: string;
	/** assignPublicIp, or a public IP on the task or its ENI [DOC; INF]. */
	publicIp: {has: boolean; address?: string};
	taskGroups: SecurityGroup[];
	missingGroupIds: string[];
	nacl?: NetworkAcl;
	/** Blocks a public service address can never fall in: private space and the VPC's CIDRs. */
	excluded: string[];
	/** The AWS-managed S3 prefix list of the Region, when known. */
	s3PrefixListId?: string;
	/** Its CIDRs, when resolved. */
	s3Cidrs?: string[];
};

/** Resolves subnet, route table, ENI, security groups and ACL of the task. */
export function buildContext(task: TaskNetwork, model: VpcModel): PathContext {
	const vpcId = model.vpc.vpcId;
	const subnet = model.subnets.find(s => s.subnetId === task.subnetId);
	const eni = task.eniId === undefined ? undefined : model.networkInterfaces.find(n => n.networkInterfaceId === task.eniId);
	const taskIp = task.privateIp ?? eni?.privateIpAddress;
	const address = task.publicIp ?? eni?.publicIp;
	const taskGroups = task.securityGroupIds.flatMap(id => model.securityGroups.filter(g => g.groupId === id));
	// An unknown subnet has no known table; falling back to the main table would be a guess.
	const lookup = subnet === undefined ? undefined : routeTableForSubnet(model.routeTables, task.subnetId, vpcId);
	// The S3 list id is normally read from the gateway endpoint's route; the named list is a fallback.
	const s3Name = endpointServiceName(task.region, 's3');
	const s3Route = lookup?.table.routes.find(r => r.destinationPrefixListId !== undefined && r.gatewayId?.startsWith('vpce-') === true);
	const s3PrefixListId = prefixListIdForService(model.prefixLists, s3Name) ?? s3Route?.destinationPrefixListId;
	return {
		task,
		model,
		subnet,
		lookup,
		taskIp,
		taskCidr: taskIp !== undefined ? `${taskIp}/32` : subnet?.cidrBlock,
		publicIp: {has: task.assignPublicIp || address !== undefined, address},
		taskGroups,
		missingGroupIds: task.securityGroupIds.filter(id => !taskGroups.some(g => g.groupId === id)),
		nacl: naclForSubnet(model.networkAcls, task.subnetId, vpcId),
		excluded: [...NON_PUBLIC_IPV4, ...model.vpc.cidrBlocks],
		s3PrefixListId,
		s3Cidrs: model.prefixLists.find(list => list.prefixListId === s3PrefixListId)?.cidrs,
	};
}
