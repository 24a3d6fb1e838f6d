import type {Command, GlobalOptions} from './args.js';
import {readInput} from './read-input.js';
import {bootstrap} from './bootstrap.js';
import {
	DEFAULT_PRICE_PER_GB_MONTH,
	estimateSavings,
	evaluateLifecycle,
	LIFECYCLE_ASSUMPTIONS,
	parseDescribeImages,
	toPreview,
	validatePolicyText,
	type EvaluationResult,
	type LifecycleImage,
	type LifecycleProblem,
} from '../domain/lifecycle/index.js';
import {awsErrorMessage} from '../domain/lifecycle/index.js';
import {bytes, isoTime, shortDigest, usd} from '../domain/format/units.js';
import {fit, safe} from '../domain/format/text.js';
import {closeSession} from '../data/session.js';
import {problemMessage, stdio, type Output} from './output.js';

/**
 * `ecrtui lifecycle validate|preview`: the lifecycle engine for scripts and CI pipelines.
 * Exit codes: 0 valid / ok, 1 invalid policy, 2 usage (bad flags, unreadable or wrong-shaped input).
 */

function problemLine(file: string, problem: LifecycleProblem): string {
	const where = problem.line ? `${file}:${problem.line}:${problem.column ?? 1}` : file;
	return `${where}: ${problem.severity} [${problem.code}] ${problem.path}\n  ${problem.message}\n  fix: ${problem.hint}\n`;
}

function problemJson(problem: LifecycleProblem) {
	return {
		severity: problem.severity,
		code: problem.code,
		path: problem.path,
		...(problem.line ? {line: problem.line, column: problem.column} : {}),
		message: problem.message,
		awsMessage: awsErrorMessage(problem),
		hint: problem.hint,
		fixes: (problem.fixes ?? []).map(fix => fix.title),
	};
}

export async function runLifecycleValidate(command: Extract<Command, {name: 'lifecycle-validate'}>, io: Output = stdio): Promise<number> {
	const input = await readInput(command.policy, '--policy');
	if (!input.ok) {
		io.err(`ecrtui: ${input.error}\n`);
		return 2;
	}
	const result = validatePolicyText(input.text);
	const errors = result.problems.filter(problem => problem.severity === 'error');
	const warnings = result.problems.filter(problem => problem.severity === 'warning');
	if (command.json) {
		io.out(`${JSON.stringify({valid: result.ok, errors: errors.map(problemJson), warnings: warnings.map(problemJson)}, null, 2)}\n`);
	} else {
		for (const problem of result.problems) io.out(problemLine(command.policy, problem));
		io.out(result.ok ? `${command.policy}: valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}\n` : `${command.policy}: invalid: ${errors.length} error${errors.length === 1 ? '' : 's'} (AWS would reject it)\n`);
	}
	return result.ok ? 0 : 1;
}

type InUse = Map<string, string[]>;

function previewTable(result: EvaluationResult, inUse: InUse): string {
	const header = `${fit('RULE', 4)} ${fit('ACTION', 10)} ${fit('TAGS', 28)} ${fit('DIGEST', 12)} ${fit('PUSHED', 20)} ${fit('SIZE', 9, 'right')}  REASON`;
	const lines = [header];
	for (const action of result.actions) {
		const used = inUse.get(action.digest);
		lines.push(
			`${fit(String(action.rulePriority), 4)} ${fit(action.action === 'expire' ? 'EXPIRE' : 'ARCHIVE', 10)} ${fit(safe(action.tags.join(',')) || '<untagged>', 28)} ${fit(shortDigest(action.digest), 12)} ${fit(isoTime(action.pushedAt), 20)} ${fit(bytes(action.sizeInBytes), 9, 'right')}  ${safe(action.reason)}${used ? `  ⚠ IN USE: ${safe(used.join('; '))}` : ''}`,
		);
	}
	return `${lines.join('\n')}\n`;
}

