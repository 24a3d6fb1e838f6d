import React from 'react';
import {Text} from 'ink';
import {LAYER, useKeyLayer} from '../app/keys/dispatch.js';
import {useTheme} from '../app/context.js';

export type TextInputProps = {
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly onSubmit?: (value: string) => void;
	readonly onCancel?: () => void;
	readonly prompt?: string;
	readonly placeholder?: string;
	readonly isActive?: boolean;
	/** Hide what is typed (never needed for AWS data; kept for completeness). */
	readonly mask?: boolean;
};

/**
 * A one-line input on the top key layer: while it is active it takes every printable key, so
 * typing "q" in a filter never quits. Enter submits, Esc cancels, Ctrl-U clears.
 */
export function TextInput({value, onChange, onSubmit, onCancel, prompt = '', placeholder = '', isActive = true, mask = false}: TextInputProps) {
	const theme = useTheme();
	useKeyLayer(
		({input, key}) => {
			if (key.escape) {
				onCancel?.();
				return true;
			}
			if (key.return) {
				onSubmit?.(value);
				return true;
			}
			if (key.backspace || key.delete) {
				onChange(value.slice(0, -1));
				return true;
			}
			if (key.ctrl && input === 'u') {
				onChange('');
				return true;
			}
			if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return false;
			// Printable input only (pasted text arrives as one chunk).
			const printable = input.replace(/[\u0000-\u001F\u007F]/g, '');
			if (printable) onChange(value + printable);
			return true;
		},
		{priority: LAYER.input, isActive},
	);
	const shown = mask ? '•'.repeat(value.length) : value;
	return (
		<Text>
			<Text color={theme.color('text.accent')}>{prompt}</Text>
			{shown || <Text color={theme.color('text.muted')}>{placeholder}</Text>}
			{isActive ? <Text inverse> </Text> : null}
		</Text>
	);
}
