import {test} from 'node:test';
import assert from 'node:assert/strict';
import {classifyTarget, findRoute, routeTableForSubnet} from '../../../source/domain/network/routes.js';
import type {Route, RouteTable} from '../../../source/domain/network/types.js';
import {S3_PL, aVpc, localRoute} from './builders.js';

const rt = (routes: Route[]): RouteTable => ({routeTableId: 'rtb-x', vpcId: 'vpc-1', associations: [], routes: [localRoute(), ...routes]});

test('explicit association wins; otherwise the main table (implicit association)', () => {
	const model = aVpc();
	assert.deepEqual(routeTableForSubnet(model.routeTables, 'subnet-priv-a', 'vpc-1')?.table.routeTableId, 'rtb-priv');
	assert.equal(routeTableForSubnet(model.routeTables, 'subnet-priv-a')?.association, 'explicit');
	const unassociated = routeTableForSubnet(model.routeTables, 'subnet-new', 'vpc-1');
	assert.equal(unassociated?.table.routeTableId, 'rtb-main');
	assert.equal(unassociated?.association, 'main');
});

test('a disassociated association does not count', () => {
	const model = aVpc();
	const priv = model.routeTables.find(t => t.routeTableId === 'rtb-priv');
	priv?.associations.forEach(a => { if (a.subnetId === 'subnet-priv-a') a.state = 'disassociated'; });
	assert.equal(routeTableForSubnet(model.routeTables, 'subnet-priv-a')?.table.routeTableId, 'rtb-main');
});

test('longest prefix wins over the default route', () => {
	const table = rt([
		{destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-1', state: 'active'},
		{destinationCidrBlock: '172.31.0.0/16', vpcPeeringConnectionId: 'pcx-1', state: 'active'},
	]);
	assert.equal(findRoute(table, {kind: 'address', address: '172.31.4.4'})?.target.id, 'pcx-1');
	assert.equal(findRoute(table, {kind: 'address', address: '10.0.3.3'})?.target.kind, 'local');
	assert.equal(findRoute(table, {kind: 'address', address: '8.8.8.8'})?.target.id, 'nat-1');
});

test('on equal prefixes a static route beats a propagated one, whatever the order', () => {
	const table = rt([
		{destinationCidrBlock: '172.31.0.0/24', gatewayId: 'vgw-1', state: 'active', origin: 'EnableVgwRoutePropagation'},
		{destinationCidrBlock: '172.31.0.0/24', gatewayId: 'igw-1', state: 'active', origin: 'CreateRoute'},
	]);
	const match = findRoute(table, {kind: 'address', address: '172.31.0.5'});
	assert.equal(match?.target.id, 'igw-1');
	assert.equal(match?.priority, 'static');
});

test('a prefix-list route beats a propagated route of the same length', () => {
	const lists = [{prefixListId: 'pl-corp', prefixListName: 'corp', cidrs: ['192.0.2.0/24']}];
	const table = rt([
		{destinationCidrBlock: '192.0.2.0/24', gatewayId: 'vgw-1', state: 'active', origin: 'EnableVgwRoutePropagation'},
		{destinationPrefixListId: 'pl-corp', transitGatewayId: 'tgw-1', state: 'active', origin: 'CreateRoute'},
	]);
	assert.equal(findRoute(table, {kind: 'address', address: '192.0.2.9'}, lists)?.target.id, 'tgw-1');
});

test('blackhole routes still win and drop; filtered routes are skipped', () => {
	const table = rt([{destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-gone', state: 'blackhole'}]);
	const match = findRoute(table, {kind: 'internet'});
	assert.equal(match?.dropped, true);
	assert.equal(match?.target.id, 'nat-gone');
	const filtered = rt([{destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-1', state: 'filtered'}]);
	assert.equal(findRoute(filtered, {kind: 'internet'}), undefined);
});

test('the S3 gateway-endpoint prefix-list route beats 0.0.0.0/0 for S3 but not for other services', () => {
	const model = aVpc();
	const table = rt([
		{destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-1', state: 'active'},
		{destinationPrefixListId: S3_PL, gatewayId: 'vpce-s3', state: 'active'},
	]);
	const s3 = findRoute(table, {kind: 'internet', prefixListId: S3_PL}, model.prefixLists);
	assert.equal(s3?.target.kind, 'gateway-endpoint');
	assert.equal(s3?.priority, 'prefix-list');
	const ecr = findRoute(table, {kind: 'internet'}, model.prefixLists);
	assert.equal(ecr?.target.id, 'nat-1');
	assert.deepEqual(ecr?.ambiguous, []);
	assert.equal(findRoute(table, {kind: 'address', address: '52.217.1.1'}, model.prefixLists)?.target.id, 'vpce-s3');
});

test('targets are classified by id prefix', () => {
	const kinds = [
		{gatewayId: 'igw-1'}, {natGatewayId: 'nat-1'}, {transitGatewayId: 'tgw-1'}, {vpcPeeringConnectionId: 'pcx-1'},
		{networkInterfaceId: 'eni-1'}, {instanceId: 'i-1', networkInterfaceId: 'eni-2'}, {gatewayId: 'vgw-1'}, {gatewayId: 'local'},
		{gatewayId: 'vpce-gwlb'}, {gatewayId: 'vpce-s3', destinationPrefixListId: S3_PL},
	].map(r => classifyTarget({state: 'active', ...r}).kind);
	assert.deepEqual(kinds, ['igw', 'nat', 'tgw', 'pcx', 'eni', 'instance', 'vgw', 'local', 'gwlb-endpoint', 'gateway-endpoint']);
});
