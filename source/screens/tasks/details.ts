import type {PanelLine} from '../../components/text-panel.js';
import type {ServiceRecord} from '../../domain/ecs/types.js';
import {shortTaskDefinition} from '../../domain/ecs/types.js';
import {age, isoTime} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';
import {formatDuration} from '../../domain/tasks/time-in-state.js';
import {FAMILY_STYLE, type TaskRow} from './rows.js';

/** The `d` and `e` panels' text: every field, full reasons, times absolute and relative. */

const heading = (text: string): PanelLine => ({text, bold: true, role: 'text.accent'});
const field = (label: string, value: string | undefined, role?: PanelLine['role']): PanelLine => ({text: `${label.padEnd(20)} ${safe(value ?? '-')}`, indent: 0, ...(role ? {role} : {})});
const when = (time: number | undefined, now: number) => (time === undefined ? '-' : `${isoTime(time)} (${age(time, now)} ago)`);

export function taskDetailLines(row: TaskRow, now: number): PanelLine[] {
	const {task, stall, time} = row;
	const style = FAMILY_STYLE[row.family];
	const lines: PanelLine[] = [
		field('task', task.taskArn),
		field('state', `${style.symbol} ${task.lastStatus} (${style.word}), desired ${task.desiredStatus ?? '-'}`, style.role),
		field('in this state', `${formatDuration(time.durationMs)} (measured from ${time.basis})`),
	];
	if (stall.kind === 'stalled' || stall.kind === 'starting') {
		lines.push(field(stall.kind === 'stalled' ? 'STALLED in' : 'starting', stall.phase.title, stall.kind === 'stalled' ? 'status.warn' : undefined), field('likely', stall.phase.likely));
		if (stall.kind === 'stalled' && stall.fargateTimeout) lines.push(field('Fargate', stall.fargateTimeout.note));
	}
	for (const image of row.foreignImages) {
		lines.push(field('cross-Region image', `${image.container} pulls from ${image.region}: VPC endpoints do not serve it, so it needs an internet path (NAT, or IGW and a public IP) and pays cross-Region transfer; replicate the repository to this Region`, 'status.warn'));
	}
	if (row.fromHistory) lines.push(field('source', 'local history (ECS keeps stopped tasks about an hour)'));
	lines.push(
		field('stop code', task.stopCode),
		field('stopped reason', task.stoppedReason, task.stoppedReason ? 'status.error' : undefined),
		heading('Timestamps'),
		field('createdAt', when(task.createdAt, now)),
		field('connectivityAt', when(task.connectivityAt, now)),
		field('pullStartedAt', when(task.pullStartedAt, now)),
		field('pullStoppedAt', when(task.pullStoppedAt, now)),
		field('startedAt', when(task.startedAt, now)),
		field('stoppingAt', when(task.stoppingAt, now)),
		field('executionStoppedAt', when(task.executionStoppedAt, now)),
		field('stoppedAt', when(task.stoppedAt, now)),
		heading('Placement'),
		field('task definition', task.taskDefinitionArn),
		field('group / started by', `${task.group ?? '-'} / ${task.startedBy ?? '-'}`),
		field('launch', `${task.launchType ?? '-'} platform ${task.platformVersion ?? '-'}`),
		field('zone', task.availabilityZone),
		field('subnet / ENI', `${task.subnetId ?? '-'} / ${task.eniId ?? '-'}`),
		field('private IP', task.privateIp),
		field('health', task.healthStatus),
		heading('Containers'),
	);
	for (const container of task.containers) {
		lines.push(
			{text: `${safe(container.name)}: ${safe(container.lastStatus ?? '-')}${container.exitCode === undefined ? '' : ` exit ${container.exitCode}`}${container.healthStatus ? ` health ${safe(container.healthStatus)}` : ''}`, bold: true},
			field('  image', container.image),
			field('  digest', container.imageDigest),
			...(container.reason ? [field('  reason', container.reason, 'status.error')] : []),
		);
	}
	return lines;
}

export function serviceDetailLines(service: ServiceRecord, now: number): PanelLine[] {
	const lines: PanelLine[] = [
		field('service', service.arn),
		field('status', `${service.status} · desired ${service.desiredCount} · running ${service.runningCount} · pending ${service.pendingCount}`),
		field('task definition', service.taskDefinition),
		field('launch', `${service.launchType ?? '-'} platform ${service.platformVersion ?? '-'}`),
		field('subnets', service.networkConfiguration?.subnets.join(', ')),
		field('security groups', service.networkConfiguration?.securityGroups.join(', ')),
		field('assignPublicIp', service.networkConfiguration ? (service.networkConfiguration.assignPublicIp ? 'ENABLED' : 'DISABLED') : undefined),
		field('created', when(service.createdAt, now)),
		heading('Deployments'),
	];
	for (const deployment of service.deployments) {
		const role = deployment.rolloutState === 'FAILED' ? 'status.error' : deployment.rolloutState === 'IN_PROGRESS' ? 'status.pending' : 'status.ok';
		lines.push(
			{text: `${deployment.status} ${safe(deployment.id)} · ${shortTaskDefinition(deployment.taskDefinition)}`, bold: true},
			field('  rollout', `${deployment.rolloutState ?? '-'}${deployment.rolloutStateReason ? `: ${deployment.rolloutStateReason}` : ''}`, role),
			field('  tasks', `desired ${deployment.desiredCount} · running ${deployment.runningCount} · pending ${deployment.pendingCount} · failed ${deployment.failedTasks}`, deployment.failedTasks > 0 ? 'status.error' : undefined),
			field('  updated', when(deployment.updatedAt, now)),
		);
	}
	return lines;
}

/** Service events, newest first, each with its age; start failures in red. */
export function eventLines(service: ServiceRecord, now: number): PanelLine[] {
	if (service.events.length === 0) return [{text: 'no events', role: 'text.muted'}];
	return service.events.map(event => {
		const failing = /unable to|failed|circuit breaker/i.test(event.message);
		const steady = /steady state|deployment completed/.test(event.message);
		const mark = failing ? '✗' : steady ? '●' : '·';
		return {text: `${mark} ${age(event.createdAt, now).padStart(4)} ${isoTime(event.createdAt).slice(11, 19)} ${safe(event.message)}`, indent: 0, ...(failing ? {role: 'status.error' as const} : steady ? {role: 'status.ok' as const} : {})};
	});
}
