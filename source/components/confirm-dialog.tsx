import React, {useState, type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../app/context.js';
import {LAYER, useKeyLayer} from '../app/keys/dispatch.js';
import type {KeyEvent} from '../app/keys/actions.js';
import {useModal} from '../app/ui-state.js';
import {TextInput} from './text-input.js';

export type ConfirmDialogProps = {
	readonly title: string;
	readonly children?: ReactNode;
	/** The confirm button's words, naming the action ("Delete 42 images"). */
	readonly confirmLabel: string;
	/** Red, and the title says it cannot be undone. */
	readonly danger?: boolean;
	/** The user must type this text before the confirm button works. */
	readonly requireText?: string;
	readonly onConfirm: () => void;
	readonly onCancel: () => void;
	/** Extra keys the dialog offers (toggles such as "include in-use images"). */
	readonly extraKeys?: (event: KeyEvent) => boolean;
	readonly width?: number;
};

type Focus = 'input' | 'cancel' | 'confirm';

/**
 * A confirmation that starts on Cancel: Enter on an unchanged dialog cancels, never confirms.
 * Tab or arrows move between the buttons; Esc cancels. With `requireText`, the confirm button
 * stays disabled until the text is typed exactly.
 */
export function ConfirmDialog({title, children, confirmLabel, danger = false, requireText, onConfirm, onCancel, extraKeys, width}: ConfirmDialogProps) {
	const theme = useTheme();
	useModal();
	const [focus, setFocus] = useState<Focus>(requireText ? 'input' : 'cancel');
	const [typed, setTyped] = useState('');
	const unlocked = requireText === undefined || typed === requireText;
	const order: Focus[] = requireText ? ['input', 'cancel', 'confirm'] : ['cancel', 'confirm'];

	useKeyLayer(
		event => {
			const {input, key} = event;
			if (key.escape) {
				onCancel();
				return true;
			}
			if (key.tab || key.leftArrow || key.rightArrow) {
				const step = key.leftArrow || (key.tab && key.shift) ? -1 : 1;
				setFocus(current => order[(order.indexOf(current) + step + order.length) % order.length]!);
				return true;
			}
			if (key.return) {
				if (focus === 'confirm' && unlocked) onConfirm();
				else if (focus === 'cancel') onCancel();
				return true;
			}
			if (focus !== 'input' && extraKeys?.(event)) return true;
			if (focus !== 'input' && (input === 'h' || input === 'l')) {
				setFocus(current => order[(order.indexOf(current) + (input === 'h' ? -1 : 1) + order.length) % order.length]!);
				return true;
			}
			// A dialog swallows every other key so nothing reaches the screen behind it.
			return true;
		},
		{priority: LAYER.overlay},
	);

	const accent = danger ? theme.color('danger') : theme.color('border.focus');
	const button = (id: Focus, label: string, enabled = true) => {
		const focused = focus === id;
		return (
			<Text inverse={focused} color={enabled ? (id === 'confirm' ? accent : undefined) : theme.color('text.muted')} bold={focused}>
				{focused ? '▸' : ' '}[ {label}
				{enabled ? '' : ' (type the name first)'} ]
			</Text>
		);
	};
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={accent} paddingX={1} width={width}>
			<Text bold color={accent}>
				{danger ? '⚠ ' : ''}
				{title}
			</Text>
			{children}
			{requireText ? (
				<Box marginTop={1}>
					<TextInput
						prompt={`Type ${requireText} to confirm: `}
						value={typed}
						onChange={setTyped}
						onSubmit={() => {
							if (unlocked) setFocus('confirm');
						}}
						onCancel={onCancel}
						isActive={focus === 'input'}
					/>
				</Box>
			) : null}
			<Box marginTop={1} gap={2}>
				{button('cancel', 'Cancel')}
				{button('confirm', confirmLabel, unlocked)}
			</Box>
			<Text color={theme.color('text.muted')}>Tab/←→ move · Enter choose · Esc cancel</Text>
		</Box>
	);
}
