import React, {useEffect, useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useNavigation} from '../../app/router.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {Table} from '../../components/table/table.js';
import {listMoves, moveHandlers, clearFilter} from '../../components/table/list-keys.js';
import {useTableView} from '../../components/table/use-table-view.js';
import {FilterBar} from '../../components/filter-bar.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {useResource} from '../../hooks/use-resource.js';
import {useCopy} from '../../hooks/use-copy.js';
import {subnetConsoleUrl} from '../../domain/format/console-url.js';
import {inert, truncate} from '../../domain/format/text.js';
import {vpcOverviewResource, type SubnetRow, type VpcOverview} from '../../data/network.js';
import {overviewActions, type OverviewActionId} from './keymap.js';
import {overviewColumns, subnetDetailLines, subnetSearchText} from './overview-columns.js';
import {wrapText} from './draw.js';

const about = `Every subnet of a VPC with its class, decided by its route table and
the VPC's endpoints:
  public         default route to an internet gateway (tasks need
                 assignPublicIp ENABLED)
  private (NAT)  default route to a working NAT gateway
  endpoint-only  no default route, but ecr.api, ecr.dkr and the S3
                 gateway endpoint
  isolated       no way out
  blackhole      the default route points at something deleted
  unverifiable   egress via a transit gateway, peering or an appliance
ECR PULL: could a Fargate task placed there pull from ECR? Routes,
endpoints and network ACLs decide; security groups belong to the task,
so Enter opens the subnet to trace a task with a group you choose.
FREE: free IPs in the subnet; each Fargate task takes one.`;

const keyOf = (row: SubnetRow) => row.subnetId;

// The subnet last opened, per account and region: back from its path view, the cursor is on it again.
const lastOpened = new Map<string, string>();

/** The VPC line and the endpoints line above the table. */
function vpcLines(overview: VpcOverview, width: number): string[] {
	const {vpc, model} = overview;
	if (!vpc || !model) return [];
	const index = overview.vpcs.findIndex(candidate => candidate.vpcId === vpc.vpcId);
	const dns = `DNS support ${model.vpc.enableDnsSupport ? '✓' : '✗'} hostnames ${model.vpc.enableDnsHostnames ? '✓' : '✗'}`;
	const more = overview.vpcs.length > 1 ? ` · VPC ${index + 1}/${overview.vpcs.length} (v: next)` : '';
	const first = `VPC ${vpc.name ? `${vpc.name} ` : ''}${vpc.vpcId} ${model.vpc.cidrBlocks.join(', ')}${vpc.isDefault ? ' (default VPC)' : ''} · ${dns}${more}`;
	const services = model.vpcEndpoints
		.filter(endpoint => endpoint.serviceName.startsWith('com.amazonaws.'))
		.map(endpoint => {
			const suffix = endpoint.serviceName.split('.').slice(3).join('.');
			const gateway = endpoint.vpcEndpointType === 'Gateway' ? ` gateway on ${endpoint.routeTableIds.length} route table${endpoint.routeTableIds.length === 1 ? '' : 's'}` : '';
			const ok = endpoint.state.toLowerCase() === 'available';
			return `${suffix}${gateway} ${ok ? '✓' : `✗ ${endpoint.state}`}`;
		});
	const s3 = model.vpcEndpoints.some(endpoint => endpoint.vpcEndpointType === 'Gateway' && endpoint.serviceName.endsWith('.s3'));
	const second = `endpoints: ${services.join(' · ') || 'none'}${s3 ? '' : ' · no S3 gateway endpoint'}`;
	return [...wrapText(inert(first), width).slice(0, 2), truncate(inert(second), width)];
}

