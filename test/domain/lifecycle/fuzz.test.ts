// Deterministic fuzzing: generated and mutated policies (keys removed, added, retyped,
// random values, deep junk) and corrupted texts. Validation must never throw and every
// problem must have a path; a policy that validates must evaluate without throwing and
// agree with the reference evaluator.

import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {evaluateLifecycle} from '../../../source/domain/lifecycle/evaluate.js';
import {parseDescribeImages} from '../../../source/domain/lifecycle/images-input.js';
import type {LifecyclePolicy} from '../../../source/domain/lifecycle/types.js';
import {validatePolicy, validatePolicyText} from '../../../source/domain/lifecycle/validate.js';
import type {ValidationResult} from '../../../source/domain/lifecycle/validate.js';
import {NOW, seededRandom} from './fixtures.js';
import type {Random} from './generators.js';
import {below, pick, randomImages, randomPolicy} from './generators.js';
import {referenceEvaluate} from './reference-evaluate.js';

const KEYS = ['rules', 'rulePriority', 'description', 'selection', 'action', 'tagStatus', 'tagPatternList', 'tagPrefixList', 'storageClass',
	'countType', 'countUnit', 'countNumber', 'type', 'targetStorageClass', 'TagStatus', '__proto__', 'constructor', '', 'x y'];
const STRINGS = ['tagged', 'untagged', 'any', 'ANY', 'expire', 'transition', 'archive', 'standard', 'days', 'imageCountMoreThan', 'sinceImagePushed',
	'sinceImagePulled', 'sinceImageTransitioned', '*', '', 'prod*', '*a*b*c*d*e*', 'ü', '\u0000', 'x'.repeat(300)];

function junk(random: Random, depth: number): unknown {
	const roll = below(random, depth > 30 ? 6 : 9);
	switch (roll) {
		case 0: return null;
		case 1: return random() < 0.5;
		case 2: return pick(random, [0, -1, 1, 1.5, 2 ** 31, 1e300, -0, 3]);
		case 3: return pick(random, STRINGS);
		case 4: return below(random, 100);
		case 5: return [];
		case 6: return Array.from({length: below(random, 4)}, () => junk(random, depth + 1));
		case 7: return Object.fromEntries(Array.from({length: below(random, 4)}, () => [pick(random, KEYS), junk(random, depth + 1)]));
		default: {
			// A deep chain: 50 to 2,000 levels.
			let value: unknown = pick(random, STRINGS);
			for (let k = 50 + below(random, 1950); k > 0; k--) value = random() < 0.5 ? [value] : {[pick(random, KEYS)]: value};
			return value;
		}
	}
}

/** Every container (object or array) in a value, with its parent, up to a small depth. */
function containers(value: unknown, out: unknown[] = [], depth = 0): unknown[] {
	if (depth > 6 || typeof value !== 'object' || value === null) return out;
	out.push(value);
	for (const child of Object.values(value)) containers(child, out, depth + 1);
	return out;
}

function mutate(random: Random, policy: unknown): unknown {
	const copy: unknown = structuredClone(policy);
	const targets = containers(copy);
	for (let edits = 1 + below(random, 3); edits > 0; edits--) {
		const target = targets[below(random, targets.length)];
		if (target === undefined) return junk(random, 0);
		const record = target as Record<string, unknown>;
		const keys = Object.keys(record);
		const key = keys.length > 0 ? pick(random, keys) : undefined;
		switch (below(random, 7)) {
			case 0: if (key !== undefined) delete record[key]; break;
			case 1: record[Array.isArray(target) ? String(below(random, 5)) : pick(random, KEYS)] = junk(random, 0); break;
			case 2: if (key !== undefined) record[key] = junk(random, 0); break;
			case 3: if (key !== undefined) record[key] = typeof record[key] === 'string' ? (record[key] as string).toUpperCase() : String(record[key]); break;
			case 4: if (key !== undefined) record[key] = null; break;
			case 5: if (key !== undefined && typeof record[key] === 'number') record[key] = pick(random, [0, -5, 1.25, 2 ** 40, 89, 1]); break;
			default: if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0])); break;
		}
	}
	return copy;
}

