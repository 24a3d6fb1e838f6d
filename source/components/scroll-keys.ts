import type {KeyEvent} from '../app/keys/actions.js';

/**
 * Where a scrolling key moves a text view: j/k and arrows by a line, PgDn/Space/Ctrl-F and
 * PgUp/Ctrl-B by a page, g/G to either end. Undefined for any other key.
 */
export function scrolledOffset({input, key}: KeyEvent, offset: number, page: number, maxOffset: number): number | undefined {
	if (key.downArrow || input === 'j') return Math.min(maxOffset, offset + 1);
	if (key.upArrow || input === 'k') return Math.max(0, offset - 1);
	if (key.pageDown || input === ' ' || (key.ctrl && input === 'f')) return Math.min(maxOffset, offset + page);
	if (key.pageUp || (key.ctrl && input === 'b')) return Math.max(0, offset - page);
	if (input === 'g') return 0;
	if (input === 'G') return maxOffset;
	return undefined;
}
