import type {Column} from '../../components/table/layout.js';
import type {Role} from '../../app/theme/tokens.js';
import type {SubnetRow} from '../../data/network.js';
import type {CanPull, SubnetClass} from '../../domain/network/index.js';

/** The subnet classes in words a user reads at a glance. */
export const CLASS_TEXT: Record<SubnetClass, string> = {
	public: 'public',
	nat: 'private (NAT)',
	'endpoint-only': 'endpoint-only',
	isolated: 'isolated',
	blackhole: 'blackhole',
	unverifiable: 'unverifiable',
};

const CLASS_ROLE: Partial<Record<SubnetClass, Role>> = {blackhole: 'status.error', unverifiable: 'status.warn', isolated: 'text.secondary'};

/** Whether a Fargate task there can pull, with a symbol so it reads without colour. */
export const PULL_TEXT: Record<CanPull, string> = {yes: '✓ yes', 'only-with-public-ip': '! public IP', no: '✗ no', unknown: '? unknown'};

export const PULL_ROLE: Record<CanPull, Role> = {yes: 'status.ok', 'only-with-public-ip': 'status.warn', no: 'status.error', unknown: 'status.pending'};

/** `nat-0a1b2c3d4e5f64002` -> `nat-…f64002`: the tail tells ids apart in a narrow column. */
export function shortId(id: string): string {
	const dash = id.indexOf('-');
	return dash > 0 && id.length - dash > 10 ? `${id.slice(0, dash + 1)}…${id.slice(-6)}` : id;
}

/** `0.0.0.0/0 -> nat-1 (blackhole)` -> `nat-1 blackhole` (compact: `nat-…f64002 ✗`); no default route -> `local only`. */
export function defaultRouteText(row: SubnetRow, compact = false): string {
	if (row.defaultRoute === undefined) return 'local only';
	const target = row.defaultRoute.split(' -> ')[1] ?? row.defaultRoute;
	const [id = target, state] = target.replace(/\)$/, '').split(' (');
	if (compact) return `${shortId(id)}${state === 'active' || state === undefined ? '' : ' ✗'}`;
	return state === 'active' || state === undefined ? id : `${id} ${state}`;
}

/** Short names of the endpoints serving the subnet; `!` marks one that is there but unusable. */
export function endpointsText(row: SubnetRow): string {
	if (row.endpoints.length === 0) return 'none';
	return row.endpoints.map(endpoint => `${endpoint.service.replace('ecr.', '')}${endpoint.usable ? '' : '!'}`).join(' ');
}

/** The overview's columns; below 120 cells route targets are shortened so their ids stay apart. */
export function overviewColumns(width: number): Column<SubnetRow>[] {
	const compact = width < 120;
	return [
		{id: 'name', header: 'SUBNET', width: 16, minWidth: 14, grow: 1, cell: row => row.name ?? shortId(row.subnetId)},
		{id: 'id', header: 'ID', width: 24, optional: 4, cell: row => row.subnetId},
		{id: 'class', header: 'CLASS', width: 13, cell: row => CLASS_TEXT[row.class], role: row => CLASS_ROLE[row.class]},
		{id: 'az', header: 'AZ', width: 10, cell: row => row.availabilityZone},
		{id: 'free', header: 'FREE', width: 5, align: 'right', cell: row => String(row.availableIpAddressCount), role: row => (row.availableIpAddressCount === 0 ? 'status.error' : row.availableIpAddressCount < 16 ? 'status.warn' : undefined)},
		{id: 'cidr', header: 'CIDR', width: 15, optional: 3, cell: row => row.cidrBlock},
		{id: 'route', header: 'DEFAULT ROUTE', width: 18, minWidth: 13, grow: 2, optional: 1, cell: row => defaultRouteText(row, compact), role: row => (row.class === 'blackhole' ? 'status.error' : undefined)},
		{id: 'endpoints', header: 'ENDPOINTS', width: 15, minWidth: 11, optional: 2, cell: endpointsText},
		{id: 'pull', header: 'ECR PULL', width: 11, cell: row => PULL_TEXT[row.canPull], role: row => PULL_ROLE[row.canPull]},
	];
}

/** Text the `/` filter searches. */
export function subnetSearchText(row: SubnetRow): string {
	return `${row.name ?? ''} ${row.subnetId} ${row.class} ${CLASS_TEXT[row.class]} ${row.availabilityZone} ${row.cidrBlock} ${defaultRouteText(row)} ${endpointsText(row)} ${PULL_TEXT[row.canPull]}`;
}

/**
 * The selected subnet in words, under the table: why it can or cannot pull, its route table
 * and default route, the endpoints that serve it, and a network ACL that blocks it.
 */
export function subnetDetailLines(row: SubnetRow): {text: string; role?: Role}[] {
	const lines: {text: string; role?: Role}[] = [
		{text: `${PULL_TEXT[row.canPull].split(' ')[0]} ${row.name ? `${row.name} ` : ''}${row.subnetId} (${row.cidrBlock}, ${row.availabilityZone}, ${row.availableIpAddressCount} free IPs): ${row.reason}`, role: PULL_ROLE[row.canPull]},
	];
	if (row.routeTableId) {
		const association = row.association === 'main' ? 'the main route table (no explicit association)' : 'explicitly associated';
		lines.push({text: `route table ${row.routeTableId}, ${association} · default route ${row.defaultRoute ?? 'none (local only)'}`});
	}
	const endpoints = row.endpoints.map(endpoint => `${endpoint.service} ${endpoint.endpointId} ${endpoint.usable ? '✓' : `✗${endpoint.note ? ` ${endpoint.note}` : ''}`}`);
	if (row.routeTableId && !row.endpoints.some(endpoint => endpoint.service === 's3')) endpoints.push('s3 gateway: none on this route table');
	lines.push({text: `endpoints: ${endpoints.join(' · ') || 'none'}`, role: 'text.secondary'});
	if (row.blockedBy) lines.push({text: `network ACL: ${row.blockedBy.reason}`, role: 'status.error'});
	return lines;
}
