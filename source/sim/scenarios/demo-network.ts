import {ec2StateOf, type Ec2State, type SimAclEntry, type SimPermission, type SimRoute, type SimVpcEndpoint} from '../world/ec2.js';
import type {World} from '../world/world.js';
import {DAY} from './factory.js';

/**
 * The network half of the demo account (design.md, "The demo account"; aws-semantics.md D):
 * one VPC in us-east-1 whose subnets each show one way a Fargate task reaches ECR or fails to.
 *
 * | subnet | route | what the demo shows |
 * |---|---|---|
 * | public-a | 0.0.0.0/0 -> IGW | holds the working NAT |
 * | private-a | 0.0.0.0/0 -> NAT (available) | healthy services |
 * | private-b | 0.0.0.0/0 -> deleted NAT (blackhole) | "no route to ECR" |
 * | isolated-c | local only | ecr.api, ecr.dkr, logs endpoints but no S3 gateway endpoint |
 * | private-e | NAT ok | NACL drops return traffic on ephemeral ports |
 * | spare-b | (main table, implicit) | a subnet without an explicit association |
 */

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

/** Every id the demo network uses, so scenarios and tests can refer to them by role. */
export const DEMO_NETWORK = {
	accountId: ACCOUNT,
	region: REGION,
	vpcId: 'vpc-0f3a9c1d2e4b5a601',
	vpcCidr: '10.0.0.0/16',
	internetGatewayId: 'igw-0a1b2c3d4e5f65001',
	subnets: {
		publicA: 'subnet-0a1b2c3d4e5f60001',
		privateA: 'subnet-0a1b2c3d4e5f60002',
		privateB: 'subnet-0a1b2c3d4e5f60003',
		isolatedC: 'subnet-0a1b2c3d4e5f60004',
		privateE: 'subnet-0a1b2c3d4e5f60006',
		spareB: 'subnet-0a1b2c3d4e5f60007',
	},
	routeTables: {
		main: 'rtb-0a1b2c3d4e5f62000',
		public: 'rtb-0a1b2c3d4e5f62001',
		privateA: 'rtb-0a1b2c3d4e5f62002',
		privateB: 'rtb-0a1b2c3d4e5f62003',
		isolated: 'rtb-0a1b2c3d4e5f62004',
	},
	natGateways: {available: 'nat-0a1b2c3d4e5f64001', deleted: 'nat-0a1b2c3d4e5f64002'},
	natPublicIp: '44.207.18.93',
	vpcEndpoints: {ecrApi: 'vpce-0a1b2c3d4e5f63001', ecrDkr: 'vpce-0a1b2c3d4e5f63002', logs: 'vpce-0a1b2c3d4e5f63003'},
	securityGroups: {svcDefault: 'sg-0a1b2c3d4e5f61001', searchIndexer: 'sg-0a1b2c3d4e5f61002', vpceEndpoints: 'sg-0a1b2c3d4e5f61003', default: 'sg-0a1b2c3d4e5f61004'},
	networkAcls: {default: 'acl-0a1b2c3d4e5f66001', strict: 'acl-0a1b2c3d4e5f66002'},
	prefixLists: {s3: 'pl-63a5400a', dynamodb: 'pl-02cd2c6b'},
	networkInterfaces: {nat: 'eni-0a1b2c3d4e5f67001', ecrApi: 'eni-0a1b2c3d4e5f67002', ecrDkr: 'eni-0a1b2c3d4e5f67003', logs: 'eni-0a1b2c3d4e5f67004'},
} as const;

const N = DEMO_NETWORK;
const name = (value: string) => ({Name: value});

function permission(ipProtocol: string, ports: [number, number] | undefined, peers: Partial<Pick<SimPermission, 'ipRanges' | 'prefixListIds' | 'userIdGroupPairs'>>): SimPermission {
	return {ipProtocol, ...(ports ? {fromPort: ports[0], toPort: ports[1]} : {}), ipRanges: [], ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [], ...peers};
}

const allEgress = permission('-1', undefined, {ipRanges: [{cidrIp: '0.0.0.0/0'}]});

/** NACL entries plus the implicit `*` deny AWS lists as rule 32767 in each direction [DOC awscli describe-network-acls example]. */
function aclEntries(entries: SimAclEntry[]): SimAclEntry[] {
	const deny = (egress: boolean): SimAclEntry => ({ruleNumber: 32767, egress, protocol: '-1', ruleAction: 'deny', cidrBlock: '0.0.0.0/0'});
	return [...entries.filter(entry => entry.egress), deny(true), ...entries.filter(entry => !entry.egress), deny(false)];
}

