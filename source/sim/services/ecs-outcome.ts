import {checkExecutionRole} from '../../domain/iam/execution-role.js';
import type {PolicyInput} from '../../domain/iam/evaluate.js';
import {resolveTaskPaths} from '../../domain/network/index.js';
import type {Dependency, DependencyPath, TaskNetwork, VpcModel} from '../../domain/network/types.js';
import {ecrRepositoryArn, parseImageUri, type ImageReference} from '../../domain/registry/image-uri.js';
import type {Ec2State} from '../world/ec2.js';
import type {SimOutcome, SimService, SimTaskDefinition} from '../world/ecs.js';
import {iamStateOf, parseRoleArn, rolePolicyDocuments} from '../world/iam.js';
import type {World} from '../world/world.js';
import * as text from './ecs-messages.js';
import {vpcModelOf} from './ecs-vpc-model.js';
import {hexId} from '../ids.js';

/**
 * Decides how a task's start-up ends by evaluating its real configuration with the domain
 * engines, in the order the Fargate agent meets each step (aws-semantics.md C.1, C.2, D.6):
 * the network path to api.ecr, the execution role's registry auth, secrets, the path to the
 * registry host, the image itself, pull permission, the S3 layer path, and the log driver.
 * The first step that fails names the stop reason; a task that passes all of them runs.
 */

/** Where one task sits: what the outcome depends on besides the service. */
export type Placement = {
	accountId: string;
	region: string;
	taskId: string;
	subnetId: string;
	eniId: string;
	privateIp: string;
	publicIp?: string;
};

const SECOND = 1000;

/** Milliseconds, varied per task so tasks of one service do not move in lockstep. */
export function jitter(seed: string, min: number, max: number): number {
	return min + (Number.parseInt(hexId(`request/${seed}`, 8), 16) % Math.max(1, max - min));
}

/** The image reference and what the ECR world knows about it. */
type ImageFacts = {container: string; raw: string; image?: ImageReference; exists: boolean; digest?: string; sizeInBytes: number};

function imageFacts(world: World, container: {name: string; image: string}, pinned?: string): ImageFacts {
	const parsed = parseImageUri(container.image);
	if (!parsed.ok || parsed.image.kind !== 'ecr-private') return {container: container.name, raw: container.image, exists: true, sizeInBytes: 200_000_000};
	// A deployment that pinned a digest pulls that digest, whatever the tag points at now (C.4).
	const image = pinned === undefined ? parsed.image : {...parsed.image, digest: pinned};
	const account = world.accounts.get(image.account ?? '');
	const repository = account?.regions.get(image.region ?? '')?.ecr.repositories.get(image.repository);
	const wanted = image.digest ?? image.tag ?? 'latest';
	const found = repository ? [...repository.images.values()].find(candidate => (image.digest ? candidate.digest === image.digest : candidate.tags.includes(wanted))) : undefined;
	const pullable = found !== undefined && found.status !== 'ARCHIVED';
	return {container: container.name, raw: container.image, image, exists: pullable, ...(pullable ? {digest: found.digest} : {}), sizeInBytes: found?.sizeInBytes ?? 0};
}

function rolePolicies(world: World, roleArn: string): {trust: string; policies: PolicyInput[]} | undefined {
	const parsed = parseRoleArn(roleArn);
	if (!parsed) return undefined;
	const state = iamStateOf(world, parsed.accountId);
	const role = state.roles.get(parsed.name);
	if (!role) return undefined;
	// The domain evaluator calls user-managed policies customer-managed.
	const policies = rolePolicyDocuments(state, role).map(({name, kind, document}) => ({name, kind: kind === 'user-managed' ? ('customer-managed' as const) : kind, document}));
	return {trust: role.assumeRolePolicyDocument, policies};
}

function secretsOf(definition: SimTaskDefinition): {secrets: string[]; ssm: string[]} {
	const all = definition.containerDefinitions.flatMap(container => container.secrets ?? []).map(secret => secret.valueFrom);
	return {secrets: all.filter(value => value.startsWith('arn:aws:secretsmanager:')), ssm: all.filter(value => !value.startsWith('arn:aws:secretsmanager:'))};
}

