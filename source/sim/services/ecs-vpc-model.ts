import type {SecurityGroupPermission, VpcModel} from '../../domain/network/types.js';
import {availableIpCount, type Ec2State, type SimPermission} from '../world/ec2.js';
import {naclSubnets} from './ec2-shapes-security.js';
import {routeState, routeTableAssociations, routesOf} from './ec2-shapes.js';

/**
 * The network engine's model of one VPC, read straight from the simulator's EC2 world with
 * the same derivations DescribeRouteTables / DescribeNetworkAcls / DescribeSubnets apply
 * (blackhole routes, the main association, gateway-endpoint routes, default NACL membership,
 * free addresses). The ECS scheduler evaluates a task's configuration with it, so a task
 * fails for exactly the reason the network screen will later show.
 */

function permissions(list: readonly SimPermission[]): SecurityGroupPermission[] {
	return list.map(permission => ({
		ipProtocol: permission.ipProtocol,
		...(permission.fromPort === undefined ? {} : {fromPort: permission.fromPort}),
		...(permission.toPort === undefined ? {} : {toPort: permission.toPort}),
		ipRanges: permission.ipRanges.map(range => ({cidrIp: range.cidrIp})),
		ipv6Ranges: permission.ipv6Ranges.map(range => ({cidrIpv6: range.cidrIpv6})),
		prefixListIds: permission.prefixListIds.map(list => ({prefixListId: list.prefixListId})),
		userIdGroupPairs: permission.userIdGroupPairs.map(pair => ({groupId: pair.groupId})),
	}));
}

/** Task ENIs are left out (there can be thousands); the one being evaluated is kept. */
function isTaskEni(description: string): boolean {
	return description.startsWith('arn:aws:ecs:');
}

/** Builds the {@link VpcModel} of `vpcId`, keeping only `keepEniId` among task ENIs. */
export function vpcModelOf(state: Ec2State, vpcId: string, keepEniId?: string): VpcModel | undefined {
	const vpc = state.vpcs.get(vpcId);
	if (!vpc) return undefined;
	const inVpc = <T extends {vpcId: string}>(items: Iterable<T>) => [...items].filter(item => item.vpcId === vpcId);
	return {
		vpc: {vpcId, cidrBlocks: [vpc.cidrBlock], enableDnsSupport: vpc.enableDnsSupport, enableDnsHostnames: vpc.enableDnsHostnames},
		subnets: inVpc(state.subnets.values()).map(subnet => ({
			subnetId: subnet.subnetId,
			vpcId,
			cidrBlock: subnet.cidrBlock,
			availabilityZone: subnet.availabilityZone,
			availableIpAddressCount: availableIpCount(state, subnet),
			mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
			tags: subnet.tags,
		})),
		routeTables: inVpc(state.routeTables.values()).map(table => ({
			routeTableId: table.routeTableId,
			vpcId,
			associations: routeTableAssociations(table).map(association => {
				const {subnetId, gatewayId} = association as {subnetId?: string; gatewayId?: string};
				return {main: association.main, ...(subnetId === undefined ? {} : {subnetId}), ...(gatewayId === undefined ? {} : {gatewayId}), state: 'associated'};
			}),
			routes: routesOf(state, table).map(route => {
				const {state: _pinned, ...fields} = route;
				return {...fields, state: routeState(state, table, route)};
			}),
		})),
		natGateways: inVpc(state.natGateways.values()).map(nat => ({
			natGatewayId: nat.natGatewayId,
			subnetId: nat.subnetId,
			vpcId,
			state: nat.state,
			connectivityType: nat.connectivityType,
			availabilityMode: nat.availabilityMode,
			...(nat.failureMessage === undefined ? {} : {failureMessage: nat.failureMessage}),
		})),
		internetGateways: [...state.internetGateways.values()]
			.filter(gateway => gateway.attachments.some(attachment => attachment.vpcId === vpcId))
			.map(gateway => ({internetGatewayId: gateway.internetGatewayId, attachments: gateway.attachments.map(attachment => ({...attachment}))})),
		vpcEndpoints: inVpc(state.vpcEndpoints.values()).map(endpoint => ({
			vpcEndpointId: endpoint.vpcEndpointId,
			vpcEndpointType: endpoint.vpcEndpointType,
			serviceName: endpoint.serviceName,
			state: endpoint.state,
			privateDnsEnabled: endpoint.privateDnsEnabled,
			subnetIds: [...endpoint.subnetIds],
			routeTableIds: [...endpoint.routeTableIds],
			groupIds: [...endpoint.groupIds],
			...(endpoint.policyDocument === undefined ? {} : {policyDocument: endpoint.policyDocument}),
			vpcId,
			networkInterfaceIds: [...endpoint.networkInterfaceIds],
		})),
		securityGroups: inVpc(state.securityGroups.values()).map(group => ({
			groupId: group.groupId,
			groupName: group.groupName,
			vpcId,
			ipPermissions: permissions(group.ingress),
			ipPermissionsEgress: permissions(group.egress),
		})),
		networkAcls: inVpc(state.networkAcls.values()).map(acl => ({
			networkAclId: acl.networkAclId,
			vpcId,
			isDefault: acl.isDefault,
			associations: naclSubnets(state, acl).map(subnetId => ({subnetId})),
			entries: acl.entries.map(entry => ({...entry})),
		})),
		prefixLists: [...state.prefixLists.values()].map(list => ({prefixListId: list.prefixListId, prefixListName: list.prefixListName, cidrs: [...list.cidrs]})),
		networkInterfaces: inVpc(state.networkInterfaces.values())
			.filter(eni => !isTaskEni(eni.description) || eni.networkInterfaceId === keepEniId)
			.map(eni => ({
				networkInterfaceId: eni.networkInterfaceId,
				subnetId: eni.subnetId,
				privateIpAddress: eni.privateIpAddress,
				...(eni.association ? {publicIp: eni.association.publicIp} : {}),
				groupIds: [...eni.groupIds],
				interfaceType: eni.interfaceType,
			})),
	};
}
