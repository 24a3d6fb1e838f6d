/**
 * Internal errors (bugs, not AWS answers) that the app survives: a screen that failed to
 * render, an exception mapped to an "unknown" problem. The user sees a short message; the
 * `--debug` log subscribes here to keep the details (message and stack).
 */
type Listener = (error: unknown, context: string) => void;

const listeners = new Set<Listener>();

export function onInternalError(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function reportInternalError(error: unknown, context: string): void {
	for (const listener of listeners) {
		try {
			listener(error, context);
		} catch {
			// A failing listener (a full disk under the debug log) must not turn one error into two.
		}
	}
}
