import type {Key} from 'ink';

/**
 * A key action is data: the keys, a title for help and footer, a group, and flags. Help, the
 * footer hints, the command palette and read-only filtering all read the same records, so
 * what the help says and what the keys do cannot drift apart.
 */
export type ActionSpec<Id extends string = string> = {
	id: Id;
	/** Bindings: 'q', 'ctrl+r', 'S' (shift+s), 'enter', 'esc', 'space', 'up', 'pagedown', ... */
	keys: readonly string[];
	title: string;
	group?: string;
	/** Destructive: hidden and blocked in read-only mode. */
	danger?: boolean;
	/** Listed in the footer hints. */
	hint?: boolean;
	/** Not listed in help (aliases such as j/k). */
	hidden?: boolean;
	/** Opens a text input: keys typed right after it are held for the input (see useKeyHold). */
	opensInput?: boolean;
};

export type KeyEvent = {input: string; key: Key};

const named: Record<string, (key: Key) => boolean> = {
	enter: key => key.return,
	esc: key => key.escape,
	tab: key => key.tab && !key.shift,
	'shift+tab': key => key.tab && key.shift,
	up: key => key.upArrow,
	down: key => key.downArrow,
	left: key => key.leftArrow,
	right: key => key.rightArrow,
	pageup: key => key.pageUp,
	pagedown: key => key.pageDown,
	home: key => key.home,
	end: key => key.end,
	backspace: key => key.backspace || key.delete,
};

/** Whether a binding matches a key event. */
export function matches(binding: string, {input, key}: KeyEvent): boolean {
	const namedMatch = named[binding];
	if (namedMatch) return namedMatch(key);
	if (binding === 'space') return input === ' ' && !key.ctrl && !key.meta;
	if (binding.startsWith('ctrl+')) {
		const letter = binding.slice(5);
		return key.ctrl && input.toLowerCase() === letter;
	}
	if (key.ctrl || key.meta) return false;
	return input === binding;
}

/** How a binding is shown in help and hints. */
export function formatKey(binding: string): string {
	if (binding.startsWith('ctrl+')) return `Ctrl-${binding.slice(5).toUpperCase()}`;
	if (binding.length === 1 && binding >= 'A' && binding <= 'Z') return `Shift-${binding}`;
	const labels: Record<string, string> = {esc: 'Esc', enter: 'Enter', space: 'Space', pagedown: 'PgDn', pageup: 'PgUp', up: '↑', down: '↓', left: '←', right: '→', tab: 'Tab', 'shift+tab': 'Shift-Tab', home: 'Home', end: 'End', backspace: 'Backspace'};
	return labels[binding] ?? binding;
}

/** The visible actions for a mode: danger actions disappear in read-only mode. */
export function visibleActions<A extends ActionSpec>(actions: readonly A[], readOnly: boolean): A[] {
	return actions.filter(action => !action.hidden && !(readOnly && action.danger));
}
