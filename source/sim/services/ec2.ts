import {SimError} from '../errors.js';
import type {CallContext, Handler, ServiceDefinition} from '../service.js';
import {ec2StateOf, zonesOf} from '../world/ec2.js';
import {checkDryRun, describe, readIdList} from './ec2-describe.js';
import {applyFilters, readFilters} from './ec2-filters.js';
import {
	internetGatewayFilters,
	natGatewayFilters,
	networkAclFilters,
	networkInterfaceFilters,
	prefixListFilters,
	routeTableFilters,
	securityGroupFilters,
	subnetFilters,
	vpcEndpointFilters,
	vpcFilters,
	zoneFilters,
} from './ec2-filter-tables.js';
import {internetGatewayShape, natGatewayShape, routeTableShape, subnetShape, vpcShape, type ShapeContext} from './ec2-shapes.js';
import {networkAclShape, networkInterfaceShape, prefixListShape, securityGroupShape, vpcEndpointShape, zoneShape} from './ec2-shapes-security.js';

/**
 * EC2 over the EC2 query protocol (form-encoded `Action=DescribeSubnets&Version=2016-11-15`,
 * XML answers with `<item>` lists): the read-only network operations ecrtui's network view
 * needs (aws-semantics.md D.2-D.5). Page sizes follow the model's MaxResults ranges; unknown
 * ids fail with EC2's `Invalid<Resource>ID.NotFound` codes. Message wording: [OBS] marks text
 * seen in real AWS output quoted publicly, [INF] follows the same pattern without a sighting.
 */

function shapeContext(context: CallContext): ShapeContext {
	return {state: ec2StateOf(context.world, context.accountId, context.region), accountId: context.accountId, region: context.region};
}

const notFound = (code: string, message: (id: string) => string) => (id: string) => new SimError(code, message(id));

/** Wraps a handler with EC2's DryRun check, which every EC2 action accepts. */
function ec2(handler: (input: Record<string, unknown>, shapes: ShapeContext) => unknown): Handler {
	return (input, context) => {
		checkDryRun(input);
		return handler(input, shapeContext(context));
	};
}

const vpcAttributes = ['enableDnsSupport', 'enableDnsHostnames', 'enableNetworkAddressUsageMetrics'] as const;

