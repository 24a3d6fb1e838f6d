/**
 * Parsing of container image references as they appear in task definitions and in
 * DescribeTasks `containers[].image`: ECR private (incl. FIPS, China and dual-stack hosts),
 * ECR Public, Docker Hub short forms and any other registry (with ports).
 *
 * The split between registry host and repository path follows Docker's own rule
 * (distribution/reference): the first path component is a host only when it contains a
 * `.` or a `:`, or is `localhost`; otherwise the whole reference is a Docker Hub name.
 * [INF from Docker reference grammar; ECR host shapes from DOC ECR registry / vpc-endpoints]
 */

/** Which kind of registry an image lives in. */
export type RegistryKind = 'ecr-private' | 'ecr-public' | 'docker-hub' | 'other';

/** A parsed image reference. Only `repository` is always present. */
export type ImageReference = {
	/** The text that was parsed (trimmed). */
	readonly raw: string;
	readonly kind: RegistryKind;
	/** Registry host as written, with port if any; `docker.io` for every Docker Hub form. */
	readonly registry: string;
	/** 12-digit registry (account) id, ECR private only. */
	readonly account?: string;
	/** AWS Region of the registry, ECR private only. */
	readonly region?: string;
	/** `aws`, `aws-cn` or `aws-us-gov`: the partition implied by an ECR private host. */
	readonly partition?: string;
	/** True for `dkr.ecr-fips` hosts. */
	readonly fips?: boolean;
	/** ECR Public registry alias (first path component after `public.ecr.aws`). */
	readonly publicAlias?: string;
	/** Repository path inside the registry, e.g. `team/web` or `library/nginx`. */
	readonly repository: string;
	/** Tag when written; absent means the runtime's default (`latest`) unless a digest is given. */
	readonly tag?: string;
	/** Digest, e.g. `sha256:…`, when pinned. */
	readonly digest?: string;
};

/** Result of {@link parseImageUri}: a reference, or why the text is not one. */
export type ParseImageResult =
	| {readonly ok: true; readonly image: ImageReference}
	| {readonly ok: false; readonly raw: string; readonly error: string};

// ECR private hosts: <acct>.dkr.ecr[-fips].<region>.amazonaws.com[.cn], plus the dual-stack
// form <acct>.dkr-ecr[-fips].<region>.on.aws [DOC ECR endpoints; dual-stack INF].
const ecrPrivateHost = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(\.cn)?$/;
const ecrDualStackHost = /^(\d{12})\.dkr-ecr(-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.on\.aws$/;
const dockerHubHosts = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
// Path components: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-` (OCI distribution spec).
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

function partitionOf(region: string, chinaSuffix: boolean): string {
	if (chinaSuffix || region.startsWith('cn-')) return 'aws-cn';
	if (region.startsWith('us-gov-')) return 'aws-us-gov';
	return 'aws';
}

function looksLikeHost(component: string): boolean {
	return component.includes('.') || component.includes(':') || component === 'localhost';
}

/**
 * Parses an image reference. Never throws: text that is not a valid reference comes back
 * as `{ok: false, error}` naming the first problem found.
 */
export function parseImageUri(text: string): ParseImageResult {
	const raw = text.trim();
	const fail = (error: string): ParseImageResult => ({ok: false, raw, error});
	if (raw === '') return fail('empty image reference');
	if (/\s/.test(raw)) return fail('image reference contains whitespace');

	let rest = raw.replace(/^[a-z]+:\/\//i, '');
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!digestPattern.test(digest)) return fail(`invalid digest "${digest}"`);
	}

	let tag: string | undefined;
	const lastSlash = rest.lastIndexOf('/');
	const lastColon = rest.lastIndexOf(':');
	// A colon after the last slash separates the tag; one before it belongs to a host:port.
	if (lastColon > lastSlash) {
		tag = rest.slice(lastColon + 1);
		rest = rest.slice(0, lastColon);
		if (!tagPattern.test(tag)) return fail(`invalid tag "${tag}"`);
	}

	const parts = rest.split('/');
	const first = parts[0] ?? '';
	let registry = 'docker.io';
	let pathParts = parts;
	if (parts.length > 1 && looksLikeHost(first)) {
		registry = first.toLowerCase();
		pathParts = parts.slice(1);
	}
	if (pathParts.length === 0 || pathParts.some(part => part === '')) return fail('empty repository path');
	const badPart = pathParts.find(part => !pathComponent.test(part));
	if (badPart !== undefined) return fail(`invalid repository name component "${badPart}" (must be lowercase)`);

	const base = {raw, ...(tag === undefined ? {} : {tag}), ...(digest === undefined ? {} : {digest})};
	const ecr = ecrPrivateHost.exec(registry) ?? ecrDualStackHost.exec(registry);
	if (ecr) {
		const [, account = '', fips, region = '', china] = ecr;
		return {
			ok: true,
			image: {
				...base,
				kind: 'ecr-private',
				registry,
				account,
				region,
				partition: partitionOf(region, china !== undefined),
				fips: fips !== undefined,
				repository: pathParts.join('/'),
			},
		};
	}
	if (registry === 'public.ecr.aws') {
		if (pathParts.length < 2) return fail('ECR Public references need an alias and a repository');
		return {
			ok: true,
			image: {...base, kind: 'ecr-public', registry, publicAlias: pathParts[0], repository: pathParts.join('/')},
		};
	}
	if (dockerHubHosts.has(registry)) {
		// Official images live under `library/` on Docker Hub: `nginx` is `library/nginx`.
		const repository = pathParts.length === 1 ? `library/${pathParts.join('')}` : pathParts.join('/');
		return {ok: true, image: {...base, kind: 'docker-hub', registry: 'docker.io', repository}};
	}
	return {ok: true, image: {...base, kind: 'other', registry, repository: pathParts.join('/')}};
}

/**
 * The IAM resource ARN of an ECR private repository
 * (`arn:<partition>:ecr:<region>:<account>:repository/<name>`), or undefined for other kinds.
 */
export function ecrRepositoryArn(image: ImageReference): string | undefined {
	if (image.kind !== 'ecr-private') return undefined;
	return `arn:${image.partition}:ecr:${image.region}:${image.account}:repository/${image.repository}`;
}
