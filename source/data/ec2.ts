import type {
	IpPermission,
	NatGateway as SdkNatGateway,
	NetworkAcl as SdkNetworkAcl,
	NetworkInterface as SdkNetworkInterface,
	RouteTable as SdkRouteTable,
	SecurityGroup as SdkSecurityGroup,
	Subnet as SdkSubnet,
	Tag,
	Vpc as SdkVpc,
	VpcEndpoint as SdkVpcEndpoint,
} from '@aws-sdk/client-ec2';
import {setMaxListeners} from 'node:events';
import type {AwsClients} from './clients.js';
import {loadEc2 as sdk} from './sdk.js';
import type {
	InternetGateway,
	NatGateway,
	NetworkAcl,
	NetworkInterface,
	PrefixList,
	Route,
	RouteTable,
	SecurityGroup,
	SecurityGroupPermission,
	Subnet,
	VpcEndpoint,
	VpcModel,
} from '../domain/network/types.js';
import {allPages} from './paging.js';

/**
 * EC2 reads for the network view, filtered to one VPC and paged at each API's maximum
 * (aws-semantics.md D.5). The SDK shapes are mapped field for field onto the engine's model
 * (`domain/network/types.ts`), which mirrors them in camelCase. Each function names its CLI
 * equivalent.
 */

/** A VPC as the picker lists it (DescribeVpcs). */
export type VpcSummary = {
	vpcId: string;
	cidrBlock: string;
	isDefault: boolean;
	state: string;
	name?: string;
};

/** A network interface with the VPC it sits in (the task ENI's VPC decides which model to load). */
export type LocatedInterface = NetworkInterface & {vpcId: string};

function tagsOf(tags: Tag[] | undefined): Record<string, string> | undefined {
	if (!tags || tags.length === 0) return undefined;
	return Object.fromEntries(tags.filter(tag => tag.Key !== undefined).map(tag => [tag.Key!, tag.Value ?? '']));
}

function toSubnet(subnet: SdkSubnet): Subnet {
	const tags = tagsOf(subnet.Tags);
	return {
		subnetId: subnet.SubnetId ?? '',
		vpcId: subnet.VpcId ?? '',
		cidrBlock: subnet.CidrBlock ?? '',
		availabilityZone: subnet.AvailabilityZone ?? '',
		availableIpAddressCount: subnet.AvailableIpAddressCount ?? 0,
		mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
		...(tags ? {tags} : {}),
	};
}

function toRoute(route: NonNullable<SdkRouteTable['Routes']>[number]): Route {
	// Local and carrier gateways have no kind of their own in the engine: as gatewayIds they
	// classify as unknown targets, which the engine reports as "cannot verify", never as pass.
	const gatewayId = route.GatewayId ?? route.LocalGatewayId ?? route.CarrierGatewayId ?? route.EgressOnlyInternetGatewayId ?? route.CoreNetworkArn;
	const state = route.State === 'blackhole' ? 'blackhole' : (route.State as string | undefined) === 'filtered' ? 'filtered' : 'active';
	return {
		...(route.DestinationCidrBlock ? {destinationCidrBlock: route.DestinationCidrBlock} : {}),
		...(route.DestinationIpv6CidrBlock ? {destinationIpv6CidrBlock: route.DestinationIpv6CidrBlock} : {}),
		...(route.DestinationPrefixListId ? {destinationPrefixListId: route.DestinationPrefixListId} : {}),
		...(gatewayId ? {gatewayId} : {}),
		...(route.NatGatewayId ? {natGatewayId: route.NatGatewayId} : {}),
		...(route.TransitGatewayId ? {transitGatewayId: route.TransitGatewayId} : {}),
		...(route.VpcPeeringConnectionId ? {vpcPeeringConnectionId: route.VpcPeeringConnectionId} : {}),
		...(route.NetworkInterfaceId ? {networkInterfaceId: route.NetworkInterfaceId} : {}),
		...(route.InstanceId ? {instanceId: route.InstanceId} : {}),
		state,
		...(route.Origin ? {origin: route.Origin} : {}),
	};
}

function toRouteTable(table: SdkRouteTable): RouteTable {
	return {
		routeTableId: table.RouteTableId ?? '',
		vpcId: table.VpcId ?? '',
		// Disassociated associations linger in the answer for a while; only live ones route.
		associations: (table.Associations ?? [])
			.filter(association => {
				const state = association.AssociationState?.State;
				return state === undefined || state === 'associated' || state === 'associating';
			})
			.map(association => ({
				main: association.Main ?? false,
				...(association.SubnetId ? {subnetId: association.SubnetId} : {}),
				...(association.GatewayId ? {gatewayId: association.GatewayId} : {}),
				...(association.AssociationState?.State ? {state: association.AssociationState.State} : {}),
			})),
		routes: (table.Routes ?? []).map(toRoute),
	};
}

