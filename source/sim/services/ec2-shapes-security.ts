import {XmlTime} from '../protocols/query.js';
import type {Ec2State, SimNetworkAcl, SimNetworkInterface, SimPermission, SimPrefixList, SimSecurityGroup, SimVpcEndpoint, SimZone} from '../world/ec2.js';
import {derivedId, tagSet, zoneIdOf, type ShapeContext} from './ec2-shapes.js';

/**
 * Serialisers for security groups, NACLs, ENIs, VPC endpoints, prefix lists and zones; keys
 * are the XML element names of the SDK schema (see ec2-shapes.ts). Note the irregular ones:
 * `securityGroupInfo`, `groupDescription`, `groups` (UserIdGroupPairs), NACL `default`
 * (IsDefault), `entrySet`, ENI `tagSet` and `groupSet`, zone `zoneState`.
 */

/** `groupSet` items (GroupIdentifier / SecurityGroupIdentifier): id plus the group's name. */
export function groupSet(state: Ec2State, groupIds: readonly string[]) {
	return groupIds.map(groupId => ({groupId, groupName: state.securityGroups.get(groupId)?.groupName}));
}

function permissionShape(permission: SimPermission) {
	// FromPort/ToPort are omitted for protocol -1, as AWS omits them.
	return {
		ipProtocol: permission.ipProtocol,
		fromPort: permission.fromPort,
		toPort: permission.toPort,
		groups: permission.userIdGroupPairs.map(pair => ({description: pair.description, userId: pair.userId, groupId: pair.groupId})),
		ipRanges: permission.ipRanges.map(range => ({description: range.description, cidrIp: range.cidrIp})),
		ipv6Ranges: permission.ipv6Ranges.map(range => ({description: range.description, cidrIpv6: range.cidrIpv6})),
		prefixListIds: permission.prefixListIds.map(entry => ({description: entry.description, prefixListId: entry.prefixListId})),
	};
}

export function securityGroupShape(group: SimSecurityGroup, context: ShapeContext) {
	return {
		groupId: group.groupId,
		ipPermissionsEgress: group.egress.map(permissionShape),
		tagSet: tagSet(group.tags),
		vpcId: group.vpcId,
		securityGroupArn: `arn:aws:ec2:${context.region}:${context.accountId}:security-group/${group.groupId}`,
		ownerId: context.accountId,
		groupName: group.groupName,
		groupDescription: group.description,
		ipPermissions: group.ingress.map(permissionShape),
	};
}

/**
 * The subnets a NACL is associated with. Every subnet has exactly one NACL; the default NACL
 * holds every subnet of its VPC that no other NACL claims [DOC VPC network ACLs].
 */
export function naclSubnets(state: Ec2State, acl: SimNetworkAcl): string[] {
	if (!acl.isDefault) return [...acl.subnetIds];
	const claimed = new Set([...state.networkAcls.values()].filter(other => other !== acl && other.vpcId === acl.vpcId).flatMap(other => other.subnetIds));
	const implicit = [...state.subnets.values()].filter(subnet => subnet.vpcId === acl.vpcId && !claimed.has(subnet.subnetId)).map(subnet => subnet.subnetId);
	return [...new Set([...acl.subnetIds, ...implicit])];
}

export function networkAclShape(acl: SimNetworkAcl, context: ShapeContext) {
	return {
		associationSet: naclSubnets(context.state, acl).map(subnetId => ({
			networkAclAssociationId: derivedId('aclassoc', acl.networkAclId, subnetId),
			networkAclId: acl.networkAclId,
			subnetId,
		})),
		entrySet: acl.entries.map(entry => ({
			cidrBlock: entry.cidrBlock,
			egress: entry.egress,
			icmpTypeCode: entry.icmpTypeCode,
			ipv6CidrBlock: entry.ipv6CidrBlock,
			portRange: entry.portRange,
			protocol: entry.protocol,
			ruleAction: entry.ruleAction,
			ruleNumber: entry.ruleNumber,
		})),
		default: acl.isDefault,
		networkAclId: acl.networkAclId,
		tagSet: tagSet(acl.tags),
		vpcId: acl.vpcId,
		ownerId: context.accountId,
	};
}

