/**
 * Start-up timing marks, printed to stderr at exit when ECRTUI_TRACE=1: where the time to the
 * first useful frame goes. Costs nothing otherwise.
 */
const enabled = process.env.ECRTUI_TRACE === '1';
const marks: [string, number][] = [];

export function mark(label: string): void {
	if (!enabled) return;
	marks.push([label, performance.now()]);
	if (marks.length === 1) process.once('exit', () => process.stderr.write(`${marks.map(([name, time]) => `${time.toFixed(0).padStart(6)} ms  ${name}`).join('\n')}\n`));
}
