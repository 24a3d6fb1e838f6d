import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {ConfirmDialog} from '../../components/confirm-dialog.js';
import type {DeletionPlan} from '../../domain/registry/deletion-plan.js';
import {describeConsumers} from '../../domain/registry/usage.js';
import {bytes, shortDigest, usd} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';

export type DeleteDialogProps = {
	readonly repository: string;
	readonly plan: DeletionPlan;
	readonly includeInUse: boolean;
	readonly archive: boolean;
	readonly typeToConfirmAbove: number;
	readonly onToggleInUse: () => void;
	readonly onToggleArchive: () => void;
	readonly onConfirm: () => void;
	readonly onCancel: () => void;
	readonly width: number;
	readonly height: number;
};

/**
 * The delete confirmation: count, bytes, monthly saving, everything in use (excluded unless
 * included with `i`), what follows automatically (platforms, signatures), and the repository
 * name to type above the threshold. Starts on Cancel.
 */
export function DeleteDialog(props: DeleteDialogProps) {
	const theme = useTheme();
	const {plan, archive} = props;
	const verb = archive ? 'Archive' : 'Delete';
	const followers = plan.second.filter(item => item.reason !== 'marked');
	const platforms = followers.filter(item => item.reason === 'child-of-deleted-index').length;
	const referrers = followers.filter(item => item.reason === 'referrer-of-deleted-image').length;
	const surviving = plan.excluded.filter(item => item.reason === 'child-of-surviving-index');
	const inUseLines = Math.max(1, Math.min(plan.inUse.length, props.height - 16));
	return (
		<ConfirmDialog
			title={`${verb} ${plan.count} image${plan.count === 1 ? '' : 's'} from ${props.repository}?${archive ? '' : ' This cannot be undone.'}`}
			confirmLabel={plan.count === 0 ? 'Nothing to do' : `${verb} ${plan.count} image${plan.count === 1 ? '' : 's'}`}
			danger
			{...(plan.count > props.typeToConfirmAbove ? {requireText: props.repository} : {})}
			onConfirm={() => {
				if (plan.count > 0) props.onConfirm();
			}}
			onCancel={props.onCancel}
			width={Math.min(props.width, 100)}
			extraKeys={({input}) => {
				if (input === 'i') props.onToggleInUse();
				else if (input === 'a') props.onToggleArchive();
				else return false;
				return true;
			}}
		>
			<Text>
				{plan.count} images · {bytes(plan.bytes)} · saves ~{usd(plan.monthlySaving)}/month (estimate)
			</Text>
			{platforms + referrers > 0 ? (
				<Text color={theme.color('text.secondary')}>
					includes {platforms ? `${platforms} platform images of deleted multi-arch indexes` : ''}
					{platforms && referrers ? ' and ' : ''}
					{referrers ? `${referrers} signatures/SBOMs of deleted images` : ''}
				</Text>
			) : null}
			{surviving.length > 0 ? (
				<Text color={theme.color('text.secondary')}>
					skips {surviving.length} platform image{surviving.length === 1 ? '' : 's'} still referenced by an index that stays (AWS would refuse them)
				</Text>
			) : null}
			{plan.inUse.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color={props.includeInUse ? theme.color('danger') : theme.color('status.warn')} bold>
						{props.includeInUse ? '⚠ IN USE and WILL BE DELETED:' : `⚠ ${plan.inUse.length} marked image${plan.inUse.length === 1 ? ' is' : 's are'} in use and will be skipped:`}
					</Text>
					{plan.inUse.slice(0, inUseLines).map(item => (
						<Text key={item.digest} wrap="truncate">
							{'  '}
							{safe(item.tags.join(', ') || shortDigest(item.digest))}: {safe(describeConsumers(item.consumers))}
						</Text>
					))}
					{plan.inUse.length > inUseLines ? <Text>{`  … and ${plan.inUse.length - inUseLines} more`}</Text> : null}
				</Box>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				<Text>
					<Text color={theme.color('status.warn')}>i</Text> include in-use images: {props.includeInUse ? 'ON' : 'off'}
				</Text>
				<Text>
					<Text color={theme.color('status.warn')}>a</Text> archive instead of delete: {archive ? 'ON' : 'off'}
					<Text color={theme.color('text.muted')}> (archived images cannot be pulled until restored, ~20 min; 90-day minimum storage charge)</Text>
				</Text>
			</Box>
		</ConfirmDialog>
	);
}
