// Hops for the traffic filters on a path: the task's security-group egress, the endpoint's
// security-group ingress, and the network ACLs of every subnet the packets cross, in both
// directions because ACLs are stateless [DOC verify-connectivity; aws-semantics.md D.4].
import type {PathContext} from './context.js';
import {authorizeEgress443, authorizeEndpointIngress443, naclAllowEntry, type SgRuleTarget} from './fixes.js';
import {combineTargets, makeHop, plural} from './hops.js';
import {EPHEMERAL_PORTS, HTTPS_PORTS, IMPLICIT_RULE_NUMBER, evaluateNacl, shortRule, type NaclPeer} from './nacls.js';
import {evaluateSecurityGroups, type SgPeer} from './security-groups.js';
import type {Dependency, Hop, HopStatus, NetworkAcl, VpcEndpoint} from './types.js';

/** One place the task connects to, as each filter sees it. */
export type FlowTarget = {
	/** How the target is named in text: `0.0.0.0/0`, `vpce-1 (10.0.1.10)`, `S3 (pl-63a5400a)`. */
	text: string;
	sg: SgPeer;
	nacl: NaclPeer;
	/** What a fix should open the egress rule to. */
	fixTarget: SgRuleTarget;
	/** The CIDR a NACL fix should name. */
	fixCidr: string;
};

/** Task security-group egress on TCP 443 to every target. */
export function taskEgressHop(ctx: PathContext, dependency: Dependency, targets: readonly FlowTarget[]): Hop {
	const ids = ctx.task.securityGroupIds;
	const label = `${ids.join(',') || 'no SG'} egress 443`;
	const resourceId = ids[0] ?? 'security-group';
	if (ctx.taskGroups.length === 0) {
		return makeHop(dependency, 'sg-egress', {label, kind: 'security-group', resourceId, status: 'warn', evidence: `security groups not found in the model: ${ids.join(', ') || 'none reported'}`, reason: `cannot verify the task's security groups (${ids.join(', ') || 'none reported'})`});
	}
	const results = targets.map(target => ({target, decision: evaluateSecurityGroups(ctx.taskGroups, 'egress', target.sg, 443, ctx.model.prefixLists)}));
	const statuses: HopStatus[] = results.map(({decision}) => (decision.outcome === 'allowed' ? 'pass' : decision.outcome === 'denied' ? 'fail' : 'warn'));
	let status = combineTargets(statuses);
	// A group we could not load might hold the allowing rule: do not call it a hard failure.
	if (status === 'fail' && ctx.missingGroupIds.length > 0) status = 'warn';
	const evidence = results.map(({target, decision}) => `to ${target.text}: ${decision.rule ?? 'no rule allows TCP 443'}${decision.note === undefined ? '' : ` (${decision.note})`}`).join('; ');
	const failed = results.find((_, i) => statuses[i] === 'fail') ?? results.find((_, i) => statuses[i] === 'warn');
	const groups = plural('security group', ids);
	const reason = status === 'pass'
		? `${groups} ${ids.length === 1 ? 'allows' : 'allow'} outbound TCP 443`
		: status === 'fail'
			? `${groups} ${ids.length === 1 ? 'allows' : 'allow'} no outbound TCP 443 to ${failed?.target.text ?? 'the destination'}`
			: `${groups} may not allow outbound TCP 443 to ${failed?.target.text ?? 'the destination'}`;
	const fix = status === 'pass' || failed === undefined ? undefined : authorizeEgress443(resourceId, failed.target.fixTarget);
	return makeHop(dependency, 'sg-egress', {label, kind: 'security-group', resourceId, status, evidence, reason, fix});
}

/** Endpoint security-group ingress on TCP 443 from the task (its groups or its address). */
export function endpointIngressHop(ctx: PathContext, dependency: Dependency, endpoint: VpcEndpoint): Hop {
	const groups = endpoint.groupIds.flatMap(id => ctx.model.securityGroups.filter(g => g.groupId === id));
	const label = `${endpoint.groupIds.join(',') || 'no SG'} ingress 443`;
	const resourceId = endpoint.groupIds[0] ?? endpoint.vpcEndpointId;
	if (groups.length === 0 || ctx.taskCidr === undefined) {
		return makeHop(dependency, 'sg-ingress', {label, kind: 'security-group', resourceId, status: 'warn', evidence: `endpoint security groups not found in the model: ${endpoint.groupIds.join(', ') || 'none listed'}`, reason: `cannot verify the security groups of ${endpoint.vpcEndpointId}`});
	}
	const peer: SgPeer = {kind: 'address', cidr: ctx.taskCidr, groupIds: ctx.task.securityGroupIds};
	const decision = evaluateSecurityGroups(groups, 'ingress', peer, 443, ctx.model.prefixLists);
	const status: HopStatus = decision.outcome === 'allowed' ? 'pass' : decision.outcome === 'denied' ? 'fail' : 'warn';
	const from = `the task (${[...ctx.task.securityGroupIds, ctx.taskIp ?? ctx.taskCidr].join(', ')})`;
	const groupsText = plural('security group', endpoint.groupIds);
	const verb = endpoint.groupIds.length === 1 ? 'allows' : 'allow';
	const reason = status === 'pass'
		? `endpoint ${groupsText} ${verb} inbound TCP 443 from the task`
		: `endpoint ${groupsText} of ${endpoint.vpcEndpointId} ${status === 'fail' ? `${verb} no` : 'may not allow'} inbound TCP 443 from ${from}`;
	const source: SgRuleTarget = ctx.task.securityGroupIds[0] !== undefined ? {groupId: ctx.task.securityGroupIds[0]} : {cidr: ctx.subnet?.cidrBlock ?? ctx.taskCidr};
	return makeHop(dependency, 'sg-ingress', {
		label,
		kind: 'security-group',
		resourceId,
		status,
		evidence: decision.rule === undefined ? `no inbound rule allows TCP 443 from ${from}` : `${decision.rule}${decision.note === undefined ? '' : ` (${decision.note})`}`,
		reason,
		fix: status === 'pass' ? undefined : authorizeEndpointIngress443(resourceId, source),
	});
}

