import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fixes from '../../../source/domain/network/fixes.js';

test('every fix has a summary, an aws CLI command and a Terraform resource', () => {
	const all = [
		fixes.createRouteToNat('rtb-1', 'nat-1'),
		fixes.replaceRouteWithNat('rtb-1'),
		fixes.createRouteToIgw('rtb-1', 'igw-1'),
		fixes.attachInternetGateway('igw-1', 'vpc-1'),
		fixes.createS3GatewayEndpoint('vpc-1', 'eu-west-1', ['rtb-1', 'rtb-2']),
		fixes.addRouteTableToGatewayEndpoint('vpce-1', 'rtb-1'),
		fixes.createInterfaceEndpoint({vpcId: 'vpc-1', region: 'eu-west-1', suffix: 'ecr.dkr', subnetIds: ['subnet-1'], securityGroupIds: ['sg-1']}),
		fixes.enablePrivateDns('vpce-1'),
		fixes.enableVpcDnsAttribute('vpc-1', 'enableDnsSupport'),
		fixes.authorizeEgress443('sg-1', {cidr: '0.0.0.0/0'}),
		fixes.authorizeEndpointIngress443('sg-e', {groupId: 'sg-1'}),
		fixes.naclAllowEntry({networkAclId: 'acl-1', ruleNumber: 99, egress: false, ports: {from: 1024, to: 65535}, cidr: '0.0.0.0/0'}),
		fixes.enableAssignPublicIp({subnetIds: ['subnet-1'], securityGroupIds: ['sg-1']}),
		fixes.resetEndpointPolicy('vpce-1', 's3:GetObject'),
	];
	for (const fix of all) {
		assert.ok(fix.summary.length > 0);
		assert.match(fix.cli, /^aws (ec2|ecs) [a-z-]+ /);
		assert.match(fix.terraform, /^resource "aws_[a-z_]+" "[a-z0-9_]+" \{/);
	}
	assert.equal(fixes.replaceRouteWithNat('rtb-1').cli, 'aws ec2 replace-route --route-table-id rtb-1 --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat-gateway-id>');
});

test('S3 gateway endpoint and interface endpoint commands carry route tables and private DNS', () => {
	const s3 = fixes.createS3GatewayEndpoint('vpc-1', 'eu-west-1', ['rtb-1', 'rtb-2']);
	assert.equal(s3.cli, 'aws ec2 create-vpc-endpoint --vpc-id vpc-1 --vpc-endpoint-type Gateway --service-name com.amazonaws.eu-west-1.s3 --route-table-ids rtb-1 rtb-2');
	assert.match(s3.terraform, /route_table_ids   = \["rtb-1", "rtb-2"\]/);
	const dkr = fixes.createInterfaceEndpoint({vpcId: 'vpc-1', region: 'eu-west-1', suffix: 'ecr.dkr', subnetIds: ['subnet-1', 'subnet-2'], securityGroupIds: ['sg-1']});
	assert.match(dkr.cli, /--service-name com\.amazonaws\.eu-west-1\.ecr\.dkr --subnet-ids subnet-1 subnet-2 --security-group-ids sg-1 --private-dns-enabled$/);
	assert.match(dkr.terraform, /private_dns_enabled = true/);
});

test('security-group and NACL commands use the documented shorthand', () => {
	assert.equal(fixes.authorizeEgress443('sg-1', {prefixListId: 'pl-1'}).cli, "aws ec2 authorize-security-group-egress --group-id sg-1 --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=pl-1}]'");
	assert.match(fixes.authorizeEgress443('sg-1', {groupId: 'sg-e'}).terraform, /referenced_security_group_id = "sg-e"/);
	assert.equal(fixes.enableVpcDnsAttribute('vpc-1', 'enableDnsHostnames').cli, `aws ec2 modify-vpc-attribute --vpc-id vpc-1 --enable-dns-hostnames '{"Value":true}'`);
	const nacl = fixes.naclAllowEntry({networkAclId: 'acl-1', ruleNumber: 99, egress: true, ports: {from: 443, to: 443}, cidr: '0.0.0.0/0'});
	assert.match(nacl.terraform, /egress         = true/);
	assert.match(nacl.cli, /--egress --rule-number 99 --protocol tcp --port-range From=443,To=443/);
});
