// Copyable fixes: one AWS CLI command and one Terraform snippet per kind of repair. Ids we do
// not know are left as <placeholders> so a pasted command fails loudly instead of doing harm.
import type {Fix} from './types.js';
import {endpointServiceName} from './endpoints.js';

const tf = (lines: string[]) => lines.join('\n');

/** Add `0.0.0.0/0 -> NAT` to a route table that has no default route. */
export function createRouteToNat(routeTableId: string, natGatewayId = '<nat-gateway-id>'): Fix {
	return {
		summary: `Add a default route from ${routeTableId} to NAT gateway ${natGatewayId}`,
		cli: `aws ec2 create-route --route-table-id ${routeTableId} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id ${natGatewayId}`,
		terraform: tf(['resource "aws_route" "default_via_nat" {', `  route_table_id         = "${routeTableId}"`, '  destination_cidr_block = "0.0.0.0/0"', `  nat_gateway_id         = "${natGatewayId}"`, '}']),
	};
}

/** Point an existing (blackhole or broken) default route at a working NAT gateway. */
export function replaceRouteWithNat(routeTableId: string, destination = '0.0.0.0/0', natGatewayId = '<nat-gateway-id>'): Fix {
	return {
		summary: `Replace the ${destination} route in ${routeTableId} with one to a working NAT gateway (${natGatewayId})`,
		cli: `aws ec2 replace-route --route-table-id ${routeTableId} --destination-cidr-block ${destination} --nat-gateway-id ${natGatewayId}`,
		terraform: tf(['resource "aws_route" "default_via_nat" {', `  route_table_id         = "${routeTableId}"`, `  destination_cidr_block = "${destination}"`, `  nat_gateway_id         = "${natGatewayId}" # a NAT gateway in state available`, '}']),
	};
}

/** Give a (zonal) NAT gateway's subnet a default route to the internet gateway. */
export function createRouteToIgw(routeTableId: string, internetGatewayId = '<internet-gateway-id>'): Fix {
	return {
		summary: `Route 0.0.0.0/0 from ${routeTableId} to internet gateway ${internetGatewayId}`,
		cli: `aws ec2 create-route --route-table-id ${routeTableId} --destination-cidr-block 0.0.0.0/0 --gateway-id ${internetGatewayId}`,
		terraform: tf(['resource "aws_route" "default_via_igw" {', `  route_table_id         = "${routeTableId}"`, '  destination_cidr_block = "0.0.0.0/0"', `  gateway_id             = "${internetGatewayId}"`, '}']),
	};
}

/** Attach an internet gateway to the VPC. */
export function attachInternetGateway(internetGatewayId: string, vpcId: string): Fix {
	return {
		summary: `Attach ${internetGatewayId} to ${vpcId}`,
		cli: `aws ec2 attach-internet-gateway --internet-gateway-id ${internetGatewayId} --vpc-id ${vpcId}`,
		terraform: tf(['resource "aws_internet_gateway_attachment" "this" {', `  internet_gateway_id = "${internetGatewayId}"`, `  vpc_id              = "${vpcId}"`, '}']),
	};
}

/** Create the S3 gateway endpoint on the given route tables. */
export function createS3GatewayEndpoint(vpcId: string, region: string, routeTableIds: readonly string[]): Fix {
	const ids = routeTableIds.join(' ');
	const service = endpointServiceName(region, 's3');
	return {
		summary: `Create the S3 gateway endpoint in ${vpcId} for ${routeTableIds.join(', ')} (image layers download from S3)`,
		cli: `aws ec2 create-vpc-endpoint --vpc-id ${vpcId} --vpc-endpoint-type Gateway --service-name ${service} --route-table-ids ${ids}`,
		terraform: tf(['resource "aws_vpc_endpoint" "s3" {', `  vpc_id            = "${vpcId}"`, `  service_name      = "${service}"`, '  vpc_endpoint_type = "Gateway"', `  route_table_ids   = [${routeTableIds.map(id => `"${id}"`).join(', ')}]`, '}']),
	};
}

