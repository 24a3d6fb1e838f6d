// Contract test: checks produced by the network engine (domain/network) feed diagnoseTask
// unchanged. Uses the network tests' VPC builders so both sides agree on one model.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {diagnoseTask, type Diagnosis} from '../../../source/domain/diagnosis/diagnose.js';
import {networkChecks, resolveTaskPaths} from '../../../source/domain/network/index.js';
import {aTask as aNetworkTask, aVpc, isolatedVpc, perm, setDefaultRoute, setTaskEgress, table} from '../network/builders.js';
import {aTask, at} from '../tasks/task-builder.js';

function verdictOf(diagnosis: Diagnosis): string {
	assert.equal(diagnosis.kind, 'problem', JSON.stringify(diagnosis));
	return diagnosis.kind === 'problem' ? diagnosis.verdict : '';
}

const authTimeout =
	'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.94.226.14:443: i/o timeout';
const layerTimeout =
	'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/x": dial tcp 52.216.185.42:443: i/o timeout';

function stopped(stoppedReason: string) {
	return aTask({lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason, stoppedAt: at(190)});
}

test('NAT blackhole found by the network engine becomes the verdict', () => {
	const model = aVpc();
	table(model, 'rtb-priv').routeTableId = 'rtb-x';
	setDefaultRoute(model, 'rtb-x', {natGatewayId: 'nat-0dead', state: 'blackhole'});
	const checks = networkChecks(resolveTaskPaths({task: aNetworkTask(), model}));
	const verdict = verdictOf(diagnoseTask({task: stopped(authTimeout), checks, now: at(300)}));
	assert.match(verdict, /^cannot reach ECR: the NAT route in rtb-x is a blackhole/);
});

test('missing S3 gateway endpoint found by the network engine becomes the verdict', () => {
	const checks = networkChecks(resolveTaskPaths({task: aNetworkTask(), model: isolatedVpc()}));
	const verdict = verdictOf(diagnoseTask({task: stopped(layerTimeout), checks, now: at(300)}));
	assert.match(verdict, /^cannot download image layers from S3: no S3 gateway endpoint on rtb-priv/);
});

test('security group without egress 443 found by the network engine becomes the verdict', () => {
	const model = aVpc();
	setTaskEgress(model, [perm({ipRanges: [{cidrIp: '10.0.0.0/16'}]})]);
	const checks = networkChecks(resolveTaskPaths({task: aNetworkTask(), model}));
	const verdict = verdictOf(diagnoseTask({task: stopped(authTimeout), checks, now: at(300)}));
	assert.match(verdict, /^cannot reach ECR: security group sg-task allows no outbound TCP 443/);
});