function addSubnets(state: Ec2State): void {
	const subnets: [string, string, string, string, number, boolean][] = [
		[N.subnets.publicA, 'demo-public-a', '10.0.0.0/24', 'us-east-1a', 3, true],
		[N.subnets.privateA, 'demo-private-a', '10.0.10.0/24', 'us-east-1a', 9, false],
		[N.subnets.privateB, 'demo-private-b', '10.0.11.0/24', 'us-east-1b', 2, false],
		[N.subnets.isolatedC, 'demo-isolated-c', '10.0.20.0/24', 'us-east-1c', 0, false],
		[N.subnets.privateE, 'demo-private-e', '10.0.13.0/24', 'us-east-1a', 1, false],
		[N.subnets.spareB, 'demo-spare-b', '10.0.14.0/24', 'us-east-1b', 0, false],
	];
	for (const [subnetId, label, cidrBlock, availabilityZone, otherUsedIps, mapPublicIpOnLaunch] of subnets) {
		state.subnets.set(subnetId, {subnetId, vpcId: N.vpcId, cidrBlock, availabilityZone, state: 'available', mapPublicIpOnLaunch, defaultForAz: false, otherUsedIps, tags: name(label)});
	}
}

function addRouting(state: Ec2State, now: number): void {
	const local: SimRoute = {destinationCidrBlock: N.vpcCidr, gatewayId: 'local', origin: 'CreateRouteTable'};
	const toward = (target: {gatewayId: string} | {natGatewayId: string}): SimRoute => ({destinationCidrBlock: '0.0.0.0/0', ...target, origin: 'CreateRoute'});
	const table = (routeTableId: string, label: string, subnetIds: string[], routes: SimRoute[]) => {
		state.routeTables.set(routeTableId, {
			routeTableId,
			vpcId: N.vpcId,
			associations: subnetIds.map(subnetId => ({associationId: `rtbassoc-${subnetId.slice(-17)}`, subnetId})),
			routes,
			tags: name(label),
		});
	};
	table(N.routeTables.main, 'demo-main', [], [local]);
	state.routeTables.get(N.routeTables.main)!.main = {associationId: 'rtbassoc-0a1b2c3d4e5f6b000'};
	table(N.routeTables.public, 'demo-public', [N.subnets.publicA], [local, toward({gatewayId: N.internetGatewayId})]);
	table(N.routeTables.privateA, 'demo-private-a', [N.subnets.privateA, N.subnets.privateE], [local, toward({natGatewayId: N.natGateways.available})]);
	table(N.routeTables.privateB, 'demo-private-b', [N.subnets.privateB], [local, toward({natGatewayId: N.natGateways.deleted})]);
	table(N.routeTables.isolated, 'demo-isolated', [N.subnets.isolatedC], [local]);

	state.internetGateways.set(N.internetGatewayId, {internetGatewayId: N.internetGatewayId, attachments: [{vpcId: N.vpcId, state: 'available'}], tags: name('demo-igw')});
	state.natGateways.set(N.natGateways.available, {
		natGatewayId: N.natGateways.available,
		vpcId: N.vpcId,
		subnetId: N.subnets.publicA,
		state: 'available',
		connectivityType: 'public',
		availabilityMode: 'zonal',
		addresses: [{allocationId: 'eipalloc-0a1b2c3d4e5f69001', networkInterfaceId: N.networkInterfaces.nat, privateIp: '10.0.0.84', publicIp: N.natPublicIp, associationId: 'eipassoc-0a1b2c3d4e5f6a001', isPrimary: true, status: 'succeeded'}],
		createTime: now - 420 * DAY,
		tags: name('demo-nat-a'),
	});
	// Deleted NATs stay visible to DescribeNatGateways for a while (about an hour) [DOC NAT gateway deletion];
	// the demo keeps it listed so the blackhole route has something to point at.
	state.natGateways.set(N.natGateways.deleted, {
		natGatewayId: N.natGateways.deleted,
		vpcId: N.vpcId,
		subnetId: N.subnets.publicA,
		state: 'deleted',
		connectivityType: 'public',
		availabilityMode: 'zonal',
		addresses: [{allocationId: 'eipalloc-0a1b2c3d4e5f69002', privateIp: '10.0.0.151', publicIp: '52.0.114.27', isPrimary: true}],
		createTime: now - 380 * DAY,
		deleteTime: now - 40 * 60_000,
		tags: name('demo-nat-b'),
	});
	state.networkInterfaces.set(N.networkInterfaces.nat, {
		networkInterfaceId: N.networkInterfaces.nat,
		subnetId: N.subnets.publicA,
		vpcId: N.vpcId,
		availabilityZone: 'us-east-1a',
		privateIpAddress: '10.0.0.84',
		privateDnsName: 'ip-10-0-0-84.ec2.internal',
		macAddress: '0e:3a:51:7c:1d:01',
		description: `Interface for NAT Gateway ${N.natGateways.available}`,
		interfaceType: 'nat_gateway',
		requesterManaged: true,
		status: 'in-use',
		sourceDestCheck: false,
		groupIds: [],
		association: {publicIp: N.natPublicIp, publicDnsName: 'ec2-44-207-18-93.compute-1.amazonaws.com', ipOwnerId: ACCOUNT, allocationId: 'eipalloc-0a1b2c3d4e5f69001', associationId: 'eipassoc-0a1b2c3d4e5f6a001'},
		tags: {},
	});
}

