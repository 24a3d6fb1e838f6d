import React, {useEffect, useRef} from 'react';
import {Text} from 'ink';
import {LAYER, useKeyHold, useKeyLayer} from '../app/keys/dispatch.js';
import {useTheme} from '../app/context.js';

export type TextInputProps = {
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly onSubmit?: (value: string) => void;
	readonly onCancel?: () => void;
	readonly prompt?: string;
	readonly placeholder?: string;
	readonly isActive?: boolean;
};

/**
 * A one-line input on the top key layer: while it is active it takes every printable key, so
 * typing "q" in a filter never quits. Enter submits, Esc cancels, Ctrl-U clears.
 */
export function TextInput({value, onChange, onSubmit, onCancel, prompt = '', placeholder = '', isActive = true}: TextInputProps) {
	const theme = useTheme();
	const {release} = useKeyHold();
	// Keys can arrive faster than renders (a paste, replayed held keys): edit the latest value.
	const latest = useRef(value);
	latest.current = value;
	const change = (next: string) => {
		latest.current = next;
		onChange(next);
	};
	useKeyLayer(
		({input, key}) => {
			if (key.escape) {
				onCancel?.();
				return true;
			}
			if (key.return) {
				onSubmit?.(latest.current);
				return true;
			}
			if (key.backspace || key.delete) {
				change(latest.current.slice(0, -1));
				return true;
			}
			if (key.ctrl && input === 'u') {
				change('');
				return true;
			}
			if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return false;
			// Printable input only (pasted text arrives as one chunk).
			const printable = input.replace(/[\u0000-\u001F\u007F]/g, '');
			if (printable) change(latest.current + printable);
			return true;
		},
		{priority: LAYER.input, isActive},
	);
	// Keys typed while this input was being drawn were held for it: replay them now (after the
	// layer above has registered, so they reach this input).
	useEffect(() => {
		if (isActive) release();
	}, [isActive, release]);
	return (
		<Text>
			<Text color={theme.color('text.accent')}>{prompt}</Text>
			{value || <Text color={theme.color('text.muted')}>{placeholder}</Text>}
			{isActive ? <Text inverse> </Text> : null}
		</Text>
	);
}
