import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap, type Handler} from '../../app/keys/use-keymap.js';
import type {ActionSpec} from '../../app/keys/actions.js';
import {JsonView} from '../../components/json-view.js';
import {useCopy} from '../../hooks/use-copy.js';
import type {NetworkResult} from '../../data/network.js';
import {pathActions, type PathActionId} from './keymap.js';
import {layoutPathView} from './path-layout.js';
import {useHopCursor} from './use-hop-cursor.js';
import {HopDetailsView} from './hop-details-view.js';
import {resourceConsoleUrl} from './console-links.js';
import type {Line} from './draw.js';
import type {TextLine} from './details.js';

const about = `Every network path the task needs before its containers start, hop
by hop: the task ENI, its subnet and route table, then the route, NAT or
internet gateway, or the VPC endpoint (with its private DNS), the
security groups, the network ACLs both ways, the endpoint policy and the
service. ✓ passes, ! is a warning or cannot be verified, ✗ blocks.
The top line is the verdict: the first hop that blocks, in plain words.
The pane below shows the selected hop: the route or rule that decided it
(evidence) and the fix as an AWS CLI command (c copies it; Enter shows
the Terraform too, t copies that). Transit gateway, peering and
appliance paths are reported as unverifiable, never as passing.
From a subnet the task is hypothetical (an ECR image with awslogs,
platform LATEST): s tries each security group of the VPC, p toggles
assignPublicIp. From a task, everything is the task's own: its ENI,
groups, public IP and what its task definition needs.`;

function StyledLine({line}: {readonly line: Line}) {
	const {theme} = useServices();
	return (
		<Text wrap="truncate">
			{line.map((segment, index) => (
				<Text key={index} color={segment.role && !segment.inverse ? theme.color(segment.role) : undefined} inverse={segment.inverse === true} bold={segment.bold === true}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

function TextLines({lines}: {readonly lines: readonly TextLine[]}) {
	const {theme} = useServices();
	return (
		<>
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate" color={line.role ? theme.color(line.role) : undefined} bold={line.bold === true}>
					{line.text || ' '}
				</Text>
			))}
		</>
	);
}

/**
 * The path view of a task or a hypothetical task: the verdict (never truncated), what the
 * task is, the drawn paths, and the selected hop's details. Extra actions (the subnet view's
 * security group and public IP toggles) are bound alongside the path keys.
 */
export function PathView<Extra extends string>({result, mode, height, width, title, extraActions, extraHandlers, status}: {
	readonly result: NetworkResult;
	readonly mode: 'task' | 'subnet';
	readonly height: number;
	readonly width: number;
	readonly title: string;
	readonly extraActions: readonly ActionSpec<Extra>[];
	readonly extraHandlers: Record<Extra, Handler>;
	/** A muted line at the bottom (refreshing, stale data). */
	readonly status?: string;
}) {
	const {session, theme} = useServices();
	const flash = useFlash();
	const {copy, openUrl} = useCopy();
	const [overlay, setOverlay] = useState<'none' | 'details' | 'json'>('none');
	const {cursor, path, hop, movePath, moveHop, toProblem} = useHopCursor(result.paths, result.verdict);
	const copyCli = () => (hop?.fix ? copy('CLI fix', hop.fix.cli) : flash.info('this hop needs no fix'));
	const copyTerraform = () => (hop?.fix ? copy('Terraform fix', hop.fix.terraform) : flash.info('this hop needs no fix'));
	const handlers = {
		'network.next-path': () => movePath(1),
		'network.previous-path': () => movePath(-1),
		'network.next-hop': () => moveHop(1),
		'network.previous-hop': () => moveHop(-1),
		'network.next-problem': () => toProblem(),
		'network.details': () => hop && setOverlay('details'),
		'network.copy-fix': copyCli,
		'network.copy-terraform': copyTerraform,
		'network.console': () => hop && openUrl(resourceConsoleUrl(session.region, hop.resourceId, result.vpcId)),
		'network.raw': () => setOverlay('json'),
		...extraHandlers,
	} as Record<PathActionId | Extra, Handler>;
	const actions = useMemo(() => [...pathActions, ...extraActions], [extraActions]);
	useKeymap(actions, handlers, {isActive: overlay === 'none', publish: {title, about}});

	if (overlay === 'details' && hop && path) {
		return <HopDetailsView hop={hop} path={path} height={height} width={width} onClose={() => setOverlay('none')} onCopyCli={copyCli} onCopyTerraform={copyTerraform} />;
	}
	if (overlay === 'json') {
		return <JsonView title="network paths" value={{taskNetwork: result.taskNetwork, verdict: result.verdict, paths: result.paths, checks: result.checks}} height={height} width={width} onClose={() => setOverlay('none')} />;
	}
	const statusLines = status ? 1 : 0;
	const layout = layoutPathView({result, mode, cursor, width, height: height - statusLines});
	const {above, below} = layout.hidden;
	const scroll = above || below ? ` ${above ? `↑${above}` : ''}${below ? ` ↓${below}` : ''} more (j/k) ` : '';
	const rule = `── hop ${cursor.hop + 1}/${path?.hops.length ?? 0}${scroll}${layout.detailsCut ? ' · Enter: all details' : ''}`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<TextLines lines={layout.verdict} />
			<TextLines lines={layout.context} />
			{layout.paths.map((line, index) => (
				<StyledLine key={index} line={line} />
			))}
			<Text color={theme.color('border')} wrap="truncate">
				{`${rule} ${'─'.repeat(Math.max(0, width - rule.length - 1))}`}
			</Text>
			<TextLines lines={layout.details} />
			<TextLines lines={layout.findings} />
			{status ? (
				<Text color={theme.color('text.muted')} wrap="truncate">
					{status}
				</Text>
			) : null}
		</Box>
	);
}
