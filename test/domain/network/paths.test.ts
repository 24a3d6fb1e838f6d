import {test} from 'node:test';
import assert from 'node:assert/strict';
import {requiredDependencies, resolveTaskPaths} from '../../../source/domain/network/paths.js';
import type {DependencyPath, Hop, TaskNetwork, TaskPaths, VpcModel} from '../../../source/domain/network/types.js';
import {S3_PL, aTask, aVpc, addInterfaceEndpoints, addS3Gateway, entry, isolatedVpc, perm, setDefaultRoute, setTaskEgress, table} from './builders.js';

function trace(model: VpcModel, task: TaskNetwork = aTask()): TaskPaths {
	return resolveTaskPaths({task, model});
}

function path(result: TaskPaths, dependency: DependencyPath['dependency']): DependencyPath {
	const found = result.paths.find(p => p.dependency === dependency);
	assert.ok(found, `no ${dependency} path`);
	return found;
}

function hop(p: DependencyPath, step: string): Hop {
	const found = p.hops.find(h => h.id === `${p.dependency}.${step}`);
	assert.ok(found, `no ${step} hop in ${p.dependency}: ${p.hops.map(h => h.id).join(', ')}`);
	return found;
}

function firstFail(p: DependencyPath): Hop | undefined {
	return p.hops.find(h => h.status === 'fail');
}

test('private subnet behind an available NAT: every path passes via nat-1, hops in order', () => {
	const result = trace(aVpc());
	assert.deepEqual(result.paths.map(p => [p.dependency, p.status, p.via, p.viaId]), [
		['ecr-api', 'pass', 'nat', 'nat-1'],
		['ecr-dkr', 'pass', 'nat', 'nat-1'],
		['s3', 'pass', 'nat', 'nat-1'],
		['logs', 'pass', 'nat', 'nat-1'],
	]);
	const kinds = path(result, 'ecr-dkr').hops.map(h => h.kind);
	assert.deepEqual(kinds, ['eni', 'subnet', 'route-table', 'route', 'nat', 'security-group', 'nacl', 'nacl', 'service']);
	assert.equal(hop(path(result, 'ecr-dkr'), 'route').label, 'rtb-priv 0.0.0.0/0');
	assert.equal(result.routeTableId, 'rtb-priv');
});

test('a subnet without an explicit association uses the main table (which here has no default route)', () => {
	const model = aVpc();
	table(model, 'rtb-priv').associations = table(model, 'rtb-priv').associations.filter(a => a.subnetId !== 'subnet-priv-a');
	const p = path(trace(model), 'ecr-api');
	assert.equal(hop(p, 'route-table').label, 'rtb-main (main)');
	assert.equal(firstFail(p)?.reason, 'no ecr.api interface endpoint and no route to 0.0.0.0/0 in rtb-main (no NAT or internet gateway)');
	assert.match(firstFail(p)?.fix?.cli ?? '', /create-route --route-table-id rtb-main --destination-cidr-block 0.0.0.0\/0 --nat-gateway-id nat-1/);
});

test('blackhole NAT route: fail at the route, with a replace-route fix to a working NAT', () => {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-priv', {natGatewayId: 'nat-0dead', state: 'blackhole'});
	const p = path(trace(model), 'ecr-api');
	const fail = firstFail(p);
	assert.equal(fail?.id, 'ecr-api.route');
	assert.equal(fail?.reason, 'the NAT route in rtb-priv is a blackhole');
	assert.equal(fail?.fix?.cli, 'aws ec2 replace-route --route-table-id rtb-priv --destination-cidr-block 0.0.0.0/0 --nat-gateway-id nat-1');
	assert.match(fail?.fix?.terraform ?? '', /resource "aws_route"/);
});

test('NAT gateway not available: fail at the NAT hop with its state and failure message', () => {
	const model = aVpc();
	Object.assign(model.natGateways[0] ?? {}, {state: 'failed', failureMessage: 'Elastic IP address eipalloc-1 is already associated'});
	const fail = firstFail(path(trace(model), 'ecr-dkr'));
	assert.equal(fail?.kind, 'nat');
	assert.equal(fail?.reason, 'NAT gateway nat-1 is failed (Elastic IP address eipalloc-1 is already associated)');
});

