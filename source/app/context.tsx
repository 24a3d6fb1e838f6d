import React, {createContext, useContext, type ReactNode} from 'react';
import type {Session} from '../data/session.js';
import type {SettingsStore} from '../config/settings.js';
import type {AuditLog} from '../config/audit.js';
import type {Theme} from './theme/tokens.js';

/** What every screen may use: the session (AWS data), settings, theme, audit log, and time. */
export type AppServices = {
	session: Session;
	settings: SettingsStore;
	theme: Theme;
	audit: AuditLog;
	/** AWS time: the simulator's clock in demo mode, the wall clock otherwise. */
	now(): number;
	/** Opens a new session for another profile or region; every cached view reloads. */
	switchSession(change: {profile?: string; region?: string}): Promise<void>;
	/** Config directory for history files. */
	configDir: string;
};

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({value, children}: {readonly value: AppServices; readonly children: ReactNode}) {
	return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
	const value = useContext(ServicesContext);
	if (!value) throw new Error('useServices must be used inside <ServicesProvider>');
	return value;
}


export function useTheme(): Theme {
	return useServices().theme;
}
