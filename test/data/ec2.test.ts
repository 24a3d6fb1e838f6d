import {test} from 'node:test';
import assert from 'node:assert/strict';
import {useSimulator, demoSession} from '../helpers/sim.js';
import {DEMO_NETWORK as N} from '../../source/sim/scenarios/demo-network.js';
import {ec2StateOf} from '../../source/sim/world/ec2.js';
import {describeNetworkInterface, describeSubnet, describeVpcModel, listVpcs} from '../../source/data/ec2.js';
import {vpcModelResource} from '../../source/data/network-resources.js';

const sim = await useSimulator();

const s = await demoSession(sim);

/** The EC2 calls the simulator answered since the last reset, as `Operation` names. */
function ec2Calls() {
	return sim.calls.filter(call => call.service === 'ec2');
}

test('describeVpcModel maps the demo VPC completely, in twelve concurrent calls at the maximum page sizes', async () => {
	sim.resetCalls();
	const warnings: Error[] = [];
	const onWarning = (warning: Error) => warnings.push(warning);
	process.on('warning', onWarning);
	const controller = new AbortController();
	const model = await describeVpcModel(s.clients, N.vpcId, controller.signal);
	process.off('warning', onWarning);
	// Twelve listeners on one signal must not print Node's MaxListeners warning (it would garble the TUI).
	assert.deepEqual(warnings.filter(warning => warning.name === 'MaxListenersExceededWarning'), []);

	assert.deepEqual(model.vpc, {vpcId: N.vpcId, cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true});
	assert.equal(model.summary.name, 'demo-vpc');
	assert.deepEqual(model.subnets.map(subnet => subnet.subnetId).sort(), Object.values(N.subnets).sort());
	const privateB = model.subnets.find(subnet => subnet.subnetId === N.subnets.privateB)!;
	assert.equal(privateB.cidrBlock, '10.0.11.0/24');
	assert.equal(privateB.availabilityZone, 'us-east-1b');
	assert.equal(privateB.tags?.['Name'], 'demo-private-b');
	assert.equal(typeof privateB.availableIpAddressCount, 'number');

	const main = model.routeTables.find(table => table.routeTableId === N.routeTables.main)!;
	assert.deepEqual(main.associations.map(association => association.main), [true]);
	const blackhole = model.routeTables.find(table => table.routeTableId === N.routeTables.privateB)!.routes.find(route => route.destinationCidrBlock === '0.0.0.0/0');
	assert.deepEqual(blackhole, {destinationCidrBlock: '0.0.0.0/0', natGatewayId: N.natGateways.deleted, state: 'blackhole', origin: 'CreateRoute'});
	assert.deepEqual(model.routeTables.find(table => table.routeTableId === N.routeTables.privateA)!.associations.map(association => association.subnetId), [N.subnets.privateA, N.subnets.privateE]);

	assert.deepEqual(model.natGateways.map(nat => [nat.natGatewayId, nat.state, nat.connectivityType, nat.availabilityMode]).sort(), [
		[N.natGateways.available, 'available', 'public', 'zonal'],
		[N.natGateways.deleted, 'deleted', 'public', 'zonal'],
	]);
	assert.deepEqual(model.internetGateways, [{internetGatewayId: N.internetGatewayId, attachments: [{vpcId: N.vpcId, state: 'available'}]}]);

	const ecrApi = model.vpcEndpoints.find(endpoint => endpoint.vpcEndpointId === N.vpcEndpoints.ecrApi)!;
	assert.equal(ecrApi.serviceName, 'com.amazonaws.us-east-1.ecr.api');
	assert.equal(ecrApi.vpcEndpointType, 'Interface');
	assert.equal(ecrApi.state, 'available');
	assert.equal(ecrApi.privateDnsEnabled, true);
	assert.deepEqual(ecrApi.subnetIds, [N.subnets.isolatedC]);
	assert.deepEqual(ecrApi.groupIds, [N.securityGroups.vpceEndpoints]);
	assert.deepEqual(ecrApi.networkInterfaceIds, [N.networkInterfaces.ecrApi]);
	assert.match(ecrApi.policyDocument ?? '', /"Effect": "Allow"/);
	assert.equal(model.vpcEndpoints.length, 3);

	const svc = model.securityGroups.find(group => group.groupId === N.securityGroups.svcDefault)!;
	assert.equal(svc.groupName, 'svc-default');
	assert.deepEqual(svc.ipPermissionsEgress[1], {ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: [], ipv6Ranges: [], prefixListIds: [{prefixListId: N.prefixLists.s3}], userIdGroupPairs: [{groupId: N.securityGroups.vpceEndpoints}]});
	assert.deepEqual(model.securityGroups.find(group => group.groupId === N.securityGroups.searchIndexer)!.ipPermissionsEgress.map(rule => [rule.ipProtocol, rule.fromPort, rule.toPort]), [['tcp', 5432, 5432]]);

	const strict = model.networkAcls.find(acl => acl.networkAclId === N.networkAcls.strict)!;
	assert.deepEqual(strict.associations, [{subnetId: N.subnets.privateE}]);
	assert.deepEqual(strict.entries.find(entry => !entry.egress && entry.ruleNumber === 100), {ruleNumber: 100, protocol: '6', ruleAction: 'allow', egress: false, cidrBlock: '10.0.0.0/16', portRange: {from: 443, to: 443}});
	assert.ok(strict.entries.some(entry => entry.ruleNumber === 32767 && entry.ruleAction === 'deny'));
	const defaultAcl = model.networkAcls.find(acl => acl.isDefault)!;
	assert.ok(defaultAcl.associations.some(association => association.subnetId === N.subnets.privateB));

	assert.deepEqual(model.prefixLists.find(list => list.prefixListId === N.prefixLists.s3)?.prefixListName, 'com.amazonaws.us-east-1.s3');
	assert.ok(model.prefixLists.find(list => list.prefixListId === N.prefixLists.s3)!.cidrs.includes('52.216.0.0/15'));
	// Endpoint ENIs only: the NAT's (and any task's) interface is not part of the VPC model.
	assert.deepEqual(model.networkInterfaces.map(eni => eni.networkInterfaceId).sort(), [N.networkInterfaces.ecrApi, N.networkInterfaces.ecrDkr, N.networkInterfaces.logs].sort());
	assert.deepEqual(model.networkInterfaces.find(eni => eni.networkInterfaceId === N.networkInterfaces.ecrDkr), {networkInterfaceId: N.networkInterfaces.ecrDkr, subnetId: N.subnets.isolatedC, privateIpAddress: '10.0.20.118', groupIds: [N.securityGroups.vpceEndpoints], interfaceType: 'vpc_endpoint'});

	const calls = ec2Calls();
	assert.deepEqual(calls.map(call => call.operation).sort(), [
		'DescribeInternetGateways', 'DescribeNatGateways', 'DescribeNetworkAcls', 'DescribeNetworkInterfaces', 'DescribePrefixLists', 'DescribeRouteTables',
		'DescribeSecurityGroups', 'DescribeSubnets', 'DescribeVpcAttribute', 'DescribeVpcAttribute', 'DescribeVpcEndpoints', 'DescribeVpcs',
	]);
	assert.equal(calls.filter(call => call.mutating).length, 0);
	const byOperation = new Map(calls.map(call => [call.operation, call.input]));
	assert.equal(String(byOperation.get('DescribeRouteTables')?.MaxResults), '100');
	for (const operation of ['DescribeSubnets', 'DescribeNatGateways', 'DescribeInternetGateways', 'DescribeVpcEndpoints', 'DescribeSecurityGroups', 'DescribeNetworkAcls', 'DescribeNetworkInterfaces', 'DescribePrefixLists']) {
		assert.equal(String(byOperation.get(operation)?.MaxResults), '1000', operation);
	}
	// Filtered to the VPC on the wire, not after the fact.
	for (const operation of ['DescribeSubnets', 'DescribeRouteTables', 'DescribeNatGateways', 'DescribeVpcEndpoints', 'DescribeSecurityGroups', 'DescribeNetworkAcls', 'DescribeNetworkInterfaces', 'DescribeInternetGateways']) {
		assert.match(JSON.stringify(byOperation.get(operation)), new RegExp(N.vpcId), operation);
	}
});

