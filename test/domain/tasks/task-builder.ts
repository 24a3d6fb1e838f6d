// Builds TaskRecord fixtures with explicit times; shared by the tasks and diagnosis tests.
import type {ContainerRecord, TaskRecord} from '../../../source/domain/tasks/types.js';

/** 2026-03-01T12:00:00Z: every fixture's clock starts here. */
export const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);

/** Seconds after T0, in epoch ms. */
export function at(seconds: number): number {
	return T0 + seconds * 1000;
}

/** A Fargate task in us-east-1 with one container; override anything. */
export function aTask(overrides: Partial<TaskRecord> = {}, container: Partial<ContainerRecord> = {}): TaskRecord {
	return {
		taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef',
		clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
		taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
		group: 'service:web',
		lastStatus: 'PROVISIONING',
		desiredStatus: 'RUNNING',
		launchType: 'FARGATE',
		platformVersion: '1.4.0',
		availabilityZone: 'us-east-1a',
		createdAt: T0,
		subnetId: 'subnet-0aaa1111',
		eniId: 'eni-0bbb2222',
		privateIp: '10.0.12.34',
		containers: [{name: 'web', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.2.3', ...container}],
		...overrides,
	};
}
