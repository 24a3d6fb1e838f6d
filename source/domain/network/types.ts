// Plain-data model of one VPC and of one task's network placement. The shapes mirror the EC2
// API responses (DescribeVpcs, DescribeSubnets, ...) in camelCase so `data/` can map the SDK
// output field for field; nothing here depends on the SDK. [MODEL: aws-semantics.md D.5]

/** The VPC itself plus the attributes that private DNS depends on. */
export type Vpc = {
	/** `vpc-...` */
	vpcId: string;
	/** Every IPv4 CIDR associated with the VPC; the `local` route covers all of them. */
	cidrBlocks: string[];
	/** DescribeVpcAttribute enableDnsSupport. */
	enableDnsSupport: boolean;
	/** DescribeVpcAttribute enableDnsHostnames. */
	enableDnsHostnames: boolean;
	/**
	 * Whether the VPC's DHCP option set uses AmazonProvidedDNS. `false` means custom DNS
	 * servers, which need conditional forwarding for endpoint private DNS [DOC].
	 * @default undefined (unknown, assumed Amazon DNS)
	 */
	dhcpUsesAmazonDns?: boolean;
};

/** A subnet (DescribeSubnets). */
export type Subnet = {
	subnetId: string;
	vpcId: string;
	cidrBlock: string;
	availabilityZone: string;
	availableIpAddressCount: number;
	/** Does not apply to Fargate task ENIs, which use assignPublicIp [INF]. */
	mapPublicIpOnLaunch: boolean;
	tags?: Record<string, string>;
};

/** A route table association. `main: true` marks the VPC's main table (implicit association). */
export type RouteTableAssociation = {
	main: boolean;
	subnetId?: string;
	gatewayId?: string;
	/** AssociationState.State, e.g. `associated`. */
	state?: string;
};

/** One route, as DescribeRouteTables returns it. Exactly one target id is normally set. */
export type Route = {
	destinationCidrBlock?: string;
	destinationIpv6CidrBlock?: string;
	destinationPrefixListId?: string;
	/** `local`, `igw-...`, `vgw-...` or `vpce-...` (gateway endpoint / GWLB endpoint). */
	gatewayId?: string;
	natGatewayId?: string;
	transitGatewayId?: string;
	vpcPeeringConnectionId?: string;
	networkInterfaceId?: string;
	instanceId?: string;
	state: 'active' | 'blackhole' | 'filtered';
	/** `CreateRouteTable` (local), `CreateRoute` (static) or `EnableVgwRoutePropagation`. */
	origin?: string;
};

/** A route table (DescribeRouteTables). */
export type RouteTable = {
	routeTableId: string;
	vpcId: string;
	associations: RouteTableAssociation[];
	routes: Route[];
};

/** A NAT gateway (DescribeNatGateways). */
export type NatGateway = {
	natGatewayId: string;
	subnetId: string;
	vpcId: string;
	/** pending | failed | available | deleting | deleted */
	state: string;
	connectivityType: 'public' | 'private';
	/** Regional NAT gateways need no public subnet [DOC nat-gateways-regional]. @default 'zonal' */
	availabilityMode?: 'zonal' | 'regional';
	failureMessage?: string;
};

/** An internet gateway (DescribeInternetGateways). */
export type InternetGateway = {
	internetGatewayId: string;
	/** `state` is `available` when attached (the API's real value), or attaching/attached/detaching/detached. */
	attachments: Array<{vpcId: string; state: string}>;
};

/** A VPC endpoint (DescribeVpcEndpoints). */
export type VpcEndpoint = {
	vpcEndpointId: string;
	vpcEndpointType: 'Interface' | 'Gateway' | 'GatewayLoadBalancer' | (string & {});
	/** e.g. `com.amazonaws.us-east-1.ecr.dkr` */
	serviceName: string;
	/** The API returns lowercase (`available`); compared case-insensitively. */
	state: string;
	privateDnsEnabled: boolean;
	/** Interface endpoints: the subnets holding an endpoint ENI. */
	subnetIds: string[];
	/** Gateway endpoints: the route tables that carry its prefix-list route. */
	routeTableIds: string[];
	/** Interface endpoints: the security groups on the endpoint ENIs. */
	groupIds: string[];
	/** JSON policy; absent means the default full-access policy. */
	policyDocument?: string;
	/** @default undefined (the model holds one VPC) */
	vpcId?: string;
	/** The endpoint ENIs, to find their private IPs in `networkInterfaces`. */
	networkInterfaceIds?: string[];
};

