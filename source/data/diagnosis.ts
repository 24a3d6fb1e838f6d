import type {Session} from './session.js';
import type {AwsClients} from './clients.js';
import {describeServices, describeTaskDefinition, describeTasks, listTaskArns} from './ecs.js';
import {findImage, getRepositoryPolicy} from './ecr.js';
import {checkRole, type RoleCheckResult} from './iam.js';
import {loadTaskNetwork, SECRETS_MANAGER_ARN, secretReferences, taskNeeds, type NetworkResult} from './network.js';
import {problem, toProblem} from './problems.js';
import type {TaskHistory} from './task-history.js';
import {loadEcr} from './sdk.js';
import {classifyTask, type Classification} from '../domain/diagnosis/catalog.js';
import {diagnoseTask, type Diagnosis} from '../domain/diagnosis/diagnose.js';
import {imageChecks, type EgressPath, type ImageLookup} from '../domain/diagnosis/image-checks.js';
import type {Check} from '../domain/diagnosis/types.js';
import type {ServiceRecord, TaskDefinitionRecord} from '../domain/ecs/types.js';
import {parseImageUri, type ImageReference} from '../domain/registry/image-uri.js';
import {serviceNameOf, taskLocation, type TaskRecord} from '../domain/tasks/types.js';
import {nameOfArn} from '../domain/ecs/types.js';

/**
 * Everything the diagnosis of one task needs, read from AWS (the screen and `ecrtui diagnose`
 * share it): the task (or, once ECS has forgotten it, the local history), its task definition
 * and service, the execution-role checks (`iam.ts`), the image checks (DescribeImages with
 * imageStatus ANY in the image's own Region), the network checks (`network.ts`), and the
 * verdict from `domain/diagnosis`. A part that cannot be read is reported, never fatal.
 */

type Scoped = Pick<Session, 'scope' | 'clients' | 'store' | 'region' | 'accountId' | 'recorder'>;

/** One container image and what was found about it. */
export type ImageFinding = {container: string; image: string; lookedUp: string; lookup: ImageLookup};

export type DiagnosisReport = {
	task: TaskRecord;
	/** Where the task came from: ECS, or the local history when ECS no longer has it. */
	source: 'ecs' | 'history';
	cluster: string;
	taskDefinition?: TaskDefinitionRecord;
	service?: ServiceRecord;
	classification: Classification;
	diagnosis: Diagnosis;
	/** Every live check: IAM, image, network. */
	checks: Check[];
	role?: RoleCheckResult & {roleArn: string};
	images: ImageFinding[];
	network?: NetworkResult;
	/** Parts that could not be checked, in plain words. */
	unavailable: string[];
	now: number;
};

export type DiagnosisInput = {cluster: string; task: string; history?: TaskHistory; now: number; stallThresholdMs: number};

const reason = (error: unknown, what: string) => {
	const mapped = toProblem(error, {what});
	return `${what}: ${mapped.why}`;
};

/** The watcher shows 8-character task ids; they are accepted like git's short hashes. */
const SHORT_ID = /^[\da-f]{4,31}$/;

/** Expands a short task id to the one task (live or remembered) whose id starts with it. */
async function expandShortId(session: Scoped, input: DiagnosisInput, signal?: AbortSignal): Promise<string> {
	const [running, stopped] = await Promise.all([
		listTaskArns(session.clients, input.cluster, {desiredStatus: 'RUNNING'}, signal),
		listTaskArns(session.clients, input.cluster, {desiredStatus: 'STOPPED'}, signal),
	]);
	const remembered = input.history?.list().map(task => task.taskArn) ?? [];
	const matches = [...new Set([...running, ...stopped, ...remembered].map(nameOfArn))].filter(id => id.startsWith(input.task));
	if (matches.length > 1) {
		throw problem('invalid-request', 'Reading the task', `Task id ${input.task} is ambiguous in cluster ${input.cluster}: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}.`, 'Give more characters of the task id, or the whole id.');
	}
	return matches[0] ?? input.task;
}

