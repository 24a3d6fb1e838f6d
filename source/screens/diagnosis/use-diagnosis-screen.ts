import {useMemo} from 'react';
import {useServices} from '../../app/context.js';
import {useResource} from '../../hooks/use-resource.js';
import type {Descriptor} from '../../data/store.js';
import {loadDiagnosis, type DiagnosisReport} from '../../data/diagnosis.js';
import {historyOf} from '../../data/task-history.js';
import {nameOfArn} from '../../domain/ecs/types.js';

/**
 * Loads the diagnosis of one task through the cache (so Ctrl-R and `r` re-run it, and leaving
 * the screen cancels it). Not polled: each run costs a dozen calls; `r` runs it again. Time is
 * AWS time at the moment of the run (the simulator's clock in the demo).
 */
export function useDiagnosisScreen({cluster, taskArn}: {cluster: string; taskArn: string}) {
	const {session, settings, configDir, now} = useServices();
	const stallThresholdMs = settings.get().stallThresholdMs;
	const limit = settings.get().stoppedHistoryLimit;
	const descriptor = useMemo<Descriptor<DiagnosisReport>>(() => {
		const id = nameOfArn(taskArn);
		const history = historyOf(session, configDir, limit);
		return {
			key: `${session.scope}/diagnosis/${cluster}/${id}`,
			ttlMs: 60_000,
			what: `Diagnosing task ${id}`,
			load: ({signal}) => loadDiagnosis(session, {cluster, task: taskArn, history, now: now(), stallThresholdMs}, signal),
		};
	}, [session, cluster, taskArn, configDir, limit, now, stallThresholdMs]);
	return useResource(descriptor);
}
