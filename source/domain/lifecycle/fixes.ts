// Path-based edits behind the one-keypress fixes. Each copies only the objects along the
// path (no deep clone, so deep junk elsewhere costs nothing) and returns the input unchanged
// when the path no longer leads anywhere.

import type {PathSegment} from './json-path.js';
import type {PolicyFix} from './problems.js';
import {isRecord} from '../json.js';

function copyContainer(value: unknown): Record<string, unknown> | unknown[] | undefined {
	if (Array.isArray(value)) return [...(value as unknown[])];
	if (isRecord(value)) return {...value};
	return undefined;
}

function childOf(container: unknown, segment: PathSegment): unknown {
	if (Array.isArray(container) && typeof segment === 'number') return container[segment];
	if (isRecord(container) && typeof segment === 'string' && Object.hasOwn(container, segment)) return container[segment];
	return undefined;
}

/** Returns a copy of `root` where `update` replaced the container at `segments`; `undefined` from `update` means "no change". */
function updateAt(root: unknown, segments: readonly PathSegment[], update: (container: Record<string, unknown> | unknown[]) => boolean): unknown {
	const copies: (Record<string, unknown> | unknown[])[] = [];
	let current: unknown = root;
	for (const segment of segments) {
		const copy = copyContainer(current);
		if (copy === undefined) return root;
		copies.push(copy);
		current = childOf(current, segment);
	}
	const target = copyContainer(current);
	if (target === undefined || !update(target)) return root;
	let replaced: unknown = target;
	for (let k = segments.length - 1; k >= 0; k--) {
		const parent = copies[k];
		const segment = segments[k];
		if (parent === undefined || segment === undefined) return root;
		(parent as Record<string | number, unknown>)[segment] = replaced;
		replaced = parent;
	}
	return replaced;
}

/** Sets `key` of the object at `objectPath` to `value`. */
export function setKey(root: unknown, objectPath: readonly PathSegment[], key: string, value: unknown): unknown {
	return updateAt(root, objectPath, container => {
		if (Array.isArray(container)) return false;
		container[key] = value;
		return true;
	});
}

/** Removes `key` from the object at `objectPath`. */
export function removeKey(root: unknown, objectPath: readonly PathSegment[], key: string): unknown {
	return updateAt(root, objectPath, container => {
		if (Array.isArray(container) || !Object.hasOwn(container, key)) return false;
		delete container[key];
		return true;
	});
}

/** A fix that sets one key; never throws. */
export function setKeyFix(title: string, objectPath: readonly PathSegment[], key: string, value: unknown): PolicyFix {
	return {title, apply: policy => safely(policy, () => setKey(policy, objectPath, key, value))};
}

/** A fix that removes one key; never throws. */
export function removeKeyFix(title: string, objectPath: readonly PathSegment[], key: string): PolicyFix {
	return {title, apply: policy => safely(policy, () => removeKey(policy, objectPath, key))};
}

/** A fix made of several edits applied in order; never throws. */
export function composeFix(title: string, edits: readonly ((policy: unknown) => unknown)[]): PolicyFix {
	return {title, apply: policy => safely(policy, () => edits.reduce((value, edit) => edit(value), policy))};
}

function safely(policy: unknown, edit: () => unknown): unknown {
	try {
		return edit();
	} catch {
		return policy;
	}
}
