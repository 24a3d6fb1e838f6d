import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	DescribeAvailabilityZonesCommand,
	DescribeInternetGatewaysCommand,
	DescribeNatGatewaysCommand,
	DescribeNetworkAclsCommand,
	DescribeNetworkInterfacesCommand,
	DescribePrefixListsCommand,
	DescribeRouteTablesCommand,
	DescribeSecurityGroupsCommand,
	DescribeSubnetsCommand,
	DescribeVpcAttributeCommand,
	DescribeVpcEndpointsCommand,
	DescribeVpcsCommand,
	EC2Client,
} from '@aws-sdk/client-ec2';
import {clientConfig, useSimulator, rejectsWith} from '../helpers/sim.js';
import {DEMO_NETWORK as N} from '../../source/sim/scenarios/demo-network.js';
import {allocatePrivateIp, ec2StateOf} from '../../source/sim/world/ec2.js';

const sim = await useSimulator();
const ec2 = new EC2Client(clientConfig(sim));

/** Asserts an SDK call fails with an EC2 error code and (optionally) exact message. */
const tag = (tags: {Key?: string; Value?: string}[] | undefined, key = 'Name') => tags?.find(entry => entry.Key === key)?.Value;

test('DescribeVpcs returns the demo VPC with CIDR association and tags, and rejects unknown ids', async () => {
	const {Vpcs = []} = await ec2.send(new DescribeVpcsCommand({Filters: [{Name: 'tag:Name', Values: ['demo-*']}]}));
	assert.equal(Vpcs.length, 1);
	const vpc = Vpcs[0]!;
	assert.equal(vpc.VpcId, N.vpcId);
	assert.equal(vpc.CidrBlock, '10.0.0.0/16');
	assert.equal(vpc.State, 'available');
	assert.equal(vpc.IsDefault, false);
	assert.equal(vpc.OwnerId, '123456789012');
	assert.match(vpc.DhcpOptionsId ?? '', /^dopt-/);
	assert.equal(vpc.CidrBlockAssociationSet?.[0]?.CidrBlockState?.State, 'associated');
	assert.equal(tag(vpc.Tags), 'demo-vpc');
	await rejectsWith(ec2.send(new DescribeVpcsCommand({VpcIds: ['vpc-0000000000000dead']})), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000dead' does not exist");
});

test('DescribeVpcAttribute answers one DNS attribute per call', async () => {
	const support = await ec2.send(new DescribeVpcAttributeCommand({VpcId: N.vpcId, Attribute: 'enableDnsSupport'}));
	assert.equal(support.VpcId, N.vpcId);
	assert.equal(support.EnableDnsSupport?.Value, true);
	assert.equal(support.EnableDnsHostnames, undefined);
	const hostnames = await ec2.send(new DescribeVpcAttributeCommand({VpcId: N.vpcId, Attribute: 'enableDnsHostnames'}));
	assert.equal(hostnames.EnableDnsHostnames?.Value, true);
	await rejectsWith(ec2.send(new DescribeVpcAttributeCommand({VpcId: 'vpc-0000000000000dead', Attribute: 'enableDnsSupport'})), 'InvalidVpcID.NotFound');
});

test('DescribeSubnets returns every field the network view reads, with realistic free IP counts', async () => {
	const {Subnets = []} = await ec2.send(new DescribeSubnetsCommand({Filters: [{Name: 'vpc-id', Values: [N.vpcId]}]}));
	assert.equal(Subnets.length, 6);
	const byId = new Map(Subnets.map(subnet => [subnet.SubnetId, subnet]));
	const publicA = byId.get(N.subnets.publicA)!;
	assert.equal(publicA.CidrBlock, '10.0.0.0/24');
	assert.equal(publicA.AvailabilityZone, 'us-east-1a');
	assert.equal(publicA.AvailabilityZoneId, 'use1-az1');
	assert.equal(publicA.MapPublicIpOnLaunch, true);
	assert.equal(publicA.State, 'available');
	assert.equal(publicA.VpcId, N.vpcId);
	assert.equal(publicA.Ipv6Native, false);
	assert.equal(publicA.SubnetArn, `arn:aws:ec2:us-east-1:123456789012:subnet/${N.subnets.publicA}`);
	assert.equal(tag(publicA.Tags), 'demo-public-a');
	// 256 - 5 reserved - NAT ENI - 3 other addresses.
	assert.equal(publicA.AvailableIpAddressCount, 247);
	// 251 - the three endpoint ENIs.
	assert.equal(byId.get(N.subnets.isolatedC)?.AvailableIpAddressCount, 248);
	assert.equal(byId.get(N.subnets.spareB)?.AvailableIpAddressCount, 251);
});

test('DescribeSubnets filters by zone and wildcard tag, and rejects unknown filters and ids', async () => {
	const {Subnets = []} = await ec2.send(new DescribeSubnetsCommand({Filters: [{Name: 'availability-zone', Values: ['us-east-1a']}, {Name: 'tag:Name', Values: ['demo-private-?']}]}));
	assert.deepEqual(Subnets.map(subnet => subnet.SubnetId).sort(), [N.subnets.privateA, N.subnets.privateE]);
	const byIds = await ec2.send(new DescribeSubnetsCommand({SubnetIds: [N.subnets.spareB, N.subnets.privateB]}));
	assert.deepEqual(byIds.Subnets?.map(subnet => subnet.SubnetId).sort(), [N.subnets.privateB, N.subnets.spareB]);
	await rejectsWith(ec2.send(new DescribeSubnetsCommand({SubnetIds: ['subnet-x']})), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-x' does not exist");
	await rejectsWith(ec2.send(new DescribeSubnetsCommand({Filters: [{Name: 'colour', Values: ['blue']}]})), 'InvalidParameterValue', "The filter 'colour' is invalid");
});

test('DescribeSubnets pages with MaxResults 5..1000', async () => {
	const first = await ec2.send(new DescribeSubnetsCommand({MaxResults: 5}));
	assert.equal(first.Subnets?.length, 5);
	assert.ok(first.NextToken);
	const second = await ec2.send(new DescribeSubnetsCommand({MaxResults: 5, NextToken: first.NextToken}));
	assert.equal(second.Subnets?.length, 1);
	assert.equal(second.NextToken, undefined);
	await rejectsWith(ec2.send(new DescribeSubnetsCommand({MaxResults: 4})), 'InvalidParameterValue', /Value \( 4 \) for parameter maxResults is invalid/);
	await rejectsWith(ec2.send(new DescribeSubnetsCommand({MaxResults: 1001})), 'InvalidParameterValue', /less than or equal to 1000/);
	await rejectsWith(ec2.send(new DescribeSubnetsCommand({MaxResults: 5, NextToken: 'garbage'})), 'InvalidNextToken');
});

test('DescribeRouteTables: explicit association, blackhole NAT route, and the main-table fallback', async () => {
	const privateB = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'association.subnet-id', Values: [N.subnets.privateB]}]}));
	assert.equal(privateB.RouteTables?.length, 1);
	const table = privateB.RouteTables![0]!;
	assert.equal(table.RouteTableId, N.routeTables.privateB);
	assert.equal(table.Associations?.[0]?.SubnetId, N.subnets.privateB);
	assert.equal(table.Associations?.[0]?.Main, false);
	assert.equal(table.Associations?.[0]?.AssociationState?.State, 'associated');
	const defaultRoute = table.Routes?.find(route => route.DestinationCidrBlock === '0.0.0.0/0');
	assert.equal(defaultRoute?.NatGatewayId, N.natGateways.deleted);
	assert.equal(defaultRoute?.State, 'blackhole');
	assert.equal(defaultRoute?.Origin, 'CreateRoute');
	const local = table.Routes?.find(route => route.GatewayId === 'local');
	assert.equal(local?.DestinationCidrBlock, '10.0.0.0/16');
	assert.equal(local?.State, 'active');

	// spare-b has no explicit association: AWS returns nothing for it, so the caller falls back to the main table (D.3).
	const spare = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'association.subnet-id', Values: [N.subnets.spareB]}]}));
	assert.deepEqual(spare.RouteTables, []);
	const main = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'vpc-id', Values: [N.vpcId]}, {Name: 'association.main', Values: ['true']}]}));
	assert.equal(main.RouteTables?.length, 1);
	const mainTable = main.RouteTables![0]!;
	assert.equal(mainTable.RouteTableId, N.routeTables.main);
	assert.equal(mainTable.Associations?.length, 1);
	assert.equal(mainTable.Associations?.[0]?.Main, true);
	assert.equal(mainTable.Associations?.[0]?.SubnetId, undefined);
	assert.match(mainTable.Associations?.[0]?.RouteTableAssociationId ?? '', /^rtbassoc-/);
});

