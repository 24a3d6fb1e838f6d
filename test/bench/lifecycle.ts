import {performance} from 'node:perf_hooks';
import {estimateSavings, evaluateLifecycle, toPreview, validatePolicy} from '../../source/domain/lifecycle/index.js';
import {median, type BenchRow} from './harness.js';
import {BENCH_NOW, bigImages, fiftyRules} from './workloads.js';

/** 100,000 images x 50 rules: evaluate and summarise; baseline: sort the same images by push time. */
export async function benchLifecycle(): Promise<BenchRow[]> {
	const images = bigImages();
	const validation = validatePolicy(fiftyRules());
	if (!validation.ok || !validation.policy) throw new Error('the benchmark policy is invalid');
	const policy = validation.policy;
	const evaluate: number[] = [];
	const sort: number[] = [];
	for (let round = 0; round < 7; round++) {
		let start = performance.now();
		const result = evaluateLifecycle({policy, images, now: BENCH_NOW});
		toPreview(result);
		estimateSavings(result);
		evaluate.push(performance.now() - start);
		start = performance.now();
		[...images].sort((a, b) => a.pushedAt - b.pushedAt);
		sort.push(performance.now() - start);
	}
	const value = median(evaluate);
	const base = median(sort);
	return [{name: 'lifecycle dry-run, 100,000 images x 50 rules', value, unit: 'ms', detail: `sort-by-push baseline ${base.toFixed(1)} ms, ratio ${(value / base).toFixed(1)}x`, target: '<= 200 ms', pass: value <= 200, data: {runs: evaluate, baseline: sort}}];
}
