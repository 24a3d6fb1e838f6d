import type {Problem} from '../data/problems.js';

/** Where a command prints: stdout and stderr, replaced in tests. */
export type Output = {out(text: string): void; err(text: string): void};

export const stdio: Output = {out: text => process.stdout.write(text), err: text => process.stderr.write(text)};

/** A problem as every command prints it on stderr: what failed, why, and the next step. */
export function problemMessage(problem: Pick<Problem, 'what' | 'why' | 'next'>): string {
	return `ecrtui: ${problem.what} failed.\n  ${problem.why}\n  → ${problem.next}\n`;
}
