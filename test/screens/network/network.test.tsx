import {test} from 'node:test';
import assert from 'node:assert/strict';
import {KEYS, renderApp, type AppHarness} from '../../helpers/render-app.js';
import {DEMO_NETWORK as N} from '../../../source/sim/scenarios/demo-network.js';
import {listTasks} from '../../../source/data/ecs.js';
import {ec2StateOf} from '../../../source/sim/world/ec2.js';
import {useSimulator} from '../../helpers/sim.js';

const sim = await useSimulator();

/** The frame as one line of words: a wrapped verdict reads whole again. */
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

/** Every line of the frame fits the terminal width (nothing spills over). */
function assertFits(app: AppHarness, width: number, height: number): void {
	const lines = app.frame().split('\n');
	assert.ok(lines.length <= height, `frame has ${lines.length} lines for a ${height}-row terminal`);
	for (const line of lines) assert.ok([...line].length <= width, `line wider than ${width}: ${line}`);
}

const broken = [
	{
		name: 'private-b (NAT route is a blackhole)',
		subnetId: N.subnets.privateB,
		verdict: `✗ cannot pull: the NAT route in ${N.routeTables.privateB} is a blackhole`,
		hop: `✗ route ${N.routeTables.privateB} 0.0.0.0/0`,
		drawn: `0.0.0.0/0 → ${N.natGateways.deleted} ✗`,
	},
	{
		name: 'isolated-c (no S3 gateway endpoint)',
		subnetId: N.subnets.isolatedC,
		verdict: `✗ cannot pull: no S3 gateway endpoint on ${N.routeTables.isolated} and no NAT — image layers cannot download`,
		hop: `✗ route ${N.routeTables.isolated} 0.0.0.0/0`,
		drawn: '0.0.0.0/0 ✗',
	},
	{
		name: 'private-e (strict NACL drops return traffic)',
		subnetId: N.subnets.privateE,
		verdict: `✗ cannot pull: network ACL ${N.networkAcls.strict} on ${N.subnets.privateE} drops return traffic (inbound TCP 1024-65535 from vpce-0a1b2c3d4e5f63001 (10.0.20.37), rule * deny)`,
		hop: `✗ network ACL ${N.networkAcls.strict}`,
		drawn: `${N.networkAcls.strict} demo-private-e ✗`,
	},
];

for (const size of [{width: 80, height: 24}, {width: 160, height: 45}]) {
	for (const scenario of broken) {
		test(`${scenario.name} at ${size.width}x${size.height}: the failing hop, its fix and the whole verdict`, async t => {
			const app = await renderApp({sim, t, ...size, route: {screen: 'network', subnetId: scenario.subnetId}});
			const frame = await app.waitFor('cannot pull');
			assert.ok(flat(frame).includes(scenario.verdict), `verdict not whole in:\n${frame}`);
			assert.ok(frame.includes(scenario.hop), `failing hop not selected in:\n${frame}`);
			assert.ok(flat(frame).includes(scenario.drawn), `failing hop not drawn in:\n${frame}`);
			assert.match(flat(frame), /\$ aws ec2 /);
			assertFits(app, size.width, size.height);
		});
	}
}

test('the subnet view tries another security group with s: search-indexer blocks 443', async t => {
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'network', subnetId: N.subnets.privateA}});
	let frame = await app.waitFor('no blocking problem found');
	assert.match(flat(frame), /SG default sg-0a1b2c3d4e5f61004/);
	await app.press('s');
	await app.waitFor('svc-default');
	await app.press('s');
	frame = await app.waitFor(`cannot pull: security group ${N.securityGroups.searchIndexer} allows no outbound TCP 443`);
	assert.ok(flat(frame).includes(`✗ cannot pull: security group ${N.securityGroups.searchIndexer} allows no outbound TCP 443 to vpce-0a1b2c3d4e5f63001 (10.0.20.37)`));
	assert.match(frame, /✗ security group sg-0a1b2c3d4e5f61002 egress 443/);
	assertFits(app, 80, 24);
});

test('the public subnet needs assignPublicIp: p toggles it and the verdict turns', async t => {
	const app = await renderApp({sim, t, width: 100, height: 30, route: {screen: 'network', subnetId: N.subnets.publicA}});
	await app.waitFor('cannot pull: the task has no public IP');
	await app.press('p');
	const frame = await app.waitFor('no blocking problem found');
	assert.match(frame, /public IP ENABLED/);
	assert.doesNotMatch(frame, /✗ /);
});