/** Associate an existing gateway endpoint with one more route table. */
export function addRouteTableToGatewayEndpoint(vpcEndpointId: string, routeTableId: string): Fix {
	return {
		summary: `Associate gateway endpoint ${vpcEndpointId} with ${routeTableId}`,
		cli: `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${vpcEndpointId} --add-route-table-ids ${routeTableId}`,
		terraform: tf(['resource "aws_vpc_endpoint_route_table_association" "s3" {', `  vpc_endpoint_id = "${vpcEndpointId}"`, `  route_table_id  = "${routeTableId}"`, '}']),
	};
}

/** Create an interface endpoint with private DNS in the task's subnets. */
export function createInterfaceEndpoint(input: {vpcId: string; region: string; suffix: string; subnetIds: readonly string[]; securityGroupIds: readonly string[]}): Fix {
	const {vpcId, region, suffix, subnetIds, securityGroupIds} = input;
	const name = suffix.replace(/\W/g, '_');
	const service = endpointServiceName(region, suffix);
	return {
		summary: `Create an interface endpoint for ${suffix} with private DNS in ${subnetIds.join(', ')}`,
		cli: `aws ec2 create-vpc-endpoint --vpc-id ${vpcId} --vpc-endpoint-type Interface --service-name ${service} --subnet-ids ${subnetIds.join(' ')} --security-group-ids ${securityGroupIds.join(' ')} --private-dns-enabled`,
		terraform: tf([
			`resource "aws_vpc_endpoint" "${name}" {`,
			`  vpc_id              = "${vpcId}"`,
			`  service_name        = "${service}"`,
			'  vpc_endpoint_type   = "Interface"',
			`  subnet_ids          = [${subnetIds.map(id => `"${id}"`).join(', ')}]`,
			`  security_group_ids  = [${securityGroupIds.map(id => `"${id}"`).join(', ')}]`,
			'  private_dns_enabled = true',
			'}',
		]),
	};
}

/** Turn on private DNS for an interface endpoint. */
export function enablePrivateDns(vpcEndpointId: string): Fix {
	return {
		summary: `Enable private DNS on ${vpcEndpointId}`,
		cli: `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${vpcEndpointId} --private-dns-enabled`,
		terraform: tf([`resource "aws_vpc_endpoint" "this" { # ${vpcEndpointId}`, '  private_dns_enabled = true', '}']),
	};
}

/** Turn on a VPC DNS attribute (one attribute per call [MODEL ModifyVpcAttribute]). */
export function enableVpcDnsAttribute(vpcId: string, attribute: 'enableDnsSupport' | 'enableDnsHostnames'): Fix {
	const flag = attribute === 'enableDnsSupport' ? '--enable-dns-support' : '--enable-dns-hostnames';
	const field = attribute === 'enableDnsSupport' ? 'enable_dns_support' : 'enable_dns_hostnames';
	return {
		summary: `Turn on ${attribute} for ${vpcId} (private DNS of endpoints needs it)`,
		cli: `aws ec2 modify-vpc-attribute --vpc-id ${vpcId} ${flag} '{"Value":true}'`,
		terraform: tf([`resource "aws_vpc" "this" { # ${vpcId}`, `  ${field} = true`, '}']),
	};
}

/** The destination of a security-group rule: a CIDR, a prefix list, or another group. */
export type SgRuleTarget = {cidr: string} | {prefixListId: string} | {groupId: string};

function permission(target: SgRuleTarget): string {
	if ('cidr' in target) return `IpRanges=[{CidrIp=${target.cidr}}]`;
	if ('prefixListId' in target) return `PrefixListIds=[{PrefixListId=${target.prefixListId}}]`;
	return `UserIdGroupPairs=[{GroupId=${target.groupId}}]`;
}

function tfTarget(target: SgRuleTarget): string {
	if ('cidr' in target) return `  cidr_ipv4                    = "${target.cidr}"`;
	if ('prefixListId' in target) return `  prefix_list_id               = "${target.prefixListId}"`;
	return `  referenced_security_group_id = "${target.groupId}"`;
}

function describeTarget(target: SgRuleTarget): string {
	return 'cidr' in target ? target.cidr : 'prefixListId' in target ? target.prefixListId : target.groupId;
}