/** One security-group permission (IpPermissions / IpPermissionsEgress entry). */
export type SecurityGroupPermission = {
	/** `-1` (all), `tcp`/`6`, `udp`/`17`, `icmp`/`1`, ... */
	ipProtocol: string;
	fromPort?: number;
	toPort?: number;
	ipRanges: Array<{cidrIp: string}>;
	ipv6Ranges: Array<{cidrIpv6: string}>;
	prefixListIds: Array<{prefixListId: string}>;
	userIdGroupPairs: Array<{groupId: string}>;
};

/** A security group (DescribeSecurityGroups). */
export type SecurityGroup = {
	groupId: string;
	groupName: string;
	vpcId: string;
	ipPermissions: SecurityGroupPermission[];
	ipPermissionsEgress: SecurityGroupPermission[];
};

/** One network ACL entry. */
export type NetworkAclEntry = {
	/** 1..32766, plus the `*` rule returned as 32767 [INF/UNK]. */
	ruleNumber: number;
	/** `-1` (all) or a protocol number as a string (`6` = TCP). */
	protocol: string;
	ruleAction: 'allow' | 'deny';
	egress: boolean;
	cidrBlock?: string;
	ipv6CidrBlock?: string;
	portRange?: {from: number; to: number};
};

/** A network ACL (DescribeNetworkAcls). */
export type NetworkAcl = {
	networkAclId: string;
	vpcId: string;
	isDefault: boolean;
	associations: Array<{subnetId: string}>;
	entries: NetworkAclEntry[];
};

/** A prefix list with its resolved CIDRs (DescribePrefixLists / GetManagedPrefixListEntries). */
export type PrefixList = {
	prefixListId: string;
	/** AWS-managed lists are named after the service, e.g. `com.amazonaws.us-east-1.s3`. */
	prefixListName: string;
	cidrs: string[];
};

/** A network interface (DescribeNetworkInterfaces). */
export type NetworkInterface = {
	networkInterfaceId: string;
	subnetId: string;
	privateIpAddress: string;
	/** Association.PublicIp */
	publicIp?: string;
	groupIds: string[];
	/** `interface`, `vpc_endpoint`, `nat_gateway`, ... */
	interfaceType?: string;
};

/** Everything the engine knows about one VPC. */
export type VpcModel = {
	vpc: Vpc;
	subnets: Subnet[];
	routeTables: RouteTable[];
	natGateways: NatGateway[];
	internetGateways: InternetGateway[];
	vpcEndpoints: VpcEndpoint[];
	securityGroups: SecurityGroup[];
	networkAcls: NetworkAcl[];
	prefixLists: PrefixList[];
	networkInterfaces: NetworkInterface[];
};

/** What the task needs to reach before it can start. */
export type TaskNeeds = {
	/** Pulls at least one private ECR image in this Region. */
	ecr: boolean;
	/** Uses the awslogs log driver. */
	logs: boolean;
	/** References Secrets Manager secrets. */
	secretsManager: boolean;
	/** References SSM parameters. */
	ssm: boolean;
	/** Secrets or parameters are encrypted with a customer managed KMS key [3P]. */
	kms?: boolean;
};

/** Where one Fargate task sits in the network (DescribeTasks attachment + task definition). */
export type TaskNetwork = {
	region: string;
	accountId: string;
	subnetId: string;
	eniId?: string;
	securityGroupIds: string[];
	/** awsvpcConfiguration.assignPublicIp === 'ENABLED' */
	assignPublicIp: boolean;
	publicIp?: string;
	privateIp?: string;
	/** `LATEST`, `1.4.0`, `1.3.0`, ... */
	platformVersion: string;
	needs: TaskNeeds;
	executionRoleArn?: string;
	/** Windows platform versions start at 1.0.0 and always need ecr.api [DOC]. @default 'linux' */
	platformOs?: 'linux' | 'windows';
	/** Repositories the task pulls from, to check endpoint policies exactly. */
	repositoryArns?: string[];
	/** For the assignPublicIp fix (`aws ecs update-service`). */
	clusterName?: string;
	/** For the assignPublicIp fix (`aws ecs update-service`). */
	serviceName?: string;
};

// Results (hops, paths, checks) live in result-types.ts; re-exported so callers import one module.
export type {Dependency, DependencyPath, Fix, Hop, HopKind, HopStatus, NetworkCheck, PathVia, TaskPaths} from './result-types.js';
