import React, {createContext, useContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';
import {useInput, useStdin, type Key} from 'ink';
import type {KeyEvent} from './actions.js';

/**
 * One stdin subscription for the whole app. Layers (global < screen < overlay < input) register
 * handlers; the highest layer sees a key first and returns true when it consumed it, so a
 * dialog shadows the screen below it. Handlers are read through refs: never a stale closure.
 */
export const LAYER = {global: 0, screen: 10, overlay: 20, input: 30} as const;

type Registration = {id: number; priority: number; handler: {current: (event: KeyEvent) => boolean}; active: {current: boolean}};

type Dispatcher = {
	register(registration: Registration): () => void;
	/**
	 * Holds the keys that arrive next instead of dispatching them, until `release()`. A key that
	 * opens an input (`:`, `/`) calls this, and the input replays the keys when it has mounted:
	 * fast typing or a paste (":network⏎" in one chunk) arrives before React has drawn the input.
	 */
	hold(): void;
	/** Dispatches the held keys (to the layers registered now) and stops holding. */
	release(): void;
	/** A component with a key layer committed a render (see {@link useKeyLayer}). */
	committed(): void;
};

const DispatchContext = createContext<Dispatcher | undefined>(undefined);

export function KeyProvider({children}: {readonly children: ReactNode}) {
	const layers = useRef<Registration[]>([]);
	const held = useRef<KeyEvent[] | undefined>(undefined);
	const {isRawModeSupported} = useStdin();
	const dispatcher = useMemo<Dispatcher>(() => {
		/** Gives the event to the highest active layer that takes it; returns that layer's priority. */
		const dispatch = (event: KeyEvent): number | undefined => {
			for (const layer of layers.current) {
				if (!layer.active.current) continue;
				if (layer.handler.current(event)) return layer.priority;
			}
			return undefined;
		};
		// Keys that arrive together (a burst, or keys held for an opening input) are dispatched in
		// order, but after a key that may change which layers are active or what they hold (Enter,
		// Esc or Tab, or any key a screen or dialog took) the next one waits until React has
		// committed that change: a key-layer component re-rendered (layers register in layout
		// effects, so the list is current then), or 500 ms passed and nothing re-rendered (a key
		// that changed nothing).
		// Dispatched in one go, "/pay⏎⏎" sent the second Enter to the filter input the first had
		// just closed, and Tab+Enter in a dialog pressed the button Tab had just left. Text typed
		// into an input stays synchronous.
		const queue: KeyEvent[] = [];
		let waiting = false;
		// Which wait a scheduled resume belongs to: a resume scheduled for an earlier wait (two
		// commits in a row) must not end the one that follows it.
		let wait = 0;
		let resumeTimer: ReturnType<typeof setTimeout> | undefined;
		const resume = (which: number) => {
			if (!waiting || which !== wait) return;
			waiting = false;
			clearTimeout(resumeTimer);
			drain();
		};
		const drain = () => {
			while (queue.length > 0) {
				if (held.current) {
					held.current.push(...queue.splice(0));
					return;
				}
				const event = queue.shift()!;
				const taker = dispatch(event);
				const mayChangeLayers = taker !== undefined && (taker < LAYER.input || event.key.return || event.key.escape || event.key.tab);
				if (mayChangeLayers && queue.length > 0) {
					waiting = true;
					const which = ++wait;
					resumeTimer = setTimeout(() => resume(which), 500);
					return;
				}
			}
		};
		const enqueue = (events: readonly KeyEvent[]) => {
			queue.push(...events);
			if (!waiting) drain();
		};
		const release = () => {
			const events = held.current ?? [];
			held.current = undefined;
			enqueue(events);
		};
		return {
			register(registration) {
				// Kept in dispatch order (highest layer, then newest first): sorted when layers change, not per key.
				layers.current = [...layers.current, registration].sort((a, b) => b.priority - a.priority || b.id - a.id);
				return () => {
					layers.current = layers.current.filter(item => item.id !== registration.id);
				};
			},
			hold() {
				held.current ??= [];
				// Never hold for long: if no input appears, the keys go where they would have gone.
				setTimeout(() => {
					if (held.current) release();
				}, 150).unref?.();
			},
			release,
			committed() {
				// After the commit, not inside it.
				if (!waiting) return;
				const which = wait;
				setImmediate(() => resume(which));
			},
			enqueue,
		} as Dispatcher & {enqueue(events: readonly KeyEvent[]): void};
	}, []);
	useInput(
		(input, key) => {
			(dispatcher as Dispatcher & {enqueue(events: readonly KeyEvent[]): void}).enqueue(splitChunk(input, key));
		},
		// On a pipe (CI, tests without a TTY) raw mode is unavailable and useInput would throw.
		{isActive: isRawModeSupported === true},
	);
	return <DispatchContext.Provider value={dispatcher}>{children}</DispatchContext.Provider>;
}

const plainKey: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false,
	capsLock: false, numLock: false,
} as Key;

/**
 * Ink hands a burst of typed characters (fast typing, tmux send-keys, a paste) over as one
 * string. Split it into one event per character so ":repos⏎" runs the command and "/pay"
 * filters, exactly as if typed slowly. Escape sequences and modified keys pass through whole.
 */
export function splitChunk(input: string, key: Key): KeyEvent[] {
	if (input.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001B')) return [{input, key}];
	return [...input].map(char => {
		if (char === '\r' || char === '\n') return {input: '', key: {...plainKey, return: true}};
		if (char === '\t') return {input: '', key: {...plainKey, tab: true}};
		if (char === '\u007F' || char === '\b') return {input: '', key: {...plainKey, backspace: true}};
		// A Ctrl key in the burst (" ⌃D": mark, then delete) is Ctrl+letter, as when typed alone.
		const code = char.charCodeAt(0);
		if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), key: {...plainKey, ctrl: true}};
		return {input: char, key: {...plainKey, shift: char !== char.toLowerCase()}};
	});
}

let nextId = 1;

/** The dispatcher's hold/release, for keys that open an input (see {@link Dispatcher.hold}). */
export function useKeyHold(): Pick<Dispatcher, 'hold' | 'release'> {
	const dispatcher = useContext(DispatchContext);
	if (!dispatcher) throw new Error('useKeyHold must be used inside <KeyProvider>');
	return dispatcher;
}

/** Registers a key handler on a layer; it returns true when it consumed the key. */
export function useKeyLayer(handler: (event: KeyEvent) => boolean, options: {priority: number; isActive?: boolean}): void {
	const dispatcher = useContext(DispatchContext);
	if (!dispatcher) throw new Error('useKeyLayer must be used inside <KeyProvider>');
	const handlerRef = useRef(handler);
	handlerRef.current = handler;
	const activeRef = useRef(options.isActive ?? true);
	activeRef.current = options.isActive ?? true;
	// A layout effect, not a passive one: passive effects (and the cleanup of an unmounted one) run
	// some time after the commit, so a key typed right after a text input closed (Enter to open
	// the row just filtered) still went to the closed input's handler and was lost.
	useLayoutEffect(() => {
		const id = nextId++;
		return dispatcher.register({id, priority: options.priority, handler: handlerRef, active: activeRef});
	}, [dispatcher, options.priority]);
	// Every commit of this component: keys waiting for a change to land may go on.
	useLayoutEffect(() => {
		dispatcher.committed();
	});
}
