import type {World} from './world.js';

/**
 * The simulated EC2 network of one account and region (aws-semantics.md D.2-D.5).
 *
 * Shape: one insertion-ordered `Map` per resource kind, keyed by resource id, so Describe*
 * calls list in creation order and id lookups are O(1). Records hold the facts AWS stores
 * (camelCase, named like the XML elements of the EC2 query protocol where one exists, so the
 * serialisers in `services/ec2-shapes.ts` stay one-to-one); everything AWS derives is left out
 * and computed at describe time: route `state` (blackhole when the NAT is deleted or the IGW
 * detached), the main-table association, the default NACL's associations (every subnet not
 * explicitly associated with another NACL), `availableIpAddressCount` (block size - 5 - ENI
 * addresses - `otherUsedIps`) and group names inside `groupSet`s. Tags are a plain record.
 */
export type Ec2State = {
	vpcs: Map<string, SimVpc>;
	subnets: Map<string, SimSubnet>;
	routeTables: Map<string, SimRouteTable>;
	natGateways: Map<string, SimNatGateway>;
	internetGateways: Map<string, SimInternetGateway>;
	vpcEndpoints: Map<string, SimVpcEndpoint>;
	securityGroups: Map<string, SimSecurityGroup>;
	networkAcls: Map<string, SimNetworkAcl>;
	prefixLists: Map<string, SimPrefixList>;
	networkInterfaces: Map<string, SimNetworkInterface>;
};

export type Tags = Record<string, string>;

export type SimVpc = {
	vpcId: string;
	cidrBlock: string;
	cidrAssociationId: string;
	dhcpOptionsId: string;
	state: 'pending' | 'available';
	isDefault: boolean;
	instanceTenancy: 'default' | 'dedicated';
	/** DescribeVpcAttribute values [MODEL]; both must be true for interface-endpoint private DNS (D.2). */
	enableDnsSupport: boolean;
	enableDnsHostnames: boolean;
	tags: Tags;
};

export type SimSubnet = {
	subnetId: string;
	vpcId: string;
	cidrBlock: string;
	availabilityZone: string;
	state: 'pending' | 'available';
	mapPublicIpOnLaunch: boolean;
	defaultForAz: boolean;
	/** Addresses used by things the simulator does not model as ENIs (load balancers, instances...). */
	otherUsedIps?: number;
	tags: Tags;
};

/** A route; its `state` is derived unless pinned here (e.g. a `filtered` route). */
export type SimRoute = {
	destinationCidrBlock?: string;
	destinationIpv6CidrBlock?: string;
	destinationPrefixListId?: string;
	/** `local`, `igw-...` or a gateway endpoint `vpce-...` (D.3). */
	gatewayId?: string;
	natGatewayId?: string;
	transitGatewayId?: string;
	vpcPeeringConnectionId?: string;
	networkInterfaceId?: string;
	instanceId?: string;
	origin: 'CreateRouteTable' | 'CreateRoute' | 'EnableVgwRoutePropagation';
	state?: 'active' | 'blackhole' | 'filtered';
};

export type SimRouteTable = {
	routeTableId: string;
	vpcId: string;
	/** The VPC's main table: DescribeRouteTables shows one association with main=true and no subnetId. */
	main?: {associationId: string};
	/** Explicit associations (subnet or edge/gateway). */
	associations: {associationId: string; subnetId?: string; gatewayId?: string}[];
	routes: SimRoute[];
	tags: Tags;
};

export type SimNatGatewayAddress = {
	allocationId?: string;
	networkInterfaceId?: string;
	privateIp: string;
	publicIp?: string;
	associationId?: string;
	isPrimary: boolean;
	status?: 'assigning' | 'unassigning' | 'associating' | 'disassociating' | 'succeeded' | 'failed';
};