test('private NAT gateway gives no internet', () => {
	const model = aVpc();
	Object.assign(model.natGateways[0] ?? {}, {connectivityType: 'private'});
	assert.equal(firstFail(path(trace(model), 'ecr-api'))?.reason, 'nat-1 is a private NAT gateway: it gives no internet access');
});

test('zonal NAT whose own subnet has no IGW route fails; a regional NAT needs no public subnet', () => {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-pub', undefined);
	const fail = firstFail(path(trace(model), 'ecr-api'));
	assert.equal(fail?.reason, 'nat-1 sits in subnet-pub-a whose route table rtb-pub has no route to an internet gateway');
	assert.equal(fail?.fix?.cli, 'aws ec2 create-route --route-table-id rtb-pub --destination-cidr-block 0.0.0.0/0 --gateway-id igw-1');
	Object.assign(model.natGateways[0] ?? {}, {availabilityMode: 'regional'});
	const regional = path(trace(model), 'ecr-api');
	assert.equal(regional.status, 'pass');
	assert.match(hop(regional, 'nat').evidence, /regional/);
});

test('public subnet via IGW: fails without a public IP, passes with assignPublicIp or an ENI public IP', () => {
	const model = aVpc();
	const task = aTask({subnetId: 'subnet-pub-a', privateIp: '10.0.0.20', eniId: 'eni-pub'});
	const fail = firstFail(path(trace(model, task), 'ecr-api'));
	assert.equal(fail?.kind, 'igw');
	assert.equal(fail?.reason, 'the task has no public IP (assignPublicIp is DISABLED), so it cannot use internet gateway igw-1');
	assert.match(fail?.fix?.cli ?? '', /aws ecs update-service --cluster demo --service web .*assignPublicIp=ENABLED/);
	assert.equal(path(trace(model, {...task, assignPublicIp: true}), 'ecr-api').status, 'pass');
	model.networkInterfaces.push({networkInterfaceId: 'eni-pub', subnetId: 'subnet-pub-a', privateIpAddress: '10.0.0.20', publicIp: '198.51.100.7', groupIds: ['sg-task']});
	const viaEni = path(trace(model, task), 'ecr-api');
	assert.equal(viaEni.status, 'pass');
	assert.equal(hop(viaEni, 'igw').label, 'igw-1 via 198.51.100.7');
});

test('IGW not attached to the VPC fails with an attach fix', () => {
	const model = aVpc();
	model.internetGateways[0] = {internetGatewayId: 'igw-1', attachments: []};
	const fail = firstFail(path(trace(model, aTask({subnetId: 'subnet-pub-a', assignPublicIp: true})), 'ecr-api'));
	assert.equal(fail?.reason, 'internet gateway igw-1 is not attached to vpc-1');
	assert.equal(fail?.fix?.cli, 'aws ec2 attach-internet-gateway --internet-gateway-id igw-1 --vpc-id vpc-1');
});

test('endpoint-only subnet with ecr.api, ecr.dkr, logs and the S3 gateway endpoint passes through the endpoints', () => {
	const result = trace(isolatedVpc({s3: true}));
	assert.deepEqual(result.paths.map(p => [p.dependency, p.status, p.viaId]), [
		['ecr-api', 'pass', 'vpce-ecrapi'],
		['ecr-dkr', 'pass', 'vpce-ecrdkr'],
		['s3', 'pass', 'vpce-s3'],
		['logs', 'pass', 'vpce-logs'],
	]);
	const dkr = path(result, 'ecr-dkr');
	assert.equal(hop(dkr, 'dns').label, 'private DNS -> vpce-ecrdkr');
	assert.equal(hop(dkr, 'route').label, 'rtb-priv 10.0.0.0/16');
	assert.equal(hop(path(result, 's3'), 'route').label, `rtb-priv ${S3_PL}`);
	assert.deepEqual(result.findings, []);
});

test('an interface endpoint without private DNS is bypassed: warn behind a NAT, fail in an isolated subnet', () => {
	const behindNat = aVpc();
	addInterfaceEndpoints(behindNat, ['ecr.dkr'], {privateDnsEnabled: false});
	const warned = path(trace(behindNat), 'ecr-dkr');
	assert.equal(warned.status, 'warn');
	assert.equal(warned.via, 'nat');
	assert.equal(hop(warned, 'dns').reason, 'vpce-ecrdkr (ecr.dkr) is not used because private DNS is off; traffic takes the default route instead');
	const isolated = isolatedVpc({s3: true});
	const dkr = isolated.vpcEndpoints.find(e => e.vpcEndpointId === 'vpce-ecrdkr');
	if (dkr !== undefined) dkr.privateDnsEnabled = false;
	const failed = firstFail(path(trace(isolated), 'ecr-dkr'));
	assert.equal(failed?.kind, 'dns');
	assert.equal(failed?.fix?.cli, 'aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-ecrdkr --private-dns-enabled');
});

