import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useServices} from './context.js';
import {routeTitle, useNavigation} from './router.js';
import {insecureEndpointWarning} from '../data/session.js';
import {inert, truncate, width as cells} from '../domain/format/text.js';

function isProduction(profile: string | undefined, pattern: string): boolean {
	if (!profile || !pattern) return false;
	try {
		return new RegExp(pattern, 'i').test(profile);
	} catch {
		return false;
	}
}

/** Watches the store and recorder for the "refreshing" and "throttled, retrying" marks. */
function useActivity(): {busy: boolean; throttledAt?: number} {
	const {session} = useServices();
	const [state, setState] = useState<{busy: boolean; throttledAt?: number}>({busy: session.store.busy});
	useEffect(() => {
		const update = () => setState(current => (current.busy === session.store.busy ? current : {...current, busy: session.store.busy}));
		const unsubscribeStore = session.store.subscribeAll(update);
		const unsubscribeRecorder = session.recorder.subscribe(event => {
			if (event.type === 'retry' && event.throttled) setState(current => ({...current, throttledAt: Date.now()}));
		});
		return () => {
			unsubscribeStore();
			unsubscribeRecorder();
		};
	}, [session]);
	return state;
}

/** One line: who and where (profile, region, account), read-only, and activity. */
export function Header({width}: {readonly width: number}) {
	const {session, theme, settings} = useServices();
	const {route} = useNavigation();
	const {busy, throttledAt} = useActivity();
	const [, tick] = useState(0);
	useEffect(() => {
		if (!throttledAt) return;
		const timer = setTimeout(() => tick(value => value + 1), 4000);
		return () => clearTimeout(timer);
	}, [throttledAt]);
	const throttled = throttledAt !== undefined && Date.now() - throttledAt < 4000;
	const production = isProduction(session.profile, settings.get().productionPattern);
	const who = session.mode === 'demo' ? 'demo' : (session.profile ?? 'default');
	const parts = [who, session.region, session.accountId];
	const right = throttled ? '⏳ throttled, retrying' : busy ? '⟳ refreshing' : '✓ up to date';
	// The title carries names from AWS (a repository, a cluster): inert, like every AWS string.
	const title = inert(routeTitle(route));
	const left = ` ecrtui │ ${parts.join(' │ ')}`;
	// stderr's warning is hidden by the alternate screen at once: the header keeps saying it.
	const plainHttp = insecureEndpointWarning(session.endpoint) !== undefined;
	const badges = `${session.readOnly ? ' │ READ-ONLY' : ''}${production ? ' │ PRODUCTION' : ''}${plainHttp ? ' │ ⚠ PLAIN HTTP' : ''}`;
	const middle = ` │ ${title}`;
	// Display cells, not string length: ⏳ and ⟳ are two cells wide, and a line one cell too long
	// is truncated from its end, which cut "throttled, retrying" to "throttled, retryin…".
	const room = Math.max(0, width - cells(left) - cells(badges) - cells(right) - 2);
	return (
		<Box width={width}>
			<Text backgroundColor={production ? theme.color('banner.prod') : theme.color('header.bg')} color={theme.color('header.fg')} bold wrap="truncate">
				{left}
				<Text color={theme.color('status.warn')}>{session.readOnly ? ' │ READ-ONLY' : ''}</Text>
				{production ? ' │ PRODUCTION' : ''}
				<Text color={theme.color('status.error')}>{plainHttp ? ' │ ⚠ PLAIN HTTP' : ''}</Text>
				{truncate(middle, room).padEnd(room)}{' '}
				<Text color={throttled ? theme.color('status.warn') : undefined}>{right}</Text>{' '}
			</Text>
		</Box>
	);
}
