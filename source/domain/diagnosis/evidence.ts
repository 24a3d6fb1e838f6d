/**
 * Facts pulled out of a stoppedReason / container reason: the address a connection timed
 * out on (and what a public vs private address says about DNS), the hosts and the service
 * behind them, the principal/action/resource of an access-denied error, the image, secret
 * and parameter names. Pure string work; nothing here decides the cause.
 */
import {parseImageUri, type ImageReference} from '../registry/image-uri.js';
import type {NetworkDestination} from './types.js';

/** Whether an address in `dial tcp X:443` is a VPC-private IP, a public IP, or a name. */
export type AddressKind = 'private' | 'public' | 'hostname';

/** The `dial tcp <address>:<port>` part of a network error. */
export type DialEvidence = {
	readonly address: string;
	readonly port?: number;
	readonly kind: AddressKind;
	/** What the address says about DNS and the path. [INF spec C.2 tip] */
	readonly hint: string;
};

/** The parts of an AWS access-denied message. */
export type AccessDeniedEvidence = {
	readonly principal?: string;
	readonly action?: string;
	readonly resource?: string;
	/** `explicit` for "with an explicit deny", `implicit` for "because no ... policy allows". */
	readonly denial: 'explicit' | 'implicit' | 'unspecified';
	/** e.g. `identity-based`, `resource-based`, `service control`, `permissions boundary`, `VPC endpoint`. */
	readonly policyType?: string;
};

/** Everything extracted from one reason text. Absent fields were not in the text. */
export type ExtractedEvidence = {
	readonly hosts: readonly string[];
	readonly destination?: NetworkDestination;
	readonly dial?: DialEvidence;
	readonly accessDenied?: AccessDeniedEvidence;
	/** The image reference as written in the message. */
	readonly image?: string;
	readonly imageReference?: ImageReference;
	readonly secretArn?: string;
	readonly parameters?: readonly string[];
	readonly logGroup?: string;
	readonly exitCode?: number;
};

function ipv4Octets(address: string): number[] | undefined {
	const parts = address.split('.');
	if (parts.length !== 4) return undefined;
	const octets = parts.map(Number);
	return octets.every(octet => Number.isInteger(octet) && octet >= 0 && octet <= 255) ? octets : undefined;
}

/** Classifies an address: RFC 1918, CGNAT 100.64/10, link-local and ULA count as private. */
export function addressKind(address: string): AddressKind {
	const octets = ipv4Octets(address);
	if (octets) {
		const [a = 0, b = 0] = octets;
		const isPrivate =
			a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254);
		return isPrivate ? 'private' : 'public';
	}
	if (address.includes(':')) return /^f[cd]|^fe80/i.test(address) ? 'private' : 'public';
	return 'hostname';
}

function dialHint(kind: AddressKind, address: string): string {
	switch (kind) {
		case 'private':
			return `${address} is a VPC-private address: the name resolved to an interface endpoint, so the endpoint's security group, the task's security group or a NACL is likely dropping TCP 443`;
		case 'public':
			return `${address} is a public address: no interface endpoint with private DNS answered for this host, so the task needs a NAT gateway route, or an internet gateway route plus a public IP`;
		case 'hostname':
			return `the connection to ${address} failed before an address was known: check DNS (VPC enableDnsSupport/enableDnsHostnames, endpoint private DNS)`;
		default:
			return assertNever(kind);
	}
}

function assertNever(value: never): never {
	throw new Error(`unexpected value: ${String(value)}`);
}

/** Which dependency a host name belongs to. [DOC ECR vpc-endpoints; INF for the mapping] */
export function destinationOfHost(host: string): NetworkDestination {
	const name = host.toLowerCase();
	if (/^api\.ecr(-fips)?\.|^ecr(-fips)?\.[a-z0-9-]+\.(amazonaws\.com|api\.aws)/.test(name)) return 'ecr-api';
	if (/\.dkr\.ecr(-fips)?\.|\.dkr-ecr(-fips)?\./.test(name)) return 'ecr-dkr';
	if (/starport-layer-bucket|(^|\.)s3[.-]/.test(name)) return 's3';
	if (/^logs(-fips)?\./.test(name)) return 'logs';
	if (/^secretsmanager(-fips)?\./.test(name)) return 'secretsmanager';
	if (/^ssm(-fips)?\./.test(name)) return 'ssm';
	if (/^kms(-fips)?\./.test(name)) return 'kms';
	if (/\.efs\.|^efs\./.test(name)) return 'efs';
	return 'internet';
}

// Newer Fargate wording names the service instead of a host. [OBS]
const serviceNames: ReadonlyArray<[RegExp, NetworkDestination]> = [
	[/connection issue between the task and Amazon ECR/i, 'ecr-api'],
	[/connection issue between the task and AWS Secrets Manager/i, 'secretsmanager'],
	[/connection issue between the task and AWS Systems Manager/i, 'ssm'],
	[/connection issue between the task and Amazon CloudWatch/i, 'logs'],
];

