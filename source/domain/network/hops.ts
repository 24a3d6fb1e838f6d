// Small helpers to build hops and fold their statuses.
import type {Dependency, Hop, HopStatus} from './types.js';

/** The fields a hop builder supplies; the id is derived from dependency and step. */
export type HopFields = Omit<Hop, 'id'>;

/** Builds a hop with the id `<dependency>.<step>`. */
export function makeHop(dependency: Dependency, step: string, fields: HopFields): Hop {
	const hop: Hop = {id: `${dependency}.${step}`, ...fields};
	if (fields.fix === undefined) delete hop.fix;
	return hop;
}

/** The worst status: fail > warn > pass. */
export function worst(statuses: readonly HopStatus[]): HopStatus {
	if (statuses.includes('fail')) return 'fail';
	return statuses.includes('warn') ? 'warn' : 'pass';
}

/**
 * Folds per-target outcomes (one per endpoint ENI, say): all pass is pass, all fail is fail,
 * a mix is warn because some connections would fail and some would not.
 */
export function combineTargets(statuses: readonly HopStatus[]): HopStatus {
	if (statuses.length === 0) return 'warn';
	if (statuses.every(s => s === 'pass')) return 'pass';
	if (statuses.every(s => s === 'fail')) return 'fail';
	return 'warn';
}

/** The first failing hop, else the first warning, else undefined. */
export function decidingHop(hops: readonly Hop[]): Hop | undefined {
	return hops.find(h => h.status === 'fail') ?? hops.find(h => h.status === 'warn');
}

/** "security group sg-1" / "security groups sg-1, sg-2". */
export function plural(noun: string, ids: readonly string[]): string {
	return `${noun}${ids.length === 1 ? '' : 's'} ${ids.join(', ')}`;
}
