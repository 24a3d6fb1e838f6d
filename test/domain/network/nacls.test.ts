import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NON_PUBLIC_IPV4} from '../../../source/domain/network/cidr.js';
import {EPHEMERAL_PORTS, HTTPS_PORTS, describeEntry, evaluateNacl, naclForSubnet} from '../../../source/domain/network/nacls.js';
import type {NetworkAcl, NetworkAclEntry} from '../../../source/domain/network/types.js';
import {aVpc, defaultNaclEntries, entry} from './builders.js';

const acl = (entries: NetworkAclEntry[]): NetworkAcl => ({networkAclId: 'acl-1', vpcId: 'vpc-1', isDefault: false, associations: [], entries});
const internet = {kind: 'internet', excluded: [...NON_PUBLIC_IPV4]} as const;
const out443 = {direction: 'egress', ports: HTTPS_PORTS, peer: internet} as const;
const inEphemeral = {direction: 'ingress', ports: EPHEMERAL_PORTS, peer: internet} as const;

test('the default ACL allows both directions', () => {
	const decision = evaluateNacl(acl(defaultNaclEntries()), out443);
	assert.equal(decision.outcome, 'allowed');
	assert.equal(decision.text, 'rule 100 allow egress all 0.0.0.0/0');
	assert.equal(evaluateNacl(acl(defaultNaclEntries()), inEphemeral).outcome, 'allowed');
});

test('rules are processed in ascending number and the first match wins (regardless of array order)', () => {
	const entries = [
		entry({ruleNumber: 200, egress: true}),
		entry({ruleNumber: 90, egress: true, ruleAction: 'deny', protocol: '6', portRange: {from: 443, to: 443}}),
	];
	const decision = evaluateNacl(acl(entries), out443);
	assert.equal(decision.outcome, 'denied');
	assert.equal(decision.rule?.ruleNumber, 90);
});

test('with no matching rule the implicit * rule denies (also when the API omits it)', () => {
	const onlyHttpsOut = [entry({ruleNumber: 100, egress: true, protocol: '6', portRange: {from: 443, to: 443}})];
	assert.equal(evaluateNacl(acl(onlyHttpsOut), out443).outcome, 'allowed');
	const back = evaluateNacl(acl(onlyHttpsOut), inEphemeral);
	assert.equal(back.outcome, 'denied');
	assert.equal(back.text, 'rule * deny (implicit)');
	assert.equal(describeEntry(entry({ruleNumber: 32767, ruleAction: 'deny'})), 'rule * deny ingress all 0.0.0.0/0');
});

test('an allow covering only part of the ephemeral range is uncertain, not a pass', () => {
	const entries = [entry({ruleNumber: 100, protocol: '6', portRange: {from: 32768, to: 65535}}), entry({ruleNumber: 32767, ruleAction: 'deny'})];
	assert.equal(evaluateNacl(acl(entries), inEphemeral).outcome, 'uncertain');
});

test('a deny for the VPC range does not touch internet traffic; a specific CIDR peer is matched exactly', () => {
	const entries = [entry({ruleNumber: 50, egress: true, ruleAction: 'deny', cidrBlock: '10.0.0.0/8'}), entry({ruleNumber: 100, egress: true})];
	assert.equal(evaluateNacl(acl(entries), out443).outcome, 'allowed');
	assert.equal(evaluateNacl(acl(entries), {direction: 'egress', ports: HTTPS_PORTS, peer: {kind: 'cidr', cidr: '10.0.2.100/32'}}).outcome, 'denied');
});

test('a subnet without a listed association falls back to the VPC default ACL', () => {
	const model = aVpc();
	assert.equal(naclForSubnet(model.networkAcls, 'subnet-priv-a')?.networkAclId, 'acl-default');
	assert.equal(naclForSubnet(model.networkAcls, 'subnet-unlisted', 'vpc-1')?.isDefault, true);
});
