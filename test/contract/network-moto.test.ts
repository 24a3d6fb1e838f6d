// Contract test: a VPC built in moto (a third-party AWS emulator) through the SDK, read back by
// source/data/ec2.ts and judged by the network engine. It checks that our reads and mapping
// work against an implementation we did not write, for a public and an isolated subnet.
//
// Where moto 5.2 differs from AWS (seen while writing this test; the engine copes with each):
// - DescribeNatGateways omits ConnectivityType and AvailabilityMode (AWS: "public", "zonal");
//   data/ec2.ts maps a missing ConnectivityType to public.
// - A route to a deleted NAT gateway stays State=active (AWS: blackhole), so blackholes cannot be
//   reproduced here; the simulator covers them.
// - DescribePrefixLists returns no Cidrs for the AWS-managed lists (AWS does); the engine then
//   decides S3 egress by the prefix-list id alone.
// - Interface endpoint ENIs have InterfaceType "interface" (AWS: "vpc_endpoint"), so the
//   `interface-type=vpc_endpoint` filter finds none, and their private IPs lie outside the
//   endpoint subnet's CIDR; interface endpoints are therefore left out of this test.
// - A gateway endpoint reports PrivateDnsEnabled=true (AWS: false); the engine ignores it there.
// - An interface endpoint created without security groups has Groups=[] (AWS: the VPC's default group).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {motoCredentials, motoUnavailable, useMoto} from '../helpers/moto.js';
import {
	AssociateRouteTableCommand,
	AttachInternetGatewayCommand,
	CreateInternetGatewayCommand,
	CreateRouteCommand,
	CreateRouteTableCommand,
	CreateSecurityGroupCommand,
	CreateSubnetCommand,
	CreateVpcCommand,
	CreateVpcEndpointCommand,
	EC2Client,
	ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import {AwsClients} from '../../source/data/clients.js';
import {CallRecorder} from '../../source/data/recorder.js';
import {ResourceStore} from '../../source/data/store.js';
import {describeVpcModel} from '../../source/data/ec2.js';
import {loadSubnetNetwork} from '../../source/data/network.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const unavailable = motoUnavailable;
const REGION = 'us-east-1';
const credentials = motoCredentials;
const moto = useMoto();

type Built = {vpcId: string; publicSubnet: string; isolatedSubnet: string; taskGroup: string; igw: string; publicTable: string; isolatedTable: string; s3Endpoint: string};

/** One VPC: a public subnet (IGW route) and an isolated subnet with only the S3 gateway endpoint. */
async function buildVpc(ec2: EC2Client): Promise<Built> {
	const vpcId = (await ec2.send(new CreateVpcCommand({CidrBlock: '10.42.0.0/16'}))).Vpc!.VpcId!;
	await ec2.send(new ModifyVpcAttributeCommand({VpcId: vpcId, EnableDnsHostnames: {Value: true}}));
	const publicSubnet = (await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.42.0.0/24', AvailabilityZone: `${REGION}a`}))).Subnet!.SubnetId!;
	const isolatedSubnet = (await ec2.send(new CreateSubnetCommand({VpcId: vpcId, CidrBlock: '10.42.1.0/24', AvailabilityZone: `${REGION}b`}))).Subnet!.SubnetId!;
	const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
	await ec2.send(new AttachInternetGatewayCommand({InternetGatewayId: igw, VpcId: vpcId}));
	const publicTable = (await ec2.send(new CreateRouteTableCommand({VpcId: vpcId}))).RouteTable!.RouteTableId!;
	await ec2.send(new CreateRouteCommand({RouteTableId: publicTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw}));
	await ec2.send(new AssociateRouteTableCommand({RouteTableId: publicTable, SubnetId: publicSubnet}));
	const isolatedTable = (await ec2.send(new CreateRouteTableCommand({VpcId: vpcId}))).RouteTable!.RouteTableId!;
	await ec2.send(new AssociateRouteTableCommand({RouteTableId: isolatedTable, SubnetId: isolatedSubnet}));
	const s3Endpoint = (await ec2.send(new CreateVpcEndpointCommand({VpcId: vpcId, VpcEndpointType: 'Gateway', ServiceName: `com.amazonaws.${REGION}.s3`, RouteTableIds: [isolatedTable]}))).VpcEndpoint!.VpcEndpointId!;
	// A new security group allows all egress, as on AWS.
	const taskGroup = (await ec2.send(new CreateSecurityGroupCommand({VpcId: vpcId, GroupName: 'contract-task', Description: 'Fargate task'}))).GroupId!;
	return {vpcId, publicSubnet, isolatedSubnet, taskGroup, igw, publicTable, isolatedTable, s3Endpoint};
}

test('a VPC built in moto: the public subnet pulls through the IGW, the isolated one cannot reach ECR', {skip: unavailable}, async () => {
	const endpoint = moto.endpoint();
	const ec2 = new EC2Client({endpoint, region: REGION, credentials, maxAttempts: 1});
	const built = await buildVpc(ec2);
	const recorder = new CallRecorder();
	const clients = new AwsClients({region: REGION, endpoint, credentials, maxAttempts: 1}, recorder);
	try {
		const model = await describeVpcModel(clients, built.vpcId);
		assert.deepEqual(model.vpc, {vpcId: built.vpcId, cidrBlocks: ['10.42.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true});
		assert.deepEqual(model.subnets.map(subnet => subnet.subnetId).sort(), [built.publicSubnet, built.isolatedSubnet].sort());
		assert.ok(model.routeTables.some(table => table.associations.some(association => association.main)), 'the main table is listed');
		assert.deepEqual(model.internetGateways, [{internetGatewayId: built.igw, attachments: [{vpcId: built.vpcId, state: 'available'}]}]);
		const s3Route = model.routeTables.find(table => table.routeTableId === built.isolatedTable)?.routes.find(route => route.destinationPrefixListId !== undefined);
		assert.equal(s3Route?.gatewayId, built.s3Endpoint);
		assert.equal(model.vpcEndpoints.find(endpoint => endpoint.vpcEndpointId === built.s3Endpoint)?.vpcEndpointType, 'Gateway');
		assert.ok(model.prefixLists.some(list => list.prefixListName === `com.amazonaws.${REGION}.s3`));
		assert.equal(recorder.totals.calls, 12);

		const session = {scope: `123456789012/${REGION}`, clients, store: new ResourceStore(), region: REGION, accountId: '123456789012'};
		const publicWithIp = await loadSubnetNetwork(session, built.publicSubnet, {securityGroupId: built.taskGroup, assignPublicIp: true});
		assert.equal(publicWithIp.verdict.status, 'pass', publicWithIp.verdict.text);
		assert.equal(publicWithIp.verdict.text, `ok: reaches ECR via ${built.igw}`);
		assert.equal(publicWithIp.subnet?.class, 'public');

		const publicWithoutIp = await loadSubnetNetwork(session, built.publicSubnet, {securityGroupId: built.taskGroup});
		assert.equal(publicWithoutIp.verdict.text, `cannot pull: the task has no public IP (assignPublicIp is DISABLED), so it cannot use internet gateway ${built.igw}`);

		const isolated = await loadSubnetNetwork(session, built.isolatedSubnet, {securityGroupId: built.taskGroup});
		assert.equal(isolated.verdict.status, 'fail');
		assert.equal(isolated.verdict.text, `cannot pull: no ecr.api interface endpoint and no route to 0.0.0.0/0 in ${built.isolatedTable} (no NAT or internet gateway)`);
		assert.equal(isolated.subnet?.class, 'isolated');
		const s3 = isolated.paths.paths.find(path => path.dependency === 's3');
		assert.deepEqual([s3?.status, s3?.via, s3?.viaId], ['pass', 'gateway-endpoint', built.s3Endpoint]);
	} finally {
		clients.destroy();
		ec2.destroy();
	}
});
