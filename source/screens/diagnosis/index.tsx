import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from '../../app/context.js';
import {useNavigation} from '../../app/router.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {ErrorPanel, problemNote} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {TextPanel} from '../../components/text-panel.js';
import {useCopy} from '../../hooks/use-copy.js';
import {diagnosisJson} from '../../data/diagnosis.js';
import {taskConsoleUrl} from '../../domain/format/console-url.js';
import {safe} from '../../domain/format/text.js';
import {diagnosisActions, type DiagnosisActionId} from './keymap.js';
import {reportLines} from './report-lines.js';
import {useDiagnosisScreen} from './use-diagnosis-screen.js';
import {nameOfArn} from '../../domain/ecs/types.js';
import {serviceNameOf} from '../../domain/tasks/types.js';

const about = `Why this task will not start (or stopped). The verdict comes first: the single most likely
cause in plain words, with the evidence and the fix. It comes from the task's stop reason (matched
against a catalog of ECS and Fargate failures; text ecrtui does not know is shown raw, never guessed)
and from live checks that confirm or refute it: the execution role (by iam:SimulatePrincipalPolicy
when allowed, otherwise by reading and evaluating its policies), the image (does the repository and
tag exist where the URI points, archived images included) and the network path (n shows it hop by hop).`;

/** The diagnosis of one task: verdict, cause, evidence, fix, then the live checks. */
export function DiagnosisScreen({cluster, taskArn, height, width}: {readonly cluster: string; readonly taskArn: string; readonly height: number; readonly width: number}) {
	const {session, theme} = useServices();
	const navigation = useNavigation();
	const flash = useFlash();
	const {copy, openUrl} = useCopy();
	const report = useDiagnosisScreen({cluster, taskArn});
	const [json, setJson] = useState(false);
	const id = nameOfArn(taskArn);
	const data = report.data;
	const lines = useMemo(() => (data ? reportLines(data) : []), [data]);

	const handlers: Record<DiagnosisActionId, () => void | boolean> = {
		'diagnosis.network': () => navigation.push({screen: 'network', cluster, taskArn}),
		'diagnosis.logs': () => navigation.push({screen: 'logs', cluster, taskArn}),
		'diagnosis.rerun': () => {
			report.refresh();
			flash.info('running the checks again…');
		},
		'diagnosis.copy-fix': () => {
			const fix = data?.diagnosis.kind === 'problem' ? data.diagnosis.fix : undefined;
			if (fix) copy('fix', fix);
			else flash.info('no fix to copy: no problem was found');
		},
		'diagnosis.raw': () => data && setJson(true),
		'diagnosis.copy-arn': () => copy('task ARN', taskArn),
		'diagnosis.console': () => openUrl(taskConsoleUrl(session.region, cluster, id)),
	};
	useKeymap(diagnosisActions, handlers, {isActive: !json, publish: {title: `Diagnosis: task ${id.slice(0, 8)}`, about}});

	if (!data && report.problem) return <ErrorPanel problem={report.problem} />;
	if (!data) return <Loading label={`Diagnosing task ${id.slice(0, 8)}: reading the task, its role, image and network`} />;
	if (json) return <JsonView title={`diagnosis ${id}`} value={diagnosisJson(data)} height={height} width={width} onClose={() => setJson(false)} />;
	const service = serviceNameOf(data.task);
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<Text bold>task {id.slice(0, 12)}</Text>
				<Text color={theme.color('text.secondary')}>
					{' '}
					· {safe(cluster)}
					{service ? `/${safe(service)}` : ''} · {data.task.lastStatus}
					{report.refreshing ? ' · ⟳ checking…' : ''}
				</Text>
			</Text>
			{/* Its own line: appended to the one above, the fix was cut off at any width. */}
			{report.problem ? (
				<Text color={theme.color('status.warn')} wrap="truncate">
					{problemNote(report.problem)}
				</Text>
			) : null}
			<TextPanel lines={lines} height={height - (report.problem ? 2 : 1)} width={width} layer="screen" hint="↑↓ PgUp PgDn scroll · n network path · l logs · r re-run · c copy fix · y JSON · Esc back" />
		</Box>
	);
}
