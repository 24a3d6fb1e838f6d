import React from 'react';
import {Text} from 'ink';
import {useTheme} from '../../app/context.js';
import type {ServiceRecord} from '../../domain/ecs/types.js';
import {shortTaskDefinition} from '../../domain/ecs/types.js';
import {safe} from '../../domain/format/text.js';

/** The tasks level's first line: the parent service's counts and rollout (or the cluster's totals). */
export function ServiceSummary({services, allServices, cluster, width}: {readonly services: readonly ServiceRecord[]; readonly allServices: boolean; readonly cluster: string; readonly width: number}) {
	const theme = useTheme();
	if (allServices) {
		const sum = (pick: (service: ServiceRecord) => number) => services.reduce((total, service) => total + pick(service), 0);
		const failed = services.filter(service => service.deployments.some(deployment => deployment.status === 'PRIMARY' && (deployment.rolloutState === 'FAILED' || deployment.failedTasks > 0))).length;
		return (
			<Text wrap="truncate">
				<Text bold>{safe(cluster)}</Text>
				<Text color={theme.color('text.secondary')}>
					{' '}
					(all services) · {services.length} services · desired {sum(service => service.desiredCount)} · running {sum(service => service.runningCount)} · pending {sum(service => service.pendingCount)}
				</Text>
				{failed > 0 ? <Text color={theme.color('status.error')}> · ✗ {failed} with failing tasks</Text> : null}
			</Text>
		);
	}
	const service = services[0];
	if (!service) return <Text color={theme.color('text.muted')}>{safe(cluster)}: reading the service…</Text>;
	const primary = service.deployments.find(deployment => deployment.status === 'PRIMARY');
	const state = primary?.rolloutState;
	const rolloutRole = state === 'FAILED' ? 'status.error' : state === 'IN_PROGRESS' ? 'status.pending' : 'status.ok';
	const symbol = state === 'FAILED' ? '✗' : state === 'IN_PROGRESS' ? '◐' : '●';
	const others = service.deployments.length - 1;
	return (
		<Text wrap="truncate">
			<Text bold>{safe(service.name)}</Text>
			<Text color={theme.color('text.secondary')}>
				{' '}
				· desired {service.desiredCount} · running {service.runningCount} · pending {service.pendingCount} ·{' '}
			</Text>
			<Text color={theme.color(rolloutRole)}>
				{symbol} {state ?? 'no rollout state'}
				{primary && primary.failedTasks > 0 ? ` (${primary.failedTasks} failed)` : ''}
			</Text>
			<Text color={theme.color('text.secondary')}>
				{' '}
				· {shortTaskDefinition(service.taskDefinition)}
				{others > 0 ? ` · +${others} older deployment${others === 1 ? '' : 's'}` : ''}
				{width >= 120 && primary ? ` · ${safe(primary.id)}` : ''}
			</Text>
		</Text>
	);
}