/** Allow outbound TCP 443 from the task's security group. */
export function authorizeEgress443(groupId: string, target: SgRuleTarget): Fix {
	return {
		summary: `Allow outbound TCP 443 from ${groupId} to ${describeTarget(target)}`,
		cli: `aws ec2 authorize-security-group-egress --group-id ${groupId} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,${permission(target)}'`,
		terraform: tf(['resource "aws_vpc_security_group_egress_rule" "https" {', `  security_group_id            = "${groupId}"`, '  ip_protocol                  = "tcp"', '  from_port                    = 443', '  to_port                      = 443', tfTarget(target), '}']),
	};
}

/** Allow inbound TCP 443 on an endpoint's security group from the task. */
export function authorizeEndpointIngress443(groupId: string, source: SgRuleTarget): Fix {
	return {
		summary: `Allow inbound TCP 443 on endpoint security group ${groupId} from ${describeTarget(source)}`,
		cli: `aws ec2 authorize-security-group-ingress --group-id ${groupId} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,${permission(source)}'`,
		terraform: tf(['resource "aws_vpc_security_group_ingress_rule" "https_from_tasks" {', `  security_group_id            = "${groupId}"`, '  ip_protocol                  = "tcp"', '  from_port                    = 443', '  to_port                      = 443', tfTarget(source), '}']),
	};
}

/** Add a NACL allow entry. The rule number should sit below the rule that currently decides. */
export function naclAllowEntry(input: {networkAclId: string; ruleNumber: number; egress: boolean; ports: {from: number; to: number}; cidr: string}): Fix {
	const {networkAclId, ruleNumber, egress, ports, cidr} = input;
	const direction = egress ? 'outbound' : 'inbound';
	return {
		summary: `Allow ${direction} TCP ${ports.from}-${ports.to} ${egress ? 'to' : 'from'} ${cidr} in ${networkAclId} (rule ${ruleNumber})`,
		cli: `aws ec2 create-network-acl-entry --network-acl-id ${networkAclId} ${egress ? '--egress' : '--ingress'} --rule-number ${ruleNumber} --protocol tcp --port-range From=${ports.from},To=${ports.to} --cidr-block ${cidr} --rule-action allow`,
		terraform: tf([
			`resource "aws_network_acl_rule" "${direction}_${ports.from}_${ports.to}" {`,
			`  network_acl_id = "${networkAclId}"`,
			`  rule_number    = ${ruleNumber}`,
			`  egress         = ${egress}`,
			'  protocol       = "tcp"',
			'  rule_action    = "allow"',
			`  cidr_block     = "${cidr}"`,
			`  from_port      = ${ports.from}`,
			`  to_port        = ${ports.to}`,
			'}',
		]),
	};
}

/** Let the service give its tasks public IPs (needed behind an internet gateway). */
export function enableAssignPublicIp(input: {clusterName?: string; serviceName?: string; subnetIds: readonly string[]; securityGroupIds: readonly string[]}): Fix {
	const cluster = input.clusterName ?? '<cluster>';
	const service = input.serviceName ?? '<service>';
	return {
		summary: `Set assignPublicIp to ENABLED in the service network configuration (a running task cannot change it; new tasks get it)`,
		cli: `aws ecs update-service --cluster ${cluster} --service ${service} --network-configuration 'awsvpcConfiguration={subnets=[${input.subnetIds.join(',')}],securityGroups=[${input.securityGroupIds.join(',')}],assignPublicIp=ENABLED}'`,
		terraform: tf([`resource "aws_ecs_service" "this" { # ${service}`, '  network_configuration {', `    subnets          = [${input.subnetIds.map(id => `"${id}"`).join(', ')}]`, `    security_groups  = [${input.securityGroupIds.map(id => `"${id}"`).join(', ')}]`, '    assign_public_ip = true', '  }', '}']),
	};
}

/**
 * Replace an endpoint policy with the full-access one (or edit it to allow the calls). Uses
 * --policy-document because --reset-policy is documented for gateway endpoints only [MODEL].
 */
export function resetEndpointPolicy(vpcEndpointId: string, needed: string): Fix {
	return {
		summary: `Let the policy of ${vpcEndpointId} allow ${needed} (or go back to the full-access policy)`,
		cli: `aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${vpcEndpointId} --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}'`,
		terraform: tf([`resource "aws_vpc_endpoint" "this" { # ${vpcEndpointId}`, '  # remove `policy`, or add a statement that allows:', `  # ${needed}`, '}']),
	};
}
