import React, {useState} from 'react';
import {Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useFlash} from '../../app/ui-state.js';
import {ConfirmDialog} from '../../components/confirm-dialog.js';
import {stopTaskAudited} from '../../data/ecs-resources.js';
import {safe} from '../../domain/format/text.js';
import type {TaskRow} from './rows.js';

/**
 * Shift-S: stop one task after confirmation (focus starts on Cancel). The intent and the
 * result go to the audit log; the cluster's cache is invalidated so the table shows what ECS
 * says next. Never rendered in read-only mode (the key is blocked before this opens).
 */
export function StopTaskDialog({cluster, row, width, onDone}: {readonly cluster: string; readonly row: TaskRow; readonly width: number; readonly onDone: () => void}) {
	const {session, audit} = useServices();
	const flash = useFlash();
	const [busy, setBusy] = useState(false);
	const confirm = () => {
		if (busy) return;
		setBusy(true);
		void stopTaskAudited(session, audit, {cluster, taskArn: row.task.taskArn, reason: 'Stopped with ecrtui'}).then(result => {
			if (result.ok) flash.info(`stopping task ${row.id.slice(0, 8)}${row.service ? `; service ${row.service} will start a replacement` : ''}`);
			else flash.error(result.problem);
			onDone();
		});
	};
	return (
		<ConfirmDialog title={`Stop task ${row.id.slice(0, 8)}?`} confirmLabel="Stop task" danger onConfirm={confirm} onCancel={onDone} width={width}>
			<Text wrap="truncate">
				{safe(row.task.taskArn)}
			</Text>
			<Text wrap="truncate">
				{row.task.lastStatus} · {row.revision}
				{row.service ? ` · service ${safe(row.service)}` : ''} · cluster {safe(cluster)}
			</Text>
			<Text wrap="wrap">{row.service ? 'ECS sends SIGTERM, then SIGKILL after the stop timeout; the service starts a replacement task.' : 'ECS sends SIGTERM, then SIGKILL after the stop timeout. Nothing restarts a standalone task.'}</Text>
			{busy ? <Text>stopping…</Text> : null}
		</ConfirmDialog>
	);
}