test('the VPC model is cached: a second reader costs no call until the TTL or a refresh', async () => {
	const fresh = await demoSession(sim);
	sim.resetCalls();
	const first = await fresh.store.ensure(vpcModelResource(fresh, N.vpcId));
	const calls = ec2Calls().length;
	const second = await fresh.store.ensure(vpcModelResource(fresh, N.vpcId));
	assert.equal(calls, 12);
	assert.equal(ec2Calls().length, 12);
	assert.equal(second.data, first.data);
	await fresh.store.invalidate(`${fresh.scope}/`);
	await fresh.store.ensure(vpcModelResource(fresh, N.vpcId));
	assert.equal(ec2Calls().length, 24);
});

test('route tables page at 100: a VPC with 130 tables takes two pages', async () => {
	const state = ec2StateOf(sim.world, N.accountId, N.region);
	const vpcId = 'vpc-0b00000000000big1';
	state.vpcs.set(vpcId, {vpcId, cidrBlock: '172.16.0.0/16', cidrAssociationId: 'vpc-cidr-assoc-big', dhcpOptionsId: 'dopt-big', state: 'available', isDefault: false, instanceTenancy: 'default', enableDnsSupport: true, enableDnsHostnames: false, tags: {}});
	for (let index = 0; index < 130; index++) {
		const routeTableId = `rtb-0b${String(index).padStart(15, '0')}`;
		state.routeTables.set(routeTableId, {routeTableId, vpcId, associations: [], routes: [{destinationCidrBlock: '172.16.0.0/16', gatewayId: 'local', origin: 'CreateRouteTable'}], tags: {}});
	}
	sim.resetCalls();
	const model = await describeVpcModel(s.clients, vpcId);
	assert.equal(model.routeTables.length, 130);
	assert.equal(ec2Calls().filter(call => call.operation === 'DescribeRouteTables').length, 2);
	assert.equal(model.vpc.enableDnsHostnames, false);
	assert.deepEqual(model.subnets, []);
});

test('lookups: a gone ENI or subnet is undefined, an unknown VPC is a NotFound error', async () => {
	assert.equal(await describeNetworkInterface(s.clients, 'eni-0000000000000dead'), undefined);
	const eni = await describeNetworkInterface(s.clients, N.networkInterfaces.nat);
	assert.equal(eni?.vpcId, N.vpcId);
	assert.equal(eni?.publicIp, N.natPublicIp);
	assert.equal(eni?.interfaceType, 'nat_gateway');
	assert.equal(await describeSubnet(s.clients, 'subnet-0000000000000dead'), undefined);
	assert.equal((await describeSubnet(s.clients, N.subnets.spareB))?.vpcId, N.vpcId);
	await assert.rejects(describeVpcModel(s.clients, 'vpc-0000000000000dead'), (error: Error) => error.name === 'InvalidVpcID.NotFound');
	const vpcs = await listVpcs(s.clients);
	assert.ok(vpcs.some(vpc => vpc.vpcId === N.vpcId && vpc.name === 'demo-vpc' && vpc.cidrBlock === '10.0.0.0/16' && !vpc.isDefault));
});