test('DescribeRouteTables: IGW and NAT routes are active, private-e shares the NAT table, paging is capped at 100', async () => {
	const {RouteTables = []} = await ec2.send(new DescribeRouteTablesCommand({RouteTableIds: [N.routeTables.public, N.routeTables.privateA]}));
	const publicTable = RouteTables.find(table => table.RouteTableId === N.routeTables.public);
	const igwRoute = publicTable?.Routes?.find(route => route.DestinationCidrBlock === '0.0.0.0/0');
	assert.equal(igwRoute?.GatewayId, N.internetGatewayId);
	assert.equal(igwRoute?.State, 'active');
	const privateA = RouteTables.find(table => table.RouteTableId === N.routeTables.privateA);
	assert.deepEqual(privateA?.Associations?.map(association => association.SubnetId), [N.subnets.privateA, N.subnets.privateE]);
	assert.equal(privateA?.Routes?.find(route => route.NatGatewayId)?.State, 'active');
	assert.equal(tag(privateA?.Tags), 'demo-private-a');
	const byNat = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'route.nat-gateway-id', Values: [N.natGateways.available]}]}));
	assert.deepEqual(byNat.RouteTables?.map(table => table.RouteTableId), [N.routeTables.privateA]);
	const paged = await ec2.send(new DescribeRouteTablesCommand({MaxResults: 5}));
	assert.equal(paged.RouteTables?.length, 5);
	assert.equal(paged.NextToken, undefined);
	await rejectsWith(ec2.send(new DescribeRouteTablesCommand({MaxResults: 101})), 'InvalidParameterValue', /less than or equal to 100\./);
	await rejectsWith(ec2.send(new DescribeRouteTablesCommand({RouteTableIds: ['rtb-x']})), 'InvalidRouteTableID.NotFound', "The routeTable ID 'rtb-x' does not exist");
});

