import React, {Suspense, lazy} from 'react';
import type {Route} from './router.js';
import {RepositoriesScreen} from '../screens/repositories/index.js';
import {Loading} from '../components/loading.js';
import {ScreenErrorBoundary} from '../components/screen-error-boundary.js';

// Every screen but the first is loaded when first opened: the start-up chunk stays small, so
// the repository list appears sooner (the lifecycle, network and diagnosis engines and their
// screens are most of the code).
const ImagesScreen = lazy(async () => ({default: (await import('../screens/images/index.js')).ImagesScreen}));
const TasksScreen = lazy(async () => ({default: (await import('../screens/tasks/index.js')).TasksScreen}));
const DiagnosisScreen = lazy(async () => ({default: (await import('../screens/diagnosis/index.js')).DiagnosisScreen}));
const LogsScreen = lazy(async () => ({default: (await import('../screens/logs/index.js')).LogsScreen}));
const LifecycleScreen = lazy(async () => ({default: (await import('../screens/lifecycle/index.js')).LifecycleScreen}));
const NetworkScreen = lazy(async () => ({default: (await import('../screens/network/index.js')).NetworkScreen}));
const ErrorsScreen = lazy(async () => ({default: (await import('../screens/errors/index.js')).ErrorsScreen}));

/** Maps a route to its screen; each screen gets the body's size. */
export function ScreenView(props: {readonly route: Route; readonly height: number; readonly width: number}) {
	return (
		<ScreenErrorBoundary key={JSON.stringify(props.route)} name={props.route.screen}>
			<Suspense fallback={<Loading label="Opening the screen" />}>
				<Screen {...props} />
			</Suspense>
		</ScreenErrorBoundary>
	);
}

function Screen({route, height, width}: {readonly route: Route; readonly height: number; readonly width: number}) {
	switch (route.screen) {
		case 'repositories':
			return <RepositoriesScreen height={height} width={width} />;
		case 'images':
			return <ImagesScreen repository={route.repository} {...(route.region ? {region: route.region} : {})} height={height} width={width} />;
		case 'tasks':
			return <TasksScreen {...route} height={height} width={width} />;
		case 'diagnosis':
			return <DiagnosisScreen key={route.taskArn} cluster={route.cluster} taskArn={route.taskArn} height={height} width={width} />;
		case 'logs':
			return <LogsScreen key={`${route.taskArn}/${route.container ?? ''}`} cluster={route.cluster} taskArn={route.taskArn} {...(route.container === undefined ? {} : {container: route.container})} height={height} width={width} />;
		case 'lifecycle':
			return <LifecycleScreen key={route.repository} repository={route.repository} height={height} width={width} />;
		case 'errors':
			return <ErrorsScreen height={height} width={width} />;
		case 'network':
			return <NetworkScreen key={`${route.taskArn ?? ''}/${route.subnetId ?? ''}`} {...route} height={height} width={width} />;
	}
}
