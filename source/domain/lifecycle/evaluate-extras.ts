// The parts of an evaluation around the rules: why protected images are spared, and which
// referrers follow their subject.

import type {CompiledRule} from './compile-rule.js';
import type {ImageStates} from './image-states.js';
import type {ActionType, LifecycleImage} from './types.js';

/** Raw protection facts gathered while applying rules (indexes, not digests). */
export interface ProtectionRecord {
	readonly kind: 'claimed' | 'index-child';
	/** Rule (position in priority order) that would have acted. */
	readonly wantedBy: number;
	/** Rule that matched the image's tags first. */
	readonly claimedBy?: number;
	/** Image index of the parent index. */
	readonly parent?: number;
	/** The wanting rule's reason. */
	readonly reason: string;
}

/** An image a rule would act on but may not, with the reason. */
export interface ProtectedImage {
	readonly digest: string;
	readonly tags: readonly string[];
	readonly sizeInBytes: number;
	/** `claimed`: a higher-priority rule selected it first; `index-child`: listed by an index that is present; `activating`: restore in progress. */
	readonly kind: 'claimed' | 'index-child' | 'activating';
	/** e.g. `rule 3 would expire it (pushed 40 days ago > 30), but rule 1 selects it first`. */
	readonly reason: string;
	/** Priority of the rule that would have acted. */
	readonly wantedByRule?: number;
	/** Priority of the rule that protects it (`claimed`). */
	readonly claimedByRule?: number;
	/** Digest of the index that lists it (`index-child`). */
	readonly parentDigest?: string;
}

/** A referrer artifact AWS removes or archives automatically within 24 h after its subject (assumption `referrers`). */
export interface FollowerImage {
	readonly digest: string;
	readonly subjectDigest: string;
	readonly tags: readonly string[];
	readonly sizeInBytes: number;
	readonly action: ActionType;
	readonly reason: string;
}

const VERB: Record<ActionType, string> = {expire: 'expire', transition: 'archive'};
const PAST: Record<ActionType, string> = {expire: 'expired', transition: 'archived'};

function size(image: LifecycleImage): number {
	return Number.isFinite(image.sizeInBytes) ? image.sizeInBytes : 0;
}

/** Turns protection records (and ACTIVATING images) into readable entries. */
export function describeProtections(records: ReadonlyMap<number, ProtectionRecord>, state: ImageStates, images: readonly LifecycleImage[],
	rules: readonly CompiledRule[], actedBy: Int32Array): ProtectedImage[] {
	const out: ProtectedImage[] = [];
	for (const [i, record] of records) {
		const image = images[i] as LifecycleImage;
		const wanted = rules[record.wantedBy] as CompiledRule;
		// Reasons are built when read: an evaluation can protect tens of thousands of images and
		// a screen shows a few of them (the strings were ~15 ms per keystroke at 100,000 images).
		const would = () => `rule ${wanted.priority} would ${VERB[wanted.action]} it (${record.reason})`;
		if (record.kind === 'claimed') {
			const claimer = rules[record.claimedBy ?? -1];
			out.push({
				digest: image.digest, tags: image.tags, sizeInBytes: size(image), wantedByRule: wanted.priority, kind: 'claimed', claimedByRule: claimer?.priority,
				get reason() {
					return `${would()}, but rule ${claimer?.priority ?? '?'} (${claimer?.label ?? '?'}) selects it first, which protects it`;
				},
			});
		} else {
			const parent = images[record.parent ?? -1];
			const parentRule = rules[actedBy[record.parent ?? -1] ?? -1];
			out.push({
				digest: image.digest, tags: image.tags, sizeInBytes: size(image), wantedByRule: wanted.priority, kind: 'index-child', parentDigest: parent?.digest,
				get reason() {
					const later = parentRule === undefined ? '' : `; the index is ${PAST[parentRule.action]} by rule ${parentRule.priority} in this run, so the child becomes eligible in a later run`;
					return `${would()}, but it belongs to image index ${parent?.digest ?? '?'}, which is still present${later}`;
				},
			});
		}
	}
	for (const i of state.activating) {
		const image = images[i] as LifecycleImage;
		out.push({digest: image.digest, tags: image.tags, sizeInBytes: size(image), kind: 'activating',
			reason: 'restore in progress (ACTIVATING): no rule looks at it until the restore completes'});
	}
	return out;
}

/** Referrers of acted-on images (and of their referrers, transitively) that were not acted on themselves. */
export function findFollowers(images: readonly LifecycleImage[], actedBy: Int32Array, rules: readonly CompiledRule[]): FollowerImage[] {
	const referrersOf = new Map<string, number[]>();
	for (let i = 0; i < images.length; i++) {
		const subject = (images[i] as LifecycleImage).subjectDigest;
		if (typeof subject !== 'string') continue;
		const list = referrersOf.get(subject);
		if (list === undefined) referrersOf.set(subject, [i]);
		else list.push(i);
	}
	if (referrersOf.size === 0) return [];
	const out: FollowerImage[] = [];
	const queued = new Uint8Array(images.length);
	const queue: {index: number; action: ActionType; cause: string}[] = [];
	for (let i = 0; i < images.length; i++) {
		const rule = rules[actedBy[i] as number];
		if (rule === undefined) continue;
		queued[i] = 1;
		queue.push({index: i, action: rule.action, cause: `${PAST[rule.action]} by rule ${rule.priority}`});
	}
	for (let head = 0; head < queue.length; head++) {
		const {index, action, cause} = queue[head] as (typeof queue)[number];
		const subject = images[index] as LifecycleImage;
		for (const r of referrersOf.get(subject.digest) ?? []) {
			if (queued[r] === 1) continue;
			queued[r] = 1;
			const image = images[r] as LifecycleImage;
			out.push({digest: image.digest, subjectDigest: subject.digest, tags: image.tags, sizeInBytes: size(image), action,
				reason: `referrer of ${subject.digest} (${cause}); AWS ${action === 'expire' ? 'removes' : 'archives'} referrers within 24 hours of their subject`});
			queue.push({index: r, action, cause: `follows its subject`});
		}
	}
	return out;
}