const imagePatterns: readonly RegExp[] = [
	/failed to resolve ref(?:erence)? "?([^\s"]+?)"?:\s/i,
	/pull access denied for ([^\s,]+),/i,
	/The task cannot pull '?([^\s']+?)'? from the registry/i,
	/manifest for ([^\s]+) not found/i,
	/repository ([^\s]+) not found/i,
];

function firstGroup(text: string, patterns: readonly RegExp[]): string | undefined {
	for (const pattern of patterns) {
		const value = pattern.exec(text)?.[1];
		if (value !== undefined) return value;
	}
	return undefined;
}

function accessDeniedOf(text: string): AccessDeniedEvidence | undefined {
	const authorized = /(?:User|Principal): (\S+) is not authorized to perform: ([\w-]+:[\w*]+)(?: on resource: (\S+))?/i.exec(text);
	if (!authorized && !/AccessDenied|Access to KMS is not allowed/i.test(text)) return undefined;
	const explicit = /with an explicit deny(?: in an? ([\w -]+?) policy)?/i.exec(text);
	const implicit = /because no ([\w -]+?) (?:policy )?allows/i.exec(text);
	const resource = authorized?.[3]?.replace(/[.,;]+$/, '');
	const base = {
		...(authorized?.[1] === undefined ? {} : {principal: authorized[1]}),
		...(authorized?.[2] === undefined ? {} : {action: authorized[2]}),
		...(resource === undefined ? {} : {resource}),
	};
	if (explicit) return {...base, denial: 'explicit', ...(explicit[1] === undefined ? {} : {policyType: explicit[1]})};
	if (implicit?.[1] !== undefined) return {...base, denial: 'implicit', policyType: implicit[1].replace(/ policy$/, '')};
	return {...base, denial: 'unspecified'};
}

/** Extracts every fact this module knows how to read from one reason text. */
export function extractEvidence(text: string): ExtractedEvidence {
	const hosts = [...text.matchAll(/https?:\/\/([^/"\s:]+)|lookup ([a-z0-9.-]+\.[a-z]{2,})/gi)]
		.map(match => (match[1] ?? match[2] ?? '').toLowerCase())
		.filter((host, index, all) => host !== '' && all.indexOf(host) === index);
	const dialMatch = /dial tcp (\[[0-9a-f:]+\]|[0-9a-z.-]+)(?::(\d+))?/i.exec(text);
	let dial: DialEvidence | undefined;
	if (dialMatch?.[1] !== undefined && !/^lookup$/i.test(dialMatch[1])) {
		const address = dialMatch[1].replace(/^\[|\]$/g, '');
		const kind = addressKind(address);
		dial = {address, ...(dialMatch[2] === undefined ? {} : {port: Number(dialMatch[2])}), kind, hint: dialHint(kind, address)};
	} else {
		// `dial tcp: lookup <host> on <resolver>: ...` fails in DNS before any address is known.
		const lookup = /dial tcp: lookup ([a-z0-9.-]+)/i.exec(text)?.[1];
		if (lookup !== undefined) dial = {address: lookup, kind: 'hostname', hint: dialHint('hostname', lookup)};
	}
	const image = firstGroup(text, imagePatterns);
	const parsedImage = image === undefined ? undefined : parseImageUri(image);
	const lastHost = hosts.at(-1);
	let destination = lastHost === undefined ? serviceNames.find(([pattern]) => pattern.test(text))?.[1] : destinationOfHost(lastHost);
	if (destination === undefined && parsedImage?.ok === true && /connection issue between the task and the registry|i\/o timeout|request canceled|deadline exceeded/i.test(text)) {
		// "…between the task and the registry" names no host: the image's registry is the one.
		destination = parsedImage.image.kind === 'ecr-private' ? 'ecr-dkr' : 'internet';
	}
	const secretArn = /arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[^\s:,]+/.exec(text)?.[0];
	const parameterArns = [...text.matchAll(/arn:aws[\w-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/?[^\s,]*/g)].map(match => match[0]);
	const invalid = /invalid parameters?:\s*([^\n]+)$/i.exec(text)?.[1];
	const parameters = [...parameterArns, ...(invalid === undefined ? [] : invalid.split(/[,\s]+/).filter(name => name !== ''))];
	const logGroup = /log group[:\s]+['"]([^'"]+)['"]|awslogs-group[=:\s]+['"]?([\w/.#-]+)/i.exec(text);
	const accessDenied = accessDeniedOf(text);
	return {
		hosts,
		...(destination === undefined ? {} : {destination}),
		...(dial === undefined ? {} : {dial}),
		...(accessDenied === undefined ? {} : {accessDenied}),
		...(image === undefined ? {} : {image}),
		...(parsedImage?.ok === true ? {imageReference: parsedImage.image} : {}),
		...(secretArn === undefined ? {} : {secretArn}),
		...(parameters.length === 0 ? {} : {parameters}),
		...(logGroup ? {logGroup: logGroup[1] ?? logGroup[2] ?? ''} : {}),
	};
}
