import React, {createContext, useContext, useEffect, useState, type ReactNode} from 'react';
import {matches, type ActionSpec, type KeyEvent} from './actions.js';
import {LAYER, useKeyHold, useKeyLayer} from './dispatch.js';
import {useServices} from '../context.js';
import {useFlash} from '../ui-state.js';

/** A handler returns false when it declined the key (then lower layers see it). */
export type Handler = () => void | boolean;

type Published = {actions: readonly ActionSpec[]; title: string; about: string};

type Publish = (value: Published | undefined) => void;

// Two contexts: the setter is stable, so publishing never re-renders the publisher.
const PublishContext = createContext<Publish | undefined>(undefined);
const CurrentContext = createContext<Published | undefined>(undefined);

/** Holds the current screen's actions so the help overlay and footer can list them. */
export function ScreenActionsProvider({children}: {readonly children: ReactNode}) {
	const [current, setCurrent] = useState<Published>();
	return (
		<PublishContext.Provider value={setCurrent}>
			<CurrentContext.Provider value={current}>{children}</CurrentContext.Provider>
		</PublishContext.Provider>
	);
}

export function useScreenActions(): Published | undefined {
	return useContext(CurrentContext);
}

export type KeymapOptions = {
	/** Layer priority; screens use LAYER.screen (default). */
	priority?: number;
	isActive?: boolean;
	/** Defaults to the session's read-only mode. */
	readOnly?: boolean;
	/** Called when a danger action is pressed in read-only mode; by default a flash names the action. */
	onBlocked?: (action: ActionSpec) => void;
	/** Publish these actions for help and footer (screens do, dialogs do not). */
	publish?: {title: string; about: string};
};

/**
 * Binds a keymap: a table of actions plus a handler per action id. A missing handler for a
 * declared action is a type error. Danger actions are refused in read-only mode, for every
 * keymap without it having to ask.
 */
export function useKeymap<Id extends string>(actions: readonly ActionSpec<Id>[], handlers: Record<Id, Handler>, options: KeymapOptions = {}): void {
	const publishActions = useContext(PublishContext);
	const {hold} = useKeyHold();
	const {session} = useServices();
	const flash = useFlash();
	const {publish, readOnly = session.readOnly} = options;
	const onBlocked = options.onBlocked ?? ((action: ActionSpec) => flash.warn(`read-only mode: ${action.title.toLowerCase()} is disabled`));
	useKeyLayer(
		(event: KeyEvent) => {
			for (const action of actions) {
				if (!action.keys.some(binding => matches(binding, event))) continue;
				if (readOnly && action.danger) {
					onBlocked(action);
					return true;
				}
				if (action.opensInput) hold();
				const result = handlers[action.id]();
				if (result === false) continue;
				return true;
			}
			return false;
		},
		{priority: options.priority ?? LAYER.screen, isActive: options.isActive ?? true},
	);
	const title = publish?.title;
	const about = publish?.about;
	useEffect(() => {
		if (!publishActions || title === undefined || about === undefined) return;
		publishActions({actions, title, about});
		return () => publishActions(undefined);
	}, [publishActions, actions, title, about]);
}
