import {test} from 'node:test';
import assert from 'node:assert/strict';
import {foreignRegionImages} from '../../../source/domain/tasks/image-region.js';
import {aTask} from './task-builder.js';

test('an ECR image in the task\'s own Region is not flagged', () => {
	assert.deepEqual(foreignRegionImages(aTask()), []);
});

test('an ECR image in another Region is flagged with its container and Region', () => {
	const task = aTask({}, {image: '123456789012.dkr.ecr.us-west-2.amazonaws.com/reports:v3.2.0'});
	assert.deepEqual(foreignRegionImages(task), [{container: 'web', image: '123456789012.dkr.ecr.us-west-2.amazonaws.com/reports:v3.2.0', region: 'us-west-2'}]);
});

test('only ECR private images count; Docker Hub, ECR Public, unparseable and missing images do not', () => {
	const task = aTask({
		containers: [
			{name: 'hub', image: 'nginx:1.27'},
			{name: 'public', image: 'public.ecr.aws/nginx/nginx:latest'},
			{name: 'broken', image: 'not a reference'},
			{name: 'none'},
			{name: 'fips', image: '123456789012.dkr.ecr-fips.us-west-2.amazonaws.com/app@sha256:' + 'a'.repeat(64)},
		],
	});
	assert.deepEqual(foreignRegionImages(task).map(image => [image.container, image.region]), [['fips', 'us-west-2']]);
});

test('a task ARN without a Region (old or malformed) flags nothing rather than guessing', () => {
	const task = aTask({taskArn: 'not-an-arn'}, {image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v1'});
	assert.deepEqual(foreignRegionImages(task), []);
});
