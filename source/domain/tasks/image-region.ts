import {parseImageUri} from '../registry/image-uri.js';
import {taskLocation, type TaskRecord} from './types.js';

/** A container whose ECR image lives in another Region than the task. */
export type ForeignImage = {container: string; image: string; region: string};

/**
 * Containers that pull their ECR image from another Region. Such a pull cannot use the task's
 * VPC endpoints (they are Region-local), needs an internet path, and pays cross-Region data
 * transfer, so the watcher flags it before it becomes a timeout (diagnosis explains it).
 */
export function foreignRegionImages(task: TaskRecord): ForeignImage[] {
	const taskRegion = taskLocation(task.taskArn).region;
	if (taskRegion === undefined) return [];
	const foreign: ForeignImage[] = [];
	for (const container of task.containers) {
		if (container.image === undefined) continue;
		const parsed = parseImageUri(container.image);
		if (!parsed.ok || parsed.image.kind !== 'ecr-private' || parsed.image.region === undefined) continue;
		if (parsed.image.region !== taskRegion) foreign.push({container: container.name, image: container.image, region: parsed.image.region});
	}
	return foreign;
}
