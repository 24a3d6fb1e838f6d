import {hexId} from '../ids.js';
import {XmlTime} from '../protocols/query.js';
import {availableIpCount, zonesOf, type Ec2State, type SimInternetGateway, type SimNatGateway, type SimRoute, type SimRouteTable, type SimSubnet, type SimVpc, type Tags} from '../world/ec2.js';

/**
 * Serialisers from the EC2 world records to the EC2 query protocol's XML element names. Every
 * key below is the `xmlName` of the member in the SDK's schema
 * (`@aws-sdk/client-ec2` `dist-cjs/index.js`, e.g. `var Subnet$`); lists are `xxxSet` with
 * `<item>` children. A misspelt key is silently dropped by the SDK, so the round-trip tests
 * assert each field. Derived values (route state, main association, free IPs) are computed here.
 */

/** Context for serialisers: the region's EC2 state plus who and where is asking. */
export type ShapeContext = {state: Ec2State; accountId: string; region: string};

/** `tagSet`, omitted when there are no tags (AWS omits the element then). */
export function tagSet(tags: Tags): {key: string; value: string}[] | undefined {
	const entries = Object.entries(tags);
	return entries.length === 0 ? undefined : entries.map(([key, value]) => ({key, value}));
}

/** A stable id suffix for derived associations, so repeated calls return the same ids. */
export function derivedId(prefix: string, ...parts: string[]): string {
	return `${prefix}-${hexId(parts.join('/'), 17)}`;
}

export function vpcShape(vpc: SimVpc, context: ShapeContext) {
	return {
		vpcId: vpc.vpcId,
		ownerId: context.accountId,
		instanceTenancy: vpc.instanceTenancy,
		cidrBlockAssociationSet: [{associationId: vpc.cidrAssociationId, cidrBlock: vpc.cidrBlock, cidrBlockState: {state: 'associated'}}],
		isDefault: vpc.isDefault,
		tagSet: tagSet(vpc.tags),
		blockPublicAccessStates: {internetGatewayBlockMode: 'off'},
		state: vpc.state,
		cidrBlock: vpc.cidrBlock,
		dhcpOptionsId: vpc.dhcpOptionsId,
	};
}

export function zoneIdOf(region: string, zoneName: string): string | undefined {
	return zonesOf(region).find(zone => zone.zoneName === zoneName)?.zoneId;
}

export function subnetShape(subnet: SimSubnet, context: ShapeContext) {
	return {
		availabilityZoneId: zoneIdOf(context.region, subnet.availabilityZone),
		mapCustomerOwnedIpOnLaunch: false,
		ownerId: context.accountId,
		assignIpv6AddressOnCreation: false,
		ipv6CidrBlockAssociationSet: [],
		tagSet: tagSet(subnet.tags),
		subnetArn: `arn:aws:ec2:${context.region}:${context.accountId}:subnet/${subnet.subnetId}`,
		enableDns64: false,
		ipv6Native: false,
		privateDnsNameOptionsOnLaunch: {hostnameType: 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false},
		blockPublicAccessStates: {internetGatewayBlockMode: 'off'},
		subnetId: subnet.subnetId,
		state: subnet.state,
		vpcId: subnet.vpcId,
		cidrBlock: subnet.cidrBlock,
		availableIpAddressCount: availableIpCount(context.state, subnet),
		availabilityZone: subnet.availabilityZone,
		defaultForAz: subnet.defaultForAz,
		mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
	};
}

/**
 * A route's state as AWS derives it: `blackhole` when the target is gone or unusable (a NAT
 * gateway not `available`, e.g. deleted; an internet gateway no longer attached to the VPC;
 * a missing ENI or endpoint) [MODEL DescribeRouteTables route.state filter doc; D.3].
 */
export function routeState(state: Ec2State, table: SimRouteTable, route: SimRoute): 'active' | 'blackhole' | 'filtered' {
	if (route.state) return route.state;
	if (route.natGatewayId) return state.natGateways.get(route.natGatewayId)?.state === 'available' ? 'active' : 'blackhole';
	const gateway = route.gatewayId;
	if (gateway?.startsWith('igw-')) {
		const attached = state.internetGateways.get(gateway)?.attachments.some(a => a.vpcId === table.vpcId && a.state === 'available');
		return attached ? 'active' : 'blackhole';
	}
	if (gateway?.startsWith('vpce-')) return state.vpcEndpoints.get(gateway)?.state === 'available' ? 'active' : 'blackhole';
	if (route.networkInterfaceId) return state.networkInterfaces.has(route.networkInterfaceId) ? 'active' : 'blackhole';
	return 'active';
}

