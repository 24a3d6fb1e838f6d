import {appendFileSync, openSync, closeSync, fsyncSync, readFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {configDir, ensurePrivateDir} from './paths.js';

/**
 * The audit log: one JSON line per destructive step, written (and fsynced) *before* each call
 * (intent) and *after* it (result), so after a crash or kill it says exactly what was and was
 * not done. It never holds credentials.
 */
export type AuditEntry = {
	time: string;
	phase: 'intent' | 'result';
	/** A run groups the entries of one user action (one bulk delete). */
	runId: string;
	action: 'delete-images' | 'archive-images' | 'put-lifecycle-policy' | 'delete-lifecycle-policy' | 'stop-task';
	account: string;
	region: string;
	repository?: string;
	cluster?: string;
	/** For image deletes: one item per image. */
	items?: {digest?: string; tags?: string[]; sizeInBytes?: number; taskArn?: string; result?: 'deleted' | 'archived' | 'failed' | 'stopped'; failureCode?: string; failureReason?: string}[];
	outcome?: 'ok' | 'partial' | 'failed' | 'cancelled';
	detail?: string;
};

export type AuditLog = {
	path: string;
	append(entry: Omit<AuditEntry, 'time'>): void;
	read(): AuditEntry[];
};

/** The audit log in the config directory (or a given path). */
export function openAuditLog(path = join(ensurePrivateDir(configDir()), 'audit.log'), now: () => number = Date.now): AuditLog {
	return {
		path,
		append(entry) {
			const line = `${JSON.stringify({time: new Date(now()).toISOString(), ...entry})}\n`;
			// Opened, written and fsynced per entry: an intent line must reach the disk before the
			// call it announces is sent. Mode 0600 applies when the file is created.
			const fd = openSync(path, 'a', 0o600);
			try {
				appendFileSync(fd, line);
				fsyncSync(fd);
			} finally {
				closeSync(fd);
			}
		},
		read() {
			if (!existsSync(path)) return [];
			return readFileSync(path, 'utf8')
				.split('\n')
				.filter(line => line.trim() !== '')
				.flatMap(line => {
					try {
						return [JSON.parse(line) as AuditEntry];
					} catch {
						return [];
					}
				});
		},
	};
}

/** An audit log kept in memory (tests). */
export function memoryAuditLog(): AuditLog & {entries: AuditEntry[]} {
	const entries: AuditEntry[] = [];
	return {
		path: ':memory:',
		entries,
		append(entry) {
			entries.push({time: new Date().toISOString(), ...entry});
		},
		read: () => [...entries],
	};
}