test('VPC DNS attributes off: private DNS does not take effect', () => {
	const model = isolatedVpc({s3: true});
	model.vpc.enableDnsHostnames = false;
	const fail = firstFail(path(trace(model), 'ecr-api'));
	assert.equal(fail?.reason, 'vpce-ecrapi (ecr.api) is not used because VPC enableDnsHostnames is off');
	assert.equal(fail?.fix?.cli, `aws ec2 modify-vpc-attribute --vpc-id vpc-1 --enable-dns-hostnames '{"Value":true}'`);
	model.vpc.enableDnsSupport = false;
	assert.match(firstFail(path(trace(model), 'ecr-api'))?.reason ?? '', /enableDnsSupport is off/);
});

test('custom DHCP DNS servers: endpoint path is a warning (conditional forwarding cannot be seen)', () => {
	const model = isolatedVpc({s3: true});
	model.vpc.dhcpUsesAmazonDns = false;
	const p = path(trace(model), 'ecr-dkr');
	assert.equal(p.status, 'warn');
	assert.equal(hop(p, 'dns').status, 'warn');
});

test('demo isolated subnet: ecr.api and ecr.dkr endpoints but no S3 gateway endpoint', () => {
	const result = trace(isolatedVpc());
	assert.equal(path(result, 'ecr-api').status, 'pass');
	assert.equal(path(result, 'ecr-dkr').status, 'pass');
	const s3 = path(result, 's3');
	const fail = firstFail(s3);
	assert.equal(fail?.reason, 'no S3 gateway endpoint on rtb-priv and no NAT — image layers cannot download');
	assert.equal(fail?.fix?.cli, 'aws ec2 create-vpc-endpoint --vpc-id vpc-1 --vpc-endpoint-type Gateway --service-name com.amazonaws.us-east-1.s3 --route-table-ids rtb-priv');
	assert.ok(result.findings.includes("You have enabled ECR related private endpoints ['ecr.dkr', 'ecr.api'], However missing endpoint/s {'s3'}"));
});

test('S3 gateway endpoint associated with another route table does not help this subnet', () => {
	const model = isolatedVpc();
	addS3Gateway(model, ['rtb-pub']);
	const fail = firstFail(path(trace(model), 's3'));
	assert.equal(fail?.reason, 'S3 gateway endpoint vpce-s3 is not associated with rtb-priv and there is no NAT — image layers cannot download');
	assert.equal(fail?.fix?.cli, 'aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-s3 --add-route-table-ids rtb-priv');
});

test('endpoint security group not allowing 443 from the task fails with an ingress fix and a runbook finding', () => {
	const model = isolatedVpc({s3: true});
	const endpointSg = model.securityGroups.find(g => g.groupId === 'sg-endpoint');
	if (endpointSg !== undefined) endpointSg.ipPermissions = [perm({ipRanges: [{cidrIp: '10.0.2.0/24'}]})];
	const result = trace(model);
	const fail = firstFail(path(result, 'ecr-api'));
	assert.equal(fail?.id, 'ecr-api.sg-ingress');
	assert.equal(fail?.reason, 'endpoint security group sg-endpoint of vpce-ecrapi allows no inbound TCP 443 from the task (sg-task, 10.0.1.10)');
	assert.equal(fail?.fix?.cli, "aws ec2 authorize-security-group-ingress --group-id sg-endpoint --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-task}]'");
	assert.ok(result.findings.some(f => f.startsWith('The VPC endpoint security group(s) sg-endpoint of vpce-ecrapi do not allow inbound TCP 443')));
});

test('task security group without egress 443 fails on every path', () => {
	const model = aVpc();
	setTaskEgress(model, [perm({fromPort: 80, toPort: 80, ipRanges: [{cidrIp: '0.0.0.0/0'}]})]);
	const result = trace(model);
	for (const p of result.paths) assert.equal(firstFail(p)?.id, `${p.dependency}.sg-egress`);
	assert.equal(firstFail(path(result, 'ecr-api'))?.reason, 'security group sg-task allows no outbound TCP 443 to 0.0.0.0/0');
	assert.deepEqual(result.findings, ['The task security group(s) sg-task do not allow outbound TCP 443 (needed for ecr-api, ecr-dkr, s3, logs)']);
});

