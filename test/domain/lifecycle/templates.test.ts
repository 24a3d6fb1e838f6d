import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {LIFECYCLE_TEMPLATES, templateById} from '../../../source/domain/lifecycle/templates.js';
import {validatePolicyText} from '../../../source/domain/lifecycle/validate.js';
import {actedDigests, anImage, run} from './fixtures.js';

describe('templates', () => {
	for (const template of LIFECYCLE_TEMPLATES) {
		test(`${template.id}: validates with no problem and is at least 100 characters pretty-printed`, () => {
			const text = JSON.stringify(template.build(), null, 2);
			assert.ok(text.length >= 100, `${text.length} characters`);
			assert.deepEqual(validatePolicyText(text).problems, []);
			assert.ok(template.name.length > 0 && template.description.length > 0 && !template.description.includes('\n'));
		});

		test(`${template.id}: custom and silly parameter values still validate`, () => {
			const custom = Object.fromEntries(template.parameters.map(parameter => [parameter.key, parameter.kind === 'pattern' ? 'release-*' : 7]));
			assert.deepEqual(validatePolicyText(JSON.stringify(template.build(custom), null, 2)).problems.filter(p => p.severity === 'error'), []);
			const silly = Object.fromEntries(template.parameters.map(parameter => [parameter.key, parameter.kind === 'pattern' ? '  ' : -3]));
			assert.deepEqual(validatePolicyText(JSON.stringify(template.build(silly), null, 2)).problems, []);
		});
	}

	test('ids are unique and templateById finds them', () => {
		const ids = LIFECYCLE_TEMPLATES.map(template => template.id);
		assert.equal(new Set(ids).size, ids.length);
		assert.equal(templateById('recommended')?.id, 'recommended');
		assert.equal(templateById('nope'), undefined);
	});

	test('the recommended policy protects releases, keeps N tagged and expires old untagged images', () => {
		const policy = templateById('recommended')!.build({count: 2, days: 14});
		const images = [
			anImage('release', ['v1.0.0'], 5), anImage('t1', ['sha-1'], 30), anImage('t2', ['sha-2'], 20), anImage('t3', ['sha-3'], 10),
			anImage('u-old', [], 15), anImage('u-new', [], 13),
		];
		// The (newest) release takes one of the two keep slots (protected images still count), so only t3 is kept.
		assert.deepEqual(actedDigests(run(policy, images)), ['t1', 't2', 'u-old']);
	});

	test('the archive template never deletes from archive before 90 days', () => {
		const policy = templateById('archive-unpulled')!.build({archiveDays: 10});
		assert.equal(policy.rules[1]?.selection.countNumber, 90);
	});
});