async function readTask(session: Scoped, input: DiagnosisInput, signal?: AbortSignal): Promise<{task: TaskRecord; source: 'ecs' | 'history'}> {
	if (SHORT_ID.test(input.task)) input = {...input, task: await expandShortId(session, input, signal)};
	const [task] = await describeTasks(session.clients, input.cluster, [input.task], signal);
	if (task) return {task, source: 'ecs'};
	const id = nameOfArn(input.task);
	const remembered = input.history?.list().find(candidate => nameOfArn(candidate.taskArn) === id);
	if (remembered) return {task: remembered, source: 'history'};
	throw problem('not-found', 'Reading the task', `Task ${id} was not found in cluster ${input.cluster}, nor in the local stopped-task history.`, 'ECS keeps stopped tasks for about an hour; run the watcher (:tasks) to keep a longer history, or pick a newer task.');
}

async function repositoryExists(clients: AwsClients, name: string, registryId: string | undefined, signal?: AbortSignal): Promise<boolean> {
	const {DescribeRepositoriesCommand} = await loadEcr();
	const client = await clients.ecr();
	try {
		await client.send(new DescribeRepositoriesCommand({repositoryNames: [name], ...(registryId ? {registryId} : {})}), {abortSignal: signal});
		return true;
	} catch (error) {
		if ((error as Error).name === 'RepositoryNotFoundException') return false;
		throw error;
	}
}

/** Looks up one image where its URI points (and, when the repository is missing, in the task's Region). */
async function lookupImage(session: Scoped, image: ImageReference, digest: string | undefined, taskRegion: string, signal?: AbortSignal): Promise<ImageLookup> {
	const region = image.region ?? session.region;
	const clients = session.clients.forRegion(region);
	const registryId = image.account === session.accountId ? undefined : image.account;
	try {
		const found = await findImage(clients, image.repository, digest ? {digest} : {...(image.tag ? {tag: image.tag} : {}), ...(image.digest ? {digest: image.digest} : {}), ...(image.tag || image.digest ? {} : {tag: 'latest'})}, {...(signal ? {signal} : {}), ...(registryId ? {registryId} : {})});
		if (found) return {kind: 'found', imageDigest: found.digest, archived: found.status === 'ARCHIVED'};
		return {kind: 'image-not-found'};
	} catch (error) {
		if ((error as Error).name !== 'RepositoryNotFoundException') return {kind: 'unknown', reason: reason(error, `Looking up ${image.repository} in ${region}`)};
		const elsewhere: string[] = [];
		for (const other of new Set([taskRegion, session.region])) {
			if (other === region) continue;
			try {
				if (await repositoryExists(session.clients.forRegion(other), image.repository, registryId, signal)) elsewhere.push(other);
			} catch {
				// Only a hint: a failed look elsewhere changes nothing.
			}
		}
		return {kind: 'repository-not-found', existsInRegions: elsewhere};
	}
}

function egressOf(network: NetworkResult | undefined): EgressPath {
	if (!network) return 'unknown';
	const paths = network.paths.paths;
	if (paths.some(path => (path.via === 'nat' || path.via === 'igw') && path.status !== 'fail')) return 'internet';
	if (paths.length > 0 && paths.every(path => path.via === 'interface-endpoint' || path.via === 'gateway-endpoint' || path.via === 'none')) return 'endpoints-only';
	return 'unknown';
}