function toNatGateway(nat: SdkNatGateway): NatGateway {
	return {
		natGatewayId: nat.NatGatewayId ?? '',
		subnetId: nat.SubnetId ?? '',
		vpcId: nat.VpcId ?? '',
		state: nat.State ?? 'unknown',
		connectivityType: nat.ConnectivityType === 'private' ? 'private' : 'public',
		...(nat.AvailabilityMode === 'regional' || nat.AvailabilityMode === 'zonal' ? {availabilityMode: nat.AvailabilityMode} : {}),
		...(nat.FailureMessage ? {failureMessage: nat.FailureMessage} : {}),
	};
}

function toVpcEndpoint(endpoint: SdkVpcEndpoint): VpcEndpoint {
	return {
		vpcEndpointId: endpoint.VpcEndpointId ?? '',
		vpcEndpointType: endpoint.VpcEndpointType ?? 'Interface',
		serviceName: endpoint.ServiceName ?? '',
		state: endpoint.State ?? 'unknown',
		privateDnsEnabled: endpoint.PrivateDnsEnabled ?? false,
		subnetIds: endpoint.SubnetIds ?? [],
		routeTableIds: endpoint.RouteTableIds ?? [],
		groupIds: (endpoint.Groups ?? []).flatMap(group => (group.GroupId ? [group.GroupId] : [])),
		...(endpoint.PolicyDocument ? {policyDocument: endpoint.PolicyDocument} : {}),
		...(endpoint.VpcId ? {vpcId: endpoint.VpcId} : {}),
		networkInterfaceIds: endpoint.NetworkInterfaceIds ?? [],
	};
}

function toPermission(permission: IpPermission): SecurityGroupPermission {
	return {
		ipProtocol: permission.IpProtocol ?? '-1',
		...(permission.FromPort === undefined ? {} : {fromPort: permission.FromPort}),
		...(permission.ToPort === undefined ? {} : {toPort: permission.ToPort}),
		ipRanges: (permission.IpRanges ?? []).flatMap(range => (range.CidrIp ? [{cidrIp: range.CidrIp}] : [])),
		ipv6Ranges: (permission.Ipv6Ranges ?? []).flatMap(range => (range.CidrIpv6 ? [{cidrIpv6: range.CidrIpv6}] : [])),
		prefixListIds: (permission.PrefixListIds ?? []).flatMap(entry => (entry.PrefixListId ? [{prefixListId: entry.PrefixListId}] : [])),
		userIdGroupPairs: (permission.UserIdGroupPairs ?? []).flatMap(pair => (pair.GroupId ? [{groupId: pair.GroupId}] : [])),
	};
}

function toSecurityGroup(group: SdkSecurityGroup): SecurityGroup {
	return {
		groupId: group.GroupId ?? '',
		groupName: group.GroupName ?? '',
		vpcId: group.VpcId ?? '',
		ipPermissions: (group.IpPermissions ?? []).map(toPermission),
		ipPermissionsEgress: (group.IpPermissionsEgress ?? []).map(toPermission),
	};
}

function toNetworkAcl(acl: SdkNetworkAcl): NetworkAcl {
	return {
		networkAclId: acl.NetworkAclId ?? '',
		vpcId: acl.VpcId ?? '',
		isDefault: acl.IsDefault ?? false,
		associations: (acl.Associations ?? []).flatMap(association => (association.SubnetId ? [{subnetId: association.SubnetId}] : [])),
		entries: (acl.Entries ?? []).map(entry => ({
			ruleNumber: entry.RuleNumber ?? 32767,
			protocol: entry.Protocol ?? '-1',
			ruleAction: entry.RuleAction === 'allow' ? 'allow' : 'deny',
			egress: entry.Egress ?? false,
			...(entry.CidrBlock ? {cidrBlock: entry.CidrBlock} : {}),
			...(entry.Ipv6CidrBlock ? {ipv6CidrBlock: entry.Ipv6CidrBlock} : {}),
			...(entry.PortRange?.From !== undefined && entry.PortRange.To !== undefined ? {portRange: {from: entry.PortRange.From, to: entry.PortRange.To}} : {}),
		})),
	};
}

