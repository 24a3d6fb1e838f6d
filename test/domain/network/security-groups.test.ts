import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NON_PUBLIC_IPV4} from '../../../source/domain/network/cidr.js';
import {evaluateSecurityGroups, permissionCoversTcpPort} from '../../../source/domain/network/security-groups.js';
import type {SecurityGroup} from '../../../source/domain/network/types.js';
import {ALL_TRAFFIC, S3_PL, aVpc, perm} from './builders.js';

const sg = (egress: SecurityGroup['ipPermissionsEgress'], ingress: SecurityGroup['ipPermissions'] = []): SecurityGroup => ({groupId: 'sg-t', groupName: 't', vpcId: 'vpc-1', ipPermissions: ingress, ipPermissionsEgress: egress});
const internet = {kind: 'internet', excluded: [...NON_PUBLIC_IPV4, '10.0.0.0/16']} as const;

test('protocol -1 covers every port; tcp needs 443 within from..to', () => {
	assert.equal(permissionCoversTcpPort(ALL_TRAFFIC, 443), true);
	assert.equal(permissionCoversTcpPort(perm({fromPort: 0, toPort: 65535}), 443), true);
	assert.equal(permissionCoversTcpPort(perm({fromPort: 80, toPort: 80}), 443), false);
	assert.equal(permissionCoversTcpPort(perm({ipProtocol: 'udp'}), 443), false);
	assert.equal(permissionCoversTcpPort(perm({ipProtocol: '6', fromPort: 400, toPort: 500}), 443), true);
});

test('egress to the internet needs 0.0.0.0/0; a narrower public block is uncertain; private blocks deny', () => {
	assert.equal(evaluateSecurityGroups([sg([perm({ipRanges: [{cidrIp: '0.0.0.0/0'}]})])], 'egress', internet, 443).outcome, 'allowed');
	assert.equal(evaluateSecurityGroups([sg([perm({ipRanges: [{cidrIp: '52.0.0.0/8'}]})])], 'egress', internet, 443).outcome, 'uncertain');
	assert.equal(evaluateSecurityGroups([sg([perm({ipRanges: [{cidrIp: '10.0.0.0/16'}]})])], 'egress', internet, 443).outcome, 'denied');
	assert.equal(evaluateSecurityGroups([sg([])], 'egress', internet, 443).outcome, 'denied');
});

test('a rule referencing the endpoint SG matches the endpoint ENI (group membership)', () => {
	const peer = {kind: 'address', cidr: '10.0.2.100/32', groupIds: ['sg-endpoint']} as const;
	const decision = evaluateSecurityGroups([sg([perm({userIdGroupPairs: [{groupId: 'sg-endpoint'}]})])], 'egress', peer, 443);
	assert.equal(decision.outcome, 'allowed');
	assert.match(decision.rule ?? '', /sg-endpoint/);
	assert.equal(evaluateSecurityGroups([sg([perm({userIdGroupPairs: [{groupId: 'sg-other'}]})])], 'egress', peer, 443).outcome, 'denied');
});

test('egress to the S3 prefix list matches S3 traffic by prefix-list id', () => {
	const model = aVpc();
	const s3 = {kind: 'internet', prefixListId: S3_PL, excluded: internet.excluded} as const;
	assert.equal(evaluateSecurityGroups([sg([perm({prefixListIds: [{prefixListId: S3_PL}]})])], 'egress', s3, 443, model.prefixLists).outcome, 'allowed');
	// Allowed to the endpoint SG only: S3 traffic matches nothing.
	assert.equal(evaluateSecurityGroups([sg([perm({userIdGroupPairs: [{groupId: 'sg-endpoint'}]})])], 'egress', s3, 443, model.prefixLists).outcome, 'denied');
});

test('ingress on an endpoint SG matches the task by SG reference or by a CIDR containing its IP; groups are unioned', () => {
	const task = {kind: 'address', cidr: '10.0.1.10/32', groupIds: ['sg-task']} as const;
	const byCidr = sg([], [perm({ipRanges: [{cidrIp: '10.0.0.0/16'}]})]);
	const bySg = sg([], [perm({userIdGroupPairs: [{groupId: 'sg-task'}]})]);
	const wrong = sg([], [perm({ipRanges: [{cidrIp: '10.0.2.0/24'}]})]);
	assert.equal(evaluateSecurityGroups([byCidr], 'ingress', task, 443).outcome, 'allowed');
	assert.equal(evaluateSecurityGroups([bySg], 'ingress', task, 443).outcome, 'allowed');
	assert.equal(evaluateSecurityGroups([wrong], 'ingress', task, 443).outcome, 'denied');
	assert.equal(evaluateSecurityGroups([wrong, bySg], 'ingress', task, 443).outcome, 'allowed');
});
