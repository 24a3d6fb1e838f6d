import React, {createContext, useContext, useEffect, useMemo, useRef, type ReactNode} from 'react';
import {useInput, useStdin} from 'ink';
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
};

const DispatchContext = createContext<Dispatcher | undefined>(undefined);

export function KeyProvider({children}: {readonly children: ReactNode}) {
	const layers = useRef<Registration[]>([]);
	const {isRawModeSupported} = useStdin();
	const dispatcher = useMemo<Dispatcher>(
		() => ({
			register(registration) {
				layers.current = [...layers.current, registration];
				return () => {
					layers.current = layers.current.filter(item => item.id !== registration.id);
				};
			},
		}),
		[],
	);
	useInput(
		(input, key) => {
			const ordered = [...layers.current].sort((a, b) => b.priority - a.priority || b.id - a.id);
			for (const layer of ordered) {
				if (!layer.active.current) continue;
				if (layer.handler.current({input, key})) return;
			}
		},
		// On a pipe (CI, tests without a TTY) raw mode is unavailable and useInput would throw.
		{isActive: isRawModeSupported === true},
	);
	return <DispatchContext.Provider value={dispatcher}>{children}</DispatchContext.Provider>;
}

let nextId = 1;

/** Registers a key handler on a layer; it returns true when it consumed the key. */
export function useKeyLayer(handler: (event: KeyEvent) => boolean, options: {priority: number; isActive?: boolean}): void {
	const dispatcher = useContext(DispatchContext);
	if (!dispatcher) throw new Error('useKeyLayer must be used inside <KeyProvider>');
	const handlerRef = useRef(handler);
	handlerRef.current = handler;
	const activeRef = useRef(options.isActive ?? true);
	activeRef.current = options.isActive ?? true;
	useEffect(() => {
		const id = nextId++;
		return dispatcher.register({id, priority: options.priority, handler: handlerRef, active: activeRef});
	}, [dispatcher, options.priority]);
}