export async function runLifecyclePreview(command: Extract<Command, {name: 'lifecycle-preview'}>, options: GlobalOptions, io: Output = stdio): Promise<number> {
	const policyInput = await readInput(command.policy, '--policy');
	if (!policyInput.ok) {
		io.err(`ecrtui: ${policyInput.error}\n`);
		return 2;
	}
	const validation = validatePolicyText(policyInput.text);
	if (!validation.ok || !validation.policy) {
		for (const problem of validation.problems) io.err(problemLine(command.policy, problem));
		io.err(`ecrtui: the policy is invalid; nothing was evaluated\n`);
		return 1;
	}
	let images: LifecycleImage[];
	let now = command.now ?? Date.now();
	const inUse: InUse = new Map();
	const notes: string[] = [];
	if (command.images !== undefined) {
		const input = await readInput(command.images, '--images');
		if (!input.ok) {
			io.err(`ecrtui: ${input.error}\n`);
			return 2;
		}
		const parsed = parseDescribeImages(input.text);
		if (!parsed.ok) {
			io.err(`ecrtui: --images ${command.images} is not what \`aws ecr describe-images\` prints:\n`);
			for (const issue of parsed.errors) io.err(`  ${issue.line ? `line ${issue.line}:${issue.column ?? 1} ` : ''}${issue.path}: ${issue.message}\n`);
			return 2;
		}
		images = parsed.images;
		notes.push('describe-images output does not say which images belong to a multi-arch index; use --repository to protect index children as AWS does');
	} else {
		const started = await bootstrap(options, {readOnly: true, demoSpeed: 1});
		if (!started.first.ok) {
			await started.close();
			const {problem} = started.first;
			io.err(problemMessage(problem));
			return 1;
		}
		const session = started.first.session;
		try {
			const {loadLifecycleImages} = await import('../data/lifecycle.js');
			const {loadUsageInput} = await import('../data/usage.js');
			const {repositoryUsage} = await import('../domain/registry/usage.js');
			const loaded = await loadLifecycleImages(session, command.repository!);
			images = loaded.images;
			if (command.now === undefined && started.simulator) now = started.simulator.clock.now();
			try {
				const usage = repositoryUsage(await loadUsageInput(session.clients, 5), {name: command.repository!, registryId: session.accountId, region: session.region}, loaded.records);
				for (const [digest, consumers] of usage.byDigest) inUse.set(digest, consumers.map(consumer => consumer.label));
			} catch (error) {
				notes.push(`could not check which images ECS uses (${(error as Error).name}: ${(error as Error).message}); inUse is empty`);
			}
		} catch (error) {
			const {toProblem} = await import('../data/problems.js');
			const problem = toProblem(error, {what: `Reading the images of ${command.repository}`, ...(session.profile ? {profile: session.profile} : {})});
			io.err(problemMessage(problem));
			return 1;
		} finally {
			closeSession(session);
			await started.close();
		}
	}
	const result = evaluateLifecycle({policy: validation.policy, images, now});
	const price = command.pricePerGbMonth ?? DEFAULT_PRICE_PER_GB_MONTH;
	const savings = estimateSavings(result, {pricePerGbMonth: price});
	const usedAndActed = result.actions.filter(action => inUse.has(action.digest));
	if (command.json) {
		io.out(
			`${JSON.stringify(
				{
					...toPreview(result),
					...(command.repository ? {repositoryName: command.repository} : {}),
					evaluatedAt: new Date(now).toISOString(),
					monthlySavingUsd: Number(savings.total.toFixed(4)),
					...(command.repository ? {inUse: usedAndActed.map(action => ({imageDigest: action.digest, imageTags: action.tags, usedBy: inUse.get(action.digest)}))} : {}),
					notes,
				},
				null,
				2,
			)}\n`,
		);
		return 0;
	}
	io.out(previewTable(result, inUse));
	io.out(
		`\n${result.totals.images} images evaluated at ${isoTime(now)}: ${result.totals.expiring} expire, ${result.totals.transitioning} move to archive; ` +
			`${bytes(result.totals.bytesFreed)} freed, saving ~${usd(savings.total)}/month at $${price}/GB-month (estimate: AWS bills unique layers).\n`,
	);
	if (usedAndActed.length) io.out(`⚠ ${usedAndActed.length} image(s) this policy would act on are in use by ECS (marked IN USE above).\n`);
	for (const note of notes) io.out(`note: ${note}\n`);
	io.out(`AWS applies lifecycle rules within 24 hours, so results may lag; assumptions: ${LIFECYCLE_ASSUMPTIONS.map(item => item.id).join(', ')} (see \`?\` in the editor).\n`);
	return 0;
}