test('egress allowed only to the endpoint SG: endpoints pass, S3 through the gateway endpoint fails with a prefix-list fix', () => {
	const model = isolatedVpc({s3: true});
	setTaskEgress(model, [perm({userIdGroupPairs: [{groupId: 'sg-endpoint'}]})]);
	const result = trace(model);
	assert.equal(path(result, 'ecr-dkr').status, 'pass');
	const fail = firstFail(path(result, 's3'));
	assert.equal(fail?.reason, `security group sg-task allows no outbound TCP 443 to S3 (${S3_PL})`);
	assert.match(fail?.fix?.cli ?? '', new RegExp(`PrefixListIds=\\[\\{PrefixListId=${S3_PL}\\}\\]`));
	setTaskEgress(model, [perm({userIdGroupPairs: [{groupId: 'sg-endpoint'}]}), perm({prefixListIds: [{prefixListId: S3_PL}]})]);
	assert.equal(path(trace(model), 's3').status, 'pass');
});

test('custom NACL denying egress 443 fails at the task subnet ACL', () => {
	const model = aVpc();
	const acl = model.networkAcls[0];
	acl?.entries.push(entry({ruleNumber: 50, egress: true, ruleAction: 'deny', protocol: '6', portRange: {from: 443, to: 443}}));
	const fail = firstFail(path(trace(model), 'ecr-api'));
	assert.equal(fail?.kind, 'nacl');
	assert.equal(fail?.reason, 'network ACL acl-default on subnet-priv-a blocks outbound TCP 443 to 0.0.0.0/0 (rule 50 deny)');
	assert.match(fail?.evidence ?? '', /rule 50 deny egress tcp 443 0\.0\.0\.0\/0/);
	assert.equal(fail?.fix?.cli, 'aws ec2 create-network-acl-entry --network-acl-id acl-default --egress --rule-number 49 --protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow');
});

test('the same NACL rule applied to traffic inside one subnet is only a warning (ACL behaviour there is unconfirmed)', () => {
	const model = isolatedVpc({s3: true});
	const endpoint = model.vpcEndpoints.find(e => e.vpcEndpointId === 'vpce-ecrapi');
	if (endpoint !== undefined) endpoint.subnetIds = ['subnet-priv-a'];
	model.networkAcls[0]?.entries.push(entry({ruleNumber: 50, egress: true, ruleAction: 'deny', cidrBlock: '10.0.1.0/24'}));
	const p = path(trace(model), 'ecr-api');
	const same = hop(p, 'nacl-same-subnet');
	assert.equal(same.status, 'warn');
	assert.match(same.reason, /^if network ACLs filter traffic inside a subnet \(unconfirmed\), /);
	assert.equal(p.status, 'warn');
});

test('transit gateway, peering and appliance default routes are "cannot verify", never pass', () => {
	for (const [route, kind] of [[{transitGatewayId: 'tgw-1'}, 'transit'], [{vpcPeeringConnectionId: 'pcx-1'}, 'peering'], [{networkInterfaceId: 'eni-fw'}, 'appliance'], [{gatewayId: 'vgw-1'}, 'transit']] as const) {
		const model = aVpc();
		setDefaultRoute(model, 'rtb-priv', {...route, state: 'active'});
		const p = path(trace(model), 'ecr-api');
		assert.equal(p.status, 'warn', JSON.stringify(route));
		assert.equal(p.via, 'unverifiable');
		const egress = hop(p, 'egress');
		assert.equal(egress.kind, kind);
		assert.match(egress.reason, /— cannot verify end to end$/);
	}
});