function toNetworkInterface(eni: SdkNetworkInterface): LocatedInterface {
	return {
		networkInterfaceId: eni.NetworkInterfaceId ?? '',
		vpcId: eni.VpcId ?? '',
		subnetId: eni.SubnetId ?? '',
		privateIpAddress: eni.PrivateIpAddress ?? '',
		...(eni.Association?.PublicIp ? {publicIp: eni.Association.PublicIp} : {}),
		groupIds: (eni.Groups ?? []).flatMap(group => (group.GroupId ? [group.GroupId] : [])),
		...(eni.InterfaceType ? {interfaceType: eni.InterfaceType} : {}),
	};
}

function toVpcSummary(vpc: SdkVpc): VpcSummary {
	const name = tagsOf(vpc.Tags)?.['Name'];
	return {vpcId: vpc.VpcId ?? '', cidrBlock: vpc.CidrBlock ?? '', isDefault: vpc.IsDefault ?? false, state: vpc.State ?? '', ...(name ? {name} : {})};
}

/** `aws ec2 describe-vpcs` (1000 per page): every VPC of the Region, for the overview's picker. */
export async function listVpcs(clients: AwsClients, signal?: AbortSignal): Promise<VpcSummary[]> {
	const {DescribeVpcsCommand} = await sdk();
	const client = await clients.ec2();
	return allPages(async token => {
		const page = await client.send(new DescribeVpcsCommand({MaxResults: 1000, NextToken: token}), {abortSignal: signal});
		return {items: (page.Vpcs ?? []).map(toVpcSummary), next: page.NextToken};
	});
}

/**
 * `aws ec2 describe-network-interfaces --network-interface-ids ENI`; undefined when the ENI is
 * gone (Fargate deletes a task's ENI soon after the task stops).
 */
export async function describeNetworkInterface(clients: AwsClients, eniId: string, signal?: AbortSignal): Promise<LocatedInterface | undefined> {
	const {DescribeNetworkInterfacesCommand} = await sdk();
	const client = await clients.ec2();
	try {
		const result = await client.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [eniId]}), {abortSignal: signal});
		const eni = result.NetworkInterfaces?.[0];
		return eni ? toNetworkInterface(eni) : undefined;
	} catch (error) {
		if ((error as Error).name === 'InvalidNetworkInterfaceID.NotFound') return undefined;
		throw error;
	}
}

/** `aws ec2 describe-subnets --subnet-ids S`: the subnet and its VPC; undefined when it does not exist. */
export async function describeSubnet(clients: AwsClients, subnetId: string, signal?: AbortSignal): Promise<Subnet | undefined> {
	const {DescribeSubnetsCommand} = await sdk();
	const client = await clients.ec2();
	try {
		const result = await client.send(new DescribeSubnetsCommand({SubnetIds: [subnetId]}), {abortSignal: signal});
		const subnet = result.Subnets?.[0];
		return subnet ? toSubnet(subnet) : undefined;
	} catch (error) {
		if ((error as Error).name === 'InvalidSubnetID.NotFound') return undefined;
		throw error;
	}
}

/** A VPC model plus what the overview shows about the VPC itself. */
export type VpcModelRecord = VpcModel & {summary: VpcSummary};

/**
 * Everything the engine needs about one VPC, in twelve concurrent calls (each paged at its
 * maximum): describe-vpcs, describe-vpc-attribute x2 (DNS support, DNS hostnames),
 * describe-subnets, describe-route-tables, describe-nat-gateways, describe-internet-gateways,
 * describe-vpc-endpoints, describe-security-groups, describe-network-acls,
 * describe-network-interfaces (endpoint ENIs only: a busy VPC has thousands of others) and
 * describe-prefix-lists (Region-wide; the AWS-managed S3 list resolves the gateway route).
 * The DHCP option set is not read, so custom DNS servers are not detected (`dhcpUsesAmazonDns`
 * stays unknown).
 */