function addSecurity(state: Ec2State): void {
	const group = (groupId: string, groupName: string, description: string, ingress: SimPermission[], egress: SimPermission[]) =>
		state.securityGroups.set(groupId, {groupId, groupName, description, vpcId: N.vpcId, ingress, egress, tags: groupName === 'default' ? {} : name(groupName)});
	const vpcRange = {ipRanges: [{cidrIp: N.vpcCidr}]};
	group(N.securityGroups.svcDefault, 'svc-default', 'Default SG for demo services', [], [
		allEgress,
		permission('tcp', [443, 443], {userIdGroupPairs: [{groupId: N.securityGroups.vpceEndpoints, userId: ACCOUNT, description: 'Interface endpoints'}], prefixListIds: [{prefixListId: N.prefixLists.s3, description: 'S3 gateway'}]}),
	]);
	// Only Postgres inside the VPC: HTTPS to ECR is blocked (the demo's SG failure).
	group(N.securityGroups.searchIndexer, 'search-indexer', 'search-indexer tasks', [], [permission('tcp', [5432, 5432], vpcRange)]);
	group(N.securityGroups.vpceEndpoints, 'vpce-endpoints', 'HTTPS from the VPC to interface endpoints', [permission('tcp', [443, 443], vpcRange)], [allEgress]);
	group(N.securityGroups.default, 'default', 'default VPC security group', [permission('-1', undefined, {userIdGroupPairs: [{groupId: N.securityGroups.default, userId: ACCOUNT}]})], [allEgress]);

	const allowAll = (egress: boolean): SimAclEntry => ({ruleNumber: 100, egress, protocol: '-1', ruleAction: 'allow', cidrBlock: '0.0.0.0/0'});
	state.networkAcls.set(N.networkAcls.default, {networkAclId: N.networkAcls.default, vpcId: N.vpcId, isDefault: true, entries: aclEntries([allowAll(true), allowAll(false)]), subnetIds: [], tags: {}});
	// Ingress admits only 443 from the VPC: replies from ECR (ephemeral ports, public IPs) are dropped.
	state.networkAcls.set(N.networkAcls.strict, {
		networkAclId: N.networkAcls.strict,
		vpcId: N.vpcId,
		isDefault: false,
		entries: aclEntries([
			{ruleNumber: 100, egress: true, protocol: '6', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', portRange: {from: 443, to: 443}},
			{ruleNumber: 100, egress: false, protocol: '6', ruleAction: 'allow', cidrBlock: N.vpcCidr, portRange: {from: 443, to: 443}},
		]),
		subnetIds: [N.subnets.privateE],
		tags: name('demo-strict'),
	});

	state.prefixLists.set(N.prefixLists.s3, {prefixListId: N.prefixLists.s3, prefixListName: 'com.amazonaws.us-east-1.s3', cidrs: ['3.5.0.0/19', '16.15.176.0/20', '16.182.0.0/16', '18.34.0.0/19', '18.34.232.0/21', '52.216.0.0/15', '54.231.0.0/16']});
	state.prefixLists.set(N.prefixLists.dynamodb, {prefixListId: N.prefixLists.dynamodb, prefixListName: 'com.amazonaws.us-east-1.dynamodb', cidrs: ['3.218.180.0/22', '52.94.0.0/22', '52.119.224.0/20']});
}

/** The default endpoint policy text AWS stores when none is given [DOC awscli describe-vpc-endpoints example]. */
const FULL_ACCESS_POLICY = JSON.stringify({Statement: [{Action: '*', Effect: 'Allow', Principal: '*', Resource: '*'}]}, null, 2);

function addEndpoints(state: Ec2State, now: number): void {
	const endpoints: [string, string, string, string, string, string][] = [
		[N.vpcEndpoints.ecrApi, N.networkInterfaces.ecrApi, 'ecr.api', 'api.ecr', '10.0.20.37', 'k3v1a9qd'],
		[N.vpcEndpoints.ecrDkr, N.networkInterfaces.ecrDkr, 'ecr.dkr', 'dkr.ecr', '10.0.20.118', 'p0x7m2hz'],
		[N.vpcEndpoints.logs, N.networkInterfaces.logs, 'logs', 'logs', '10.0.20.201', 'w8c4t6ns'],
	];
	for (const [vpcEndpointId, eniId, service, host, ip, suffix] of endpoints) {
		const regional = `${vpcEndpointId}-${suffix}.${host}.${REGION}.vpce.amazonaws.com`;
		const endpoint: SimVpcEndpoint = {
			vpcEndpointId,
			vpcEndpointType: 'Interface',
			vpcId: N.vpcId,
			serviceName: `com.amazonaws.${REGION}.${service}`,
			// The API answers lowercase states despite the model's capitalised enum [DOC awscli example].
			state: 'available',
			policyDocument: FULL_ACCESS_POLICY,
			routeTableIds: [],
			subnetIds: [N.subnets.isolatedC],
			groupIds: [N.securityGroups.vpceEndpoints],
			networkInterfaceIds: [eniId],
			privateDnsEnabled: true,
			requesterManaged: false,
			ipAddressType: 'ipv4',
			dnsEntries: [
				{dnsName: regional, hostedZoneId: 'Z7HUB22UULQXV'},
				{dnsName: regional.replace(`-${suffix}.`, `-${suffix}-us-east-1c.`), hostedZoneId: 'Z7HUB22UULQXV'},
				{dnsName: service === 'ecr.dkr' ? `*.dkr.ecr.${REGION}.amazonaws.com` : `${host}.${REGION}.amazonaws.com`, hostedZoneId: 'Z0835921A1B2C3D4E5F6'},
			],
			creationTimestamp: now - 200 * DAY,
			tags: name(`demo-${service.replace('.', '-')}`),
		};
		state.vpcEndpoints.set(vpcEndpointId, endpoint);
		state.networkInterfaces.set(eniId, {
			networkInterfaceId: eniId,
			subnetId: N.subnets.isolatedC,
			vpcId: N.vpcId,
			availabilityZone: 'us-east-1c',
			privateIpAddress: ip,
			privateDnsName: `ip-${ip.replaceAll('.', '-')}.ec2.internal`,
			macAddress: `12:7f:c0:2e:9a:${eniId.slice(-2)}`,
			description: `VPC Endpoint Interface ${vpcEndpointId}`,
			interfaceType: 'vpc_endpoint',
			requesterManaged: true,
			status: 'in-use',
			sourceDestCheck: true,
			groupIds: [N.securityGroups.vpceEndpoints],
			tags: {},
		});
	}
}

/** Builds the demo VPC into the world (account 123456789012, us-east-1). */
export function buildDemoNetwork(world: World, now: number): void {
	const state = ec2StateOf(world, ACCOUNT, REGION);
	state.vpcs.set(N.vpcId, {
		vpcId: N.vpcId,
		cidrBlock: N.vpcCidr,
		cidrAssociationId: 'vpc-cidr-assoc-0a1b2c3d4e5f68001',
		dhcpOptionsId: 'dopt-0a1b2c3d4e5f67f01',
		state: 'available',
		isDefault: false,
		instanceTenancy: 'default',
		enableDnsSupport: true,
		enableDnsHostnames: true,
		tags: name('demo-vpc'),
	});
	addSubnets(state);
	addRouting(state, now);
	addSecurity(state);
	addEndpoints(state, now);
}