test('DescribeNatGateways lists the deleted NAT too, with state, type and addresses (param Filter)', async () => {
	sim.resetCalls();
	const {NatGateways = []} = await ec2.send(new DescribeNatGatewaysCommand({Filter: [{Name: 'vpc-id', Values: [N.vpcId]}]}));
	assert.deepEqual(sim.calls[0]?.input.Filter, [{Name: 'vpc-id', Value: [N.vpcId]}], 'the SDK sends Filter.1.Name / Filter.1.Value.1');
	assert.equal(NatGateways.length, 2);
	const available = NatGateways.find(nat => nat.NatGatewayId === N.natGateways.available)!;
	assert.equal(available.State, 'available');
	assert.equal(available.ConnectivityType, 'public');
	assert.equal(available.AvailabilityMode, 'zonal');
	assert.equal(available.SubnetId, N.subnets.publicA);
	assert.equal(available.VpcId, N.vpcId);
	assert.ok(available.CreateTime instanceof Date);
	const address = available.NatGatewayAddresses?.[0];
	assert.equal(address?.PublicIp, N.natPublicIp);
	assert.equal(address?.PrivateIp, '10.0.0.84');
	assert.equal(address?.NetworkInterfaceId, N.networkInterfaces.nat);
	assert.equal(address?.IsPrimary, true);
	assert.equal(address?.Status, 'succeeded');
	const deleted = NatGateways.find(nat => nat.NatGatewayId === N.natGateways.deleted)!;
	assert.equal(deleted.State, 'deleted');
	assert.ok(deleted.DeleteTime instanceof Date);
	assert.equal(tag(deleted.Tags), 'demo-nat-b');
	const onlyAvailable = await ec2.send(new DescribeNatGatewaysCommand({Filter: [{Name: 'state', Values: ['available']}]}));
	assert.deepEqual(onlyAvailable.NatGateways?.map(nat => nat.NatGatewayId), [N.natGateways.available]);
	await rejectsWith(ec2.send(new DescribeNatGatewaysCommand({NatGatewayIds: ['nat-00000000000000bad']})), 'NatGatewayNotFound', /nat-00000000000000bad/);
	await rejectsWith(ec2.send(new DescribeNatGatewaysCommand({MaxResults: 1})), 'InvalidParameterValue');
});

