import {homedir} from 'node:os';
import {join} from 'node:path';
import {mkdirSync, chmodSync} from 'node:fs';

/**
 * Where ecrtui keeps its files: settings, the audit log, stopped-task history and the debug
 * log. ECRTUI_CONFIG_DIR overrides it (tests, portable installs). Created readable by the
 * user only, since history and audit entries name accounts and resources.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.ECRTUI_CONFIG_DIR) return env.ECRTUI_CONFIG_DIR;
	if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'ecrtui');
	if (process.platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'ecrtui');
	return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ecrtui');
}

/** Creates a private directory (0700) if needed and returns it. */
export function ensurePrivateDir(path: string): string {
	mkdirSync(path, {recursive: true, mode: 0o700});
	try {
		chmodSync(path, 0o700);
	} catch {
		// Not ours to change (a shared dir given by ECRTUI_CONFIG_DIR): leave it.
	}
	return path;
}
