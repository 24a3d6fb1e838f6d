// Keystroke-to-preview timing of the lifecycle editor (not a test: the runner only picks
// *.test.ts[x]). Run as users run it, with production React (what dist/ bundles):
//   NODE_ENV=production node --import tsx --test test/screens/lifecycle/keystroke.bench.tsx
// (Development React adds per-render bookkeeping that costs seconds with 100,000 rows in props.)
// Production React has no act(), so this drives ink-testing-library directly and polls frames.
// For each repository: the pure pipeline per keystroke (validate the text, evaluate, diff
// against the current policy, savings, rows), then in the app: a → in the rule form's
// countNumber field until the dry run's summary line shows the new count (frames polled
// every 5 ms by the harness, so app figures are rounded up to that).

import {test} from 'node:test';
import React from 'react';
import {render} from 'ink-testing-library';
import {KEYS} from '../../helpers/render-app.js';
import {App} from '../../../source/app/app.js';
import {themes} from '../../../source/app/theme/themes.js';
import {memorySettings} from '../../../source/config/settings.js';
import {memoryAuditLog} from '../../../source/config/audit.js';
import {openSession} from '../../../source/data/session.js';
import {DEMO_ACCESS_KEY} from '../../../source/sim/scenarios/index.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import {addImage, addRepository} from '../../../source/sim/scenarios/factory.js';
import {estimateSavings, evaluateLifecycle, formatPolicyText, validatePolicyText, type LifecycleImage} from '../../../source/domain/lifecycle/index.js';
import {diffCounts, indexOutcomes, previewRows} from '../../../source/screens/lifecycle/preview-model.js';

const DAY = 86_400_000;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function pipeline(images: readonly LifecycleImage[], now: number): number[] {
	const times: number[] = [];
	// As the screen does: the current policy's outcome is indexed once, not per keystroke.
	const before = indexOutcomes(evaluateLifecycle({policy: {rules: []}, images, now}));
	for (let days = 10; days < 30; days++) {
		const text = formatPolicyText({rules: [
			{rulePriority: 1, selection: {tagStatus: 'tagged', tagPatternList: ['release-*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 36_500}, action: {type: 'expire'}},
			{rulePriority: 2, selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: days}, action: {type: 'expire'}},
			{rulePriority: 3, selection: {tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 50}, action: {type: 'expire'}},
		]});
		const start = performance.now();
		const validation = validatePolicyText(text);
		const after = evaluateLifecycle({policy: validation.policy!, images, now});
		diffCounts(before, after);
		estimateSavings(after);
		previewRows('acted', after, undefined, new Map(), new Map());
		times.push(performance.now() - start);
	}
	return times;
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** The app on the simulator without act(): keys are written to stdin and frames polled every 2 ms. */
async function openApp(sim: Simulator, repository: string) {
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
	const open = () => openSession({demo: {simulator: sim, accessKeyId: DEMO_ACCESS_KEY}, readOnly: false, maxAttempts: 1});
	const opened = await open();
	if (!opened.ok) throw new Error(opened.problem.why);
	const instance = render(<App session={opened.session} settings={memorySettings({hintShown: true})} audit={memoryAuditLog()} theme={themes.dark} configDir="/tmp/ecrtui-bench" openSession={open} initialRoute={{screen: 'lifecycle', repository}} />);
	const stdout = instance.stdout as unknown as NodeJS.EventEmitter & {columns: number; rows: number};
	Object.defineProperty(stdout, 'columns', {configurable: true, get: () => 120});
	Object.defineProperty(stdout, 'rows', {configurable: true, get: () => 40});
	stdout.emit('resize');
	const frame = () => instance.lastFrame() ?? '';
	const waitFor = async (test: (frame: string) => boolean, timeoutMs = 120_000) => {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (test(frame())) return;
			await sleep(2);
		}
		throw new Error(`timed out; last frame:\n${frame()}`);
	};
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await sleep(20);
		}
	};
	return {frame, waitFor, press, write: (key: string) => instance.stdin.write(key), close: () => {
		opened.session.store.cancelAll();
		instance.unmount();
	}};
}

async function appKeystrokes(repository: string, sim: Simulator): Promise<number[]> {
	const app = await openApp(sim, repository);
	try {
		await app.waitFor(frame => frame.includes('Templates · ↑↓ choose'));
		await sleep(300);
		await app.press(KEYS.down);
		await app.waitFor(frame => frame.includes('› Expire untagged images after N days'));
		await app.press(KEYS.enter);
		await app.waitFor(frame => frame.includes('default 14'));
		await app.press(KEYS.enter);
		await app.waitFor(frame => /untagged\s+pushed > 14 d/.test(frame));
		await app.waitFor(frame => /✖ [\d,]+ images expire/.test(frame) && !frame.includes('⟳ ✖'));
		await sleep(300);
		await app.press(KEYS.enter);
		await app.waitFor(frame => frame.includes('Policy rule form'));
		for (let k = 0; k < 8; k++) await app.press(KEYS.down);
		await app.waitFor(frame => /›count number/.test(frame));
		await sleep(200);
		const times: number[] = [];
		for (let n = 0; n < 15; n++) {
			const before = /✖ ([\d,]+) images expire/.exec(app.frame())?.[1];
			const start = performance.now();
			app.write(n % 2 === 0 ? KEYS.right : KEYS.left);
			await app.waitFor(frame => {
				const now = /(⟳ )?✖ ([\d,]+) images expire/.exec(frame);
				return now !== null && now[1] === undefined && now[2] !== before;
			}, 30_000);
			times.push(performance.now() - start);
		}
		return times;
	} finally {
		app.close();
	}
}

test('keystroke to preview: data-pipeline (demo) and a generated 100,000-image repository', async t => {
	const sim = await startSimulator();
	t.after(() => sim.close());
	const now = sim.clock.now();
	const region = sim.world.region('123456789012', 'us-east-1');
	const big = addRepository(sim.world, '123456789012', 'us-east-1', 'generated-100k', {createdAt: now - 1000 * DAY});
	for (let k = 0; k < 100_000; k++) {
		// One image per ~14 minutes over 3 years; every tenth tagged.
		addImage(big, {seed: `big/${k}`, tags: k % 10 === 0 ? [`build-${k}`] : [], pushedAt: now - k * 850_000 - 60_000, sizeInBytes: 50_000_000 + (k % 97) * 1_000_000});
	}
	for (const name of ['data-pipeline', 'generated-100k']) {
		const images: LifecycleImage[] = [...region.ecr.repositories.get(name)!.images.values()].map(image => ({digest: image.digest, tags: image.tags, sizeInBytes: image.sizeInBytes, pushedAt: image.pushedAt, status: image.status}));
		const pure = pipeline(images, now);
		const inApp = await appKeystrokes(name, sim);
		console.log(`${name}: ${images.length.toLocaleString('en-US')} images`);
		console.log(`  pure pipeline per keystroke: median ${median(pure).toFixed(1)} ms, max ${Math.max(...pure).toFixed(1)} ms`);
		console.log(`  in the app, key to updated dry run: median ${median(inApp).toFixed(0)} ms, max ${Math.max(...inApp).toFixed(0)} ms (${inApp.length} keys)`);
	}
});