export function networkInterfaceShape(eni: SimNetworkInterface, context: ShapeContext) {
	const association = eni.association
		? {
			allocationId: eni.association.allocationId,
			associationId: eni.association.associationId,
			ipOwnerId: eni.association.ipOwnerId,
			publicDnsName: eni.association.publicDnsName,
			publicIp: eni.association.publicIp,
		}
		: undefined;
	const attachment = eni.attachment
		? {
			attachTime: new XmlTime(eni.attachment.attachTime),
			attachmentId: eni.attachment.attachmentId,
			deleteOnTermination: eni.attachment.deleteOnTermination,
			deviceIndex: eni.attachment.deviceIndex,
			networkCardIndex: 0,
			instanceId: eni.attachment.instanceId,
			instanceOwnerId: eni.attachment.instanceOwnerId,
			status: eni.attachment.status,
		}
		: undefined;
	return {
		association,
		attachment,
		availabilityZone: eni.availabilityZone,
		availabilityZoneId: zoneIdOf(context.region, eni.availabilityZone),
		description: eni.description,
		groupSet: groupSet(context.state, eni.groupIds),
		interfaceType: eni.interfaceType,
		ipv6AddressesSet: [],
		macAddress: eni.macAddress,
		networkInterfaceId: eni.networkInterfaceId,
		ownerId: context.accountId,
		privateDnsName: eni.privateDnsName,
		privateIpAddress: eni.privateIpAddress,
		privateIpAddressesSet: [{association, primary: true, privateDnsName: eni.privateDnsName, privateIpAddress: eni.privateIpAddress}],
		requesterId: eni.requesterId,
		requesterManaged: eni.requesterManaged,
		sourceDestCheck: eni.sourceDestCheck,
		status: eni.status,
		subnetId: eni.subnetId,
		tagSet: tagSet(eni.tags),
		vpcId: eni.vpcId,
	};
}

export function vpcEndpointShape(endpoint: SimVpcEndpoint, context: ShapeContext) {
	return {
		vpcEndpointId: endpoint.vpcEndpointId,
		vpcEndpointType: endpoint.vpcEndpointType,
		vpcId: endpoint.vpcId,
		serviceName: endpoint.serviceName,
		state: endpoint.state,
		policyDocument: endpoint.policyDocument,
		routeTableIdSet: endpoint.routeTableIds,
		subnetIdSet: endpoint.subnetIds,
		groupSet: groupSet(context.state, endpoint.groupIds),
		ipAddressType: endpoint.ipAddressType,
		dnsOptions: endpoint.vpcEndpointType === 'Interface' ? {dnsRecordIpType: 'ipv4', privateDnsOnlyForInboundResolverEndpoint: false} : undefined,
		privateDnsEnabled: endpoint.privateDnsEnabled,
		requesterManaged: endpoint.requesterManaged,
		networkInterfaceIdSet: endpoint.networkInterfaceIds,
		dnsEntrySet: endpoint.dnsEntries.map(entry => ({dnsName: entry.dnsName, hostedZoneId: entry.hostedZoneId})),
		creationTimestamp: new XmlTime(endpoint.creationTimestamp),
		tagSet: tagSet(endpoint.tags),
		ownerId: context.accountId,
	};
}

export function prefixListShape(list: SimPrefixList) {
	return {cidrSet: list.cidrs, prefixListId: list.prefixListId, prefixListName: list.prefixListName};
}

/** AvailabilityZone items of DescribeAvailabilityZones; the state element is `zoneState`. */
export function zoneShape(zone: SimZone) {
	return {
		optInStatus: 'opt-in-not-required',
		messageSet: [],
		regionName: zone.regionName,
		zoneName: zone.zoneName,
		zoneId: zone.zoneId,
		groupName: `${zone.regionName}-zg-1`,
		networkBorderGroup: zone.regionName,
		zoneType: 'availability-zone',
		zoneState: 'available',
	};
}