test('overview at 80x24: every subnet with its class, AZ, free IPs and whether it can pull; enter opens the path', async t => {
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'network'}});
	let frame = await app.waitFor('ECR PULL');
	assert.match(frame, /VPC demo-vpc vpc-0f3a9c1d2e4b5a601 10\.0\.0\.0\/16/);
	assert.match(frame, /endpoints: ecr\.api ✓ · ecr\.dkr ✓ · logs ✓ · no S3 gateway endpoint/);
	assert.match(frame, /demo-public-a\s+public\s+us-east-1a\s+\d+ .*! public IP/);
	assert.match(frame, /demo-private-a\s+private \(NAT\)\s+us-east-1a\s+\d+ .*✓ yes/);
	assert.match(frame, /demo-private-b\s+blackhole\s+us-east-1b .*✗ no/);
	assert.match(frame, /demo-isolated-c\s+isolated\s+us-east-1c .*✗ no/);
	assert.match(frame, /demo-private-e\s+private \(NAT\)\s+us-east-1a .*✗ no/);
	assert.match(frame, /demo-spare-b\s+isolated/);
	assertFits(app, 80, 24);
	await app.press('j', 'j');
	frame = await app.waitFor(`demo-private-b ${N.subnets.privateB}`);
	assert.ok(flat(frame).includes(`the default route to ${N.natGateways.deleted} is a blackhole`));
	assert.match(frame, /nat-…f64002 ✗/);
	await app.press(KEYS.enter);
	frame = await app.waitFor('cannot pull: the NAT route');
	assert.match(frame, /network: subnet-/);
	await app.press(KEYS.escape);
	await app.waitFor('ECR PULL');
});

test('overview at 160x45 shows the route, CIDR and endpoint columns; / filters', async t => {
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'network'}});
	let frame = await app.waitFor('DEFAULT ROUTE');
	assert.match(frame, /nat-0a1b2c3d4e5f64002 blackhole/);
	assert.match(frame, /local only/);
	assert.match(frame, /10\.0\.11\.0\/24/);
	assert.match(frame, /api dkr logs/);
	assertFits(app, 160, 45);
	await app.press('/');
	await app.type('isolated');
	frame = await app.waitFor('2/6');
	assert.doesNotMatch(frame, /demo-private-a/);
});

test('path view at 160x45 draws every dependency in full; keys move, copy and open the details', async t => {
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'network', subnetId: N.subnets.privateB}});
	let frame = await app.waitFor('cannot pull');
	for (const end of ['ECR API ✓', 'ECR registry ✓', 'S3 (layers) ✓', 'CloudWatch Logs ✓']) assert.ok(frame.includes(end), `${end} not drawn`);
	await app.press('c');
	frame = await app.waitFor('copied CLI fix');
	assert.match(frame, /copied CLI fix: aws ec2 replace-route/);
	await app.press(KEYS.enter);
	frame = await app.waitFor('Terraform:');
	assert.match(frame, /resource "aws_route"/);
	// Terraform keeps its indentation.
	assert.match(frame, /│ {5}route_table_id += "rtb-/);
	await app.press(KEYS.escape);
	await app.waitFor(frame => !frame.includes('Terraform:'));
	await app.press('k', 'k');
	frame = await app.waitFor('vpce-0a1b2c3d4e5f63001 has no subnet in us-east-1b');
	assert.match(frame, /! VPC endpoint vpce-0a1b2c3d4e5f63001 ecr\.api/);
	await app.press('l');
	frame = await app.waitFor('security group sg-0a1b2c3d4e5f61004 egress 443');
	// Tab walks the problems in order: ecr.dkr's cross-AZ endpoint, then the blackhole route.
	await app.press(KEYS.tab);
	await app.waitFor('! VPC endpoint vpce-0a1b2c3d4e5f63002 ecr.dkr');
	await app.press(KEYS.tab);
	await app.waitFor(`✗ route ${N.routeTables.privateB} 0.0.0.0/0`);
});

test('? explains the path view', async t => {
	const app = await renderApp({sim, t, width: 100, height: 50, route: {screen: 'network', subnetId: N.subnets.isolatedC}});
	await app.waitFor('cannot pull');
	await app.press('?');
	const frame = await app.waitFor('Network: subnet paths');
	assert.match(frame, /needs before its containers start, hop/);
	assert.match(frame, /Try the next security group/);
	assert.match(frame, /Copy the fix \(AWS CLI\)/);
});

