import {createHash} from 'node:crypto';

/**
 * A stable hex id from a seed: the simulator's ids, digests and jitter are derived, never
 * random, so every run of a scenario is the same world.
 */
export function hexId(seed: string, length: number): string {
	return createHash('sha256').update(seed).digest('hex').slice(0, length);
}
