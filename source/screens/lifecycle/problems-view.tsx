import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {safe} from '../../domain/format/text.js';
import type {LifecycleProblem, ValidationResult} from '../../domain/lifecycle/index.js';

/** Gutter markers for the JSON editor: the worst severity per 1-based line. */
export function lineMarkers(problems: readonly LifecycleProblem[]): Map<number, 'error' | 'warning'> {
	const out = new Map<number, 'error' | 'warning'>();
	for (const problem of problems) {
		if (problem.line === undefined) continue;
		if (problem.severity === 'error' || !out.has(problem.line)) out.set(problem.line, problem.severity);
	}
	return out;
}

/** Where a problem is: `line 5 $.rules[0].selection`. */
export function problemPlace(problem: LifecycleProblem): string {
	return `${problem.line === undefined ? '' : `line ${problem.line}${problem.column === undefined ? '' : `:${problem.column}`} `}${problem.path}`;
}

/** Splits text into lines of at most `width` cells at spaces (long words are cut by the caller's truncation). */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = `  ${word}`;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	if (line !== '') lines.push(line);
	return lines;
}

export type ProblemsViewProps = {
	readonly validation: ValidationResult;
	readonly selected: number;
	/** Lines available (1 to 4). */
	readonly lines: number;
	readonly width: number;
};

type Line = {readonly text: string; readonly role: 'status.error' | 'status.warn' | 'status.ok' | 'text.accent' | 'text.secondary'};

/**
 * Validation as you type: a summary line, then the selected problem with its place (line and
 * JSON path) and AWS's message, the one-key fix when there is one, and the hint, in the lines
 * available.
 */
export function ProblemsView({validation, selected, lines, width}: ProblemsViewProps) {
	const theme = useTheme();
	const problems = validation.problems;
	const errors = problems.filter(problem => problem.severity === 'error').length;
	const warnings = problems.length - errors;
	const index = Math.min(selected, problems.length - 1);
	const problem = problems[index];
	const fix = problem?.fixes?.[0] ?? problems.find(item => item.fixes?.length)?.fixes?.[0];
	const counts = `${errors ? `${errors} error${errors === 1 ? '' : 's'}` : ''}${errors && warnings ? ', ' : ''}${warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
	const summary = errors === 0
		? `✓ valid: AWS would accept this policy${warnings ? ` (${counts})` : ''}`
		: `✖ ${counts}: AWS would reject it`;
	const out: Line[] = [{text: `${summary}${problems.length > 1 ? ` · n/N next (${index + 1}/${problems.length})` : ''}`, role: errors ? 'status.error' : warnings ? 'status.warn' : 'status.ok'}];
	if (problem) {
		const role = problem.severity === 'error' ? 'status.error' : 'status.warn';
		const message = wrapWords(`${problem.severity === 'error' ? '✖' : '⚠'} ${problemPlace(problem)}: ${problem.message}`, width);
		// The message may take two lines when the fix and hint still fit (or there is no fix).
		const messageLines = lines >= 4 || (lines >= 3 && !fix) ? 2 : 1;
		out.push(...message.slice(0, messageLines).map(text => ({text, role}) as Line));
		if (fix) out.push({text: `f fix: ${fix.title}`, role: 'text.accent'});
		out.push(...wrapWords(`→ ${problem.hint.split('\n')[0] ?? ''}`, width).map(text => ({text, role: 'text.secondary'}) as Line));
	}
	return (
		<Box flexDirection="column">
			{out.slice(0, Math.max(1, lines)).map((line, k) => (
				<Text key={k} wrap="truncate" color={theme.color(line.role)}>
					{safe(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
