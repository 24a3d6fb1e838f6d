// Bundles the CLI into dist/ with esbuild. The AWS SDK clients are loaded with dynamic
// import() in source/data/clients.ts, so with code splitting they land in their own
// chunks and cost nothing until the first AWS call: `ecrtui --version` and the first
// frame never parse them.
import {build} from 'esbuild';
import {rm, chmod} from 'node:fs/promises';
import {bundleOptions, requireBanner} from './build-options.mjs';

await rm(new URL('../dist', import.meta.url), {recursive: true, force: true});

await build({
	...bundleOptions,
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	banner: {js: ['#!/usr/bin/env node', ...requireBanner].join('\n')},
	logLevel: 'warning',
});
await chmod(new URL('../dist/cli.js', import.meta.url), 0o755);
console.log('built dist/cli.js');
