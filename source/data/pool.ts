/**
 * Runs `worker` over items with at most `limit` in flight: background loads (per-repository
 * statistics) stay polite to the API and never starve what the user is looking at.
 */
export async function runPool<T>(items: readonly T[], limit: number, worker: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
	let next = 0;
	const lanes = Array.from({length: Math.min(limit, items.length)}, async () => {
		while (next < items.length && !signal?.aborted) {
			const item = items[next++]!;
			await worker(item);
		}
	});
	await Promise.all(lanes);
}
