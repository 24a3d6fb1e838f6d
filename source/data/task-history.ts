import {chmodSync, existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {ensurePrivateDir} from '../config/paths.js';
import type {TaskRecord} from '../domain/tasks/types.js';

/**
 * Stopped tasks the watcher has seen, kept on disk so history outlives ECS's one-hour
 * retention of STOPPED tasks [DOC/MODEL; containers-roadmap #1246, #677] and survives a
 * restart. One file per account and region, `<configDir>/history/<account>-<region>.json`,
 * mode 0600 (it names tasks and resources); the newest `limit` tasks by stop time are kept.
 */
export type TaskHistory = {
	readonly path: string;
	/** Stopped tasks, newest first. */
	list(): TaskRecord[];
	/** A remembered task by ARN. */
	get(taskArn: string): TaskRecord | undefined;
	/** Remembers the STOPPED tasks among `tasks`; writes the file when anything changed. Returns whether it did. */
	record(tasks: readonly TaskRecord[]): boolean;
	/** Changes when the history does (for React's useSyncExternalStore). */
	readonly version: number;
	subscribe(listener: () => void): () => void;
};

type HistoryFile = {version: 1; account: string; region: string; tasks: TaskRecord[]};

const stopTime = (task: TaskRecord) => task.stoppedAt ?? task.executionStoppedAt ?? task.stoppingAt ?? task.createdAt;

function isTaskRecord(value: unknown): value is TaskRecord {
	const task = value as Partial<TaskRecord> | null;
	return typeof task === 'object' && task !== null && typeof task.taskArn === 'string' && typeof task.lastStatus === 'string' && typeof task.createdAt === 'number' && Array.isArray(task.containers);
}

function read(path: string): TaskRecord[] {
	if (!existsSync(path)) return [];
	try {
		const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<HistoryFile>;
		return Array.isArray(parsed.tasks) ? parsed.tasks.filter(isTaskRecord) : [];
	} catch {
		// A damaged file must not stop the watcher; it is rewritten on the next change.
		return [];
	}
}

const opened = new Map<string, TaskHistory>();

/**
 * Opens (once per file per process) the history of an account and region. `limit` 0 keeps
 * nothing on disk. `demo` keeps the simulator's history apart (`demo-<account>-<region>.json`):
 * the demo account id is a real-looking one, and its world is rebuilt on every start.
 */
export function openTaskHistory({configDir, accountId, region, limit, demo = false}: {configDir: string; accountId: string; region: string; limit: number; demo?: boolean}): TaskHistory {
	const path = join(configDir, 'history', `${demo ? 'demo-' : ''}${accountId}-${region}.json`);
	const existing = opened.get(path);
	if (existing) return existing;
	const tasks = new Map<string, TaskRecord>(read(path).map(task => [task.taskArn, task]));
	const listeners = new Set<() => void>();
	let sorted: TaskRecord[] | undefined;
	let version = 0;
	const trim = () => {
		const newest = [...tasks.values()].sort((a, b) => stopTime(b) - stopTime(a));
		for (const task of newest.slice(Math.max(0, limit))) tasks.delete(task.taskArn);
		sorted = newest.slice(0, Math.max(0, limit));
	};
	const write = () => {
		ensurePrivateDir(join(configDir, 'history'));
		const file: HistoryFile = {version: 1, account: accountId, region, tasks: sorted ?? []};
		const temporary = `${path}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(file), {mode: 0o600});
		renameSync(temporary, path);
		chmodSync(path, 0o600);
	};
	trim();
	const history: TaskHistory = {
		path,
		list: () => sorted ?? [],
		get: taskArn => tasks.get(taskArn),
		record(seen) {
			let changed = false;
			for (const task of seen) {
				if (task.lastStatus !== 'STOPPED') continue;
				const known = tasks.get(task.taskArn);
				if (known && known.stoppedAt === task.stoppedAt && known.lastStatus === task.lastStatus) continue;
				tasks.set(task.taskArn, task);
				changed = true;
			}
			if (!changed) return false;
			trim();
			version++;
			try {
				write();
			} catch {
				// History is a convenience: a read-only config dir must not break the watcher.
			}
			for (const listener of listeners) listener();
			return true;
		},
		get version() {
			return version;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
	opened.set(path, history);
	return history;
}

/** The history of a session's account and region. */
export function historyOf(session: {accountId: string; region: string; mode: 'demo' | 'aws'}, configDir: string, limit: number): TaskHistory {
	return openTaskHistory({configDir, accountId: session.accountId, region: session.region, limit, demo: session.mode === 'demo'});
}

/** Forgets opened histories (tests that reopen a file as a restart would). */
export function closeTaskHistories(): void {
	opened.clear();
}