test('DescribeInternetGateways reports an attached gateway as available', async () => {
	const {InternetGateways = []} = await ec2.send(new DescribeInternetGatewaysCommand({Filters: [{Name: 'attachment.vpc-id', Values: [N.vpcId]}]}));
	assert.equal(InternetGateways.length, 1);
	assert.equal(InternetGateways[0]?.InternetGatewayId, N.internetGatewayId);
	assert.deepEqual(InternetGateways[0]?.Attachments, [{State: 'available', VpcId: N.vpcId}]);
	assert.equal(InternetGateways[0]?.OwnerId, '123456789012');
	assert.equal(tag(InternetGateways[0]?.Tags), 'demo-igw');
	await rejectsWith(ec2.send(new DescribeInternetGatewaysCommand({InternetGatewayIds: ['igw-x']})), 'InvalidInternetGatewayID.NotFound', "The internetGateway ID 'igw-x' does not exist");
});

test('DescribeVpcEndpoints: ecr.api, ecr.dkr and logs interface endpoints with private DNS, and no S3 gateway', async () => {
	const {VpcEndpoints = []} = await ec2.send(new DescribeVpcEndpointsCommand({Filters: [{Name: 'vpc-id', Values: [N.vpcId]}]}));
	assert.deepEqual(VpcEndpoints.map(endpoint => endpoint.ServiceName), ['com.amazonaws.us-east-1.ecr.api', 'com.amazonaws.us-east-1.ecr.dkr', 'com.amazonaws.us-east-1.logs']);
	const dkr = VpcEndpoints.find(endpoint => endpoint.VpcEndpointId === N.vpcEndpoints.ecrDkr)!;
	assert.equal(dkr.VpcEndpointType, 'Interface');
	assert.equal(dkr.State, 'available');
	assert.equal(dkr.PrivateDnsEnabled, true);
	assert.deepEqual(dkr.SubnetIds, [N.subnets.isolatedC]);
	assert.deepEqual(dkr.Groups, [{GroupId: N.securityGroups.vpceEndpoints, GroupName: 'vpce-endpoints'}]);
	assert.deepEqual(dkr.NetworkInterfaceIds, [N.networkInterfaces.ecrDkr]);
	assert.deepEqual(dkr.RouteTableIds, []);
	assert.ok(dkr.DnsEntries?.some(entry => entry.DnsName === '*.dkr.ecr.us-east-1.amazonaws.com'));
	assert.equal(dkr.DnsOptions?.DnsRecordIpType, 'ipv4');
	assert.ok(dkr.CreationTimestamp instanceof Date);
	assert.equal(JSON.parse(dkr.PolicyDocument ?? '{}').Statement[0].Effect, 'Allow');
	const byName = await ec2.send(new DescribeVpcEndpointsCommand({Filters: [{Name: 'service-name', Values: ['com.amazonaws.us-east-1.ecr.api']}]}));
	assert.deepEqual(byName.VpcEndpoints?.map(endpoint => endpoint.VpcEndpointId), [N.vpcEndpoints.ecrApi]);
	const gateways = await ec2.send(new DescribeVpcEndpointsCommand({Filters: [{Name: 'vpc-endpoint-type', Values: ['Gateway']}]}));
	assert.deepEqual(gateways.VpcEndpoints, []);
	const s3 = await ec2.send(new DescribeVpcEndpointsCommand({Filters: [{Name: 'service-name', Values: ['*.s3']}]}));
	assert.deepEqual(s3.VpcEndpoints, []);
	const paged = await ec2.send(new DescribeVpcEndpointsCommand({MaxResults: 2}));
	assert.equal(paged.VpcEndpoints?.length, 2);
	const rest = await ec2.send(new DescribeVpcEndpointsCommand({MaxResults: 2, NextToken: paged.NextToken}));
	assert.deepEqual(rest.VpcEndpoints?.map(endpoint => endpoint.VpcEndpointId), [N.vpcEndpoints.logs]);
	await rejectsWith(ec2.send(new DescribeVpcEndpointsCommand({VpcEndpointIds: ['vpce-x']})), 'InvalidVpcEndpointId.NotFound', /'vpce-x' does not exist/);
});

