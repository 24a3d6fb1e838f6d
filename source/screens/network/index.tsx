import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {useServices} from '../../app/context.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {useResource, type ResourceState} from '../../hooks/use-resource.js';
import {defaultSecurityGroupId, subnetNetworkResource, taskNetworkResource, type NetworkResult} from '../../data/network.js';
import {safe} from '../../domain/format/text.js';
import {subnetActions, type SubnetActionId} from './keymap.js';
import {PathView} from './path-view.js';
import {VpcOverviewView} from './overview.js';

type Size = {readonly height: number; readonly width: number};

/** `arn:aws:ecs:r:a:task/<cluster>/<id>` carries its cluster (new-style ARNs). */
function clusterOfTask(taskArn: string): string | undefined {
	const parts = taskArn.split(':task/')[1]?.split('/');
	return parts && parts.length >= 2 ? parts[0] : undefined;
}

function statusText(resource: ResourceState<NetworkResult>): string | undefined {
	if (resource.problem) return problemNote(resource.problem);
	if (resource.refreshing) return '⟳ refreshing…';
	return undefined;
}

/** Loading and error states shared by both path views; the error pane keeps Esc working. */
function PathState({resource, label, title, height, width, children}: Size & {readonly resource: ResourceState<NetworkResult>; readonly label: string; readonly title: string; readonly children: (result: NetworkResult) => React.ReactNode}) {
	// Publishes help only while the path view (which publishes its own) is not on screen.
	useKeymap([], {}, {isActive: false, ...(resource.data === undefined ? {publish: {title, about: 'The network paths are loading or could not be read (Esc goes back, Ctrl-R retries).'}} : {})});
	if (resource.data) return <>{children(resource.data)}</>;
	if (resource.problem && resource.status === 'error') {
		return (
			<Box height={height} width={width} flexDirection="column">
				<ErrorPanel problem={resource.problem} />
			</Box>
		);
	}
	return <Loading label={label} />;
}

const noExtra = [] as const;

/** From a task: its real ENI, groups, public IP and needs. */
function TaskPathScreen({cluster, taskArn, height, width}: Size & {readonly cluster: string; readonly taskArn: string}) {
	const {session} = useServices();
	const resource = useResource(useMemo(() => taskNetworkResource(session, cluster, taskArn), [session, cluster, taskArn]));
	const title = 'Network: task paths';
	return (
		<PathState resource={resource} label="Tracing the task's network paths" title={title} height={height} width={width}>
			{result => <PathView result={result} mode="task" height={height} width={width} title={title} extraActions={noExtra} extraHandlers={{}} status={statusText(resource)} />}
		</PathState>
	);
}

/** From a subnet: a hypothetical Fargate task, whose security group and public IP can be changed. */
function SubnetPathScreen({subnetId, height, width}: Size & {readonly subnetId: string}) {
	const {session} = useServices();
	const [securityGroupId, setSecurityGroupId] = useState<string>();
	const [assignPublicIp, setAssignPublicIp] = useState(false);
	const options = useMemo(() => ({...(securityGroupId ? {securityGroupId} : {}), assignPublicIp}), [securityGroupId, assignPublicIp]);
	const resource = useResource(useMemo(() => subnetNetworkResource(session, subnetId, options), [session, subnetId, options]));
	// Keep the last result on screen while another security group is traced (no spinner flash).
	const last = useRef<NetworkResult | undefined>(undefined);
	if (resource.data) last.current = resource.data;
	const shown: ResourceState<NetworkResult> = resource.data || !last.current ? resource : {...resource, data: last.current};
	const title = 'Network: subnet paths';
	const handlers: Record<SubnetActionId, () => void> = {
		'network.security-group': () => {
			const model = last.current?.model;
			if (!model || model.securityGroups.length === 0) return;
			const groups = model.securityGroups.filter(group => group.vpcId === model.vpc.vpcId);
			const current = securityGroupId ?? defaultSecurityGroupId(model);
			const index = groups.findIndex(group => group.groupId === current);
			setSecurityGroupId(groups[(index + 1) % groups.length]?.groupId);
		},
		'network.public-ip': () => setAssignPublicIp(value => !value),
	};
	return (
		<PathState resource={shown} label={`Tracing the paths of a task in ${safe(subnetId)}`} title={title} height={height} width={width}>
			{result => <PathView result={result} mode="subnet" height={height} width={width} title={title} extraActions={subnetActions} extraHandlers={handlers} status={statusText(resource)} />}
		</PathState>
	);
}

/**
 * The network screen: from a task (`{cluster, taskArn}`) or a subnet (`{subnetId}`) the drawn
 * paths with their verdict; with neither (`:network`) the VPC overview.
 */
export function NetworkScreen({cluster, taskArn, subnetId, height, width}: Size & {readonly cluster?: string; readonly taskArn?: string; readonly subnetId?: string}) {
	if (taskArn) {
		const taskCluster = cluster ?? clusterOfTask(taskArn) ?? 'default';
		return <TaskPathScreen key={taskArn} cluster={taskCluster} taskArn={taskArn} height={height} width={width} />;
	}
	if (subnetId) return <SubnetPathScreen key={subnetId} subnetId={subnetId} height={height} width={width} />;
	return <VpcOverviewView height={height} width={width} />;
}