async function roleChecks(session: Scoped, definition: TaskDefinitionRecord, taskRegion: string, signal?: AbortSignal): Promise<RoleCheckResult & {roleArn: string}> {
	const roleArn = definition.executionRoleArn ?? '';
	const {repositoryArns} = taskNeeds(definition);
	const references = secretReferences(definition);
	const logGroups = definition.containers.flatMap(container => {
		const options = container.logConfiguration?.logDriver === 'awslogs' ? container.logConfiguration.options : undefined;
		const group = options?.['awslogs-group'];
		return group ? [{arn: `arn:aws:logs:${options['awslogs-region'] ?? taskRegion}:${session.accountId}:log-group:${group}`, create: options['awslogs-create-group'] === 'true'}] : [];
	});
	const repositoryPolicies: Record<string, string> = {};
	for (const arn of repositoryArns) {
		if (!arn.startsWith(`arn:aws:ecr:${session.region}:${session.accountId}:`)) continue;
		try {
			const text = await getRepositoryPolicy(session.clients, arn.slice(arn.indexOf(':repository/') + ':repository/'.length), signal);
			if (text) repositoryPolicies[arn] = text;
		} catch {
			// A repository policy we cannot read is treated as absent; the pull check says what IAM allows.
		}
	}
	const result = await checkRole(
		session.clients,
		{
			roleArn,
			repositoryArns,
			needs: {
				secrets: references.filter(value => SECRETS_MANAGER_ARN.test(value)),
				ssmParameters: references.filter(value => !SECRETS_MANAGER_ARN.test(value)),
				...(logGroups.length > 0 ? {logs: {createGroup: logGroups.some(group => group.create), logGroupArns: logGroups.map(group => group.arn)}} : {}),
			},
			repositoryPolicies,
		},
		signal,
	);
	return {...result, roleArn};
}

/** Reads everything about one task and diagnoses it. Throws a Problem only when the task itself cannot be found. */
export async function loadDiagnosis(session: Scoped, input: DiagnosisInput, signal?: AbortSignal): Promise<DiagnosisReport> {
	const {task, source} = await readTask(session, input, signal);
	const unavailable: string[] = [];
	const taskRegion = taskLocation(task.taskArn).region ?? session.region;
	const serviceName = serviceNameOf(task);
	const [taskDefinition, service] = await Promise.all([
		describeTaskDefinition(session.clients, task.taskDefinitionArn ?? '', signal).catch((error: unknown) => {
			unavailable.push(reason(error, 'Reading the task definition'));
			return undefined;
		}),
		serviceName === undefined
			? Promise.resolve(undefined)
			: describeServices(session.clients, input.cluster, [serviceName], signal).then(
					records => records[0],
					(error: unknown) => {
						unavailable.push(reason(error, `Reading service ${serviceName}`));
						return undefined;
					},
				),
	]);
	let role: (RoleCheckResult & {roleArn: string}) | undefined;
	let network: NetworkResult | undefined;
	const images: ImageFinding[] = [];
	if (taskDefinition) {
		const roleLoad = taskDefinition.executionRoleArn
			? roleChecks(session, taskDefinition, taskRegion, signal).catch((error: unknown) => {
					unavailable.push(reason(error, 'Checking the execution role'));
					return undefined;
				})
			: Promise.resolve(undefined);
		const networkLoad = loadTaskNetwork(session, {task, taskDefinition, ...(service ? {service} : {})}, signal).catch((error: unknown) => {
			unavailable.push(reason(error, 'Tracing the network path'));
			return undefined;
		});
		const imageLoads = taskDefinition.containers.map(async container => {
			const parsed = parseImageUri(container.image);
			if (!parsed.ok || parsed.image.kind !== 'ecr-private') return;
			// A running deployment pulls the digest it pinned, not whatever the tag is now (C.4).
			const pinned = task.containers.find(candidate => candidate.name === container.name)?.imageDigest;
			const lookup = await lookupImage(session, parsed.image, pinned, taskRegion, signal);
			images.push({container: container.name, image: container.image, lookedUp: pinned ?? parsed.image.digest ?? parsed.image.tag ?? 'latest', lookup});
		});
		[role, network] = await Promise.all([roleLoad, networkLoad, Promise.all(imageLoads)]).then(([first, second]) => [first, second] as const);
	}
	const egress = egressOf(network);
	const checks: Check[] = [
		...(role?.checks ?? []),
		...images.flatMap(finding => imageChecks({image: finding.image, taskRegion, lookup: finding.lookup, egress})),
		...(network?.checks ?? []),
	];
	const classification = classifyTask(task);
	const diagnosis = diagnoseTask({task, classification, checks, now: input.now, stallThresholdMs: input.stallThresholdMs});
	return {
		task,
		source,
		cluster: input.cluster,
		...(taskDefinition ? {taskDefinition} : {}),
		...(service ? {service} : {}),
		classification,
		diagnosis,
		checks,
		...(role ? {role} : {}),
		images,
		...(network ? {network} : {}),
		unavailable,
		now: input.now,
	};
}