/** `:network`: the subnets of a VPC, their class, and whether a Fargate task there can pull. */
export function VpcOverviewView({height, width}: {readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const {copy, openUrl} = useCopy();
	const [vpcId, setVpcId] = useState<string>();
	const [filtering, setFiltering] = useState(false);
	const [json, setJson] = useState(false);
	const resource = useResource(useMemo(() => vpcOverviewResource(session, vpcId), [session, vpcId]));
	const overview = resource.data;
	const header = overview ? vpcLines(overview, width) : [];
	const selected = useMemo(() => overview?.subnets ?? [], [overview]);
	// The table takes what its rows need (up to the body), the selected subnet's details the rest.
	// VPC lines, the table's header, the filter line (kept free) and the rule.
	const chrome = header.length + 3;
	const detailMin = 3;
	const tableHeight = Math.max(3, Math.min(selected.length, height - chrome - detailMin));
	const view = useTableView({rows: selected, keyOf, searchText: subnetSearchText, pageSize: tableHeight});
	const row = view.selected;
	const columns = useMemo(() => overviewColumns(width), [width]);
	const {select} = view;
	useEffect(() => {
		const remembered = lastOpened.get(session.scope);
		if (remembered && selected.some(candidate => candidate.subnetId === remembered)) select(remembered);
	}, [selected, select, session.scope]);

	const handlers: Record<OverviewActionId | (typeof listMoves)[number]['id'], () => void | boolean> = {
		'network.open-subnet': () => {
			if (!row) return;
			lastOpened.set(session.scope, row.subnetId);
			navigation.push({screen: 'network', subnetId: row.subnetId});
		},
		'network.next-vpc': () => {
			const vpcs = overview?.vpcs ?? [];
			if (vpcs.length < 2) return;
			const index = vpcs.findIndex(candidate => candidate.vpcId === overview?.vpc?.vpcId);
			setVpcId(vpcs[(index + 1) % vpcs.length]?.vpcId);
		},
		'network.filter': () => setFiltering(true),
		'network.copy-subnet': () => row && copy('subnet id', row.subnetId),
		'network.console-subnet': () => row && openUrl(subnetConsoleUrl(session.region, row.subnetId)),
		'network.raw-subnet': () => row && setJson(true),
		'network.clear-filter': () => clearFilter(view),
		...moveHandlers(view),
	} as Record<OverviewActionId | (typeof listMoves)[number]['id'], () => void | boolean>;
	const actions = useMemo(() => [...overviewActions, ...listMoves], []);
	useKeymap(actions, handlers, {isActive: !filtering && !json, publish: {title: 'Network: VPC overview', about}});

	if (!overview && (resource.status === 'loading' || resource.status === 'idle')) return <Loading label="Reading the VPC (subnets, route tables, endpoints, ACLs)" />;
	if (resource.problem && !overview) return <ErrorPanel problem={resource.problem} />;
	if (!overview?.vpc) return <Text color={theme.color('text.muted')}>No VPCs in {session.region}. Switch region with :region.</Text>;
	if (json && row) return <JsonView title={row.subnetId} value={row} height={height} width={width} onClose={() => setJson(false)} />;

	const detailRoom = Math.max(1, height - chrome - Math.min(tableHeight, Math.max(1, view.rows.length)) - (resource.problem ? 1 : 0));
	const details = row
		? subnetDetailLines(row).flatMap(line => wrapText(inert(line.text), width).map(text => ({text, role: line.role}))).slice(0, detailRoom)
		: [];
	return (
		<Box flexDirection="column" height={height} width={width}>
			{header.map((line, index) => (
				<Text key={index} wrap="truncate" color={theme.color(index === header.length - 1 ? 'text.secondary' : 'text.primary')} bold={index === 0}>
					{line}
				</Text>
			))}
			<Table columns={columns} rows={view.rows} cursor={view.cursor} height={tableHeight} width={width} emptyText={view.filter ? 'no subnet matches the filter' : 'this VPC has no subnets'} />
			<FilterBar editing={filtering} view={view} total={selected.length} onClose={() => setFiltering(false)} />
			<Text color={theme.color('border')} wrap="truncate">{'─'.repeat(width)}</Text>
			{details.map((line, index) => (
				<Text key={index} wrap="truncate" color={line.role ? theme.color(line.role) : undefined}>
					{line.text}
				</Text>
			))}
			{resource.problem ? <Text color={theme.color('status.warn')} wrap="truncate">{problemNote(resource.problem)}</Text> : null}
		</Box>
	);
}
