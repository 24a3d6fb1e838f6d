// Reads what `aws ecr describe-images` prints, for `ecrtui lifecycle preview --images FILE`:
// `{"imageDetails": [...]}`, an array of such pages, or a bare array of image details
// (`--query imageDetails`). Field names per the ECR model [MODEL ImageDetail]. Never throws.

import {jsonPath} from './json-path.js';
import {parseJson} from './parse.js';
import {parseTimestamp} from './timestamps.js';
import type {ImageStatus, LifecycleImage} from './types.js';
import {isRecord} from '../json.js';

/** One problem found in the input, with a JSON path and, for syntax errors, a place. */
export interface InputIssue {
	readonly path: string;
	readonly message: string;
	readonly line?: number;
	readonly column?: number;
}

/** Outcome of reading images. */
export type ImagesInputResult =
	| {readonly ok: true; readonly images: LifecycleImage[]; readonly warnings: readonly InputIssue[]}
	| {readonly ok: false; readonly errors: readonly InputIssue[]};

/** At most this many errors are listed; the rest are counted in one last entry. */
export const MAX_INPUT_ERRORS = 50;

const STATUSES: readonly ImageStatus[] = ['ACTIVE', 'ARCHIVED', 'ACTIVATING'];

/** True when the text looks like binary data rather than JSON text. */
function looksBinary(text: string): boolean {
	const sample = text.slice(0, 4096);
	let odd = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if (c === 0) return true;
		if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) odd++;
	}
	return odd > 8 && odd > sample.length / 20;
}

/** Parses describe-images output text. */
export function parseDescribeImages(text: string): ImagesInputResult {
	if (typeof text !== 'string') return {ok: false, errors: [{path: '$', message: 'The input is not text.'}]};
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // PowerShell writes a byte-order mark
	if (body.trim() === '') return {ok: false, errors: [{path: '$', message: 'The input is empty: expected the JSON printed by `aws ecr describe-images`.'}]};
	if (looksBinary(body)) return {ok: false, errors: [{path: '$', message: 'The input is not text (binary data?): expected the JSON printed by `aws ecr describe-images --output json`.'}]};
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		// Only on failure: our parser is slower but says where and why.
		const parsed = parseJson(body, {positions: false});
		if (parsed.ok) value = parsed.value;
		else {
			const {error} = parsed;
			const truncated = error.message.includes('truncated') ? ' The file seems cut off: was the command interrupted, or the output paged?' : '';
			return {ok: false, errors: [{path: '$', line: error.line, column: error.column, message: `Invalid JSON at line ${error.line}, column ${error.column}: ${error.message}${truncated}\n${error.snippet}`}]};
		}
	}
	return imagesFromDescribeImages(value);
}

/** Reads an already-parsed describe-images value (same shapes as `parseDescribeImages`). */
export function imagesFromDescribeImages(value: unknown): ImagesInputResult {
	const pages = pagesOf(value);
	if (typeof pages === 'string') return {ok: false, errors: [{path: '$', message: pages}]};
	const images: LifecycleImage[] = [];
	const errors: InputIssue[] = [];
	const warnings: InputIssue[] = [];
	const seen = new Set<string>();
	let zoneless = 0;
	let errorCount = 0;
	for (const {details, path} of pages) {
		for (let k = 0; k < details.length; k++) {
			const at = [...path, k];
			const result = readDetail(details[k], at);
			if ('problems' in result) {
				errorCount += result.problems.length;
				for (const problem of result.problems) if (errors.length < MAX_INPUT_ERRORS) errors.push(problem);
				continue;
			}
			if (result.zoneless) zoneless++;
			if (seen.has(result.image.digest)) {
				if (warnings.length < MAX_INPUT_ERRORS) warnings.push({path: jsonPath(at), message: `Image ${result.image.digest} appears twice (overlapping pages?); the first one is used.`});
				continue;
			}
			seen.add(result.image.digest);
			images.push(result.image);
		}
	}
	if (errorCount > errors.length) errors.push({path: '$', message: `…and ${errorCount - errors.length} more problems.`});
	if (errors.length > 0) return {ok: false, errors};
	if (zoneless > 0) warnings.push({path: '$', message: `${zoneless} image(s) have times without a time zone; they were read as UTC.`});
	return {ok: true, images, warnings};
}

type PathSegments = (string | number)[];