/** The stable JSON of a diagnosis (`ecrtui diagnose --json`, and `y` on the diagnosis screen). */
export function diagnosisJson(report: DiagnosisReport) {
	const {task, diagnosis, classification} = report;
	const iso = (time: number | undefined) => (time === undefined ? undefined : new Date(time).toISOString());
	return {
		task: {
			arn: task.taskArn,
			id: nameOfArn(task.taskArn),
			cluster: report.cluster,
			service: serviceNameOf(task),
			source: report.source,
			lastStatus: task.lastStatus,
			desiredStatus: task.desiredStatus,
			stopCode: task.stopCode,
			stoppedReason: task.stoppedReason,
			taskDefinition: task.taskDefinitionArn,
			createdAt: iso(task.createdAt),
			pullStartedAt: iso(task.pullStartedAt),
			pullStoppedAt: iso(task.pullStoppedAt),
			startedAt: iso(task.startedAt),
			stoppingAt: iso(task.stoppingAt),
			stoppedAt: iso(task.stoppedAt),
			containers: task.containers.map(container => ({name: container.name, image: container.image, imageDigest: container.imageDigest, lastStatus: container.lastStatus, exitCode: container.exitCode, reason: container.reason})),
		},
		verdict:
			diagnosis.kind === 'problem'
				? {kind: diagnosis.kind, text: diagnosis.verdict, cause: diagnosis.cause, fix: diagnosis.fix, evidence: diagnosis.evidence, confirmedBy: diagnosis.confirmedBy, contradictedBy: diagnosis.contradictedBy, basis: diagnosis.basis}
				: diagnosis.kind === 'healthy'
					? {kind: diagnosis.kind, text: diagnosis.summary, notes: diagnosis.notes}
					: {kind: diagnosis.kind, text: `inconclusive: missing ${diagnosis.missing.join('; ')}`, missing: diagnosis.missing, raw: diagnosis.raw, evidence: diagnosis.evidence},
		classification:
			classification.kind === 'classified'
				? {kind: classification.kind, entry: classification.entry.id, family: classification.entry.family, title: classification.entry.title, source: classification.source.kind, docs: classification.entry.docs}
				: classification.kind === 'unclassified'
					? {kind: classification.kind, raw: classification.raw}
					: {kind: classification.kind},
		checks: report.checks.map(check => ({id: check.id, group: check.group, title: check.title, status: check.status, evidence: check.evidence, fix: check.fix, resourceId: check.resourceId, method: check.method})),
		executionRole: report.role ? {arn: report.role.roleArn, method: report.role.method, methodText: report.role.methodText} : undefined,
		images: report.images,
		network: report.network ? {verdict: {status: report.network.verdict.status, text: report.network.verdict.text}, vpcId: report.network.vpcId, subnetId: report.network.taskNetwork.subnetId, findings: report.network.paths.findings, notes: report.network.notes} : undefined,
		unavailable: report.unavailable,
	};
}

/** 0 when nothing is wrong, 1 when a problem (or an unexplained stop or stall) was found. */
export function diagnosisExitCode(report: DiagnosisReport): 0 | 1 {
	return report.diagnosis.kind === 'healthy' ? 0 : 1;
}