test('a subnet that does not exist shows what failed, not a crash', async t => {
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'network', subnetId: 'subnet-0000000000000dead'}});
	const frame = await app.waitFor('does not exist');
	assert.match(frame, /subnet-0000000000000dead/);
});

test('from a stopped task (prod/notify): the ENI is gone, the path still shows the blackhole and says why groups are guessed', async t => {
	const probe = await renderApp({sim, t, width: 80, height: 24});
	const [task] = await listTasks(probe.session.clients, 'prod', {serviceName: 'notify', desiredStatus: 'STOPPED'});
	assert.ok(task, 'the demo has stopped notify tasks');
	await probe.unmount();
	const app = await renderApp({sim, t, width: 80, height: 24, route: {screen: 'network', cluster: 'prod', taskArn: task.taskArn}});
	const frame = await app.waitFor('cannot pull');
	assert.ok(flat(frame).includes(`✗ cannot pull: the NAT route in ${N.routeTables.privateB} is a blackhole`));
	assert.match(frame, /network: task /);
	assert.match(flat(frame), /SG svc-default sg-0a1b2c3d4e5f61001/);
	assert.match(frame, /note: ENI eni-[0-9a-f]+ no longer exists/);
	assertFits(app, 80, 24);
});

test('from a running task (prod/payments): its live ENI and groups; nothing blocks, the cross-AZ endpoints are named', async t => {
	const probe = await renderApp({sim, t, width: 80, height: 24});
	const tasks = await listTasks(probe.session.clients, 'prod', {serviceName: 'payments', desiredStatus: 'RUNNING'});
	const task = tasks.find(candidate => candidate.eniId !== undefined);
	assert.ok(task, 'the demo runs payments tasks with an ENI');
	await probe.unmount();
	const app = await renderApp({sim, t, width: 160, height: 45, route: {screen: 'network', cluster: 'prod', taskArn: task.taskArn}});
	const frame = await app.waitFor('no blocking problem found');
	assert.ok(frame.includes(`task ${task.privateIp} in demo-private-a`));
	assert.match(flat(frame), /check: vpce-0a1b2c3d4e5f63001 has no subnet in us-east-1a; traffic crosses AZs/);
	assert.match(frame, /✓ S3 {6}task ENI ✓/);
	assert.doesNotMatch(frame, /no longer exists/);
	assert.doesNotMatch(frame, /✗ /);
	assertFits(app, 160, 45);
});

test('v moves to the next VPC of the region (a default VPC is listed after the others)', async t => {
	const state = ec2StateOf(sim.world, N.accountId, N.region);
	const vpcId = 'vpc-0d0000000000defa1';
	state.vpcs.set(vpcId, {vpcId, cidrBlock: '172.31.0.0/16', cidrAssociationId: 'vpc-cidr-assoc-defa1', dhcpOptionsId: 'dopt-defa1', state: 'available', isDefault: true, instanceTenancy: 'default', enableDnsSupport: true, enableDnsHostnames: true, tags: {}});
	state.subnets.set('subnet-0d000000000defa1', {subnetId: 'subnet-0d000000000defa1', vpcId, cidrBlock: '172.31.0.0/20', availabilityZone: 'us-east-1a', state: 'available', mapPublicIpOnLaunch: true, defaultForAz: true, tags: {}});
	t.after(() => {
		state.vpcs.delete(vpcId);
		state.subnets.delete('subnet-0d000000000defa1');
	});
	const app = await renderApp({sim, t, width: 100, height: 30, route: {screen: 'network'}});
	await app.waitFor('VPC 1/2 (v: next)');
	assert.match(app.frame(), /demo-vpc/);
	await app.press('v');
	const frame = await app.waitFor('VPC 2/2');
	assert.match(frame, /vpc-0d0000000000defa1 172\.31\.0\.0\/16 \(default VPC\)/);
	// No route table at all in this VPC: the engine cannot tell.
	assert.match(frame, /subnet-…0defa1 .*\? unknown/);
	assert.match(flat(frame), /\? subnet-0d000000000defa1 \(172\.31\.0\.0\/20, us-east-1a, 4091 free IPs\): no route table found for this subnet/);
});
