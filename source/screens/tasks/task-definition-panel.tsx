import React, {useMemo, useState} from 'react';
import {Box} from 'ink';
import {useServices} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {useResource} from '../../hooks/use-resource.js';
import {taskDefinitionResource} from '../../data/ecs-resources.js';
import {ErrorPanel} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {JsonView} from '../../components/json-view.js';
import {TextPanel, type PanelLine} from '../../components/text-panel.js';
import {maskedCount, maskTaskDefinition} from '../../domain/ecs/secret-values.js';
import {shortTaskDefinition, type TaskDefinitionRecord} from '../../domain/ecs/types.js';

const field = (label: string, value: string | undefined): PanelLine => ({text: `${label.padEnd(18)} ${value ?? '-'}`});

/** The lines of the panel, from a definition already masked (or revealed). */
export function taskDefinitionLines(definition: TaskDefinitionRecord, hidden: number, reveal: boolean): PanelLine[] {
	const lines: PanelLine[] = [
		field('task definition', `${shortTaskDefinition(definition.arn)} (${definition.status})`),
		field('execution role', definition.executionRoleArn),
		field('task role', definition.taskRoleArn),
		field('cpu / memory', `${definition.cpu ?? '-'} / ${definition.memory ?? '-'} · ${definition.networkMode ?? '-'} · ${definition.requiresCompatibilities.join(', ') || '-'}`),
		hidden === 0
			? {text: 'no secret-looking values in the environment', role: 'text.muted'}
			: reveal
				? {text: `⚠ ${hidden} secret-looking value${hidden === 1 ? '' : 's'} SHOWN (v hides them)`, role: 'status.warn', bold: true}
				: {text: `${hidden} secret-looking value${hidden === 1 ? '' : 's'} masked (v reveals)`, role: 'text.muted'},
	];
	for (const container of definition.containers) {
		lines.push({text: `${container.name}${container.essential ? '' : ' (not essential)'}`, bold: true, role: 'text.accent'}, field('  image', container.image));
		lines.push({text: `  environment (${container.environment.length})`, bold: true});
		for (const variable of container.environment) lines.push({text: `    ${variable.name}=${variable.value}`, indent: 0});
		if (container.secrets.length > 0) {
			lines.push({text: '  secrets (references: the values stay in Secrets Manager / SSM and are never read)', bold: true});
			for (const secret of container.secrets) lines.push({text: `    ${secret.name} ← ${secret.valueFrom}`});
		}
		const log = container.logConfiguration;
		if (log) {
			lines.push(field('  log driver', `${log.logDriver} ${Object.entries(log.options).map(([key, value]) => `${key}=${value}`).join(' ')}`));
			for (const option of log.secretOptions ?? []) lines.push({text: `    ${option.name} ← ${option.valueFrom}`});
		}
		if (container.repositoryCredentials) lines.push(field('  registry auth', `← ${container.repositoryCredentials}`));
	}
	return lines;
}

/**
 * `t` in the watcher: a task definition's containers, environment, secrets and log setup.
 * Secrets show their ARN (ECS only holds the reference); environment values and log options
 * whose name or shape look secret are masked until `v` reveals them, in the text and in the raw
 * JSON (`y`) alike. Every opening starts masked.
 */
export function TaskDefinitionPanel({taskDefinition, height, width, onClose}: {readonly taskDefinition: string; readonly height: number; readonly width: number; readonly onClose: () => void}) {
	const {session} = useServices();
	const resource = useResource(useMemo(() => taskDefinitionResource(session, taskDefinition), [session, taskDefinition]));
	const [reveal, setReveal] = useState(false);
	const [json, setJson] = useState(false);
	const data = resource.data;
	useKeyLayer(
		({input, key}) => {
			if (json) return false;
			if (input === 'v' && data) setReveal(value => !value);
			else if (input === 'y' && data) setJson(true);
			// Loading or failed: no text panel owns the keyboard yet.
			else if (key.escape && !data) onClose();
			else return !data;
			return true;
		},
		{priority: LAYER.overlay + 1},
	);
	const shown = useMemo(() => (data ? maskTaskDefinition(data, {reveal}) : undefined), [data, reveal]);
	const hidden = useMemo(() => (data ? maskedCount(data) : 0), [data]);
	const title = `task definition ${shortTaskDefinition(taskDefinition)}`;
	if (!shown) {
		return <Box height={height} width={width} flexDirection="column">{resource.problem ? <ErrorPanel problem={resource.problem} /> : <Loading label={`Reading ${title}`} />}</Box>;
	}
	if (json) return <JsonView title={`${title}${reveal ? '' : ' (secret-looking values masked)'}`} value={shown} height={height} width={width} onClose={() => setJson(false)} />;
	return <TextPanel title={title} lines={taskDefinitionLines(shown, hidden, reveal)} height={height} width={width} onClose={onClose} hint={`Esc close · v ${reveal ? 'hide' : 'reveal'} secret-looking values · y JSON · ↑↓ scroll`} />;
}
