// Runs the test suite with Node's own runner. Node 20 does not expand globs, so the
// files are listed here. `npm test -- test/domain` runs only the files under a path.
import {spawn} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = process.argv.slice(2).filter(arg => !arg.startsWith('--'));
const passThrough = process.argv.slice(2).filter(arg => arg.startsWith('--'));

function collect(path, out) {
	const stat = statSync(path);
	if (stat.isFile()) {
		if (/\.test\.tsx?$/.test(path)) out.push(path);
		return out;
	}
	for (const entry of readdirSync(path).sort()) {
		if (entry === 'bench' || entry === 'fixtures' || entry === 'node_modules') continue;
		collect(join(path, entry), out);
	}
	return out;
}

const files = (roots.length > 0 ? roots : ['test']).flatMap(path => collect(join(root, path), []));
if (files.length === 0) {
	console.error('no test files found under', roots.join(', ') || 'test');
	process.exit(1);
}

const args = [
	'--import', 'tsx',
	'--test',
	'--test-concurrency=2',
	'--test-reporter=spec', '--test-reporter-destination=stdout',
	'--test-reporter=./scripts/summary-reporter.mjs', '--test-reporter-destination=stdout',
	...passThrough,
	...files.map(file => relative(root, file)),
];
const child = spawn(process.execPath, args, {
	cwd: root,
	stdio: 'inherit',
	env: {
		...process.env,
		AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
		// Tests never read the developer's real AWS config or settings.
		AWS_CONFIG_FILE: '/nonexistent/ecrtui-test-config',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ecrtui-test-credentials',
		FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
	},
});
child.on('exit', code => process.exit(code ?? 1));