test('DescribeSecurityGroups carries egress rules with IP ranges, group pairs and prefix lists', async () => {
	const {SecurityGroups = []} = await ec2.send(new DescribeSecurityGroupsCommand({Filters: [{Name: 'vpc-id', Values: [N.vpcId]}]}));
	assert.equal(SecurityGroups.length, 4);
	const svc = SecurityGroups.find(group => group.GroupId === N.securityGroups.svcDefault)!;
	assert.equal(svc.GroupName, 'svc-default');
	assert.equal(svc.Description, 'Default SG for demo services');
	assert.equal(svc.VpcId, N.vpcId);
	assert.deepEqual(svc.IpPermissions, []);
	const all = svc.IpPermissionsEgress?.find(rule => rule.IpProtocol === '-1');
	assert.deepEqual(all?.IpRanges, [{CidrIp: '0.0.0.0/0'}]);
	assert.equal(all?.FromPort, undefined);
	const https = svc.IpPermissionsEgress?.find(rule => rule.IpProtocol === 'tcp');
	assert.equal(https?.FromPort, 443);
	assert.equal(https?.ToPort, 443);
	assert.equal(https?.UserIdGroupPairs?.[0]?.GroupId, N.securityGroups.vpceEndpoints);
	assert.equal(https?.UserIdGroupPairs?.[0]?.UserId, '123456789012');
	assert.deepEqual(https?.PrefixListIds, [{PrefixListId: N.prefixLists.s3, Description: 'S3 gateway'}]);
	const indexer = SecurityGroups.find(group => group.GroupId === N.securityGroups.searchIndexer)!;
	assert.deepEqual(indexer.IpPermissionsEgress?.map(rule => [rule.IpProtocol, rule.FromPort, rule.ToPort, rule.IpRanges?.[0]?.CidrIp]), [['tcp', 5432, 5432, '10.0.0.0/16']]);
	const endpoints = SecurityGroups.find(group => group.GroupId === N.securityGroups.vpceEndpoints)!;
	assert.deepEqual(endpoints.IpPermissions?.[0]?.IpRanges, [{CidrIp: '10.0.0.0/16'}]);
	const defaultGroup = SecurityGroups.find(group => group.GroupName === 'default')!;
	assert.equal(defaultGroup.IpPermissions?.[0]?.UserIdGroupPairs?.[0]?.GroupId, N.securityGroups.default);

	const byEgressPort = await ec2.send(new DescribeSecurityGroupsCommand({Filters: [{Name: 'egress.ip-permission.to-port', Values: ['5432']}]}));
	assert.deepEqual(byEgressPort.SecurityGroups?.map(group => group.GroupId), [N.securityGroups.searchIndexer]);
	const byName = await ec2.send(new DescribeSecurityGroupsCommand({GroupNames: ['vpce-endpoints']}));
	assert.deepEqual(byName.SecurityGroups?.map(group => group.GroupId), [N.securityGroups.vpceEndpoints]);
	await rejectsWith(ec2.send(new DescribeSecurityGroupsCommand({GroupIds: ['sg-x']})), 'InvalidGroup.NotFound', "The security group 'sg-x' does not exist");
	await rejectsWith(ec2.send(new DescribeSecurityGroupsCommand({MaxResults: 1001})), 'InvalidParameterValue');
});