export type SimNatGateway = {
	natGatewayId: string;
	vpcId: string;
	subnetId: string;
	state: 'pending' | 'failed' | 'available' | 'deleting' | 'deleted';
	connectivityType: 'public' | 'private';
	availabilityMode: 'zonal' | 'regional';
	addresses: SimNatGatewayAddress[];
	createTime: number;
	deleteTime?: number;
	failureCode?: string;
	failureMessage?: string;
	tags: Tags;
};

export type SimInternetGateway = {
	internetGatewayId: string;
	/** AWS reports an attached gateway as `available`, not `attached` (D.5). */
	attachments: {vpcId: string; state: 'attaching' | 'available' | 'detaching' | 'detached'}[];
	tags: Tags;
};

export type SimVpcEndpoint = {
	vpcEndpointId: string;
	vpcEndpointType: 'Interface' | 'Gateway' | 'GatewayLoadBalancer' | 'Resource' | 'ServiceNetwork';
	vpcId: string;
	serviceName: string;
	/** Lowercase, as the API answers (the model enum is capitalised) [DOC awscli describe-vpc-endpoints example]. */
	state: 'pendingAcceptance' | 'pending' | 'available' | 'deleting' | 'deleted' | 'rejected' | 'failed' | 'expired' | 'partial';
	policyDocument?: string;
	/** Gateway endpoints: the route tables that got a `pl-... -> vpce-...` route. */
	routeTableIds: string[];
	/** Interface endpoints: one ENI per subnet. */
	subnetIds: string[];
	groupIds: string[];
	networkInterfaceIds: string[];
	privateDnsEnabled: boolean;
	requesterManaged: boolean;
	ipAddressType: 'ipv4' | 'dualstack' | 'ipv6';
	dnsEntries: {dnsName: string; hostedZoneId: string}[];
	creationTimestamp: number;
	tags: Tags;
};

/** One IpPermission; `ipProtocol` is `-1` (all), `tcp`, `udp`, `icmp` or a number. */
export type SimPermission = {
	ipProtocol: string;
	fromPort?: number;
	toPort?: number;
	ipRanges: {cidrIp: string; description?: string}[];
	ipv6Ranges: {cidrIpv6: string; description?: string}[];
	prefixListIds: {prefixListId: string; description?: string}[];
	userIdGroupPairs: {groupId: string; userId: string; description?: string}[];
};

export type SimSecurityGroup = {
	groupId: string;
	groupName: string;
	description: string;
	vpcId: string;
	ingress: SimPermission[];
	egress: SimPermission[];
	tags: Tags;
};

/** A NACL entry; `protocol` is a number as a string (`-1` all, `6` tcp, `17` udp) [MODEL]. */
export type SimAclEntry = {
	ruleNumber: number;
	egress: boolean;
	protocol: string;
	ruleAction: 'allow' | 'deny';
	cidrBlock?: string;
	ipv6CidrBlock?: string;
	portRange?: {from: number; to: number};
	icmpTypeCode?: {type: number; code: number};
};

export type SimNetworkAcl = {
	networkAclId: string;
	vpcId: string;
	isDefault: boolean;
	entries: SimAclEntry[];
	/** Explicitly associated subnets; the default NACL also gets every subnet no other NACL claims. */
	subnetIds: string[];
	tags: Tags;
};

/** An AWS-managed prefix list as DescribePrefixLists shows it. */
export type SimPrefixList = {prefixListId: string; prefixListName: string; cidrs: string[]};

export type SimNetworkInterface = {
	networkInterfaceId: string;
	subnetId: string;
	vpcId: string;
	availabilityZone: string;
	privateIpAddress: string;
	privateDnsName?: string;
	macAddress: string;
	description: string;
	interfaceType: string;
	requesterId?: string;
	requesterManaged: boolean;
	status: 'available' | 'associated' | 'attaching' | 'in-use' | 'detaching';
	sourceDestCheck: boolean;
	groupIds: string[];
	/** Public IPv4 (an EIP or an auto-assigned address); `Association.PublicIp` (D.2 public subnets). */
	association?: {publicIp: string; publicDnsName?: string; ipOwnerId: string; allocationId?: string; associationId?: string};
	attachment?: {attachmentId: string; status: 'attaching' | 'attached' | 'detaching' | 'detached'; attachTime: number; deviceIndex: number; instanceId?: string; instanceOwnerId?: string; deleteOnTermination: boolean};
	tags: Tags;
};

