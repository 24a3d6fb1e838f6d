import type {ActionSpec} from '../../app/keys/actions.js';

/**
 * The network screen's keys (anchors.md section 8: enter drills, esc backs out, j/k move,
 * c copies, b gives the console URL, y shows raw JSON, / filters). The path view moves
 * between dependencies with j/k and along a path with h/l.
 */
export const overviewActions = [
	{id: 'network.open-subnet', keys: ['enter'], title: 'Open the subnet\'s path view', group: 'VPC', hint: true},
	{id: 'network.next-vpc', keys: ['v'], title: 'Next VPC', group: 'VPC', hint: true},
	{id: 'network.filter', keys: ['/'], title: 'Filter subnets (!text excludes)', group: 'VPC', hint: true, opensInput: true},
	{id: 'network.copy-subnet', keys: ['c'], title: 'Copy the subnet id', group: 'VPC'},
	{id: 'network.console-subnet', keys: ['b'], title: 'AWS console URL of the subnet', group: 'VPC'},
	{id: 'network.raw-subnet', keys: ['y'], title: 'Raw JSON of the subnet row', group: 'VPC'},
	{id: 'network.clear-filter', keys: ['esc'], title: 'Clear filter', group: 'VPC', hidden: true},
] as const satisfies readonly ActionSpec[];

export type OverviewActionId = (typeof overviewActions)[number]['id'];

export const pathActions = [
	{id: 'network.next-path', keys: ['down', 'j'], title: 'Next dependency', group: 'Path', hint: true},
	{id: 'network.previous-path', keys: ['up', 'k'], title: 'Previous dependency', group: 'Path'},
	{id: 'network.next-hop', keys: ['right', 'l'], title: 'Next hop along the path', group: 'Path', hint: true},
	{id: 'network.previous-hop', keys: ['left', 'h'], title: 'Previous hop', group: 'Path'},
	{id: 'network.next-problem', keys: ['tab'], title: 'Next failing or warning hop', group: 'Path', hint: true},
	{id: 'network.details', keys: ['enter'], title: 'Full details of the hop (Terraform fix)', group: 'Path', hint: true},
	{id: 'network.copy-fix', keys: ['c'], title: 'Copy the fix (AWS CLI)', group: 'Path', hint: true},
	{id: 'network.copy-terraform', keys: ['t'], title: 'Copy the fix (Terraform)', group: 'Path'},
	{id: 'network.console', keys: ['b'], title: 'AWS console URL of the hop\'s resource', group: 'Path'},
	{id: 'network.raw', keys: ['y'], title: 'Raw JSON of the paths', group: 'Path'},
] as const satisfies readonly ActionSpec[];

export type PathActionId = (typeof pathActions)[number]['id'];

/** Only in the subnet view, where the task is hypothetical. */
export const subnetActions = [
	{id: 'network.security-group', keys: ['s'], title: 'Try the next security group', group: 'Hypothetical task', hint: true},
	{id: 'network.public-ip', keys: ['p'], title: 'Toggle assignPublicIp', group: 'Hypothetical task', hint: true},
] as const satisfies readonly ActionSpec[];

export type SubnetActionId = (typeof subnetActions)[number]['id'];
