import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {BenchRow} from './harness.js';

/**
 * `npm run bench`: every benchmark, a table on stdout and JSON in test/bench/results/.
 * `npm run bench -- startup lifecycle` runs a subset. Figures are medians of >= 5 runs,
 * with a baseline measured in the same run where the target is a ratio.
 */
const suites: Record<string, () => Promise<BenchRow[]>> = {
	startup: async () => (await import('./startup.js')).benchStartup(),
	lifecycle: async () => (await import('./lifecycle.js')).benchLifecycle(),
	keypress: async () => (await import('./keypress.js')).benchKeypress(),
	memory: async () => (await import('./memory.js')).benchMemory(),
	api: async () => (await import('./api-economy.js')).benchApiEconomy(),
	watcher: async () => (await import('./watcher.js')).benchWatcher(),
	editor: async () => (await import('./editor.js')).benchEditor(),
};

const wanted = process.argv.slice(2).filter(name => suites[name]);
const names = wanted.length ? wanted : Object.keys(suites);
const rows: BenchRow[] = [];
const failures: string[] = [];
for (const name of names) {
	process.stderr.write(`running ${name}…\n`);
	try {
		rows.push(...(await suites[name]!()));
	} catch (error) {
		failures.push(`${name}: ${(error as Error).message}`);
	}
}

const pad = (text: string, size: number) => (text.length >= size ? text : text + ' '.repeat(size - text.length));
console.log(`\n${pad('benchmark', 58)} ${pad('value', 12)} ${pad('target', 30)} result  detail`);
for (const row of rows) {
	const value = `${row.value.toFixed(row.unit === 'calls' ? 0 : 1)} ${row.unit}`;
	console.log(`${pad(row.name, 58)} ${pad(value, 12)} ${pad(row.target, 30)} ${row.pass ? 'ok  ' : 'MISS'}    ${row.detail}`);
}
for (const failure of failures) console.log(`ERROR ${failure}`);
const dir = join(process.cwd(), 'test', 'bench', 'results');
mkdirSync(dir, {recursive: true});
const report = {date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, rows, failures};
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nJSON: test/bench/results/latest.json`);
process.exitCode = failures.length ? 1 : 0;
