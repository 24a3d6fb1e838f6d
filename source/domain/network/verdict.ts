// One line in plain words for the whole task, and one check per dependency for the diagnosis
// screen. The first failing hop decides; warnings are said out loud, never folded into "ok".
import {decidingHop} from './hops.js';
import type {Dependency, DependencyPath, Hop, NetworkCheck, TaskPaths} from './types.js';

/** The overall verdict with the hop that decided it. */
export type NetworkVerdict = {
	status: 'pass' | 'warn' | 'fail' | 'unknown';
	text: string;
	dependency?: Dependency;
	hop?: Hop;
};

const FAIL_PREFIX: Record<Dependency, string> = {
	'ecr-api': 'cannot pull',
	'ecr-dkr': 'cannot pull',
	s3: 'cannot pull',
	logs: 'cannot send logs',
	secretsmanager: 'cannot read secrets',
	ssm: 'cannot read parameters',
	kms: 'cannot decrypt secrets',
};

const SHORT: Record<Dependency, string> = {
	'ecr-api': 'ecr.api',
	'ecr-dkr': 'ecr.dkr',
	s3: 'S3',
	logs: 'logs',
	secretsmanager: 'Secrets Manager',
	ssm: 'SSM',
	kms: 'KMS',
};

const TITLE: Record<Dependency, string> = {
	'ecr-api': 'Network path to the ECR API',
	'ecr-dkr': 'Network path to the ECR registry',
	s3: 'Network path to S3 (image layers)',
	logs: 'Network path to CloudWatch Logs',
	secretsmanager: 'Network path to Secrets Manager',
	ssm: 'Network path to SSM Parameter Store',
	kms: 'Network path to KMS',
};

const ECR: readonly Dependency[] = ['ecr-api', 'ecr-dkr', 's3'];

function viaText(paths: readonly DependencyPath[]): string {
	const ids = [...new Set(paths.map(p => p.viaId ?? p.via))];
	if (ids.length === 1) return ids[0] ?? '';
	return paths.map(p => `${p.viaId ?? p.via} (${SHORT[p.dependency]})`).join(', ');
}

function okText(paths: readonly DependencyPath[]): string {
	const ecr = paths.filter(p => ECR.includes(p.dependency));
	const others = paths.filter(p => !ECR.includes(p.dependency));
	const parts: string[] = [];
	let shared: string | undefined;
	if (ecr.length > 0) {
		shared = viaText(ecr);
		parts.push(`reaches ECR via ${shared}`);
	}
	for (const path of others) {
		const via = path.viaId ?? path.via;
		if (via !== shared) parts.push(`${SHORT[path.dependency]} via ${via}`);
	}
	if (parts.length === 0) return 'ok: the task has no network dependencies to check';
	return `ok: ${parts.join('; ')}`;
}

/** The one-line verdict for a task's network, e.g. `cannot pull: the NAT route in rtb-0abc is a blackhole`. */
export function networkVerdict(result: TaskPaths): NetworkVerdict {
	for (const path of result.paths) {
		const hop = path.hops.find(h => h.status === 'fail');
		if (hop !== undefined) return {status: 'fail', text: `${FAIL_PREFIX[path.dependency]}: ${hop.reason}`, dependency: path.dependency, hop};
	}
	const unknown = result.paths.find(p => p.status === 'unknown');
	if (unknown !== undefined) {
		const hop = decidingHop(unknown.hops);
		return {status: 'unknown', text: `cannot tell: ${hop?.reason ?? 'the VPC data is incomplete'}`, dependency: unknown.dependency, hop};
	}
	const warnings = result.paths.flatMap(p => p.hops.filter(h => h.status === 'warn').map(hop => ({path: p, hop})));
	const first = warnings[0];
	if (first !== undefined) {
		const reasons = [...new Set(warnings.map(w => w.hop.reason))];
		const more = reasons.length > 1 ? ` (+${reasons.length - 1} more warning${reasons.length > 2 ? 's' : ''})` : '';
		return {status: 'warn', text: `unverified: ${first.hop.reason}${more}`, dependency: first.path.dependency, hop: first.hop};
	}
	return {status: 'pass', text: okText(result.paths)};
}

/** The one-line verdict of a single path. */
export function pathVerdictText(path: DependencyPath): string {
	const hop = decidingHop(path.hops);
	if (path.status === 'fail' && hop !== undefined) return `${FAIL_PREFIX[path.dependency]}: ${hop.reason}`;
	if (path.status === 'unknown') return `cannot tell: ${hop?.reason ?? 'the VPC data is incomplete'}`;
	if (path.status === 'warn' && hop !== undefined) return `unverified: ${hop.reason}`;
	return `ok: reaches ${path.host} via ${path.viaId ?? path.via}`;
}

/**
 * One check per dependency, in the shape the diagnosis screen combines with its own checks
 * (`Check` in domain/diagnosis/types.ts). Runbook findings about the S3 endpoint ride on a failing S3 check (through a NAT the
 * missing gateway endpoint costs money but does not stop the pull).
 */
export function networkChecks(result: TaskPaths): NetworkCheck[] {
	return result.paths.map(path => {
		const hop = decidingHop(path.hops);
		const routeHop = path.hops.find(h => h.kind === 'route');
		let evidence = hop !== undefined
			? `${hop.reason} — ${hop.evidence}`
			: `reaches ${path.host} via ${path.viaId ?? path.via}${routeHop === undefined ? '' : ` (${routeHop.evidence})`}`;
		if (path.dependency === 's3' && path.status !== 'pass') {
			const finding = result.findings.find(f => f.startsWith('You have enabled ECR related private endpoints'));
			// Quoted as the AWS troubleshooting runbook words it, so its users recognise the finding.
			if (finding !== undefined) evidence = `${evidence} (AWSSupport-TroubleshootECSTaskFailedToStart says: "${finding}")`;
		}
		const check: NetworkCheck = {
			id: `network:${path.dependency}`,
			group: 'network',
			title: TITLE[path.dependency],
			status: path.status,
			evidence,
			method: 'evaluated',
		};
		if (hop?.fix !== undefined) check.fix = `${hop.fix.summary}\n${hop.fix.cli}`;
		const resourceId = hop?.resourceId ?? path.viaId;
		if (resourceId !== undefined) check.resourceId = resourceId;
		return check;
	});
}
