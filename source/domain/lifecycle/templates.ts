// Ready-made lifecycle policies for the editor's template picker. Each builds a policy that
// validates with no problem at all (pinned by test/domain/lifecycle/templates.test.ts).

import type {LifecyclePolicy, LifecycleRule} from './types.js';
import {ARCHIVE_MINIMUM_DAYS} from './validate-rules.js';

/** A value the user can change before applying a template. */
export interface TemplateParameter {
	readonly key: string;
	readonly label: string;
	readonly kind: 'count' | 'days' | 'pattern';
	readonly defaultValue: number | string;
}

/** One template: name, one-line description, parameters and a builder. */
export interface LifecycleTemplate {
	readonly id: string;
	readonly name: string;
	/** One line for the picker. */
	readonly description: string;
	readonly parameters: readonly TemplateParameter[];
	/** Builds the policy; missing or invalid values fall back to the defaults. */
	readonly build: (values?: Readonly<Record<string, number | string>>) => LifecyclePolicy;
}

/**
 * "Keep forever" without depending on how many images exist: a 100-year age limit never
 * fires. (The common imageCountMoreThan 9999 idiom starts deleting releases once a
 * repository holds more than 9,999 of them.)
 */
const FOREVER_DAYS = 36_500;

function number(values: Readonly<Record<string, number | string>> | undefined, key: string, fallback: number): number {
	const value = values?.[key];
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}

function text(values: Readonly<Record<string, number | string>> | undefined, key: string, fallback: string): string {
	const value = values?.[key];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function rule(rulePriority: number, description: string, selection: LifecycleRule['selection'], action: LifecycleRule['action'] = {type: 'expire'}): LifecycleRule {
	return {rulePriority, description, selection, action};
}

function protectRule(priority: number, pattern: string): LifecycleRule {
	return rule(priority, `Never expire releases (${pattern}): this rule claims them first`, {
		tagStatus: 'tagged', tagPatternList: [pattern], countType: 'sinceImagePushed', countUnit: 'days', countNumber: FOREVER_DAYS,
	});
}

const RELEASE_PATTERN: TemplateParameter = {key: 'releasePattern', label: 'Release tag pattern', kind: 'pattern', defaultValue: 'v*.*.*'};

/** The templates, in picker order. */
export const LIFECYCLE_TEMPLATES: readonly LifecycleTemplate[] = [
	{
		id: 'keep-last-tagged',
		name: 'Keep the last N tagged images',
		description: 'Expire tagged images beyond the newest N (by push time); untagged images are left alone.',
		parameters: [{key: 'count', label: 'Images to keep', kind: 'count', defaultValue: 30}],
		build: values => ({rules: [rule(1, `Keep the newest ${number(values, 'count', 30)} tagged images`, {
			tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: number(values, 'count', 30),
		})]}),
	},
	{
		id: 'expire-untagged',
		name: 'Expire untagged images after N days',
		description: 'Delete untagged images (old builds whose tag moved on) N days after they were pushed.',
		parameters: [{key: 'days', label: 'Days', kind: 'days', defaultValue: 14}],
		build: values => ({rules: [rule(1, `Expire untagged images older than ${number(values, 'days', 14)} days`, {
			tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: number(values, 'days', 14),
		})]}),
	},
	{
		id: 'protect-releases',
		name: 'Protect releases, expire the rest after N days',
		description: 'A first rule claims release tags so no later rule can touch them; everything else expires N days after push.',
		parameters: [RELEASE_PATTERN, {key: 'days', label: 'Days for everything else', kind: 'days', defaultValue: 90}],
		build: values => ({rules: [
			protectRule(1, text(values, 'releasePattern', 'v*.*.*')),
			rule(2, `Expire every other image older than ${number(values, 'days', 90)} days`, {
				tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: number(values, 'days', 90),
			}),
		]}),
	},
	{
		id: 'archive-unpulled',
		name: 'Archive images not pulled in N days, delete after a year in archive',
		description: 'Move images nobody pulled for N days to the archive storage class, then delete them after 365 days there.',
		parameters: [{key: 'days', label: 'Days without a pull', kind: 'days', defaultValue: 90}, {key: 'archiveDays', label: 'Days in archive', kind: 'days', defaultValue: 365}],
		build: values => ({rules: [
			rule(1, `Archive images not pulled for ${number(values, 'days', 90)} days`, {
				tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: number(values, 'days', 90),
			}, {type: 'transition', targetStorageClass: 'archive'}),
			rule(2, `Delete images archived for more than ${Math.max(ARCHIVE_MINIMUM_DAYS, number(values, 'archiveDays', 365))} days`, {
				tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days',
				// Archived images have a 90-day minimum [DOC].
				countNumber: Math.max(ARCHIVE_MINIMUM_DAYS, number(values, 'archiveDays', 365)),
			}),
		]}),
	},
	{
		id: 'recommended',
		name: 'Protect releases, keep the last N tagged, expire untagged after 14 days',
		description: 'The combination most teams want. Releases count toward the N kept tagged images but are never deleted.',
		parameters: [RELEASE_PATTERN, {key: 'count', label: 'Tagged images to keep', kind: 'count', defaultValue: 50}, {key: 'days', label: 'Days for untagged', kind: 'days', defaultValue: 14}],
		build: values => ({rules: [
			protectRule(1, text(values, 'releasePattern', 'v*.*.*')),
			rule(2, `Expire untagged images older than ${number(values, 'days', 14)} days`, {
				tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: number(values, 'days', 14),
			}),
			rule(3, `Keep the newest ${number(values, 'count', 50)} tagged images`, {
				tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: number(values, 'count', 50),
			}),
		]}),
	},
];

/** A template by id. */
export function templateById(id: string): LifecycleTemplate | undefined {
	return LIFECYCLE_TEMPLATES.find(template => template.id === id);
}