test('DescribeNetworkAcls: the strict NACL on private-e, the default NACL on the rest, and the * deny entries', async () => {
	const strict = await ec2.send(new DescribeNetworkAclsCommand({Filters: [{Name: 'association.subnet-id', Values: [N.subnets.privateE]}]}));
	assert.equal(strict.NetworkAcls?.length, 1);
	const acl = strict.NetworkAcls![0]!;
	assert.equal(acl.NetworkAclId, N.networkAcls.strict);
	assert.equal(acl.IsDefault, false);
	assert.equal(tag(acl.Tags), 'demo-strict');
	assert.deepEqual(acl.Associations?.map(association => association.SubnetId), [N.subnets.privateE]);
	assert.match(acl.Associations?.[0]?.NetworkAclAssociationId ?? '', /^aclassoc-[0-9a-f]{17}$/);
	const ingress = acl.Entries?.find(entry => entry.Egress === false && entry.RuleNumber === 100);
	assert.deepEqual(ingress, {CidrBlock: '10.0.0.0/16', Egress: false, PortRange: {From: 443, To: 443}, Protocol: '6', RuleAction: 'allow', RuleNumber: 100});
	const egress = acl.Entries?.find(entry => entry.Egress === true && entry.RuleNumber === 100);
	assert.equal(egress?.CidrBlock, '0.0.0.0/0');
	const denies = acl.Entries?.filter(entry => entry.RuleNumber === 32767);
	assert.deepEqual(denies?.map(entry => [entry.Egress, entry.Protocol, entry.RuleAction]), [[true, '-1', 'deny'], [false, '-1', 'deny']]);

	const defaults = await ec2.send(new DescribeNetworkAclsCommand({Filters: [{Name: 'default', Values: ['true']}]}));
	const defaultAcl = defaults.NetworkAcls?.[0];
	assert.equal(defaultAcl?.NetworkAclId, N.networkAcls.default);
	assert.equal(defaultAcl?.IsDefault, true);
	const associated = defaultAcl?.Associations?.map(association => association.SubnetId).sort();
	assert.deepEqual(associated, [N.subnets.publicA, N.subnets.privateA, N.subnets.privateB, N.subnets.isolatedC, N.subnets.spareB].sort());
	assert.deepEqual(defaultAcl?.Entries?.map(entry => [entry.RuleNumber, entry.RuleAction]), [[100, 'allow'], [32767, 'deny'], [100, 'allow'], [32767, 'deny']]);
	const tcp = await ec2.send(new DescribeNetworkAclsCommand({Filters: [{Name: 'entry.protocol', Values: ['tcp']}]}));
	assert.deepEqual(tcp.NetworkAcls?.map(candidate => candidate.NetworkAclId), [N.networkAcls.strict]);
	await rejectsWith(ec2.send(new DescribeNetworkAclsCommand({NetworkAclIds: ['acl-x']})), 'InvalidNetworkAclID.NotFound', "The networkAcl ID 'acl-x' does not exist");
});

