import {hexId} from '../ids.js';
import type {SimFinding, SimImage, SimRepository} from '../world/ecr.js';
import type {World} from '../world/world.js';

/** Helpers to build believable, deterministic registry content for scenarios. */

export const DAY = 86_400_000;
export const MEDIA = {
	dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
	ociManifest: 'application/vnd.oci.image.manifest.v1+json',
	ociIndex: 'application/vnd.oci.image.index.v1+json',
	dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
	cosignSignature: 'application/vnd.dev.cosign.artifact.sig.v1+json',
	spdx: 'application/spdx+json',
	imageConfig: 'application/vnd.oci.image.config.v1+json',
	layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

/** A stable sha256 digest for a seed string, so scenarios are identical on every run. */
export function digestOf(seed: string): string {
	return `sha256:${hexId(seed, 64)}`;
}

/** A small deterministic PRNG (mulberry32) for sizes and times. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function addRepository(
	world: World,
	accountId: string,
	region: string,
	name: string,
	options: Partial<Pick<SimRepository, 'imageTagMutability' | 'scanOnPush' | 'encryptionType' | 'kmsKey' | 'policyText' | 'createdAt'>> & {lifecyclePolicy?: string} = {},
): SimRepository {
	const repository: SimRepository = {
		name,
		registryId: accountId,
		arn: `arn:aws:ecr:${region}:${accountId}:repository/${name}`,
		uri: `${accountId}.dkr.ecr.${region}.amazonaws.com/${name}`,
		createdAt: options.createdAt ?? Date.UTC(2023, 0, 10),
		imageTagMutability: options.imageTagMutability ?? 'MUTABLE',
		scanOnPush: options.scanOnPush ?? false,
		encryptionType: options.encryptionType ?? 'AES256',
		...(options.kmsKey ? {kmsKey: options.kmsKey} : {}),
		...(options.policyText ? {policyText: options.policyText} : {}),
		...(options.lifecyclePolicy ? {lifecycle: {text: options.lifecyclePolicy}} : {}),
		images: new Map(),
	};
	world.region(accountId, region).ecr.repositories.set(name, repository);
	return repository;
}

export type ImageSpec = {
	seed: string;
	tags?: string[];
	pushedAt: number;
	sizeInBytes: number;
	lastRecordedPullTime?: number;
	status?: SimImage['status'];
	lastArchivedAt?: number;
	findings?: SimFinding[];
	scanned?: boolean;
	/** Layers shared with other images of the same repository (base image). */
	baseLayers?: {digest: string; size: number}[];
};

/** A single-platform image manifest with its layers. The digest depends on account, name and seed, not region, so a replica in another region has the same digest, as replication keeps it. */
export function addImage(repository: SimRepository, spec: ImageSpec): SimImage {
	const digest = digestOf(`${repository.registryId}/${repository.name}/${spec.seed}`);
	const base = spec.baseLayers ?? [];
	const baseBytes = base.reduce((sum, layer) => sum + layer.size, 0);
	const ownLayer = {digest: digestOf(`${digest}/layer`), size: Math.max(1024, spec.sizeInBytes - baseBytes)};
	const layers = [...base, ownLayer];
	const manifest = JSON.stringify({
		schemaVersion: 2,
		mediaType: MEDIA.ociManifest,
		config: {mediaType: MEDIA.imageConfig, digest: digestOf(`${digest}/config`), size: 1469},
		layers: layers.map(layer => ({mediaType: MEDIA.layer, digest: layer.digest, size: layer.size})),
	});
	const image: SimImage = {
		digest,
		tags: spec.tags ?? [],
		sizeInBytes: layers.reduce((sum, layer) => sum + layer.size, 0),
		pushedAt: spec.pushedAt,
		status: spec.status ?? 'ACTIVE',
		manifestMediaType: MEDIA.ociManifest,
		manifest,
		layers,
		...(spec.lastRecordedPullTime === undefined ? {} : {lastRecordedPullTime: spec.lastRecordedPullTime}),
		...(spec.lastArchivedAt === undefined ? {} : {lastArchivedAt: spec.lastArchivedAt}),
		...(spec.findings || spec.scanned ? {scan: {status: 'COMPLETE', completedAt: spec.pushedAt + 120_000, findings: spec.findings ?? []}} : {}),
	};
	repository.images.set(digest, image);
	return image;
}

/**
 * A multi-arch image: one index (tagged) plus an untagged child manifest per platform, pushed
 * together, as `docker buildx --platform` does. The index size is the largest child's [MODEL].
 */
