/**
 * Lazy loaders for the AWS SDK client packages. They are CommonJS; bundled with code splitting
 * their chunk exposes `module.exports` as `default`, while Node's own ESM interop exposes both.
 * `unwrap` takes whichever holds the named exports, so the same code runs bundled and under tsx.
 */
function unwrap<T>(module: T): T {
	const withDefault = module as T & {default?: T};
	return withDefault.default && typeof withDefault.default === 'object' ? withDefault.default : module;
}

// Each loads a small module naming just the parts ecrtui uses (sdk/*.ts), so the bundler can
// drop the rest of each client.
export const loadEcr = () => import('./sdk/ecr.js').then(unwrap);
export const loadEcs = () => import('./sdk/ecs.js').then(unwrap);
export const loadEc2 = () => import('./sdk/ec2.js').then(unwrap);
export const loadSts = () => import('./sdk/sts.js').then(unwrap);
export const loadIam = () => import('./sdk/iam.js').then(unwrap);
export const loadLogs = () => import('./sdk/logs.js').then(unwrap);
export const loadCredentialProviders = () => import('./sdk/credentials.js').then(unwrap);
