// VPC fixtures for the network tests: one realistic VPC (public subnet with IGW + NAT, two
// private subnets behind the NAT, default NACL, a task SG allowing all egress) and small
// mutators so each test states only what it changes.
import type {NetworkAclEntry, Route, SecurityGroupPermission, TaskNetwork, VpcEndpoint, VpcModel} from '../../../source/domain/network/types.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '111122223333';
export const S3_PL = 'pl-63a5400a';

/** A permission with defaults (TCP 443 to nowhere until a peer is given). */
export function perm(p: Partial<SecurityGroupPermission> = {}): SecurityGroupPermission {
	return {ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: [], ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [], ...p};
}

/** Allow-everything permission (what a new security group has for egress). */
export const ALL_TRAFFIC = perm({ipProtocol: '-1', fromPort: undefined, toPort: undefined, ipRanges: [{cidrIp: '0.0.0.0/0'}]});

/** A NACL entry with defaults (allow all, ingress). */
export function entry(e: Partial<NetworkAclEntry> & {ruleNumber: number}): NetworkAclEntry {
	return {protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', ...e};
}

/** The default NACL's entries: allow all both ways, then `*` deny. */
export function defaultNaclEntries(): NetworkAclEntry[] {
	return [
		entry({ruleNumber: 100, egress: false}),
		entry({ruleNumber: 100, egress: true}),
		entry({ruleNumber: 32767, egress: false, ruleAction: 'deny'}),
		entry({ruleNumber: 32767, egress: true, ruleAction: 'deny'}),
	];
}

/** The standard VPC: tasks in subnet-priv-a reach the internet through nat-1. */
export function aVpc(): VpcModel {
	return {
		vpc: {vpcId: 'vpc-1', cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true},
		subnets: [
			{subnetId: 'subnet-pub-a', vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a', availableIpAddressCount: 250, mapPublicIpOnLaunch: true, tags: {Name: 'public-a'}},
			{subnetId: 'subnet-priv-a', vpcId: 'vpc-1', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a', availableIpAddressCount: 240, mapPublicIpOnLaunch: false, tags: {Name: 'private-a'}},
			{subnetId: 'subnet-priv-b', vpcId: 'vpc-1', cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1b', availableIpAddressCount: 241, mapPublicIpOnLaunch: false},
		],
		routeTables: [
			{routeTableId: 'rtb-main', vpcId: 'vpc-1', associations: [{main: true}], routes: [localRoute()]},
			{routeTableId: 'rtb-pub', vpcId: 'vpc-1', associations: [{main: false, subnetId: 'subnet-pub-a'}], routes: [localRoute(), {destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-1', state: 'active', origin: 'CreateRoute'}]},
			{
				routeTableId: 'rtb-priv', vpcId: 'vpc-1',
				associations: [{main: false, subnetId: 'subnet-priv-a'}, {main: false, subnetId: 'subnet-priv-b'}],
				routes: [localRoute(), {destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-1', state: 'active', origin: 'CreateRoute'}],
			},
		],
		natGateways: [{natGatewayId: 'nat-1', subnetId: 'subnet-pub-a', vpcId: 'vpc-1', state: 'available', connectivityType: 'public', availabilityMode: 'zonal'}],
		internetGateways: [{internetGatewayId: 'igw-1', attachments: [{vpcId: 'vpc-1', state: 'available'}]}],
		vpcEndpoints: [],
		securityGroups: [
			{groupId: 'sg-task', groupName: 'task', vpcId: 'vpc-1', ipPermissions: [], ipPermissionsEgress: [ALL_TRAFFIC]},
			{groupId: 'sg-endpoint', groupName: 'endpoints', vpcId: 'vpc-1', ipPermissions: [perm({userIdGroupPairs: [{groupId: 'sg-task'}]})], ipPermissionsEgress: [ALL_TRAFFIC]},
		],
		networkAcls: [{networkAclId: 'acl-default', vpcId: 'vpc-1', isDefault: true, associations: [{subnetId: 'subnet-pub-a'}, {subnetId: 'subnet-priv-a'}, {subnetId: 'subnet-priv-b'}], entries: defaultNaclEntries()}],
		prefixLists: [{prefixListId: S3_PL, prefixListName: `com.amazonaws.${REGION}.s3`, cidrs: ['52.216.0.0/15', '3.5.0.0/19', '54.231.0.0/16']}],
		networkInterfaces: [{networkInterfaceId: 'eni-task', subnetId: 'subnet-priv-a', privateIpAddress: '10.0.1.10', groupIds: ['sg-task'], interfaceType: 'interface'}],
	};
}

/** The `local` route for 10.0.0.0/16. */
export function localRoute(): Route {
	return {destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable'};
}

/** A task in subnet-priv-a pulling from ECR, with awslogs. */
export function aTask(overrides: Partial<TaskNetwork> = {}): TaskNetwork {
	return {
		region: REGION, accountId: ACCOUNT, subnetId: 'subnet-priv-a', eniId: 'eni-task', securityGroupIds: ['sg-task'],
		assignPublicIp: false, privateIp: '10.0.1.10', platformVersion: '1.4.0',
		needs: {ecr: true, logs: true, secretsManager: false, ssm: false},
		executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
		clusterName: 'demo', serviceName: 'web',
		...overrides,
	};
}

/** Finds a route table (throws so tests fail loudly on a typo). */
export function table(model: VpcModel, id: string) {
	const found = model.routeTables.find(t => t.routeTableId === id);
	if (found === undefined) throw new Error(`no ${id}`);
	return found;
}

/** Replaces the 0.0.0.0/0 route of a table (undefined removes it). */
export function setDefaultRoute(model: VpcModel, tableId: string, route: Omit<Route, 'destinationCidrBlock'> | undefined): void {
	const t = table(model, tableId);
	t.routes = t.routes.filter(r => r.destinationCidrBlock !== '0.0.0.0/0');
	if (route !== undefined) t.routes.push({destinationCidrBlock: '0.0.0.0/0', ...route});
}

/** Adds interface endpoints (private DNS on, available, in both private subnets, SG sg-endpoint). */
export function addInterfaceEndpoints(model: VpcModel, suffixes: readonly string[], patch: Partial<VpcEndpoint> = {}): void {
	suffixes.forEach((suffix, i) => {
		const id = `vpce-${suffix.replace('.', '')}`;
		const eniA = `eni-${id}-a`;
		const eniB = `eni-${id}-b`;
		model.networkInterfaces.push(
			{networkInterfaceId: eniA, subnetId: 'subnet-priv-a', privateIpAddress: `10.0.1.${100 + i}`, groupIds: ['sg-endpoint'], interfaceType: 'vpc_endpoint'},
			{networkInterfaceId: eniB, subnetId: 'subnet-priv-b', privateIpAddress: `10.0.2.${100 + i}`, groupIds: ['sg-endpoint'], interfaceType: 'vpc_endpoint'},
		);
		model.vpcEndpoints.push({
			vpcEndpointId: id, vpcEndpointType: 'Interface', serviceName: `com.amazonaws.${REGION}.${suffix}`, state: 'available', privateDnsEnabled: true,
			subnetIds: ['subnet-priv-a', 'subnet-priv-b'], routeTableIds: [], groupIds: ['sg-endpoint'], networkInterfaceIds: [eniA, eniB], vpcId: 'vpc-1',
			...patch,
		});
	});
}

/** Adds the S3 gateway endpoint with its prefix-list route on the given tables. */
export function addS3Gateway(model: VpcModel, routeTableIds: readonly string[], patch: Partial<VpcEndpoint> = {}): void {
	model.vpcEndpoints.push({
		vpcEndpointId: 'vpce-s3', vpcEndpointType: 'Gateway', serviceName: `com.amazonaws.${REGION}.s3`, state: 'available', privateDnsEnabled: false,
		subnetIds: [], routeTableIds: [...routeTableIds], groupIds: [], vpcId: 'vpc-1', ...patch,
	});
	for (const id of routeTableIds) table(model, id).routes.push({destinationPrefixListId: S3_PL, gatewayId: 'vpce-s3', state: 'active', origin: 'CreateRoute'});
}

/** The demo's isolated subnet: no default route, ecr.api + ecr.dkr (+ logs) endpoints, no S3 gateway. */
export function isolatedVpc(options: {s3?: boolean} = {}): VpcModel {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-priv', undefined);
	addInterfaceEndpoints(model, ['ecr.api', 'ecr.dkr', 'logs']);
	if (options.s3 === true) addS3Gateway(model, ['rtb-priv']);
	return model;
}

/** Replaces the task SG's egress rules. */
export function setTaskEgress(model: VpcModel, permissions: SecurityGroupPermission[]): void {
	const group = model.securityGroups.find(g => g.groupId === 'sg-task');
	if (group === undefined) throw new Error('no sg-task');
	group.ipPermissionsEgress = permissions;
}

/** Gives subnet-priv-a its own custom NACL with the given entries. */
export function customNacl(model: VpcModel, entries: NetworkAclEntry[], subnetId = 'subnet-priv-a'): void {
	for (const acl of model.networkAcls) acl.associations = acl.associations.filter(a => a.subnetId !== subnetId);
	model.networkAcls.push({networkAclId: 'acl-custom', vpcId: 'vpc-1', isDefault: false, associations: [{subnetId}], entries});
}
