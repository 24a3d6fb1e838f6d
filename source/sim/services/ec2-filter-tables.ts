import {availableIpCount, type SimInternetGateway, type SimNatGateway, type SimNetworkAcl, type SimNetworkInterface, type SimPermission, type SimPrefixList, type SimRouteTable, type SimSecurityGroup, type SimSubnet, type SimVpc, type SimVpcEndpoint, type SimZone} from '../world/ec2.js';
import {protocolAliases, type FilterTable} from './ec2-filters.js';
import {routeState, routesOf, zoneIdOf, type ShapeContext} from './ec2-shapes.js';
import {naclSubnets} from './ec2-shapes-security.js';

/**
 * The filter names each Describe* operation accepts, from the `Filters` documentation of the
 * EC2 model (aws-semantics.md D.5 lists the ones ecrtui uses). Names not listed here are
 * rejected as AWS rejects unknown names; the less common documented ones (IPv6, ICMP, Outposts,
 * customer-owned pools) are not implemented and are rejected too.
 */

export function vpcFilters(context: ShapeContext): FilterTable<SimVpc> {
	return {
		'vpc-id': vpc => vpc.vpcId,
		cidr: vpc => vpc.cidrBlock,
		'cidr-block-association.cidr-block': vpc => vpc.cidrBlock,
		'cidr-block-association.association-id': vpc => vpc.cidrAssociationId,
		'cidr-block-association.state': () => 'associated',
		'dhcp-options-id': vpc => vpc.dhcpOptionsId,
		'is-default': vpc => vpc.isDefault,
		'owner-id': () => context.accountId,
		state: vpc => vpc.state,
	};
}

export function subnetFilters(context: ShapeContext): FilterTable<SimSubnet> {
	const zoneId = (subnet: SimSubnet) => zoneIdOf(context.region, subnet.availabilityZone);
	const cidr = (subnet: SimSubnet) => subnet.cidrBlock;
	const defaultForAz = (subnet: SimSubnet) => subnet.defaultForAz;
	return {
		'subnet-id': subnet => subnet.subnetId,
		'vpc-id': subnet => subnet.vpcId,
		'availability-zone': subnet => subnet.availabilityZone,
		availabilityZone: subnet => subnet.availabilityZone,
		'availability-zone-id': zoneId,
		availabilityZoneId: zoneId,
		'available-ip-address-count': subnet => availableIpCount(context.state, subnet),
		'cidr-block': cidr,
		cidr,
		cidrBlock: cidr,
		'default-for-az': defaultForAz,
		defaultForAz,
		'map-public-ip-on-launch': subnet => subnet.mapPublicIpOnLaunch,
		'ipv6-native': () => false,
		'owner-id': () => context.accountId,
		state: subnet => subnet.state,
		'subnet-arn': subnet => `arn:aws:ec2:${context.region}:${context.accountId}:subnet/${subnet.subnetId}`,
	};
}

export function routeTableFilters(context: ShapeContext): FilterTable<SimRouteTable> {
	const routes = (table: SimRouteTable) => routesOf(context.state, table);
	return {
		'route-table-id': table => table.routeTableId,
		'vpc-id': table => table.vpcId,
		'owner-id': () => context.accountId,
		// The implicit main association carries main=true and no subnet (D.3).
		'association.main': table => [...(table.main ? [true] : []), ...table.associations.map(() => false)],
		'association.subnet-id': table => table.associations.map(association => association.subnetId),
		'association.gateway-id': table => table.associations.map(association => association.gatewayId),
		'association.route-table-association-id': table => [table.main?.associationId, ...table.associations.map(association => association.associationId)],
		'association.route-table-id': table => (table.main || table.associations.length > 0 ? table.routeTableId : undefined),
		'route.destination-cidr-block': table => routes(table).map(route => route.destinationCidrBlock),
		'route.destination-prefix-list-id': table => routes(table).map(route => route.destinationPrefixListId),
		'route.gateway-id': table => routes(table).map(route => route.gatewayId),
		'route.nat-gateway-id': table => routes(table).map(route => route.natGatewayId),
		'route.transit-gateway-id': table => routes(table).map(route => route.transitGatewayId),
		'route.vpc-peering-connection-id': table => routes(table).map(route => route.vpcPeeringConnectionId),
		'route.instance-id': table => routes(table).map(route => route.instanceId),
		'route.origin': table => routes(table).map(route => route.origin),
		'route.state': table => routes(table).map(route => routeState(context.state, table, route)),
	};
}

export const natGatewayFilters: FilterTable<SimNatGateway> = {
	'nat-gateway-id': nat => nat.natGatewayId,
	state: nat => nat.state,
	'subnet-id': nat => nat.subnetId,
	'vpc-id': nat => nat.vpcId,
};

export function internetGatewayFilters(context: ShapeContext): FilterTable<SimInternetGateway> {
	return {
		'internet-gateway-id': gateway => gateway.internetGatewayId,
		'attachment.vpc-id': gateway => gateway.attachments.map(attachment => attachment.vpcId),
		'attachment.state': gateway => gateway.attachments.map(attachment => attachment.state),
		'owner-id': () => context.accountId,
	};
}

