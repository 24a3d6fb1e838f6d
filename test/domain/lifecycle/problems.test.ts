import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {AWS_POLICY_ERROR_CODE, awsError, awsErrorMessage, schemaType, showValue} from '../../../source/domain/lifecycle/problems.js';
import {validatePolicyText} from '../../../source/domain/lifecycle/validate.js';

describe('AWS error envelope', () => {
	test('a lifecycle-validation detail is wrapped exactly as AWS returns it [OBS]', () => {
		const message = awsErrorMessage({message: 'Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.'});
		assert.equal(message, "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED.'");
	});

	test('a parameter constraint (length) has no "Lifecycle policy validation failure" prefix', () => {
		const message = awsErrorMessage({message: 'Member must have length greater than or equal to 100', envelope: 'parameter'});
		assert.equal(message, "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Member must have length greater than or equal to 100'");
	});

	test('awsError returns the first error, as AWS stops at one', () => {
		const text = JSON.stringify({rules: [
			{rulePriority: 1, selection: {tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1}, action: {type: 'expire'}},
			{rulePriority: 2, selection: {tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 0}, action: {type: 'expire'}},
		]}, null, 2);
		const result = validatePolicyText(text);
		const error = awsError(result.problems);
		assert.equal(error?.code, AWS_POLICY_ERROR_CODE);
		// The schema error (countNumber 0) comes before the rule-logic error (no tag list).
		assert.equal(error?.message, "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: numeric instance is lower than the required minimum (minimum: 1, found: 0)'");
	});

	test('awsError is undefined when there are only warnings', () => {
		const result = validatePolicyText(JSON.stringify({rules: [
			{rulePriority: 1, selection: {tagStatus: 'tagged', tagPatternList: ['a*', 'b*'], countType: 'imageCountMoreThan', countNumber: 1}, action: {type: 'expire'}},
		]}, null, 2));
		assert.ok(result.problems.length > 0);
		assert.equal(awsError(result.problems), undefined);
	});
});

describe('value rendering', () => {
	test('showValue renders like the schema validator and cuts long text', () => {
		assert.equal(showValue('TAGGED'), 'TAGGED');
		assert.equal(showValue(null), 'null');
		assert.equal(showValue([1, 2]), '[…2 items]');
		assert.equal(showValue('x'.repeat(100)).length, 60);
	});

	test('schemaType names integers apart from other numbers', () => {
		assert.deepEqual([1, 1.5, null, [], {}, 'a', true].map(schemaType), ['integer', 'number', 'null', 'array', 'object', 'string', 'boolean']);
	});
});