/**
 * The table's routes plus the `pl-... -> vpce-...` routes AWS adds for each gateway endpoint
 * associated with it (D.3), so a scenario only declares the endpoint.
 */
export function routesOf(state: Ec2State, table: SimRouteTable): SimRoute[] {
	const routes = [...table.routes];
	for (const endpoint of state.vpcEndpoints.values()) {
		if (endpoint.vpcEndpointType !== 'Gateway' || !endpoint.routeTableIds.includes(table.routeTableId)) continue;
		const prefixList = [...state.prefixLists.values()].find(list => list.prefixListName === endpoint.serviceName);
		if (!prefixList || routes.some(route => route.destinationPrefixListId === prefixList.prefixListId)) continue;
		routes.push({destinationPrefixListId: prefixList.prefixListId, gatewayId: endpoint.vpcEndpointId, origin: 'CreateRoute'});
	}
	return routes;
}

/** RouteTableAssociation items: the implicit main association first (main=true, no subnetId), then explicit ones. */
export function routeTableAssociations(table: SimRouteTable) {
	const associated = {state: 'associated'};
	return [
		...(table.main ? [{main: true, routeTableAssociationId: table.main.associationId, routeTableId: table.routeTableId, associationState: associated}] : []),
		...table.associations.map(association => ({
			main: false,
			routeTableAssociationId: association.associationId,
			routeTableId: table.routeTableId,
			subnetId: association.subnetId,
			gatewayId: association.gatewayId,
			associationState: associated,
		})),
	];
}

export function routeTableShape(table: SimRouteTable, context: ShapeContext) {
	return {
		associationSet: routeTableAssociations(table),
		propagatingVgwSet: [],
		routeTableId: table.routeTableId,
		routeSet: routesOf(context.state, table).map(route => ({
			destinationCidrBlock: route.destinationCidrBlock,
			destinationIpv6CidrBlock: route.destinationIpv6CidrBlock,
			destinationPrefixListId: route.destinationPrefixListId,
			gatewayId: route.gatewayId,
			instanceId: route.instanceId,
			natGatewayId: route.natGatewayId,
			transitGatewayId: route.transitGatewayId,
			networkInterfaceId: route.networkInterfaceId,
			origin: route.origin,
			state: routeState(context.state, table, route),
			vpcPeeringConnectionId: route.vpcPeeringConnectionId,
		})),
		tagSet: tagSet(table.tags),
		vpcId: table.vpcId,
		ownerId: context.accountId,
	};
}

export function natGatewayShape(nat: SimNatGateway) {
	return {
		createTime: new XmlTime(nat.createTime),
		deleteTime: nat.deleteTime === undefined ? undefined : new XmlTime(nat.deleteTime),
		failureCode: nat.failureCode,
		failureMessage: nat.failureMessage,
		natGatewayAddressSet: nat.addresses.map(address => ({
			allocationId: address.allocationId,
			networkInterfaceId: address.networkInterfaceId,
			privateIp: address.privateIp,
			publicIp: address.publicIp,
			associationId: address.associationId,
			isPrimary: address.isPrimary,
			status: address.status,
		})),
		natGatewayId: nat.natGatewayId,
		state: nat.state,
		subnetId: nat.subnetId,
		vpcId: nat.vpcId,
		tagSet: tagSet(nat.tags),
		connectivityType: nat.connectivityType,
		availabilityMode: nat.availabilityMode,
	};
}

export function internetGatewayShape(gateway: SimInternetGateway, context: ShapeContext) {
	return {
		attachmentSet: gateway.attachments.map(attachment => ({state: attachment.state, vpcId: attachment.vpcId})),
		internetGatewayId: gateway.internetGatewayId,
		ownerId: context.accountId,
		tagSet: tagSet(gateway.tags),
	};
}