/** The address a `dial tcp` error names: the endpoint ENI when an interface endpoint answered. */
function dialAddress(path: DependencyPath | undefined, model: VpcModel, dependency: string, seed: string): string {
	if (path?.via === 'interface-endpoint' && path.viaId !== undefined) {
		const endpoint = model.vpcEndpoints.find(candidate => candidate.vpcEndpointId === path.viaId);
		const eni = model.networkInterfaces.find(candidate => endpoint?.networkInterfaceIds?.includes(candidate.networkInterfaceId));
		if (eni) return eni.privateIpAddress;
	}
	return text.publicAddress(dependency, seed);
}

type Fail = Extract<SimOutcome, {kind: 'fail'}>;
const fail = (phase: Fail['phase'], afterMs: number, stoppedReason: string, cause: string, container = false): Fail => ({
	kind: 'fail',
	phase,
	afterMs,
	stoppedReason,
	...(container ? {containerReason: stoppedReason} : {}),
	cause,
});

/** Evaluates the configuration of a task about to launch and returns how it will end. */
export function decideOutcome(input: {
	world: World;
	ec2: Ec2State;
	service: Pick<SimService, 'name' | 'network' | 'platformVersion'>;
	definition: SimTaskDefinition;
	placement: Placement;
	clusterName: string;
	/** Digests the deployment pinned, by container name. */
	pinned?: Record<string, string | undefined>;
}): SimOutcome {
	const {world, ec2, service, definition, placement} = input;
	const {region, accountId, taskId} = placement;
	const seed = `${taskId}/outcome`;
	const images = definition.containerDefinitions.map(container => imageFacts(world, container, input.pinned?.[container.name]));
	const ecrImages = images.filter((facts): facts is ImageFacts & {image: ImageReference} => facts.image !== undefined);
	const repositoryArns = [...new Set(ecrImages.map(facts => ecrRepositoryArn(facts.image)).filter((arn): arn is string => arn !== undefined))];
	const {secrets, ssm} = secretsOf(definition);
	const awslogs = definition.containerDefinitions.some(container => container.logConfiguration?.logDriver === 'awslogs');

	const subnet = ec2.subnets.get(placement.subnetId);
	const model = subnet ? vpcModelOf(ec2, subnet.vpcId, placement.eniId) : undefined;
	const task: TaskNetwork = {
		region,
		accountId,
		subnetId: placement.subnetId,
		eniId: placement.eniId,
		securityGroupIds: service.network.securityGroups,
		assignPublicIp: service.network.assignPublicIp,
		...(placement.publicIp ? {publicIp: placement.publicIp} : {}),
		privateIp: placement.privateIp,
		platformVersion: service.platformVersion,
		needs: {ecr: ecrImages.length > 0, logs: awslogs, secretsManager: secrets.length > 0, ssm: ssm.length > 0},
		...(definition.executionRoleArn ? {executionRoleArn: definition.executionRoleArn} : {}),
		repositoryArns,
		clusterName: input.clusterName,
		serviceName: service.name,
	};
	const paths = new Map<Dependency, DependencyPath>(model ? resolveTaskPaths({task, model}).paths.map(path => [path.dependency, path]) : []);
	const blocked = (dependency: Dependency) => paths.get(dependency)?.status === 'fail';
	const address = (dependency: Dependency) => (model ? dialAddress(paths.get(dependency), model, dependency, `${seed}/${dependency}`) : text.publicAddress(dependency, seed));

	const roleArn = definition.executionRoleArn;
	const role = roleArn ? rolePolicies(world, roleArn) : undefined;
	const checks = role && roleArn ? checkExecutionRole({role: {arn: roleArn, trustPolicy: role.trust, policies: role.policies}, repositoryArns, needs: {secrets}}) : [];
	const failing = (id: string) => checks.some(check => check.id === id && check.status === 'fail');
	const principal = roleArn ? text.executionPrincipal(roleArn, taskId) : `arn:aws:sts::${accountId}:assumed-role/unknown/${taskId}`;

	// Before the pull: registry auth (needs api.ecr on PV 1.4.0+) and secrets, in one step.
	if (ecrImages.length > 0 && blocked('ecr-api')) return fail('pre-pull', jitter(seed, 125, 150) * SECOND, text.registryAuthTimeout(region, address('ecr-api')), 'no network path to api.ecr');
	if (ecrImages.length > 0 && roleArn && (!role || failing('iam:trust'))) return fail('pre-pull', jitter(seed, 5, 9) * SECOND, text.assumeRoleFailed(roleArn), 'execution role cannot be assumed');
	if (ecrImages.length > 0 && failing('iam:ecr-auth')) return fail('pre-pull', jitter(seed, 6, 11) * SECOND, text.registryAuthDenied(principal, seed), 'execution role lacks ecr:GetAuthorizationToken');
	const firstSecret = secrets[0];
	if (firstSecret !== undefined && blocked('secretsmanager')) return fail('pre-pull', jitter(seed, 125, 150) * SECOND, text.secretsTimeout(firstSecret, region, address('secretsmanager')), 'no network path to Secrets Manager');
	if (firstSecret !== undefined && failing('iam:secrets')) return fail('pre-pull', jitter(seed, 5, 9) * SECOND, text.secretsDenied(firstSecret, principal, seed), 'execution role may not read the secret');
	if (ssm.length > 0 && blocked('ssm')) return fail('pre-pull', jitter(seed, 125, 150) * SECOND, text.ssmTimeout(region, address('ssm')), 'no network path to SSM');

	// The pull: manifest from the registry host, then layers from S3.
	for (const facts of ecrImages) {
		const {image} = facts;
		const host = `${image.account}.dkr.ecr.${image.region}.amazonaws.com`;
		const reference = image.digest ?? image.tag ?? 'latest';
		if (blocked('ecr-dkr')) return fail('image-pull', jitter(seed, 110, 140) * SECOND, text.manifestTimeout(facts.raw, host, image.repository, reference, address('ecr-dkr')), 'no network path to the registry', true);
		if (!facts.exists) return fail('image-pull', jitter(seed, 8, 16) * SECOND, text.imageNotFound(facts.raw), 'image not found where the URI points', true);
		if (failing('iam:ecr-pull') || failing('iam:repo-policy')) {
			return fail('image-pull', jitter(seed, 4, 8) * SECOND, text.pullDenied(host, image.repository, principal, ecrRepositoryArn(image) ?? ''), 'execution role may not pull', true);
		}
	}
	if (ecrImages.length > 0 && blocked('s3')) return fail('image-pull', jitter(seed, 120, 150) * SECOND, text.layerDownloadTimeout(region, accountId, address('s3'), seed), 'no network path to the S3 layer bucket', true);
	if (awslogs && blocked('logs')) return fail('container-start', jitter(seed, 60, 80) * SECOND, text.logsTimeout(region, address('logs')), 'no network path to CloudWatch Logs');

	// About 6 s per 100 MB, at least 8 s: big images visibly take longer to pull.
	const bytes = images.reduce((sum, facts) => sum + facts.sizeInBytes, 0);
	const digests = Object.fromEntries(images.map(facts => [facts.container, facts.digest]));
	return {kind: 'run', pullMs: Math.max(8 * SECOND, Math.round((bytes / 100_000_000) * 6 * SECOND)) + jitter(`${seed}/pull`, 0, 4000), digests};
}

/** The digests of a task definition's images now: what a new deployment pins [DOC ContainerImage versionConsistency]. */
export function resolveDigests(world: World, definition: SimTaskDefinition): Record<string, string | undefined> {
	return Object.fromEntries(definition.containerDefinitions.map(container => [container.name, container.versionConsistency === 'disabled' ? undefined : imageFacts(world, container).digest]));
}
