import React, {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import type {Problem} from '../data/problems.js';

/**
 * Small pieces of UI state shared across screens: the flash line (one transient message),
 * whether a modal is open (polling pauses), the screen's current key actions (for help and
 * the footer), and the filter text of the current table.
 */
export type Flash = {kind: 'info' | 'warn' | 'error'; text: string};

type UiState = {
	flash?: Flash;
	setFlash(flash: Flash | undefined): void;
	modalCount: number;
	openModal(): () => void;
	overlay: 'help' | 'palette' | undefined;
	setOverlay(overlay: 'help' | 'palette' | undefined): void;
};

const UiContext = createContext<UiState | undefined>(undefined);

export function UiProvider({children}: {readonly children: ReactNode}) {
	const [flash, setFlashState] = useState<Flash>();
	const [modalCount, setModalCount] = useState(0);
	const [overlay, setOverlay] = useState<'help' | 'palette'>();
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const setFlash = useCallback((next: Flash | undefined) => {
		clearTimeout(timer.current);
		// A new object each time, so the same text flashed twice still restarts its timer and shows.
		setFlashState(next ? {...next} : undefined);
		if (next) {
			timer.current = setTimeout(() => setFlashState(undefined), next.kind === 'error' ? 10_000 : 5000);
			timer.current.unref?.();
		}
	}, []);
	useEffect(() => () => clearTimeout(timer.current), []);
	const openModal = useCallback(() => {
		setModalCount(count => count + 1);
		let closed = false;
		return () => {
			if (closed) return;
			closed = true;
			setModalCount(count => count - 1);
		};
	}, []);
	const value = useMemo<UiState>(() => ({flash, setFlash, modalCount, openModal, overlay, setOverlay}), [flash, setFlash, modalCount, openModal, overlay]);
	return <UiContext.Provider value={value}>{children}</UiContext.Provider>;
}

export function useUi(): UiState {
	const value = useContext(UiContext);
	if (!value) throw new Error('useUi must be used inside <UiProvider>');
	return value;
}

/** Flash helpers: one line at the bottom, cleared after a few seconds. */
export function useFlash() {
	const {setFlash} = useUi();
	return useMemo(
		() => ({
			info: (text: string) => setFlash({kind: 'info', text}),
			warn: (text: string) => setFlash({kind: 'warn', text}),
			error: (value: string | Problem) => setFlash({kind: 'error', text: typeof value === 'string' ? value : `${value.what}: ${value.why} ${value.next}`}),
		}),
		[setFlash],
	);
}

/** Marks a modal as open while the calling component is mounted (pauses polling). */
export function useModal(isOpen = true): void {
	const {openModal} = useUi();
	useEffect(() => (isOpen ? openModal() : undefined), [isOpen, openModal]);
}

/** Whether a dialog or overlay is open: polling hooks pause while it is. */
export function useIsModalOpen(): boolean {
	const {modalCount, overlay} = useUi();
	return modalCount > 0 || overlay !== undefined;
}
