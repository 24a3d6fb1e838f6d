import type {Role, Theme} from './tokens.js';

/** The only place with literal colour names. */
const dark: Record<Role, string> = {
	'text.primary': 'white',
	'text.secondary': 'gray',
	'text.muted': 'gray',
	'text.accent': 'cyan',
	'status.ok': 'green',
	'status.warn': 'yellow',
	'status.error': 'red',
	'status.pending': 'blue',
	'status.stopped': 'gray',
	'status.info': 'cyan',
	'row.selected': 'cyan',
	'row.marked': 'magenta',
	danger: 'red',
	border: 'gray',
	'border.focus': 'cyan',
	'header.bg': 'blue',
	'header.fg': 'white',
	'banner.prod': 'red',
};

const light: Record<Role, string> = {
	...dark,
	'text.primary': 'black',
	'text.secondary': 'blackBright',
	'text.muted': 'blackBright',
	'text.accent': 'blue',
	'status.ok': 'green',
	'status.warn': '#b58900',
	'status.pending': 'blue',
	'status.stopped': 'blackBright',
	'row.selected': 'blue',
	'row.marked': 'magenta',
	border: 'blackBright',
	'border.focus': 'blue',
};

function make(name: Theme['name'], palette: Record<Role, string> | undefined): Theme {
	return {
		name,
		colored: palette !== undefined,
		color: role => palette?.[role],
	};
}

export const themes = {
	dark: make('dark', dark),
	light: make('light', light),
	'no-color': make('no-color', undefined),
} as const;

/**
 * Picks the theme: --no-color (which the CLI also sets for NO_COLOR) wins over the setting;
 * otherwise the flag, then the saved setting, then dark.
 */
export function pickTheme(options: {noColor: boolean; flag?: 'dark' | 'light'; setting?: string}): Theme {
	if (options.noColor) return themes['no-color'];
	const name = options.flag ?? (options.setting === 'light' ? 'light' : 'dark');
	return themes[name];
}