function pagesOf(value: unknown): {details: unknown[]; path: PathSegments}[] | string {
	const shapeHelp = 'Expected the output of `aws ecr describe-images --repository-name NAME --output json`: {"imageDetails": [...]}, or a list of such pages.';
	if (isRecord(value)) {
		if (!Object.hasOwn(value, 'imageDetails')) {
			const keys = Object.keys(value).slice(0, 5).join(', ');
			return `No "imageDetails" key found (top-level keys: ${keys || 'none'}). ${shapeHelp}`;
		}
		if (!Array.isArray(value.imageDetails)) return `"imageDetails" must be a list. ${shapeHelp}`;
		return [{details: value.imageDetails, path: ['imageDetails']}];
	}
	if (Array.isArray(value)) {
		if (value.length === 0) return [];
		// A list of pages, or a bare list of image details (`--query imageDetails`).
		if (value.every(item => isRecord(item) && Object.hasOwn(item, 'imageDetails'))) {
			const pages: {details: unknown[]; path: PathSegments}[] = [];
			for (let p = 0; p < value.length; p++) {
				const details = (value[p] as Record<string, unknown>).imageDetails;
				if (!Array.isArray(details)) return `Page ${p}: "imageDetails" must be a list. ${shapeHelp}`;
				pages.push({details, path: [p, 'imageDetails']});
			}
			return pages;
		}
		if (value.every(item => isRecord(item) && Object.hasOwn(item, 'imageDigest'))) return [{details: value, path: []}];
		return `The list holds neither pages ({"imageDetails": [...]}) nor image details ({"imageDigest": ...}). ${shapeHelp}`;
	}
	return `The input is ${value === null ? 'null' : `a ${typeof value}`}. ${shapeHelp}`;
}

function readDetail(detail: unknown, at: PathSegments): {image: LifecycleImage; zoneless: boolean} | {problems: InputIssue[]} {
	const path = jsonPath(at);
	if (!isRecord(detail)) return {problems: [{path, message: 'Each image detail must be an object.'}]};
	const problems: InputIssue[] = [];
	const fail = (key: string, message: string): void => {
		problems.push({path: jsonPath([...at, key]), message});
	};
	const digest = detail.imageDigest;
	if (typeof digest !== 'string' || digest === '') fail('imageDigest', 'imageDigest is missing or not a string.');
	let tags: string[] = [];
	if (detail.imageTags !== undefined && detail.imageTags !== null) {
		if (Array.isArray(detail.imageTags) && detail.imageTags.every(tag => typeof tag === 'string')) tags = detail.imageTags as string[];
		else fail('imageTags', 'imageTags must be a list of strings.');
	}
	let size = 0;
	if (detail.imageSizeInBytes !== undefined && detail.imageSizeInBytes !== null) {
		if (typeof detail.imageSizeInBytes === 'number' && Number.isFinite(detail.imageSizeInBytes) && detail.imageSizeInBytes >= 0) size = detail.imageSizeInBytes;
		else fail('imageSizeInBytes', 'imageSizeInBytes must be a non-negative number.');
	}
	let zoneless = false;
	const time = (key: string, required: boolean): number | undefined => {
		const raw = detail[key];
		if (raw === undefined || raw === null) {
			if (required) fail(key, `${key} is missing: the lifecycle preview needs each image's push time.`);
			return undefined;
		}
		const parsed = parseTimestamp(raw);
		if (!parsed.ok) {
			fail(key, `${key}: ${parsed.message}.`);
			return undefined;
		}
		zoneless ||= parsed.zoneless;
		return parsed.ms;
	};
	const pushedAt = time('imagePushedAt', true);
	const lastRecordedPullTime = time('lastRecordedPullTime', false);
	const lastArchivedAt = time('lastArchivedAt', false);
	const lastActivatedAt = time('lastActivatedAt', false);
	let status: ImageStatus = 'ACTIVE'; // missing imageStatus = ACTIVE [MODEL]
	if (detail.imageStatus !== undefined && detail.imageStatus !== null) {
		if (STATUSES.includes(detail.imageStatus as ImageStatus)) status = detail.imageStatus as ImageStatus;
		else fail('imageStatus', `imageStatus ${JSON.stringify(detail.imageStatus)} is not one of ${STATUSES.join(', ')}.`);
	}
	const subject = detail.subjectManifestDigest;
	if (subject !== undefined && subject !== null && typeof subject !== 'string') fail('subjectManifestDigest', 'subjectManifestDigest must be a string.');
	// childDigests is ecrtui's own field: describe-images does not list an index's children.
	const children = detail.childDigests;
	if (children !== undefined && !(Array.isArray(children) && children.every(child => typeof child === 'string'))) fail('childDigests', 'childDigests must be a list of digests.');
	if (problems.length > 0 || typeof digest !== 'string' || pushedAt === undefined) return {problems};
	const image: LifecycleImage = {
		digest, tags, sizeInBytes: size, pushedAt, status,
		...(lastRecordedPullTime === undefined ? {} : {lastRecordedPullTime}),
		...(lastArchivedAt === undefined ? {} : {lastArchivedAt}),
		...(lastActivatedAt === undefined ? {} : {lastActivatedAt}),
		...(typeof subject === 'string' ? {subjectDigest: subject} : {}),
		...(Array.isArray(children) ? {childDigests: children as string[]} : {}),
	};
	return {image, zoneless};
}