export async function describeVpcModel(clients: AwsClients, vpcId: string, signal?: AbortSignal): Promise<VpcModelRecord> {
	const ec2 = await sdk();
	const client = await clients.ec2();
	// Twelve concurrent calls each add an abort listener; Node warns past ten, on stderr, which
	// would garble the TUI.
	if (signal) setMaxListeners(32, signal);
	const options = {abortSignal: signal};
	const inVpc = [{Name: 'vpc-id', Values: [vpcId]}];
	const [vpcs, dnsSupport, dnsHostnames, subnets, routeTables, natGateways, internetGateways, vpcEndpoints, securityGroups, networkAcls, networkInterfaces, prefixLists] = await Promise.all([
		client.send(new ec2.DescribeVpcsCommand({VpcIds: [vpcId]}), options),
		client.send(new ec2.DescribeVpcAttributeCommand({VpcId: vpcId, Attribute: 'enableDnsSupport'}), options),
		client.send(new ec2.DescribeVpcAttributeCommand({VpcId: vpcId, Attribute: 'enableDnsHostnames'}), options),
		allPages<Subnet>(async token => {
			const page = await client.send(new ec2.DescribeSubnetsCommand({Filters: inVpc, MaxResults: 1000, NextToken: token}), options);
			return {items: (page.Subnets ?? []).map(toSubnet), next: page.NextToken};
		}),
		allPages<RouteTable>(async token => {
			const page = await client.send(new ec2.DescribeRouteTablesCommand({Filters: inVpc, MaxResults: 100, NextToken: token}), options);
			return {items: (page.RouteTables ?? []).map(toRouteTable), next: page.NextToken};
		}),
		// This operation's SDK member is `Filter`, not `Filters`.
		allPages<NatGateway>(async token => {
			const page = await client.send(new ec2.DescribeNatGatewaysCommand({Filter: inVpc, MaxResults: 1000, NextToken: token}), options);
			return {items: (page.NatGateways ?? []).map(toNatGateway), next: page.NextToken};
		}),
		allPages<InternetGateway>(async token => {
			const page = await client.send(new ec2.DescribeInternetGatewaysCommand({Filters: [{Name: 'attachment.vpc-id', Values: [vpcId]}], MaxResults: 1000, NextToken: token}), options);
			const items = (page.InternetGateways ?? []).map(gateway => ({
				internetGatewayId: gateway.InternetGatewayId ?? '',
				attachments: (gateway.Attachments ?? []).map(attachment => ({vpcId: attachment.VpcId ?? '', state: attachment.State ?? ''})),
			}));
			return {items, next: page.NextToken};
		}),
		allPages<VpcEndpoint>(async token => {
			const page = await client.send(new ec2.DescribeVpcEndpointsCommand({Filters: inVpc, MaxResults: 1000, NextToken: token}), options);
			return {items: (page.VpcEndpoints ?? []).map(toVpcEndpoint), next: page.NextToken};
		}),
		allPages<SecurityGroup>(async token => {
			const page = await client.send(new ec2.DescribeSecurityGroupsCommand({Filters: inVpc, MaxResults: 1000, NextToken: token}), options);
			return {items: (page.SecurityGroups ?? []).map(toSecurityGroup), next: page.NextToken};
		}),
		allPages<NetworkAcl>(async token => {
			const page = await client.send(new ec2.DescribeNetworkAclsCommand({Filters: inVpc, MaxResults: 1000, NextToken: token}), options);
			return {items: (page.NetworkAcls ?? []).map(toNetworkAcl), next: page.NextToken};
		}),
		allPages<NetworkInterface>(async token => {
			const filters = [...inVpc, {Name: 'interface-type', Values: ['vpc_endpoint']}];
			const page = await client.send(new ec2.DescribeNetworkInterfacesCommand({Filters: filters, MaxResults: 1000, NextToken: token}), options);
			return {items: (page.NetworkInterfaces ?? []).map(eni => withoutVpc(toNetworkInterface(eni))), next: page.NextToken};
		}),
		allPages<PrefixList>(async token => {
			const page = await client.send(new ec2.DescribePrefixListsCommand({MaxResults: 1000, NextToken: token}), options);
			const items = (page.PrefixLists ?? []).map(list => ({prefixListId: list.PrefixListId ?? '', prefixListName: list.PrefixListName ?? '', cidrs: list.Cidrs ?? []}));
			return {items, next: page.NextToken};
		}),
	]);
	const vpc = vpcs.Vpcs?.[0];
	if (!vpc) throw Object.assign(new Error(`The vpc ID '${vpcId}' does not exist`), {name: 'InvalidVpcID.NotFound'});
	const associated = (vpc.CidrBlockAssociationSet ?? []).filter(entry => (entry.CidrBlockState?.State ?? 'associated') === 'associated').flatMap(entry => (entry.CidrBlock ? [entry.CidrBlock] : []));
	const cidrBlocks = associated.length > 0 ? associated : vpc.CidrBlock ? [vpc.CidrBlock] : [];
	return {
		summary: toVpcSummary(vpc),
		vpc: {vpcId, cidrBlocks, enableDnsSupport: dnsSupport.EnableDnsSupport?.Value ?? false, enableDnsHostnames: dnsHostnames.EnableDnsHostnames?.Value ?? false},
		subnets,
		routeTables,
		natGateways,
		internetGateways,
		vpcEndpoints,
		securityGroups,
		networkAcls,
		prefixLists,
		networkInterfaces,
	};
}

function withoutVpc({vpcId: _vpcId, ...eni}: LocatedInterface): NetworkInterface {
	return eni;
}
