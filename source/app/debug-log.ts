import {appendFileSync, openSync, closeSync} from 'node:fs';
import {join} from 'node:path';
import type {CallRecorder} from '../data/recorder.js';
import {configDir, ensurePrivateDir} from '../config/paths.js';
import {onInternalError} from '../internal-errors.js';

/**
 * `--debug`: every AWS call (operation, arguments summary, duration, outcome) and internal
 * errors with stacks, as JSON lines in a private file. Only command inputs are logged, never
 * headers or credentials; secret-looking values are masked as a second line of defence.
 */
export type DebugLog = {path: string; write(kind: string, data: Record<string, unknown>): void};

const secretPattern = /(aws_secret_access_key|secretAccessKey|sessionToken|aws_session_token|authorization|x-amz-security-token)("?\s*[:=]\s*"?)[^",\s}]+/gi;
const accessKeyPattern = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;

export function redact(text: string): string {
	return text.replace(secretPattern, '$1$2[redacted]').replace(accessKeyPattern, '$1…[redacted]');
}

export function openDebugLog(recorder: CallRecorder, env: NodeJS.ProcessEnv = process.env): DebugLog {
	const dir = ensurePrivateDir(configDir(env));
	const path = join(dir, `debug-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
	closeSync(openSync(path, 'a', 0o600));
	const write = (kind: string, data: Record<string, unknown>) => {
		appendFileSync(path, `${redact(JSON.stringify({time: new Date().toISOString(), kind, ...data}))}\n`);
	};
	recorder.subscribe(event => {
		if (event.type === 'start') return;
		const {record} = event;
		write(event.type === 'retry' ? 'aws-attempt-failed' : 'aws-call', {
			service: record.service,
			operation: record.operation,
			input: record.input,
			durationMs: record.durationMs,
			outcome: record.outcome,
			attempts: record.attempts,
			...(event.type === 'retry' ? {retryError: event.errorCode, throttled: event.throttled} : {}),
			...(record.errorCode ? {errorCode: record.errorCode, errorMessage: record.errorMessage} : {}),
			...(record.duplicate ? {duplicate: true} : {}),
		});
	});
	onInternalError((error, context) => {
		const {message, stack} = error instanceof Error ? error : {message: String(error), stack: undefined};
		write('internal-error', {context, message, ...(stack ? {stack} : {})});
	});
	return {path, write};
}
