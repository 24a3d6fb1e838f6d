// The esbuild settings of the ecrtui bundle, shared by scripts/build.mjs (dist/) and the tests'
// own build of the CLI (test/helpers/built-cli.ts), so tests run what users run.

/** Lets bundled CommonJS code call require() from the ESM bundle. */
export const requireBanner = ["import {createRequire as __ecrtuiCreateRequire} from 'node:module';", 'const require = __ecrtuiCreateRequire(import.meta.url);'];

export const bundleOptions = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	// Prefer the packages' ESM builds: the AWS SDK's dist-es can be tree-shaken to the commands we
	// send, where its CommonJS build drags in every command of every client.
	mainFields: ['module', 'main'],
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink only loads react-devtools-core when DEV=true; never in our builds.
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
};
