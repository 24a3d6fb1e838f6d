import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runLifecyclePreview, runLifecycleValidate} from '../../source/cli/lifecycle-command.js';
import {parseArgs} from '../../source/cli/args.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dir = mkdtempSync(join(tmpdir(), 'ecrtui-lifecycle-'));
const file = (name: string, content: string) => {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
};
function capture() {
	let out = '';
	let err = '';
	return {io: {out: (text: string) => void (out += text), err: (text: string) => void (err += text)}, get out() {
		return out;
	}, get err() {
		return err;
	}};
}

const valid = file(
	'valid.json',
	JSON.stringify({rules: [{rulePriority: 1, description: 'expire untagged after 14 days', selection: {tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14}, action: {type: 'expire'}}]}, null, 2),
);
const guideMistake = file('guide.json', JSON.stringify({rules: [{rulePriority: 1, selection: {tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 10}, action: {type: 'expire'}}]}, null, 2));
const brokenJson = file('broken.json', '{\n  "rules": [\n    {"rulePriority": 1,,}\n  ]\n}\n');

test('validate: a valid policy exits 0', async () => {
	const c = capture();
	assert.equal(await runLifecycleValidate({name: 'lifecycle-validate', policy: valid, json: false}, c.io), 0);
	assert.match(c.out, /valid/);
});

test('validate: the guide mistake exits 1 with AWS wording, path and a fix', async () => {
	const c = capture();
	assert.equal(await runLifecycleValidate({name: 'lifecycle-validate', policy: guideMistake, json: false}, c.io), 1);
	assert.match(c.out, /Must specify tagPrefixList or tagPatternList when tagStatus=TAGGED/);
	assert.match(c.out, /\$\.rules\[0\]\.selection/);
	assert.match(c.out, /fix:/);
	const j = capture();
	assert.equal(await runLifecycleValidate({name: 'lifecycle-validate', policy: guideMistake, json: true}, j.io), 1);
	const report = JSON.parse(j.out) as {valid: boolean; errors: {code: string; awsMessage: string; fixes: string[]}[]};
	assert.equal(report.valid, false);
	assert.equal(report.errors[0]?.code, 'tagged-without-tag-list');
	assert.match(report.errors[0]?.awsMessage ?? '', /^Invalid parameter at 'LifecyclePolicyText'/);
	assert.ok((report.errors[0]?.fixes.length ?? 0) > 0);
});

test('validate: syntax errors carry line and column; a missing file is a usage error', async () => {
	const c = capture();
	assert.equal(await runLifecycleValidate({name: 'lifecycle-validate', policy: brokenJson, json: false}, c.io), 1);
	assert.match(c.out, /broken\.json:3:\d+/);
	const missing = capture();
	assert.equal(await runLifecycleValidate({name: 'lifecycle-validate', policy: join(dir, 'nope.json'), json: false}, missing.io), 2);
	assert.match(missing.err, /no such file/);
});

const describeImages = file(
	'images.json',
	JSON.stringify({
		imageDetails: [
			{imageDigest: 'sha256:' + 'a'.repeat(64), imageSizeInBytes: 1000, imagePushedAt: '2026-10-01T00:00:00Z'},
			{imageDigest: 'sha256:' + 'b'.repeat(64), imageTags: ['v1'], imageSizeInBytes: 2000, imagePushedAt: 1759276800},
			{imageDigest: 'sha256:' + 'c'.repeat(64), imageSizeInBytes: 3000, imagePushedAt: '2026-11-28T00:00:00Z'},
		],
	}),
);

test('preview --images --json prints GetLifecyclePolicyPreview’s shape with bytesFreed', async () => {
	const c = capture();
	const code = await runLifecyclePreview({name: 'lifecycle-preview', policy: valid, images: describeImages, now: Date.parse('2026-11-29T00:00:00Z'), json: true}, {demo: false, readOnly: true, debug: false, noColor: true}, c.io);
	assert.equal(code, 0);
	const preview = JSON.parse(c.out) as {previewResults: {imageDigest: string; action: {type: string}; appliedRulePriority: number; storageClass: string; imagePushedAt: number}[]; summary: {expiringImageTotalCount: number}; bytesFreed: number};
	assert.deepEqual(preview.previewResults.map(result => result.imageDigest), ['sha256:' + 'a'.repeat(64)]);
	assert.equal(preview.previewResults[0]?.action.type, 'EXPIRE');
	assert.equal(preview.previewResults[0]?.appliedRulePriority, 1);
	assert.equal(preview.previewResults[0]?.storageClass, 'STANDARD');
	assert.equal(preview.previewResults[0]?.imagePushedAt, Date.parse('2026-10-01T00:00:00Z') / 1000);
	assert.equal(preview.summary.expiringImageTotalCount, 1);
	assert.equal(preview.bytesFreed, 1000);
});

test('preview: readable table, invalid policy exits 1, wrong-shaped images exit 2', async () => {
	const c = capture();
	assert.equal(await runLifecyclePreview({name: 'lifecycle-preview', policy: valid, images: describeImages, now: Date.parse('2026-11-29T00:00:00Z'), json: false}, {demo: false, readOnly: true, debug: false, noColor: true}, c.io), 0);
	assert.match(c.out, /RULE\s+ACTION/);
	assert.match(c.out, /1 expire/);
	const bad = capture();
	assert.equal(await runLifecyclePreview({name: 'lifecycle-preview', policy: guideMistake, images: describeImages, json: false}, {demo: false, readOnly: true, debug: false, noColor: true}, bad.io), 1);
	const wrong = capture();
	const junk = file('junk.json', '{"repositories": []}');
	assert.equal(await runLifecyclePreview({name: 'lifecycle-preview', policy: valid, images: junk, json: false}, {demo: false, readOnly: true, debug: false, noColor: true}, wrong.io), 2);
	assert.match(wrong.err, /describe-images/);
});

test('preview --repository against the demo flags in-use images', async () => {
	const parsed = parseArgs(['lifecycle', 'preview', '--demo', '--policy', valid, '--repository', 'data-pipeline', '--json']);
	assert.ok(parsed.ok);
	if (!parsed.ok || parsed.command.name !== 'lifecycle-preview') return;
	const c = capture();
	assert.equal(await runLifecyclePreview(parsed.command, parsed.options, c.io), 0);
	const preview = JSON.parse(c.out) as {repositoryName: string; summary: {expiringImageTotalCount: number}; inUse: unknown[]};
	assert.equal(preview.repositoryName, 'data-pipeline');
	assert.ok(preview.summary.expiringImageTotalCount > 800);
	assert.ok(Array.isArray(preview.inUse));
});