/** One direction of traffic through one ACL. */
export type NaclFlow = {
	direction: 'egress' | 'ingress';
	ports: {from: number; to: number};
	peer: NaclPeer;
	peerText: string;
	fixCidr: string;
};

/** Request out to a target and its reply back in (the task subnet's view). */
export function outboundFlows(target: FlowTarget): NaclFlow[] {
	return [
		{direction: 'egress', ports: HTTPS_PORTS, peer: target.nacl, peerText: target.text, fixCidr: target.fixCidr},
		{direction: 'ingress', ports: EPHEMERAL_PORTS, peer: target.nacl, peerText: target.text, fixCidr: target.fixCidr},
	];
}

/** Request in from a client and the reply back out (the view of a subnet the task calls into). */
export function inboundFlows(peer: NaclPeer, peerText: string, fixCidr: string): NaclFlow[] {
	return [
		{direction: 'ingress', ports: HTTPS_PORTS, peer, peerText, fixCidr},
		{direction: 'egress', ports: EPHEMERAL_PORTS, peer, peerText, fixCidr},
	];
}

function freeRuleNumber(acl: NetworkAcl, egress: boolean, below: number | undefined): number {
	const used = new Set(acl.entries.filter(e => e.egress === egress).map(e => e.ruleNumber));
	const start = below === undefined || below >= IMPLICIT_RULE_NUMBER ? 100 : below - 1;
	for (let n = start; n >= 1; n--) if (!used.has(n)) return n;
	for (let n = start + 1; n < IMPLICIT_RULE_NUMBER; n++) if (!used.has(n)) return n;
	return 1;
}

function describeFlow(flow: NaclFlow): string {
	const ports = flow.ports.from === flow.ports.to ? `${flow.ports.from}` : `${flow.ports.from}-${flow.ports.to}`;
	return flow.direction === 'egress' ? `outbound TCP ${ports} to ${flow.peerText}` : `inbound TCP ${ports} from ${flow.peerText}`;
}

/**
 * A NACL hop for one subnet. `sameSubnet` marks traffic that never leaves the subnet: whether
 * ACLs filter it is not documented [UNK; commonly said they do not], so we still evaluate the
 * rules but a block there is only a warning.
 */
export function naclHop(input: {dependency: Dependency; step: string; acl: NetworkAcl | undefined; subnetId: string; flows: readonly NaclFlow[]; sameSubnet?: boolean}): Hop {
	const {dependency, step, acl, subnetId, flows, sameSubnet = false} = input;
	if (acl === undefined) {
		return makeHop(dependency, step, {label: `NACL of ${subnetId}`, kind: 'nacl', resourceId: subnetId, status: 'warn', evidence: `no network ACL found for ${subnetId}`, reason: `cannot verify the network ACL of ${subnetId}`});
	}
	const results = flows.map(flow => ({flow, decision: evaluateNacl(acl, {direction: flow.direction, ports: flow.ports, peer: flow.peer})}));
	const evidence = results.map(({flow, decision}) => `${describeFlow(flow)}: ${decision.text}${decision.outcome === 'uncertain' ? ' (earlier rules match part of the traffic)' : ''}`).join('; ');
	const blocked = results.find(r => r.decision.outcome === 'denied') ?? results.find(r => r.decision.outcome === 'uncertain');
	const label = `${acl.networkAclId} ${subnetId}${sameSubnet ? ' (same subnet)' : ''}`;
	if (blocked === undefined) {
		return makeHop(dependency, step, {label, kind: 'nacl', resourceId: acl.networkAclId, status: 'pass', evidence, reason: `network ACL ${acl.networkAclId} allows the traffic both ways`});
	}
	const {flow, decision} = blocked;
	const isReply = flow.ports.from !== 443;
	const where = `network ACL ${acl.networkAclId} on ${subnetId}`;
	const rule = shortRule(decision.rule);
	let reason = decision.outcome === 'denied'
		? isReply ? `${where} drops return traffic (${describeFlow(flow)}, ${rule})` : `${where} blocks ${describeFlow(flow)} (${rule})`
		: `${where} may block ${describeFlow(flow)} (${rule}; earlier rules match only part of it)`;
	let status: HopStatus = decision.outcome === 'denied' ? 'fail' : 'warn';
	if (sameSubnet && status === 'fail') {
		status = 'warn';
		reason = `if network ACLs filter traffic inside a subnet (unconfirmed), ${reason}`;
	}
	const fix = naclAllowEntry({networkAclId: acl.networkAclId, ruleNumber: freeRuleNumber(acl, flow.direction === 'egress', decision.rule?.ruleNumber), egress: flow.direction === 'egress', ports: flow.ports, cidr: flow.fixCidr});
	return makeHop(dependency, step, {label, kind: 'nacl', resourceId: acl.networkAclId, status, evidence: sameSubnet ? `${evidence} [same subnet; ACL filtering within a subnet is unconfirmed]` : evidence, reason, fix});
}
