import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {fit, safe} from '../../domain/format/text.js';
import {LIFECYCLE_TEMPLATES} from '../../domain/lifecycle/index.js';
import {parameterProblem, type PickerState} from './templates.js';
import type {ScreenAction} from './state.js';

/** Lines the picker needs: heading, five templates, a two-line description, the mode line. */
export const PICKER_HEIGHT = 10;

export type TemplatePickerProps = {
	readonly picker: PickerState;
	readonly dispatch: (action: ScreenAction) => void;
	readonly height: number;
	readonly width: number;
};

/**
 * `t`: the engine's templates. Choose one (the dry run below already shows what it would do),
 * then set its parameters (N days, N images, a release pattern) and insert it: replacing the
 * policy, or (Tab) adding its rules to the current ones.
 */
export function TemplatePicker({picker, dispatch, height, width}: TemplatePickerProps) {
	const theme = useTheme();
	const template = LIFECYCLE_TEMPLATES[picker.index];
	useKeyLayer(
		({input, key}) => {
			if (key.escape) dispatch({type: 'picker-back'});
			else if (key.tab) dispatch({type: 'picker-mode'});
			else if (picker.step === 'choose') {
				if (key.upArrow || input === 'k') dispatch({type: 'picker-move', step: -1});
				else if (key.downArrow || input === 'j') dispatch({type: 'picker-move', step: 1});
				else if (key.return || key.rightArrow || input === 'l') dispatch({type: 'picker-params'});
			} else if (key.upArrow) dispatch({type: 'picker-param', step: -1});
			else if (key.downArrow) dispatch({type: 'picker-param', step: 1});
			else if (key.return) dispatch({type: 'picker-apply'});
			else if (key.backspace || key.delete) dispatch({type: 'picker-backspace'});
			else if (!key.ctrl && !key.meta && input !== '') dispatch({type: 'picker-insert-text', text: input});
			// Modal: every other key stays here.
			return true;
		},
		{priority: LAYER.overlay},
	);
	const mode = picker.mode === 'replace' ? 'replace the whole policy' : 'add the rules to the current policy';
	const head = picker.step === 'choose'
		? `Templates · ↑↓ choose · Enter set parameters · Tab: ${mode} · Esc close`
		: `${template?.name ?? ''} · type values · ↑↓ parameter · Enter insert (${picker.mode}) · Tab replace/add · Esc back`;
	const nameWidth = Math.max(20, width - 2);
	return (
		<Box flexDirection="column" height={height} width={width} overflow="hidden">
			<Text bold color={theme.color('text.accent')} wrap="truncate">
				{safe(head, width)}
			</Text>
			{picker.step === 'choose'
				? LIFECYCLE_TEMPLATES.map((item, index) => (
					<Text key={item.id} wrap="truncate" inverse={index === picker.index}>
						{index === picker.index ? '› ' : '  '}
						{fit(item.name, nameWidth)}
					</Text>
				))
				: (template?.parameters ?? []).map((parameter, index) => {
					const value = picker.values[parameter.key] ?? '';
					const problem = parameterProblem(parameter.kind, value);
					const selected = index === picker.param;
					return (
						<Text key={parameter.key} wrap="truncate">
							{selected ? '› ' : '  '}
							{fit(parameter.label, 26)}
							<Text inverse={selected}>{safe(value) || ' '}</Text>
							{selected ? <Text inverse> </Text> : null}
							<Text color={problem ? theme.color('status.warn') : theme.color('text.muted')}>{problem ? `  ⚠ ${problem}` : `  default ${String(parameter.defaultValue)}`}</Text>
						</Text>
					);
				})}
			<Text color={theme.color('text.secondary')} wrap="wrap">
				{template?.description ?? ''}
			</Text>
			<Text color={theme.color('text.muted')} wrap="truncate">
				{safe(`mode: ${mode} (Tab switches) · the dry run shows this template's outcome`, width)}
			</Text>
		</Box>
	);
}