test('DescribeNetworkInterfaces: endpoint ENIs and the NAT ENI with its public IP', async () => {
	const endpoints = await ec2.send(new DescribeNetworkInterfacesCommand({Filters: [{Name: 'interface-type', Values: ['vpc_endpoint']}]}));
	assert.equal(endpoints.NetworkInterfaces?.length, 3);
	for (const eni of endpoints.NetworkInterfaces ?? []) {
		assert.equal(eni.SubnetId, N.subnets.isolatedC);
		assert.match(eni.PrivateIpAddress ?? '', /^10\.0\.20\./);
		assert.equal(eni.InterfaceType, 'vpc_endpoint');
		assert.equal(eni.RequesterManaged, true);
		assert.equal(eni.Status, 'in-use');
		assert.deepEqual(eni.Groups, [{GroupId: N.securityGroups.vpceEndpoints, GroupName: 'vpce-endpoints'}]);
		assert.equal(eni.Association, undefined);
	}
	const nat = await ec2.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [N.networkInterfaces.nat]}));
	const natEni = nat.NetworkInterfaces?.[0];
	assert.equal(natEni?.Association?.PublicIp, N.natPublicIp);
	assert.equal(natEni?.Association?.IpOwnerId, '123456789012');
	assert.equal(natEni?.InterfaceType, 'nat_gateway');
	assert.equal(natEni?.PrivateIpAddresses?.[0]?.Primary, true);
	assert.equal(natEni?.AvailabilityZone, 'us-east-1a');
	const byGroup = await ec2.send(new DescribeNetworkInterfacesCommand({Filters: [{Name: 'group-id', Values: [N.securityGroups.vpceEndpoints]}, {Name: 'private-ip-address', Values: ['10.0.20.118']}]}));
	assert.deepEqual(byGroup.NetworkInterfaces?.map(eni => eni.NetworkInterfaceId), [N.networkInterfaces.ecrDkr]);
	// The model: MaxResults cannot be combined with the network interface IDs.
	await rejectsWith(ec2.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [N.networkInterfaces.nat], MaxResults: 5})), 'InvalidParameterCombination');
	await rejectsWith(ec2.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: ['eni-x']})), 'InvalidNetworkInterfaceID.NotFound', "The networkInterface ID 'eni-x' does not exist");
});

test('ENIs added at run time take addresses, lower the free count and page', async () => {
	const own = await useSimulator();
	const client = new EC2Client(clientConfig(own));
	const state = ec2StateOf(own.world, '123456789012', 'us-east-1');
	const before = (await client.send(new DescribeSubnetsCommand({SubnetIds: [N.subnets.privateA]}))).Subnets?.[0]?.AvailableIpAddressCount;
	for (let index = 0; index < 4; index++) {
		const networkInterfaceId = `eni-0task00000000000${index}`;
		state.networkInterfaces.set(networkInterfaceId, {
			networkInterfaceId,
			subnetId: N.subnets.privateA,
			vpcId: N.vpcId,
			availabilityZone: 'us-east-1a',
			privateIpAddress: allocatePrivateIp(state, N.subnets.privateA),
			macAddress: `0a:00:00:00:00:0${index}`,
			description: 'arn:aws:ecs:us-east-1:123456789012:attachment/demo',
			interfaceType: 'interface',
			requesterManaged: true,
			status: 'in-use',
			sourceDestCheck: true,
			groupIds: [N.securityGroups.svcDefault],
			tags: {},
		});
	}
	const after = (await client.send(new DescribeSubnetsCommand({SubnetIds: [N.subnets.privateA]}))).Subnets?.[0]?.AvailableIpAddressCount;
	assert.equal(after, (before ?? 0) - 4);
	// The demo's ECS tasks hold ENIs in private-a too: every address must still be distinct.
	const addresses = [...state.networkInterfaces.values()].filter(eni => eni.subnetId === N.subnets.privateA).map(eni => eni.privateIpAddress);
	assert.equal(new Set(addresses).size, addresses.length, 'addresses are distinct');
	const total = state.networkInterfaces.size;
	const first = await client.send(new DescribeNetworkInterfacesCommand({MaxResults: 5}));
	assert.equal(first.NetworkInterfaces?.length, 5);
	const second = await client.send(new DescribeNetworkInterfacesCommand({MaxResults: 1000, NextToken: first.NextToken}));
	assert.equal(second.NetworkInterfaces?.length, total - 5);
	assert.equal(second.NextToken, undefined);
});

