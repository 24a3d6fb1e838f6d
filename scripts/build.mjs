// Bundles the CLI into dist/ with esbuild. The AWS SDK clients are loaded with dynamic
// import() in source/data/clients.ts, so with code splitting they land in their own
// chunks and cost nothing until the first AWS call: `ecrtui --version` and the first
// frame never parse them.
import {build} from 'esbuild';
import {rm, chmod, readFile} from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), {recursive: true, force: true});

await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	// Prefer the packages' ESM builds: the AWS SDK's dist-es can be tree-shaken to the commands we
	// send, where its CommonJS build drags in every command of every client.
	mainFields: ['module', 'main'],
	target: 'node20',
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink only loads react-devtools-core when DEV=true; never in our builds.
	external: ['react-devtools-core'],
	define: {
		'process.env.NODE_ENV': '"production"',
		__ECRTUI_VERSION__: JSON.stringify(pkg.version),
	},
	banner: {
		js: [
			'#!/usr/bin/env node',
			"import {createRequire as __ecrtuiCreateRequire} from 'node:module';",
			'const require = __ecrtuiCreateRequire(import.meta.url);',
		].join('\n'),
	},
	logLevel: 'warning',
});
await chmod(new URL('../dist/cli.js', import.meta.url), 0o755);
console.log('built dist/cli.js');