export function addMultiArchImage(
	repository: SimRepository,
	spec: {seed: string; tags: string[]; pushedAt: number; platforms: {os: string; architecture: string; variant?: string; size: number}[]; lastRecordedPullTime?: number; findings?: SimFinding[]},
): {index: SimImage; children: SimImage[]} {
	const children = spec.platforms.map(platform =>
		addImage(repository, {
			seed: `${spec.seed}/${platform.os}/${platform.architecture}${platform.variant ?? ''}`,
			pushedAt: spec.pushedAt,
			sizeInBytes: platform.size,
			...(spec.lastRecordedPullTime === undefined ? {} : {lastRecordedPullTime: spec.lastRecordedPullTime}),
			...(spec.findings ? {findings: spec.findings} : {}),
		}),
	);
	const digest = digestOf(`${repository.registryId}/${repository.name}/${spec.seed}/index`);
	const manifest = JSON.stringify({
		schemaVersion: 2,
		mediaType: MEDIA.ociIndex,
		manifests: children.map((child, index) => ({
			mediaType: MEDIA.ociManifest,
			digest: child.digest,
			size: child.manifest.length,
			platform: {os: spec.platforms[index]!.os, architecture: spec.platforms[index]!.architecture, ...(spec.platforms[index]!.variant ? {variant: spec.platforms[index]!.variant} : {})},
		})),
	});
	const index: SimImage = {
		digest,
		tags: spec.tags,
		sizeInBytes: Math.max(...children.map(child => child.sizeInBytes)),
		pushedAt: spec.pushedAt,
		status: 'ACTIVE',
		manifestMediaType: MEDIA.ociIndex,
		manifest,
		childDigests: children.map(child => child.digest),
		...(spec.lastRecordedPullTime === undefined ? {} : {lastRecordedPullTime: spec.lastRecordedPullTime}),
	};
	repository.images.set(digest, index);
	return {index, children};
}

/** A referrer artifact (cosign signature, SBOM) whose subject is another image. */
export function addReferrer(repository: SimRepository, subject: SimImage, kind: 'signature' | 'sbom', pushedAt: number): SimImage {
	const digest = digestOf(`${subject.digest}/${kind}`);
	const artifactMediaType = kind === 'signature' ? MEDIA.cosignSignature : MEDIA.spdx;
	const manifest = JSON.stringify({
		schemaVersion: 2,
		mediaType: MEDIA.ociManifest,
		artifactType: artifactMediaType,
		config: {mediaType: 'application/vnd.oci.empty.v1+json', digest: digestOf('empty'), size: 2},
		layers: [{mediaType: artifactMediaType, digest: digestOf(`${digest}/blob`), size: kind === 'signature' ? 258 : 48_211}],
		subject: {mediaType: subject.manifestMediaType, digest: subject.digest, size: subject.manifest.length},
	});
	const image: SimImage = {
		digest,
		tags: [],
		sizeInBytes: kind === 'signature' ? 1_802 : 49_755,
		pushedAt,
		status: 'ACTIVE',
		manifestMediaType: MEDIA.ociManifest,
		artifactMediaType,
		subjectDigest: subject.digest,
		manifest,
	};
	repository.images.set(digest, image);
	return image;
}

export const SAMPLE_FINDINGS: SimFinding[] = [
	{name: 'CVE-2024-6387', severity: 'CRITICAL', description: 'regreSSHion: a signal handler race condition in OpenSSH server (sshd) allows unauthenticated remote code execution.', uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387', package: 'openssh'},
	{name: 'CVE-2023-4863', severity: 'HIGH', description: 'Heap buffer overflow in libwebp allows a remote attacker to perform an out of bounds memory write via a crafted HTML page.', uri: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4863', package: 'libwebp'},
	{name: 'CVE-2023-44487', severity: 'HIGH', description: 'HTTP/2 rapid reset can cause a denial of service (server resource consumption).', uri: 'https://nvd.nist.gov/vuln/detail/CVE-2023-44487', package: 'nghttp2'},
	{name: 'CVE-2024-2511', severity: 'MEDIUM', description: 'Unbounded memory growth with session handling in TLSv1.3 in OpenSSL.', uri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-2511', package: 'openssl'},
	{name: 'CVE-2023-5678', severity: 'LOW', description: 'Excessive time spent in DH check / generation with large Q parameter value in OpenSSL.', uri: 'https://nvd.nist.gov/vuln/detail/CVE-2023-5678', package: 'openssl'},
];
