import {useCallback} from 'react';
import {useStdout} from 'ink';
import {copyToClipboard} from '../app/clipboard.js';
import {useFlash} from '../app/ui-state.js';

/** `c` and `b`: copy a value (OSC 52) and say so; show a console URL and copy it too. */
export function useCopy() {
	const {stdout} = useStdout();
	const flash = useFlash();
	const copy = useCallback(
		(label: string, text: string) => {
			copyToClipboard(stdout, text);
			flash.info(`copied ${label}: ${text}`);
		},
		[stdout, flash],
	);
	const openUrl = useCallback(
		(url: string) => {
			copyToClipboard(stdout, url);
			flash.info(`console (copied): ${url}`);
		},
		[stdout, flash],
	);
	return {copy, openUrl};
}
