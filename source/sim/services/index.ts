import type {ServiceDefinition} from '../service.js';
import {ec2Service} from './ec2.js';
import {ecrService} from './ecr.js';
import {ecsService} from './ecs.js';
import {iamService} from './iam.js';
import {logsService} from './logs.js';
import {stsService} from './sts.js';

/** Every simulated service; feature modules register theirs here. */
export function allServices(): ServiceDefinition[] {
	return [stsService, ecrService, ec2Service, iamService, ecsService, logsService];
}