test('a gateway endpoint adds its prefix-list route; deleting the NAT turns its route into a blackhole', async () => {
	const own = await useSimulator();
	const client = new EC2Client(clientConfig(own));
	const state = ec2StateOf(own.world, '123456789012', 'us-east-1');
	state.vpcEndpoints.set('vpce-0s3gateway000001', {
		vpcEndpointId: 'vpce-0s3gateway000001',
		vpcEndpointType: 'Gateway',
		vpcId: N.vpcId,
		serviceName: 'com.amazonaws.us-east-1.s3',
		state: 'available',
		routeTableIds: [N.routeTables.isolated],
		subnetIds: [],
		groupIds: [],
		networkInterfaceIds: [],
		privateDnsEnabled: false,
		requesterManaged: false,
		ipAddressType: 'ipv4',
		dnsEntries: [],
		creationTimestamp: 0,
		tags: {},
	});
	const isolated = await client.send(new DescribeRouteTablesCommand({Filters: [{Name: 'route.destination-prefix-list-id', Values: [N.prefixLists.s3]}]}));
	assert.deepEqual(isolated.RouteTables?.map(table => table.RouteTableId), [N.routeTables.isolated]);
	const s3Route = isolated.RouteTables?.[0]?.Routes?.find(route => route.DestinationPrefixListId);
	assert.deepEqual([s3Route?.GatewayId, s3Route?.State], ['vpce-0s3gateway000001', 'active']);
	const gateway = await client.send(new DescribeVpcEndpointsCommand({Filters: [{Name: 'vpc-endpoint-type', Values: ['Gateway']}]}));
	assert.deepEqual(gateway.VpcEndpoints?.[0]?.RouteTableIds, [N.routeTables.isolated]);
	assert.equal(gateway.VpcEndpoints?.[0]?.DnsOptions, undefined);

	state.natGateways.get(N.natGateways.available)!.state = 'deleted';
	const privateA = await client.send(new DescribeRouteTablesCommand({RouteTableIds: [N.routeTables.privateA]}));
	assert.equal(privateA.RouteTables?.[0]?.Routes?.find(route => route.NatGatewayId)?.State, 'blackhole');
});

test('DescribePrefixLists returns the S3 prefix list with its CIDRs', async () => {
	const {PrefixLists = []} = await ec2.send(new DescribePrefixListsCommand({Filters: [{Name: 'prefix-list-name', Values: ['com.amazonaws.us-east-1.s3']}]}));
	assert.equal(PrefixLists.length, 1);
	assert.equal(PrefixLists[0]?.PrefixListId, 'pl-63a5400a');
	assert.ok((PrefixLists[0]?.Cidrs ?? []).includes('52.216.0.0/15'));
	const byId = await ec2.send(new DescribePrefixListsCommand({PrefixListIds: ['pl-63a5400a']}));
	assert.equal(byId.PrefixLists?.[0]?.PrefixListName, 'com.amazonaws.us-east-1.s3');
	await rejectsWith(ec2.send(new DescribePrefixListsCommand({PrefixListIds: ['pl-00000000']})), 'InvalidPrefixListId.NotFound');
});

test('DescribeAvailabilityZones lists the region zones with ids and state', async () => {
	const {AvailabilityZones = []} = await ec2.send(new DescribeAvailabilityZonesCommand({}));
	assert.equal(AvailabilityZones.length, 6);
	assert.deepEqual(AvailabilityZones[0], {
		OptInStatus: 'opt-in-not-required',
		Messages: [],
		RegionName: 'us-east-1',
		ZoneName: 'us-east-1a',
		ZoneId: 'use1-az1',
		GroupName: 'us-east-1-zg-1',
		NetworkBorderGroup: 'us-east-1',
		ZoneType: 'availability-zone',
		State: 'available',
	});
	const west = new EC2Client(clientConfig(sim, {region: 'us-west-2'}));
	const oregon = await west.send(new DescribeAvailabilityZonesCommand({ZoneNames: ['us-west-2b']}));
	assert.deepEqual(oregon.AvailabilityZones?.map(zone => [zone.ZoneName, zone.ZoneId]), [['us-west-2b', 'usw2-az2']]);
	// Regions keep their own network: the demo VPC lives in us-east-1 only.
	assert.deepEqual((await west.send(new DescribeSubnetsCommand({}))).Subnets, []);
});

test('DryRun answers DryRunOperation without listing anything', async () => {
	await rejectsWith(ec2.send(new DescribeVpcsCommand({DryRun: true})), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
});
