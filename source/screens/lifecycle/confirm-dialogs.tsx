import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {ConfirmDialog} from '../../components/confirm-dialog.js';
import type {EvaluationResult, Savings} from '../../domain/lifecycle/index.js';
import {bytes, shortDigest, usd} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';
import type {DiffCounts, InUseWarning} from './preview-model.js';

export type ApplyDialogProps = {
	readonly repository: string;
	readonly evaluation: EvaluationResult | undefined;
	readonly savings: Savings | undefined;
	readonly changes: DiffCounts | undefined;
	readonly inUse: readonly InUseWarning[];
	readonly replacing: boolean;
	/** Why the current policy could not be read, when it could not: it is replaced unseen. */
	readonly unreadable?: string;
	/** Whether the tasks and services were read (the in-use check ran). */
	readonly usageChecked: boolean;
	readonly typeToConfirmAbove: number;
	readonly height: number;
	readonly width: number;
	readonly onConfirm: () => void;
	readonly onCancel: () => void;
};

/**
 * Apply: what the policy will do (as of now; AWS acts within 24 hours), against the current
 * policy, and every image in use it would expire or archive. Starts on Cancel; when in-use
 * images are affected or many images expire, the repository name must be typed.
 */
export function ApplyDialog(props: ApplyDialogProps) {
	const theme = useTheme();
	const {evaluation, inUse} = props;
	const totals = evaluation?.totals;
	const many = (totals?.expiring ?? 0) + (totals?.transitioning ?? 0) > props.typeToConfirmAbove;
	const room = Math.max(1, props.height - 14);
	return (
		<ConfirmDialog
			title={`${props.replacing ? 'Replace' : 'Set'} the lifecycle policy of ${props.repository}?`}
			confirmLabel="Apply policy"
			danger
			{...(inUse.length > 0 || many ? {requireText: props.repository} : {})}
			onConfirm={props.onConfirm}
			onCancel={props.onCancel}
			width={Math.min(props.width, 100)}
		>
			<Text wrap="wrap">
				{totals ? `As of now: ${totals.expiring} images expire, ${totals.transitioning} move to archive · ${bytes(totals.bytesFreed)} freed · saves ~${usd(props.savings?.total ?? 0)}/month (estimate)` : 'No dry run available.'}
			</Text>
			{props.changes ? (
				<Text color={theme.color('text.secondary')} wrap="truncate">
					vs the current policy: +{props.changes.added} newly acted on, −{props.changes.removed} no longer, ~{props.changes.changed} by another rule
				</Text>
			) : null}
			{props.unreadable ? (
				<Text color={theme.color('status.warn')} wrap="wrap">
					⚠ The current policy could not be read ({props.unreadable}): applying replaces it, whatever it is.
				</Text>
			) : null}
			<Text color={theme.color('text.secondary')} wrap="wrap">
				AWS acts within 24 hours (PutLifecyclePolicy; the call is written to the audit log).
			</Text>
			{inUse.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold color={theme.color('danger')}>
						⚠ {inUse.length} image{inUse.length === 1 ? '' : 's'} IN USE would be expired or archived:
					</Text>
					{inUse.slice(0, room).map(item => (
						<Text key={item.digest} wrap="truncate">
							{'  '}
							{safe(`${item.tags.join(', ') || shortDigest(item.digest)} (${item.action} #${item.rulePriority}): ${item.consumers}`)}
						</Text>
					))}
					{inUse.length > room ? <Text>{`  … and ${inUse.length - room} more`}</Text> : null}
				</Box>
			) : props.usageChecked ? (
				<Text color={theme.color('status.ok')}>✓ no image that tasks, services or recent task definitions use is acted on</Text>
			) : (
				<Text color={theme.color('status.warn')}>⚠ the in-use check has not finished: running tasks and services were not checked</Text>
			)}
		</ConfirmDialog>
	);
}

export type DeletePolicyDialogProps = {
	readonly repository: string;
	readonly baseline: EvaluationResult | undefined;
	readonly baselineSavings: Savings | undefined;
	readonly width: number;
	readonly onConfirm: () => void;
	readonly onCancel: () => void;
};

/** Delete the policy: what stops being cleaned up. Starts on Cancel. */
export function DeletePolicyDialog(props: DeletePolicyDialogProps) {
	const theme = useTheme();
	const totals = props.baseline?.totals;
	return (
		<ConfirmDialog
			title={`Delete the lifecycle policy of ${props.repository}?`}
			confirmLabel="Delete policy"
			danger
			onConfirm={props.onConfirm}
			onCancel={props.onCancel}
			width={Math.min(props.width, 100)}
		>
			<Text wrap="wrap">AWS stops cleaning up this repository: images are kept until deleted by hand.</Text>
			{totals ? (
				<Text color={theme.color('text.secondary')} wrap="truncate">
					Today the policy would act on {totals.expiring + totals.transitioning} images ({bytes(totals.bytesFreed)}, ~{usd(props.baselineSavings?.total ?? 0)}/month); they would stay.
				</Text>
			) : null}
			<Text color={theme.color('text.secondary')}>DeleteLifecyclePolicy; the call is written to the audit log.</Text>
		</ConfirmDialog>
	);
}
