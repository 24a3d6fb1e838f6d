import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	cloudFormationLogicalId, cloudFormationSnippet, exportSnippet, hclString, hclValue, policyJson, terraformName, terraformSnippet,
} from '../../../source/domain/lifecycle-export/index.js';
import {LIFECYCLE_TEMPLATES, validatePolicyText} from '../../../source/domain/lifecycle/index.js';

const POLICY = {
	rules: [
		{rulePriority: 1, description: 'Keep the last 20 release images', selection: {tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 20}, action: {type: 'expire'}},
		{rulePriority: 2, selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}},
	],
};

test('JSON: 2-space, newline-terminated, valid for PutLifecyclePolicy', () => {
	const text = policyJson(POLICY);
	assert.ok(text.endsWith('}\n'));
	assert.match(text, /^ {2}"rules": \[$/m);
	assert.ok(validatePolicyText(text).ok);
});

test('Terraform: an aws_ecr_lifecycle_policy resource with jsonencode', () => {
	const snippet = terraformSnippet({repository: 'payments-api', policy: POLICY});
	assert.equal(snippet, [
		'resource "aws_ecr_lifecycle_policy" "payments-api" {',
		'  repository = "payments-api"',
		'',
		'  policy = jsonencode({',
		'    rules = [',
		'      {',
		'        rulePriority = 1',
		'        description  = "Keep the last 20 release images"',
		'        selection    = {',
		'          tagStatus      = "tagged"',
		'          tagPatternList = ["v*"]',
		'          countType      = "imageCountMoreThan"',
		'          countNumber    = 20',
		'        }',
		'        action       = {',
		'          type = "expire"',
		'        }',
		'      },',
		'      {',
		'        rulePriority = 2',
		'        selection    = {',
		'          tagStatus   = "untagged"',
		'          countType   = "sinceImagePushed"',
		'          countUnit   = "days"',
		'          countNumber = 14',
		'        }',
		'        action       = {',
		'          type = "expire"',
		'        }',
		'      },',
		'    ]',
		'  })',
		'}',
		'',
	].join('\n'));
});

test('Terraform: names and strings are safe (no interpolation, legal identifiers)', () => {
	assert.equal(terraformName('base/python'), 'base_python');
	assert.equal(terraformName('9lives'), '_9lives');
	assert.equal(terraformName('///'), 'repository');
	assert.equal(hclString('${var.x} %{if}'), '"$${var.x} %%{if}"');
	assert.equal(hclString('say "hi"\n'), '"say \\"hi\\"\\n"');
	assert.equal(hclValue({'odd key': 1}), '{\n  "odd key" = 1\n}');
	assert.equal(hclValue([]), '[]');
	assert.equal(hclValue(null), 'null');
});

test('CloudFormation: AWS::ECR::Repository with LifecyclePolicyText as a literal block that parses back', () => {
	const snippet = cloudFormationSnippet({repository: 'base/python', policy: POLICY, registryId: '123456789012'});
	const lines = snippet.split('\n');
	assert.equal(lines[0], 'Resources:');
	assert.equal(lines[1], '  BasePythonRepository:');
	assert.equal(lines[2], '    Type: AWS::ECR::Repository');
	assert.ok(lines.includes('      RepositoryName: "base/python"'));
	assert.ok(lines.includes('        RegistryId: "123456789012"'));
	const start = lines.indexOf('        LifecyclePolicyText: |');
	assert.ok(start > 0);
	// The block's content, with its 10-space indentation removed, is the policy JSON.
	const block = lines.slice(start + 1).filter(line => line !== '').map(line => line.slice(10)).join('\n');
	assert.deepEqual(JSON.parse(block), POLICY);
	assert.ok(block.length >= 100, 'pretty-printed: above the 100-character minimum');
	assert.equal(cloudFormationLogicalId('9-lives'), 'R9LivesRepository');
});

test('every template exports in every format', () => {
	for (const template of LIFECYCLE_TEMPLATES) {
		const policy = template.build();
		for (const format of ['json', 'terraform', 'cloudformation'] as const) {
			const text = exportSnippet(format, {repository: 'data-pipeline', policy});
			assert.ok(text.length > 100, `${template.id} ${format}`);
		}
		assert.ok(validatePolicyText(exportSnippet('json', {repository: 'x', policy})).ok, template.id);
	}
});
