import React, {useCallback, useMemo, useState} from 'react';
import {useApp} from 'ink';
import {ServicesProvider, type AppServices} from './context.js';
import {UiProvider} from './ui-state.js';
import {KeyProvider} from './keys/dispatch.js';
import {NavigationProvider, type Route} from './router.js';
import {ScreenActionsProvider} from './keys/use-keymap.js';
import {Shell} from './shell.js';
import {themes} from './theme/themes.js';
import type {Theme} from './theme/tokens.js';
import {closeSession, type Session, type SessionResult} from '../data/session.js';
import type {SettingsStore} from '../config/settings.js';
import type {AuditLog} from '../config/audit.js';

export type AppProps = {
	readonly session: Session;
	readonly settings: SettingsStore;
	readonly audit: AuditLog;
	readonly theme: Theme;
	readonly configDir: string;
	/** Opens a session for another profile or region (the same way the first was opened). */
	readonly openSession: (change: {profile?: string; region?: string}) => Promise<SessionResult>;
	readonly initialRoute?: Route;
	readonly onSessionChange?: (session: Session) => void;
};

/**
 * The root: owns the current session and theme. A profile or region switch opens a new
 * session (new clients, new cache) and remounts the screens, so nothing from the old account
 * or region can linger on screen.
 */
export function App(props: AppProps) {
	const {exit} = useApp();
	const [session, setSession] = useState(props.session);
	const [theme, setTheme] = useState(props.theme);
	const firstRun = !props.settings.get().hintShown;

	const switchSession = useCallback(
		async (change: {profile?: string; region?: string}) => {
			const result = await props.openSession({profile: change.profile ?? session.profile, region: change.region ?? session.region, ...change});
			if (!result.ok) throw new Error(`${result.problem.why} ${result.problem.next}`);
			closeSession(session);
			setSession(result.session);
			props.onSessionChange?.(result.session);
			// Remember real accounts only: trying regions in the demo must not change the next real start.
			if (result.session.mode !== 'demo') {
				if (result.session.profile) props.settings.set('lastProfile', result.session.profile);
				props.settings.set('lastRegion', result.session.region);
			}
		},
		[props, session],
	);

	const services = useMemo<AppServices>(() => {
		const simulator = session.simulator;
		return {
			session,
			settings: props.settings,
			theme,
			audit: props.audit,
			now: simulator ? () => simulator.clock.now() : Date.now,
			switchSession,
			configDir: props.configDir,
		};
	}, [session, props.settings, props.audit, props.configDir, theme, switchSession]);

	const onTheme = useCallback(
		(name: 'dark' | 'light') => {
			if (!theme.colored) return;
			setTheme(themes[name]);
			props.settings.set('theme', name);
		},
		[theme, props.settings],
	);
	const onQuit = useCallback(() => {
		if (firstRun) props.settings.set('hintShown', true);
		exit();
	}, [exit, firstRun, props.settings]);

	return (
		<ServicesProvider value={services}>
			<UiProvider>
				<KeyProvider>
					<NavigationProvider key={session.scope + (session.profile ?? '')} initial={props.initialRoute ?? {screen: 'repositories'}}>
						<ScreenActionsProvider>
							<Shell onQuit={onQuit} onTheme={onTheme} firstRun={firstRun} />
						</ScreenActionsProvider>
					</NavigationProvider>
				</KeyProvider>
			</UiProvider>
		</ServicesProvider>
	);
}
