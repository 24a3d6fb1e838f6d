// A lifecycle policy as code: the JSON AWS takes, a Terraform `aws_ecr_lifecycle_policy`
// resource, and a CloudFormation `AWS::ECR::Repository` `LifecyclePolicy` snippet. Pure string
// building, no I/O.
// Terraform: registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_lifecycle_policy
//   (`repository` and `policy`; `jsonencode` is the documented way to write the policy).
// CloudFormation: AWS::ECR::Repository LifecyclePolicy {LifecyclePolicyText, RegistryId}
//   (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-lifecyclepolicy.html).

/** The export formats, in the order the editor shows them. */
export const EXPORT_FORMATS = ['json', 'terraform', 'cloudformation'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the snippets need. */
export interface ExportInput {
	readonly repository: string;
	/** The policy value (parsed JSON). */
	readonly policy: unknown;
	/** Registry (account) id, written into CloudFormation's RegistryId when given. */
	readonly registryId?: string;
}

/** The policy as 2-space JSON, as `aws ecr put-lifecycle-policy --lifecycle-policy-text file://policy.json` takes it. */
export function policyJson(policy: unknown): string {
	return `${JSON.stringify(policy, null, 2) ?? 'null'}\n`;
}

/** A Terraform-safe resource name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function terraformName(repository: string): string {
	const name = repository.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'repository';
	return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/** A CloudFormation logical id: alphanumeric, PascalCase words of the repository name plus `Repository`. */
export function cloudFormationLogicalId(repository: string): string {
	const words = repository.split(/[^A-Za-z0-9]+/).filter(Boolean);
	const pascal = words.map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
	const id = `${pascal}Repository`;
	return /^[A-Za-z]/.test(id) ? id : `R${id}`;
}

/** An HCL string literal: JSON escapes plus `$${` and `%%{` so Terraform does not interpolate. */
export function hclString(value: string): string {
	// Function replacements: in a replacement string "$$" would mean a single "$".
	return JSON.stringify(value).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

const HCL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A JSON value as an HCL expression (objects `{ key = value }`, lists `[ ... ]`), for `jsonencode(...)`. */
export function hclValue(value: unknown, indent = ''): string {
	const inner = `${indent}  `;
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'string') return hclString(value);
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
	if (typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		// Short lists of scalars on one line, as people write tag lists.
		if (value.every(item => typeof item !== 'object' || item === null)) {
			const line = `[${value.map(item => hclValue(item)).join(', ')}]`;
			if (line.length <= 80) return line;
		}
		return `[\n${value.map(item => `${inner}${hclValue(item, inner)},`).join('\n')}\n${indent}]`;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
		if (entries.length === 0) return '{}';
		const keys = entries.map(([key]) => (HCL_IDENTIFIER.test(key) ? key : hclString(key)));
		const pad = Math.max(...keys.map(key => key.length));
		return `{\n${entries.map(([, item], k) => `${inner}${(keys[k] as string).padEnd(pad)} = ${hclValue(item, inner)}`).join('\n')}\n${indent}}`;
	}
	return 'null';
}

/** `resource "aws_ecr_lifecycle_policy" "<name>" { repository = ..., policy = jsonencode({...}) }`. */
export function terraformSnippet(input: ExportInput): string {
	const name = terraformName(input.repository);
	return [
		`resource "aws_ecr_lifecycle_policy" "${name}" {`,
		`  repository = ${hclString(input.repository)}`,
		'',
		`  policy = jsonencode(${hclValue(input.policy, '  ')})`,
		'}',
		'',
	].join('\n');
}

/** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
function yamlString(value: string): string {
	return JSON.stringify(value);
}

/**
 * An `AWS::ECR::Repository` resource with `LifecyclePolicy.LifecyclePolicyText` as a YAML
 * literal block holding the pretty-printed JSON (a literal block keeps it readable and needs no
 * escaping; pretty-printed, every valid policy is well over the 100-character minimum).
 */
export function cloudFormationSnippet(input: ExportInput): string {
	const text = JSON.stringify(input.policy, null, 2) ?? 'null';
	const block = text.split('\n').map(line => `          ${line}`.trimEnd()).join('\n');
	return [
		'Resources:',
		`  ${cloudFormationLogicalId(input.repository)}:`,
		'    Type: AWS::ECR::Repository',
		'    Properties:',
		`      RepositoryName: ${yamlString(input.repository)}`,
		'      LifecyclePolicy:',
		...(input.registryId ? [`        RegistryId: ${yamlString(input.registryId)}`] : []),
		'        LifecyclePolicyText: |',
		block,
		'',
	].join('\n');
}

/** The snippet of one format. */
export function exportSnippet(format: ExportFormat, input: ExportInput): string {
	switch (format) {
		case 'json':
			return policyJson(input.policy);
		case 'terraform':
			return terraformSnippet(input);
		case 'cloudformation':
			return cloudFormationSnippet(input);
	}
}
