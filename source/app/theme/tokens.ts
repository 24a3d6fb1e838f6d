/**
 * Semantic colour roles. Components and column specs name a role (`status.error`), never a
 * colour; the theme decides. Every role is also doubled by a symbol or word in the UI, so
 * nothing depends on colour alone (NO_COLOR works).
 */
export type Role =
	| 'text.primary'
	| 'text.secondary'
	| 'text.muted'
	| 'text.accent'
	| 'status.ok'
	| 'status.warn'
	| 'status.error'
	| 'status.pending'
	| 'status.stopped'
	| 'status.info'
	| 'row.selected'
	| 'row.marked'
	| 'danger'
	| 'border'
	| 'border.focus'
	| 'header.bg'
	| 'header.fg'
	| 'banner.prod';

export type Theme = {
	name: 'dark' | 'light' | 'no-color';
	/** Whether colours are used at all. */
	colored: boolean;
	color(role: Role): string | undefined;
};
