import React, {useRef} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {LAYER, useKeyLayer} from '../../app/keys/dispatch.js';
import {scrollOffset} from '../../components/table/layout.js';
import {fit, inert, safe} from '../../domain/format/text.js';
import type {FieldView} from './rule-fields.js';
import type {FormState, ScreenAction} from './state.js';

export type RuleFormProps = {
	readonly fields: readonly FieldView[];
	readonly form: FormState;
	readonly dispatch: (action: ScreenAction) => void;
	readonly height: number;
	readonly width: number;
	readonly title: string;
};

/** Typing into a text or number field: on the input layer, so letters never reach screen keys. */
function useFieldInput(dispatch: (action: ScreenAction) => void, isActive: boolean): void {
	useKeyLayer(
		({input, key}) => {
			if (key.escape) dispatch({type: 'form-edit-cancel'});
			else if (key.return) dispatch({type: 'form-edit-commit'});
			else if (key.backspace || key.delete) dispatch({type: 'form-edit-backspace'});
			else if (!key.ctrl && !key.meta && input !== '') dispatch({type: 'form-edit-insert', text: input});
			return true;
		},
		{priority: LAYER.input, isActive},
	);
}

/** A choice field shows every valid choice, the current one in brackets; compact when it does not fit. */
export function valueText(field: FieldView, room: number): string {
	if (field.kind !== 'choice') return field.value;
	const full = field.choices.map(choice => (choice === field.value ? `[${choice}]` : choice)).join(' ');
	if (full.length <= room) return full;
	return `‹ ${field.value} › ${field.choices.indexOf(field.value) + 1}/${field.choices.length}`;
}

/** One rule, field by field: ←/→ offers only the valid choices; Enter types text and numbers. */
export function RuleForm({fields, form, dispatch, height, width, title}: RuleFormProps) {
	const theme = useTheme();
	useFieldInput(dispatch, form.editing !== undefined);
	const body = Math.max(1, height - 2);
	const offsetRef = useRef(0);
	const offset = scrollOffset(offsetRef.current, form.field, body, fields.length);
	offsetRef.current = offset;
	const labelWidth = 14;
	// Values as wide as the widest one (every valid choice when it fits), notes in what is left.
	const room = Math.max(20, width - labelWidth - 1 - 24);
	const valueWidth = Math.min(room, Math.max(12, ...fields.map(field => valueText(field, room).length))) + 1;
	const current = fields[form.field];
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.color('text.accent')} wrap="truncate">
				{safe(title, width)}
			</Text>
			{fields.slice(offset, offset + body).map((field, k) => {
				const index = offset + k;
				const selected = index === form.field;
				const editing = selected && form.editing !== undefined;
				const muted = field.kind === 'fixed';
				return (
					<Text key={field.id} wrap="truncate" inverse={selected && !editing}>
						{selected ? '›' : ' '}
						{fit(field.label, labelWidth)}
						{editing ? (
							<Text>
								{inert(form.editing ?? '')}
								<Text inverse> </Text>
							</Text>
						) : (
							<Text color={muted ? theme.color('text.muted') : field.kind === 'choice' ? theme.color('text.accent') : undefined}>{fit(inert(valueText(field, valueWidth)), valueWidth)}</Text>
						)}
						{editing ? '' : <Text color={theme.color('text.muted')}>{` ${field.note}`}</Text>}
					</Text>
				);
			})}
			<Text color={theme.color('text.muted')} wrap="truncate">
				{form.editing !== undefined
					? 'type · Enter set · Esc cancel'
					: current?.kind === 'choice'
						? '←/→ valid choices · ↑↓ field · Esc close'
						: current?.kind === 'number'
							? '←/→ -1/+1 · Enter type · ↑↓ field · Esc close'
							: current?.kind === 'text'
								? 'Enter type · ↑↓ field · Esc close'
								: 'set by the other fields · ↑↓ field · Esc close'}
			</Text>
		</Box>
	);
}
