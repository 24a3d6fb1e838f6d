import {test} from 'node:test';
import assert from 'node:assert/strict';
import {resolveTaskPaths} from '../../../source/domain/network/paths.js';
import {networkChecks, networkVerdict, pathVerdictText} from '../../../source/domain/network/verdict.js';
import type {TaskNetwork, VpcModel} from '../../../source/domain/network/types.js';
import {aTask, aVpc, customNacl, entry, isolatedVpc, perm, setDefaultRoute, setTaskEgress, table} from './builders.js';

const verdictOf = (model: VpcModel, task: TaskNetwork = aTask()) => networkVerdict(resolveTaskPaths({task, model}));

test('demo: NAT route blackhole', () => {
	const model = aVpc();
	table(model, 'rtb-priv').routeTableId = 'rtb-0abc';
	setDefaultRoute(model, 'rtb-0abc', {natGatewayId: 'nat-0dead', state: 'blackhole'});
	const verdict = verdictOf(model);
	assert.equal(verdict.text, 'cannot pull: the NAT route in rtb-0abc is a blackhole');
	assert.equal(verdict.status, 'fail');
	assert.equal(verdict.dependency, 'ecr-api');
});

test('demo: isolated subnet with ecr.api and ecr.dkr endpoints but no S3 gateway endpoint', () => {
	assert.equal(verdictOf(isolatedVpc()).text, 'cannot pull: no S3 gateway endpoint on rtb-priv and no NAT — image layers cannot download');
});

test('demo: security group blocking egress 443', () => {
	const model = aVpc();
	setTaskEgress(model, [perm({ipRanges: [{cidrIp: '10.0.0.0/16'}]})]);
	assert.equal(verdictOf(model).text, 'cannot pull: security group sg-task allows no outbound TCP 443 to 0.0.0.0/0');
});

test('demo: custom NACL that allows 443 out but drops the return traffic', () => {
	const model = aVpc();
	customNacl(model, [
		entry({ruleNumber: 100, egress: true, protocol: '6', portRange: {from: 443, to: 443}}),
		entry({ruleNumber: 100, egress: false, protocol: '6', portRange: {from: 443, to: 443}}),
		entry({ruleNumber: 32767, egress: true, ruleAction: 'deny'}),
		entry({ruleNumber: 32767, egress: false, ruleAction: 'deny'}),
	]);
	const verdict = verdictOf(model);
	assert.equal(verdict.text, 'cannot pull: network ACL acl-custom on subnet-priv-a drops return traffic (inbound TCP 1024-65535 from 0.0.0.0/0, rule * deny)');
	assert.equal(verdict.hop?.fix?.cli, 'aws ec2 create-network-acl-entry --network-acl-id acl-custom --ingress --rule-number 99 --protocol tcp --port-range From=1024,To=65535 --cidr-block 0.0.0.0/0 --rule-action allow');
});

test('healthy: ok via the NAT, or via the endpoints', () => {
	assert.equal(verdictOf(aVpc()).text, 'ok: reaches ECR via nat-1');
	assert.equal(verdictOf(isolatedVpc({s3: true})).text, 'ok: reaches ECR via vpce-ecrapi (ecr.api), vpce-ecrdkr (ecr.dkr), vpce-s3 (S3); logs via vpce-logs');
});

test('warnings are said, never folded into ok', () => {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-priv', {transitGatewayId: 'tgw-1', state: 'active'});
	const verdict = verdictOf(model);
	assert.equal(verdict.status, 'warn');
	assert.equal(verdict.text, 'unverified: egress via tgw-1 — cannot verify end to end');
});

test('a non-ECR failure names what it breaks', () => {
	const model = isolatedVpc({s3: true});
	const task = aTask({needs: {ecr: true, logs: true, secretsManager: true, ssm: false}});
	assert.equal(verdictOf(model, task).text, 'cannot read secrets: no secretsmanager interface endpoint and no route to 0.0.0.0/0 in rtb-priv (no NAT or internet gateway)');
});

test('checks: one per dependency in the diagnosis Check shape, with the fix as text', () => {
	const result = resolveTaskPaths({task: aTask(), model: isolatedVpc()});
	const checks = networkChecks(result);
	assert.deepEqual(checks.map(c => [c.id, c.status]), [['network:ecr-api', 'pass'], ['network:ecr-dkr', 'pass'], ['network:s3', 'fail'], ['network:logs', 'pass']]);
	const s3 = checks[2];
	assert.equal(s3?.group, 'network');
	assert.equal(s3?.title, 'Network path to S3 (image layers)');
	assert.equal(s3?.method, 'evaluated');
	assert.equal(s3?.resourceId, 'rtb-priv');
	assert.match(s3?.evidence ?? '', /^no S3 gateway endpoint on rtb-priv and no NAT — image layers cannot download — rtb-priv has no 0\.0\.0\.0\/0 route/);
	assert.match(s3?.evidence ?? '', /However missing endpoint\/s \{'s3'\}/);
	assert.match(s3?.fix ?? '', /\naws ec2 create-vpc-endpoint .* --vpc-endpoint-type Gateway /);
	assert.match(checks[0]?.evidence ?? '', /^reaches api\.ecr\.us-east-1\.amazonaws\.com via vpce-ecrapi/);
	assert.equal(pathVerdictText(result.paths[0]!), 'ok: reaches api.ecr.us-east-1.amazonaws.com via vpce-ecrapi');
});

test('an unknown subnet gives an unknown verdict and unknown checks', () => {
	const result = resolveTaskPaths({task: aTask({subnetId: 'subnet-gone'}), model: aVpc()});
	assert.equal(networkVerdict(result).status, 'unknown');
	assert.equal(networkVerdict(result).text, 'cannot tell: cannot verify: subnet subnet-gone is not in the VPC data');
	assert.ok(networkChecks(result).every(c => c.status === 'unknown'));
});
