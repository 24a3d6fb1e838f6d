import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	ecrRepositoryArn,
	parseImageUri,
	type ImageReference,
} from '../../../source/domain/registry/image-uri.js';

const digest = `sha256:${'a'.repeat(64)}`;

function parsed(text: string): ImageReference {
	const result = parseImageUri(text);
	assert.ok(result.ok, `expected ${text} to parse: ${result.ok ? '' : result.error}`);
	return result.image;
}

describe('parseImageUri', () => {
	const cases: Array<[string, Partial<ImageReference>]> = [
		[
			'123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3',
			{kind: 'ecr-private', account: '123456789012', region: 'us-east-1', partition: 'aws', fips: false, repository: 'web', tag: 'v1.2.3'},
		],
		[
			'123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api/worker',
			{kind: 'ecr-private', region: 'eu-west-1', repository: 'team/api/worker', tag: undefined},
		],
		[`123456789012.dkr.ecr.us-west-2.amazonaws.com/web@${digest}`, {kind: 'ecr-private', repository: 'web', digest, tag: undefined}],
		[`123456789012.dkr.ecr.us-west-2.amazonaws.com/web:v1@${digest}`, {repository: 'web', tag: 'v1', digest}],
		['123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:1', {kind: 'ecr-private', fips: true, region: 'us-gov-west-1', partition: 'aws-us-gov'}],
		['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app:1', {kind: 'ecr-private', fips: true, partition: 'aws'}],
		['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1', {kind: 'ecr-private', region: 'cn-north-1', partition: 'aws-cn'}],
		['123456789012.dkr-ecr.ap-southeast-2.on.aws/app:1', {kind: 'ecr-private', region: 'ap-southeast-2', account: '123456789012'}],
		['public.ecr.aws/nginx/nginx:1.27', {kind: 'ecr-public', publicAlias: 'nginx', repository: 'nginx/nginx', tag: '1.27'}],
		['public.ecr.aws/docker/library/redis:7', {kind: 'ecr-public', publicAlias: 'docker', repository: 'docker/library/redis'}],
		['nginx', {kind: 'docker-hub', registry: 'docker.io', repository: 'library/nginx', tag: undefined}],
		['nginx:1.27-alpine', {kind: 'docker-hub', repository: 'library/nginx', tag: '1.27-alpine'}],
		['library/nginx:1.2', {kind: 'docker-hub', repository: 'library/nginx', tag: '1.2'}],
		['amazon/aws-for-fluent-bit:stable', {kind: 'docker-hub', repository: 'amazon/aws-for-fluent-bit', tag: 'stable'}],
		['docker.io/library/nginx', {kind: 'docker-hub', registry: 'docker.io', repository: 'library/nginx'}],
		['docker.io/nginx', {kind: 'docker-hub', repository: 'library/nginx'}],
		['index.docker.io/bitnami/redis:7.2', {kind: 'docker-hub', registry: 'docker.io', repository: 'bitnami/redis'}],
		['registry-1.docker.io/library/alpine:3', {kind: 'docker-hub', repository: 'library/alpine'}],
		['ghcr.io/owner/image:main', {kind: 'other', registry: 'ghcr.io', repository: 'owner/image', tag: 'main'}],
		['quay.io/prometheus/node-exporter', {kind: 'other', registry: 'quay.io', repository: 'prometheus/node-exporter'}],
		['registry.example.com:5000/team/app:2.0', {kind: 'other', registry: 'registry.example.com:5000', repository: 'team/app', tag: '2.0'}],
		['localhost:5000/app', {kind: 'other', registry: 'localhost:5000', repository: 'app', tag: undefined}],
		['localhost/app:dev', {kind: 'other', registry: 'localhost', repository: 'app', tag: 'dev'}],
		['  nginx:latest  ', {kind: 'docker-hub', tag: 'latest', raw: 'nginx:latest'}],
		['docker://ghcr.io/owner/image:1', {kind: 'other', registry: 'ghcr.io', repository: 'owner/image'}],
	];
	for (const [text, expected] of cases) {
		test(text.trim(), () => {
			const image = parsed(text);
			for (const [key, value] of Object.entries(expected)) {
				assert.deepEqual(image[key as keyof ImageReference], value, `${key} of ${text}`);
			}
		});
	}

	const invalid: Array<[string, RegExp]> = [
		['', /empty/],
		['Nginx', /lowercase/],
		['nginx:bad tag', /whitespace/],
		['nginx@sha256:abc', /invalid digest/],
		['ghcr.io//app', /empty repository/],
		['nginx:-x', /invalid tag/],
		['public.ecr.aws/onlyalias', /alias and a repository/],
	];
	for (const [text, error] of invalid) {
		test(`rejects ${JSON.stringify(text)}`, () => {
			const result = parseImageUri(text);
			assert.equal(result.ok, false);
			if (!result.ok) assert.match(result.error, error);
		});
	}
});

describe('ecrRepositoryArn', () => {
	test('ARN per partition', () => {
		assert.equal(
			ecrRepositoryArn(parsed('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1')),
			'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
		);
		assert.equal(
			ecrRepositoryArn(parsed('123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/web')),
			'arn:aws-cn:ecr:cn-northwest-1:123456789012:repository/web',
		);
		assert.equal(ecrRepositoryArn(parsed('nginx')), undefined);
	});
});