function checkResult(result: ValidationResult, label: string): void {
	assert.equal(typeof result.ok, 'boolean', label);
	assert.ok(Array.isArray(result.problems), label);
	for (const problem of result.problems) {
		assert.ok(typeof problem.path === 'string' && problem.path.startsWith('$'), `${label}: ${problem.code} without a path`);
		assert.ok(problem.message.length > 0 && problem.hint.length > 0 && problem.code.length > 0, `${label}: ${problem.code} incomplete`);
		assert.ok(problem.severity === 'error' || problem.severity === 'warning', label);
	}
	assert.equal(result.ok, !result.problems.some(problem => problem.severity === 'error'), label);
	if (result.ok) assert.ok(result.policy !== undefined, label);
}

describe('fuzz', () => {
	test('12,000 generated, mutated and junk policies: validate never throws; valid ones evaluate and agree with the reference', () => {
		const random = seededRandom(0xec12);
		let valid = 0;
		let invalid = 0;
		for (let round = 0; round < 12_000; round++) {
			const base = randomPolicy(random);
			const value = round % 10 === 0 ? junk(random, 0) : round % 3 === 0 ? base : mutate(random, base);
			const result = validatePolicy(value);
			checkResult(result, `round ${round}`);
			if (!result.ok) {
				invalid++;
				continue;
			}
			valid++;
			const images = randomImages(random, below(random, 25));
			const evaluation = evaluateLifecycle({policy: result.policy as LifecyclePolicy, images, now: NOW});
			assert.ok(evaluation.totals.expiring + evaluation.totals.transitioning <= images.length);
			const expected = referenceEvaluate(result.policy as LifecyclePolicy, images, NOW);
			assert.deepEqual(new Map(evaluation.actions.map(action => [action.digest, {rule: action.rulePriority, action: action.action}])), expected, `round ${round}`);
		}
		assert.ok(valid > 2000 && invalid > 5000, `valid ${valid}, invalid ${invalid}: the mix is off`);
	});

	test('3,000 corrupted policy texts: validatePolicyText never throws and places syntax errors', () => {
		const random = seededRandom(0x5eed);
		let syntax = 0;
		for (let round = 0; round < 3000; round++) {
			let text = JSON.stringify(randomPolicy(random), null, random() < 0.5 ? 2 : undefined);
			const at = below(random, text.length + 1);
			switch (below(random, 5)) {
				case 0: text = text.slice(0, at); break;
				case 1: text = text.slice(0, at) + text.slice(at + 1 + below(random, 5)); break;
				case 2: text = text.slice(0, at) + pick(random, [',', '}', ']', '"', "'", '//', '\n', '\u0000', 'NaN', '{', '1e']) + text.slice(at); break;
				case 3: text = text.repeat(1 + below(random, 3)); break;
				default: text = String.fromCharCode(...Array.from({length: below(random, 200)}, () => below(random, 0xffff)));
			}
			const result = validatePolicyText(text);
			checkResult(result, `text round ${round}`);
			const problem = result.problems.find(p => p.code === 'json-syntax');
			if (problem !== undefined) {
				syntax++;
				assert.ok((problem.line ?? 0) >= 1 && (problem.column ?? 0) >= 1, `text round ${round}`);
			}
		}
		assert.ok(syntax > 1000, `only ${syntax} syntax errors`);
	});

	test('1,000 corrupted describe-images texts never throw', () => {
		const random = seededRandom(0x1a6e);
		for (let round = 0; round < 1000; round++) {
			const details = randomImages(random, below(random, 10)).map(image => ({imageDigest: image.digest, imageTags: image.tags, imagePushedAt: image.pushedAt / 1000, imageSizeInBytes: image.sizeInBytes}));
			let text = JSON.stringify({imageDetails: details});
			const at = below(random, text.length + 1);
			if (random() < 0.7) text = text.slice(0, at) + pick(random, ['', ',', '"', '{', 'x', '\u0000']) + text.slice(at + below(random, 3));
			const result = parseDescribeImages(text);
			assert.equal(typeof result.ok, 'boolean');
			if (!result.ok) assert.ok(result.errors.length > 0 && result.errors.every(error => error.path.startsWith('$') && error.message.length > 0));
		}
	});
});