const handlers: Record<string, Handler> = {
	DescribeVpcs: ec2((input, shapes) =>
		describe({
			operation: 'DescribeVpcs',
			idParam: 'VpcId',
			listElement: 'vpcSet',
			items: [...shapes.state.vpcs.values()],
			idOf: vpc => vpc.vpcId,
			notFound: notFound('InvalidVpcID.NotFound', id => `The vpc ID '${id}' does not exist`), // [OBS]
			filters: vpcFilters(shapes),
			tagsOf: vpc => vpc.tags,
			maxResults: {min: 5, max: 1000},
			shape: vpc => vpcShape(vpc, shapes),
		}, input)),

	DescribeVpcAttribute: ec2((input, shapes) => {
		const vpcId = input.VpcId;
		const attribute = input.Attribute;
		if (typeof vpcId !== 'string') throw new SimError('MissingParameter', 'The request must contain the parameter vpcId');
		if (typeof attribute !== 'string') throw new SimError('MissingParameter', 'The request must contain the parameter attribute');
		if (!(vpcAttributes as readonly string[]).includes(attribute)) {
			throw new SimError('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`); // [INF]
		}
		const vpc = shapes.state.vpcs.get(vpcId);
		if (!vpc) throw new SimError('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
		// One attribute per call [MODEL]; the answer carries only the one asked for.
		const value = attribute === 'enableDnsSupport' ? vpc.enableDnsSupport : attribute === 'enableDnsHostnames' ? vpc.enableDnsHostnames : false;
		return {vpcId, [attribute]: {value}};
	}),

	DescribeSubnets: ec2((input, shapes) =>
		describe({
			operation: 'DescribeSubnets',
			idParam: 'SubnetId',
			listElement: 'subnetSet',
			items: [...shapes.state.subnets.values()],
			idOf: subnet => subnet.subnetId,
			notFound: notFound('InvalidSubnetID.NotFound', id => `The subnet ID '${id}' does not exist`), // [OBS]
			filters: subnetFilters(shapes),
			tagsOf: subnet => subnet.tags,
			maxResults: {min: 5, max: 1000},
			shape: subnet => subnetShape(subnet, shapes),
		}, input)),

	DescribeRouteTables: ec2((input, shapes) =>
		describe({
			operation: 'DescribeRouteTables',
			idParam: 'RouteTableId',
			listElement: 'routeTableSet',
			items: [...shapes.state.routeTables.values()],
			idOf: table => table.routeTableId,
			notFound: notFound('InvalidRouteTableID.NotFound', id => `The routeTable ID '${id}' does not exist`), // [INF]
			filters: routeTableFilters(shapes),
			tagsOf: table => table.tags,
			maxResults: {min: 5, max: 100},
			shape: table => routeTableShape(table, shapes),
		}, input)),

	// The SDK member is `Filter` (not `Filters`); on the wire it is `Filter.N` like the others.
	DescribeNatGateways: ec2((input, shapes) =>
		describe({
			operation: 'DescribeNatGateways',
			idParam: 'NatGatewayId',
			listElement: 'natGatewaySet',
			items: [...shapes.state.natGateways.values()],
			idOf: nat => nat.natGatewayId,
			notFound: notFound('NatGatewayNotFound', id => `NAT gateway ${id} was not found`), // [UNK] wording
			filters: natGatewayFilters,
			tagsOf: nat => nat.tags,
			maxResults: {min: 5, max: 1000},
			shape: natGatewayShape,
		}, input)),

	DescribeInternetGateways: ec2((input, shapes) =>
		describe({
			operation: 'DescribeInternetGateways',
			idParam: 'InternetGatewayId',
			listElement: 'internetGatewaySet',
			items: [...shapes.state.internetGateways.values()],
			idOf: gateway => gateway.internetGatewayId,
			notFound: notFound('InvalidInternetGatewayID.NotFound', id => `The internetGateway ID '${id}' does not exist`), // [OBS]
			filters: internetGatewayFilters(shapes),
			tagsOf: gateway => gateway.tags,
			maxResults: {min: 5, max: 1000},
			shape: gateway => internetGatewayShape(gateway, shapes),
		}, input)),

	DescribeVpcEndpoints: ec2((input, shapes) =>
		describe({
			operation: 'DescribeVpcEndpoints',
			idParam: 'VpcEndpointId',
			listElement: 'vpcEndpointSet',
			items: [...shapes.state.vpcEndpoints.values()],
			idOf: endpoint => endpoint.vpcEndpointId,
			notFound: notFound('InvalidVpcEndpointId.NotFound', id => `The Vpc Endpoint Id '${id}' does not exist`), // [INF]
			filters: vpcEndpointFilters,
			tagsOf: endpoint => endpoint.tags,
			// A plain Integer in the model: "If the value is greater than 1,000, we return only 1,000 items."
			maxResults: {clampAbove: 1000},
			shape: endpoint => vpcEndpointShape(endpoint, shapes),
		}, input)),

	DescribeSecurityGroups: ec2((input, shapes) => {
		const groups = [...shapes.state.securityGroups.values()];
		const names = readIdList(input, 'GroupName');
		if (names) {
			// GroupName.N selects by name; the answer is the same as selecting by their ids.
			const ids = names.map(name => {
				const group = groups.find(candidate => candidate.groupName === name);
				if (!group) throw new SimError('InvalidGroup.NotFound', `The security group '${name}' does not exist`);
				return group.groupId;
			});
			input = {...input, GroupId: [...(readIdList(input, 'GroupId') ?? []), ...ids]};
		}
		return describe({
			operation: 'DescribeSecurityGroups',
			idParam: 'GroupId',
			listElement: 'securityGroupInfo',
			items: groups,
			idOf: group => group.groupId,
			notFound: notFound('InvalidGroup.NotFound', id => `The security group '${id}' does not exist`), // [OBS]
			filters: securityGroupFilters(shapes),
			tagsOf: group => group.tags,
			maxResults: {min: 5, max: 1000},
			shape: group => securityGroupShape(group, shapes),
		}, input);
	}),

	DescribeNetworkAcls: ec2((input, shapes) =>
		describe({
			operation: 'DescribeNetworkAcls',
			idParam: 'NetworkAclId',
			listElement: 'networkAclSet',
			items: [...shapes.state.networkAcls.values()],
			idOf: acl => acl.networkAclId,
			notFound: notFound('InvalidNetworkAclID.NotFound', id => `The networkAcl ID '${id}' does not exist`), // [INF]
			filters: networkAclFilters(shapes),
			tagsOf: acl => acl.tags,
			maxResults: {min: 5, max: 1000},
			shape: acl => networkAclShape(acl, shapes),
		}, input)),

	DescribeNetworkInterfaces: ec2((input, shapes) =>
		describe({
			operation: 'DescribeNetworkInterfaces',
			idParam: 'NetworkInterfaceId',
			listElement: 'networkInterfaceSet',
			items: [...shapes.state.networkInterfaces.values()],
			idOf: eni => eni.networkInterfaceId,
			notFound: notFound('InvalidNetworkInterfaceID.NotFound', id => `The networkInterface ID '${id}' does not exist`), // [INF]
			filters: networkInterfaceFilters(shapes),
			tagsOf: eni => eni.tags,
			maxResults: {min: 5, max: 1000},
			// Model: "You cannot specify this parameter and the network interface IDs parameter in the same request."
			idsExcludePaging: 'networkInterfaceIdSet',
			shape: eni => networkInterfaceShape(eni, shapes),
		}, input)),

	DescribePrefixLists: ec2((input, shapes) =>
		describe({
			operation: 'DescribePrefixLists',
			idParam: 'PrefixListId',
			listElement: 'prefixListSet',
			items: [...shapes.state.prefixLists.values()],
			idOf: list => list.prefixListId,
			notFound: notFound('InvalidPrefixListId.NotFound', id => `The prefix list ID '${id}' does not exist`), // [INF]
			filters: prefixListFilters,
			tagsOf: () => ({}),
			maxResults: {clampAbove: 1000},
			shape: prefixListShape,
		}, input)),

	// Not paginated [MODEL]; ZoneName.N / ZoneId.N select zones.
	DescribeAvailabilityZones: ec2((input, shapes) => {
		let zones = zonesOf(shapes.region);
		const names = readIdList(input, 'ZoneName');
		const ids = readIdList(input, 'ZoneId');
		for (const wanted of [...(names ?? []), ...(ids ?? [])]) {
			if (!zones.some(zone => zone.zoneName === wanted || zone.zoneId === wanted)) {
				throw new SimError('InvalidParameterValue', `Invalid availability zone: [${wanted}]`); // [INF]
			}
		}
		if (names || ids) zones = zones.filter(zone => names?.includes(zone.zoneName) || ids?.includes(zone.zoneId));
		return {availabilityZoneInfo: applyFilters(zones, readFilters(input), zoneFilters, () => ({})).map(zoneShape)};
	}),
};

export const ec2Service: ServiceDefinition = {
	name: 'ec2',
	protocol: 'ec2',
	version: '2016-11-15',
	xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
	handlers,
};