export const vpcEndpointFilters: FilterTable<SimVpcEndpoint> = {
	'vpc-endpoint-id': endpoint => endpoint.vpcEndpointId,
	'vpc-id': endpoint => endpoint.vpcId,
	'service-name': endpoint => endpoint.serviceName,
	'vpc-endpoint-type': endpoint => endpoint.vpcEndpointType,
	'vpc-endpoint-state': endpoint => endpoint.state,
	'ip-address-type': endpoint => endpoint.ipAddressType,
};

/** `ip-permission.*` / `egress.ip-permission.*` over all rules: any rule may satisfy each filter [MODEL]. */
function permissionFilters(prefix: string, rules: (group: SimSecurityGroup) => SimPermission[]): FilterTable<SimSecurityGroup> {
	return {
		[`${prefix}.cidr`]: group => rules(group).flatMap(rule => rule.ipRanges.map(range => range.cidrIp)),
		[`${prefix}.ipv6-cidr`]: group => rules(group).flatMap(rule => rule.ipv6Ranges.map(range => range.cidrIpv6)),
		[`${prefix}.from-port`]: group => rules(group).map(rule => rule.fromPort),
		[`${prefix}.to-port`]: group => rules(group).map(rule => rule.toPort),
		[`${prefix}.protocol`]: group => rules(group).flatMap(rule => protocolAliases(rule.ipProtocol)),
		[`${prefix}.group-id`]: group => rules(group).flatMap(rule => rule.userIdGroupPairs.map(pair => pair.groupId)),
		[`${prefix}.user-id`]: group => rules(group).flatMap(rule => rule.userIdGroupPairs.map(pair => pair.userId)),
		[`${prefix}.prefix-list-id`]: group => rules(group).flatMap(rule => rule.prefixListIds.map(entry => entry.prefixListId)),
	};
}

export function securityGroupFilters(context: ShapeContext): FilterTable<SimSecurityGroup> {
	return {
		'group-id': group => group.groupId,
		'group-name': group => group.groupName,
		description: group => group.description,
		'vpc-id': group => group.vpcId,
		'owner-id': () => context.accountId,
		...permissionFilters('ip-permission', group => group.ingress),
		...permissionFilters('egress.ip-permission', group => group.egress),
	};
}

export function networkAclFilters(context: ShapeContext): FilterTable<SimNetworkAcl> {
	return {
		'network-acl-id': acl => acl.networkAclId,
		'vpc-id': acl => acl.vpcId,
		default: acl => acl.isDefault,
		'owner-id': () => context.accountId,
		'association.subnet-id': acl => naclSubnets(context.state, acl),
		'association.network-acl-id': acl => (naclSubnets(context.state, acl).length > 0 ? acl.networkAclId : undefined),
		'entry.cidr': acl => acl.entries.map(entry => entry.cidrBlock),
		'entry.egress': acl => acl.entries.map(entry => entry.egress),
		'entry.protocol': acl => acl.entries.flatMap(entry => protocolAliases(entry.protocol)),
		'entry.rule-action': acl => acl.entries.map(entry => entry.ruleAction),
		'entry.rule-number': acl => acl.entries.map(entry => entry.ruleNumber),
		'entry.port-range.from': acl => acl.entries.map(entry => entry.portRange?.from),
		'entry.port-range.to': acl => acl.entries.map(entry => entry.portRange?.to),
	};
}

export function networkInterfaceFilters(context: ShapeContext): FilterTable<SimNetworkInterface> {
	return {
		'network-interface-id': eni => eni.networkInterfaceId,
		'subnet-id': eni => eni.subnetId,
		'vpc-id': eni => eni.vpcId,
		'group-id': eni => eni.groupIds,
		'group-name': eni => eni.groupIds.map(id => context.state.securityGroups.get(id)?.groupName),
		'interface-type': eni => eni.interfaceType,
		'requester-managed': eni => eni.requesterManaged,
		'requester-id': eni => eni.requesterId,
		status: eni => eni.status,
		description: eni => eni.description,
		'availability-zone': eni => eni.availabilityZone,
		'mac-address': eni => eni.macAddress,
		'owner-id': () => context.accountId,
		'private-ip-address': eni => eni.privateIpAddress,
		'addresses.private-ip-address': eni => eni.privateIpAddress,
		'private-dns-name': eni => eni.privateDnsName,
		'association.public-ip': eni => eni.association?.publicIp,
		'association.allocation-id': eni => eni.association?.allocationId,
		'attachment.status': eni => eni.attachment?.status,
		'attachment.instance-id': eni => eni.attachment?.instanceId,
		'source-dest-check': eni => eni.sourceDestCheck,
	};
}

export const prefixListFilters: FilterTable<SimPrefixList> = {
	'prefix-list-id': list => list.prefixListId,
	'prefix-list-name': list => list.prefixListName,
};

export const zoneFilters: FilterTable<SimZone> = {
	'zone-name': zone => zone.zoneName,
	'zone-id': zone => zone.zoneId,
	'region-name': zone => zone.regionName,
	state: () => 'available',
	'zone-type': () => 'availability-zone',
	'opt-in-status': () => 'opt-in-not-required',
	'group-name': zone => `${zone.regionName}-zg-1`,
};