export function emptyEc2State(): Ec2State {
	return {
		vpcs: new Map(),
		subnets: new Map(),
		routeTables: new Map(),
		natGateways: new Map(),
		internetGateways: new Map(),
		vpcEndpoints: new Map(),
		securityGroups: new Map(),
		networkAcls: new Map(),
		prefixLists: new Map(),
		networkInterfaces: new Map(),
	};
}

/** The EC2 slice of an account's region, created empty on first use. */
export function ec2StateOf(world: World, accountId: string, region: string): Ec2State {
	return world.slice(accountId, region, 'ec2', emptyEc2State);
}

/** One Availability Zone of a region (DescribeAvailabilityZones). */
export type SimZone = {zoneName: string; zoneId: string; regionName: string};

const zoneCounts: Record<string, number> = {'us-east-1': 6, 'us-west-2': 4, 'eu-west-1': 3};
const zoneIdPrefixes: Record<string, string> = {'us-east-1': 'use1', 'us-west-2': 'usw2', 'eu-west-1': 'euw1'};

/**
 * The zones of a region. Zone-name-to-id mapping is per account in AWS; the simulator uses a
 * fixed one (a->az1, b->az2, ...), which is enough for code that reads both fields.
 */
export function zonesOf(region: string): SimZone[] {
	const count = zoneCounts[region] ?? 3;
	const prefix = zoneIdPrefixes[region] ?? region.replace(/^([a-z]{2})-([a-z])[a-z]*-(\d+)$/, '$1$2$3');
	return Array.from({length: count}, (_, index) => ({
		zoneName: `${region}${String.fromCharCode(97 + index)}`,
		zoneId: `${prefix}-az${index + 1}`,
		regionName: region,
	}));
}

/** Parses dotted-quad IPv4 into an unsigned integer. */
export function ipv4ToNumber(ip: string): number {
	return ip.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** Formats an unsigned integer as dotted-quad IPv4. */
export function numberToIpv4(value: number): string {
	return [24, 16, 8, 0].map(shift => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The private IPv4 addresses ENIs hold in a subnet. */
export function usedAddresses(state: Ec2State, subnetId: string): string[] {
	return [...state.networkInterfaces.values()].filter(eni => eni.subnetId === subnetId).map(eni => eni.privateIpAddress);
}

/**
 * AvailableIpAddressCount as AWS computes it: the block minus the five addresses AWS reserves
 * in every subnet (network, router, DNS, future use, broadcast) minus addresses in use [DOC VPC
 * subnet sizing].
 */
export function availableIpCount(state: Ec2State, subnet: SimSubnet): number {
	const bits = Number(subnet.cidrBlock.split('/')[1] ?? 32);
	return 2 ** (32 - bits) - 5 - usedAddresses(state, subnet.subnetId).length - (subnet.otherUsedIps ?? 0);
}

/**
 * The lowest free address of a subnet (after the four reserved at the start), for code that
 * adds ENIs (task attachments) at run time. Throws when the subnet is full.
 */
export function allocatePrivateIp(state: Ec2State, subnetId: string): string {
	const subnet = state.subnets.get(subnetId);
	if (!subnet) throw new Error(`no subnet ${subnetId}`);
	const [base = '', bits = '32'] = subnet.cidrBlock.split('/');
	const start = ipv4ToNumber(base);
	const used = new Set(usedAddresses(state, subnetId));
	for (let offset = 4 + (subnet.otherUsedIps ?? 0); offset < 2 ** (32 - Number(bits)) - 1; offset++) {
		const candidate = numberToIpv4(start + offset);
		if (!used.has(candidate)) return candidate;
	}
	throw new Error(`subnet ${subnetId} has no free addresses`);
}