test('an endpoint policy that denies the pull fails at the policy hop', () => {
	const model = isolatedVpc({s3: true});
	const dkr = model.vpcEndpoints.find(e => e.vpcEndpointId === 'vpce-ecrdkr');
	if (dkr !== undefined) dkr.policyDocument = JSON.stringify({Statement: [{Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'}, {Effect: 'Deny', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*'}]});
	const fail = firstFail(path(trace(model), 'ecr-dkr'));
	assert.equal(fail?.kind, 'policy');
	assert.equal(fail?.reason, 'the endpoint policy of vpce-ecrdkr denies ecr:BatchGetImage');
	const s3 = model.vpcEndpoints.find(e => e.vpcEndpointId === 'vpce-s3');
	if (s3 !== undefined) s3.policyDocument = JSON.stringify({Statement: [{Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*'}]});
	assert.equal(firstFail(path(trace(model), 's3'))?.reason, 'the endpoint policy of vpce-s3 does not allow s3:GetObject on prod-us-east-1-starport-layer-bucket');
});

test('logs is traced only when the task uses awslogs; secrets go through their endpoint', () => {
	const noLogs = aTask({needs: {ecr: true, logs: false, secretsManager: false, ssm: false}});
	assert.deepEqual(requiredDependencies(noLogs), ['ecr-api', 'ecr-dkr', 's3']);
	const model = isolatedVpc({s3: true});
	addInterfaceEndpoints(model, ['secretsmanager']);
	const result = trace(model, aTask({needs: {ecr: true, logs: true, secretsManager: true, ssm: true}}));
	assert.deepEqual(result.paths.map(p => p.dependency), ['ecr-api', 'ecr-dkr', 's3', 'logs', 'secretsmanager', 'ssm']);
	assert.equal(path(result, 'secretsmanager').viaId, 'vpce-secretsmanager');
	assert.equal(path(result, 'secretsmanager').status, 'pass');
	assert.equal(firstFail(path(result, 'ssm'))?.reason, 'no ssm interface endpoint and no route to 0.0.0.0/0 in rtb-priv (no NAT or internet gateway)');
});

test('platform version 1.3.0 does not need ecr.api; LATEST and Windows do', () => {
	assert.deepEqual(requiredDependencies(aTask({platformVersion: '1.3.0'})).slice(0, 2), ['ecr-dkr', 's3']);
	assert.equal(requiredDependencies(aTask({platformVersion: 'LATEST'}))[0], 'ecr-api');
	assert.equal(requiredDependencies(aTask({platformVersion: '1.0.0', platformOs: 'windows'}))[0], 'ecr-api');
});

test('endpoint with no ENI in the task AZ warns; a pending endpoint fails', () => {
	const model = isolatedVpc({s3: true});
	const api = model.vpcEndpoints.find(e => e.vpcEndpointId === 'vpce-ecrapi');
	if (api !== undefined) api.subnetIds = ['subnet-priv-b'];
	const p = path(trace(model), 'ecr-api');
	assert.equal(hop(p, 'endpoint').status, 'warn');
	assert.equal(hop(p, 'endpoint').reason, 'vpce-ecrapi has no subnet in us-east-1a; traffic crosses AZs');
	if (api !== undefined) api.state = 'pending';
	assert.equal(firstFail(path(trace(model), 'ecr-api'))?.reason, 'interface endpoint vpce-ecrapi is pending, not available');
});

test('a subnet missing from the data gives unknown paths, not a verdict', () => {
	const result = trace(aVpc(), aTask({subnetId: 'subnet-gone'}));
	assert.ok(result.paths.every(p => p.status === 'unknown'));
	assert.equal(result.routeTableId, undefined);
});

test("the NAT's own subnet ACL is checked both ways; its fix names the task subnet", () => {
	const model = aVpc();
	model.networkAcls[0]!.associations = model.networkAcls[0]!.associations.filter(a => a.subnetId !== 'subnet-pub-a');
	model.networkAcls.push({networkAclId: 'acl-pub', vpcId: 'vpc-1', isDefault: false, associations: [{subnetId: 'subnet-pub-a'}], entries: [
		entry({ruleNumber: 100, egress: true}),
		entry({ruleNumber: 100, egress: false, protocol: '6', portRange: {from: 1024, to: 65535}}),
	]});
	const p = path(trace(model), 'ecr-api');
	const fail = firstFail(p);
	assert.equal(fail?.id, 'ecr-api.nat-nacl');
	assert.equal(fail?.reason, 'network ACL acl-pub on subnet-pub-a blocks inbound TCP 443 from the task (10.0.1.10/32) (rule * deny)');
	assert.match(fail?.fix?.cli ?? '', /--ingress --rule-number 99 --protocol tcp --port-range From=443,To=443 --cidr-block 10\.0\.1\.0\/24/);
	assert.deepEqual(p.hops.map(h => h.kind).slice(3), ['route', 'nat', 'security-group', 'nacl', 'nacl', 'service']);
});
