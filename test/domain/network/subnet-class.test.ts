import {test} from 'node:test';
import assert from 'node:assert/strict';
import {classifySubnets, type SubnetOverview} from '../../../source/domain/network/subnet-class.js';
import type {VpcModel} from '../../../source/domain/network/types.js';
import {REGION, aVpc, isolatedVpc, setDefaultRoute} from './builders.js';

function row(model: VpcModel, subnetId: string): SubnetOverview {
	const found = classifySubnets({model, region: REGION}).find(r => r.subnetId === subnetId);
	assert.ok(found, subnetId);
	return found;
}

test('public and NAT subnets', () => {
	const model = aVpc();
	const pub = row(model, 'subnet-pub-a');
	assert.deepEqual([pub.class, pub.canPull, pub.name, pub.availabilityZone, pub.availableIpAddressCount], ['public', 'only-with-public-ip', 'public-a', 'us-east-1a', 250]);
	assert.equal(pub.reason, 'default route to igw-1: tasks need assignPublicIp ENABLED');
	const priv = row(model, 'subnet-priv-b');
	assert.deepEqual([priv.class, priv.canPull, priv.defaultRoute], ['nat', 'yes', '0.0.0.0/0 -> nat-1 (active)']);
});

test('endpoint-only and isolated subnets', () => {
	const ready = row(isolatedVpc({s3: true}), 'subnet-priv-a');
	assert.deepEqual([ready.class, ready.canPull], ['endpoint-only', 'yes']);
	assert.deepEqual(ready.endpoints.map(e => [e.service, e.endpointId, e.usable]), [
		['ecr.api', 'vpce-ecrapi', true], ['ecr.dkr', 'vpce-ecrdkr', true], ['logs', 'vpce-logs', true], ['s3', 'vpce-s3', true],
	]);
	const missingS3 = row(isolatedVpc(), 'subnet-priv-a');
	assert.deepEqual([missingS3.class, missingS3.canPull, missingS3.reason], ['isolated', 'no', 'no default route and no usable s3 endpoint']);
	const model = isolatedVpc({s3: true});
	model.vpc.enableDnsHostnames = false;
	const noDns = row(model, 'subnet-priv-a');
	assert.equal(noDns.class, 'isolated');
	assert.equal(noDns.endpoints[0]?.note, 'dns-hostnames-off');
});

test('blackhole: a dead route, a broken NAT or a detached IGW', () => {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-priv', {natGatewayId: 'nat-0dead', state: 'blackhole'});
	const dead = row(model, 'subnet-priv-a');
	assert.deepEqual([dead.class, dead.canPull, dead.reason], ['blackhole', 'no', 'the default route to nat-0dead is a blackhole']);
	const failedNat = aVpc();
	Object.assign(failedNat.natGateways[0] ?? {}, {state: 'deleted'});
	assert.equal(row(failedNat, 'subnet-priv-a').reason, 'NAT gateway nat-1 is deleted');
	const detached = aVpc();
	detached.internetGateways = [{internetGatewayId: 'igw-1', attachments: []}];
	assert.equal(row(detached, 'subnet-pub-a').class, 'blackhole');
});

test('unverifiable: transit gateway default route', () => {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-priv', {transitGatewayId: 'tgw-1', state: 'active'});
	const r = row(model, 'subnet-priv-a');
	assert.deepEqual([r.class, r.canPull, r.reason], ['unverifiable', 'unknown', 'egress via tgw-1 — cannot verify end to end']);
});

test('a subnet with only the main table is classified through it', () => {
	const model = aVpc();
	model.subnets.push({subnetId: 'subnet-new', vpcId: 'vpc-1', cidrBlock: '10.0.9.0/24', availabilityZone: 'us-east-1c', availableIpAddressCount: 251, mapPublicIpOnLaunch: false});
	const r = row(model, 'subnet-new');
	assert.deepEqual([r.routeTableId, r.association, r.class, r.canPull], ['rtb-main', 'main', 'isolated', 'no']);
});
