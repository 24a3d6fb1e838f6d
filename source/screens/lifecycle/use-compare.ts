import {useCallback, useEffect, useRef, useState} from 'react';
import type {Session} from '../../data/session.js';
import {awsLifecyclePreview} from '../../data/lifecycle.js';
import {toProblem} from '../../data/problems.js';
import type {EvaluationResult} from '../../domain/lifecycle/index.js';
import {compareWithAws, type Comparison} from './compare.js';

/** How long to wait for AWS's preview (its own waiter gives up after 100 s). */
export const COMPARE_TIMEOUT_MS = 120_000;

/** Poll delays: quick at first (small repositories finish in seconds), then every 5 s like AWS's waiter. */
const POLL_MS = [1000, 1000, 2000, 3000, 5000];

/** Where the comparison is: not started, waiting for AWS, compared, or failed. */
export type CompareState =
	| {readonly status: 'idle'}
	| {readonly status: 'running'; readonly startedAt: number; readonly awsStatus: string}
	| {readonly status: 'done'; readonly comparison: Comparison; readonly awsExpiring: number; readonly awsTransitioning: number; readonly seconds: number}
	| {readonly status: 'error'; readonly message: string};

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(Object.assign(new Error('cancelled'), {name: 'AbortError'}));
			return;
		}
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(Object.assign(new Error('cancelled'), {name: 'AbortError'}));
		};
		signal.addEventListener('abort', onAbort, {once: true});
	});
}

/**
 * "Compare with AWS": runs AWS's own preview (StartLifecyclePolicyPreview, then polls
 * GetLifecyclePolicyPreview) for the draft text and compares it with the local evaluation made
 * at the same moment. Esc cancels (the SDK call and the wait are aborted); leaving the screen
 * cancels too.
 */
export function useCompare(session: Session, repository: string) {
	const [state, setState] = useState<CompareState>({status: 'idle'});
	const controller = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => controller.current?.abort(), []);

	const start = useCallback(
		(text: string, local: EvaluationResult) => {
			controller.current?.abort();
			const abort = new AbortController();
			controller.current = abort;
			const startedAt = Date.now();
			let polls = 0;
			setState({status: 'running', startedAt, awsStatus: 'starting'});
			awsLifecyclePreview(session, repository, text, {
				signal: abort.signal,
				timeoutMs: COMPARE_TIMEOUT_MS,
				onStatus: status => {
					if (!abort.signal.aborted) setState({status: 'running', startedAt, awsStatus: status});
				},
				sleep: () => abortableSleep(POLL_MS[Math.min(polls++, POLL_MS.length - 1)] as number, abort.signal),
			}).then(
				preview => {
					if (abort.signal.aborted) return;
					const comparison = compareWithAws(local, preview.results);
					setState({status: 'done', comparison, awsExpiring: preview.expiring, awsTransitioning: preview.transitioning, seconds: Math.round((Date.now() - startedAt) / 1000)});
				},
				(error: unknown) => {
					if (abort.signal.aborted) return;
					const problem = toProblem(error, {what: `AWS's lifecycle preview of ${repository}`});
					setState({status: 'error', message: `${problem.why} ${problem.next}`});
				},
			);
		},
		[session, repository],
	);
	const cancel = useCallback(() => {
		controller.current?.abort();
		setState({status: 'idle'});
	}, []);
	return {state, start, cancel};
}
