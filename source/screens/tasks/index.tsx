import React from 'react';
import {ClustersView} from './clusters-view.js';
import {ServicesView} from './services-view.js';
import {TasksView} from './tasks-view.js';

/**
 * The live ECS watcher (`:tasks`): clusters -> services -> tasks. The route says the level:
 * no cluster lists clusters, a cluster lists its services, a service (or `*` for every service)
 * lists tasks. Each level polls only what it shows and its parent.
 */
export function TasksScreen({cluster, service, height, width}: {readonly cluster?: string; readonly service?: string; readonly height: number; readonly width: number}) {
	if (cluster === undefined) return <ClustersView height={height} width={width} />;
	if (service === undefined) return <ServicesView key={cluster} cluster={cluster} height={height} width={width} />;
	return <TasksView key={`${cluster}/${service}`} cluster={cluster} service={service} height={height} width={width} />;
}
