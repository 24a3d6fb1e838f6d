import React, {createContext, useCallback, useContext, useMemo, useReducer, type ReactNode} from 'react';

/** The screens and their parameters. `enter` pushes, `esc` pops. */
export type Route =
	| {screen: 'repositories'}
	| {screen: 'images'; repository: string; region?: string}
	| {screen: 'lifecycle'; repository: string}
	| {screen: 'tasks'; cluster?: string; service?: string}
	| {screen: 'diagnosis'; cluster: string; taskArn: string}
	| {screen: 'logs'; cluster: string; taskArn: string; container?: string}
	| {screen: 'network'; cluster?: string; taskArn?: string; subnetId?: string}
	| {screen: 'errors'};

export type ScreenName = Route['screen'];

type State = {stack: Route[]};
type Action = {type: 'push'; route: Route} | {type: 'pop'} | {type: 'reset'; route: Route};

function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'push':
			return {stack: [...state.stack, action.route]};
		case 'pop':
			return state.stack.length > 1 ? {stack: state.stack.slice(0, -1)} : state;
		case 'reset':
			return {stack: [action.route]};
	}
}

export type Navigation = {
	route: Route;
	push(route: Route): void;
	/** Goes back; returns false at the first screen. */
	pop(): boolean;
	/** Jumps to a top-level screen (command palette). */
	reset(route: Route): void;
};

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function NavigationProvider({initial, children}: {readonly initial: Route; readonly children: ReactNode}) {
	const [state, dispatch] = useReducer(reducer, {stack: [initial]});
	const push = useCallback((route: Route) => dispatch({type: 'push', route}), []);
	const reset = useCallback((route: Route) => dispatch({type: 'reset', route}), []);
	const depth = state.stack.length;
	const pop = useCallback(() => {
		if (depth <= 1) return false;
		dispatch({type: 'pop'});
		return true;
	}, [depth]);
	const value = useMemo<Navigation>(() => ({route: state.stack[state.stack.length - 1]!, push, pop, reset}), [state.stack, push, pop, reset]);
	return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
	const value = useContext(NavigationContext);
	if (!value) throw new Error('useNavigation must be used inside <NavigationProvider>');
	return value;
}

/** A short breadcrumb for the header. */
export function routeTitle(route: Route): string {
	switch (route.screen) {
		case 'repositories':
			return 'repositories';
		case 'images':
			return `images: ${route.repository}${route.region ? ` (${route.region})` : ''}`;
		case 'lifecycle':
			return `lifecycle: ${route.repository}`;
		case 'tasks':
			return route.service ? `tasks: ${route.cluster}/${route.service}` : route.cluster ? `services: ${route.cluster}` : 'clusters';
		case 'diagnosis':
			return `diagnosis: ${route.taskArn.split('/').pop()?.slice(0, 12) ?? ''}`;
		case 'logs':
			return `logs: ${route.taskArn.split('/').pop()?.slice(0, 12) ?? ''}${route.container ? `/${route.container}` : ''}`;
		case 'network':
			return route.taskArn ? `network: task ${route.taskArn.split('/').pop()?.slice(0, 12) ?? ''}` : route.subnetId ? `network: ${route.subnetId}` : 'network: VPCs';
		case 'errors':
			return 'recent errors';
	}
}
