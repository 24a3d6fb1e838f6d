import {readFile, stat} from 'node:fs/promises';

/** Largest input file accepted (policies are <= 30,720 characters; image lists can be big). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export type InputResult = {ok: true; text: string} | {ok: false; error: string};

/** Reads a file, or stdin for `-`, with clear errors instead of stack traces. */
export async function readInput(path: string, what: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<InputResult> {
	try {
		if (path === '-') {
			if ((stdin as NodeJS.ReadStream).isTTY) return {ok: false, error: `${what}: '-' reads standard input, but it is a terminal; pipe the file in`};
			const chunks: Buffer[] = [];
			let size = 0;
			for await (const chunk of stdin) {
				const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
				size += buffer.length;
				if (size > MAX_INPUT_BYTES) return {ok: false, error: `${what}: standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`};
				chunks.push(buffer);
			}
			return {ok: true, text: Buffer.concat(chunks).toString('utf8')};
		}
		const info = await stat(path);
		if (info.isDirectory()) return {ok: false, error: `${what}: ${path} is a directory, not a file`};
		if (info.size > MAX_INPUT_BYTES) return {ok: false, error: `${what}: ${path} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`};
		return {ok: true, text: await readFile(path, 'utf8')};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {ok: false, error: `${what}: no such file: ${path}`};
		if (code === 'EACCES') return {ok: false, error: `${what}: permission denied: ${path}`};
		return {ok: false, error: `${what}: cannot read ${path}: ${(error as Error).message}`};
	}
}
