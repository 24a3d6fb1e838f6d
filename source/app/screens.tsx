import React from 'react';
import {Text} from 'ink';
import type {Route} from './router.js';
import {RepositoriesScreen} from '../screens/repositories/index.js';
import {ErrorsScreen} from '../screens/errors/index.js';
import {NetworkScreen} from '../screens/network/index.js';
import {ImagesScreen} from '../screens/images/index.js';
import {LifecycleScreen} from '../screens/lifecycle/index.js';
import {TasksScreen} from '../screens/tasks/index.js';
import {DiagnosisScreen} from '../screens/diagnosis/index.js';
import {LogsScreen} from '../screens/logs/index.js';

/** Maps a route to its screen; each screen gets the body's size. */
export function ScreenView({route, height, width}: {readonly route: Route; readonly height: number; readonly width: number}) {
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
		default:
			return <Text>The {route.screen} screen is not built yet.</Text>;
	}
}
