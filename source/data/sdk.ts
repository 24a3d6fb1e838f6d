/**
 * Lazy loaders for the AWS SDK client packages. They are CommonJS; bundled with code splitting
 * their chunk exposes `module.exports` as `default`, while Node's own ESM interop exposes both.
 * `unwrap` takes whichever holds the named exports, so the same code runs bundled and under tsx.
 */
function unwrap<T>(module: T): T {
	const withDefault = module as T & {default?: T};
	return withDefault.default && typeof withDefault.default === 'object' ? withDefault.default : module;
}

export const loadEcr = () => import('@aws-sdk/client-ecr').then(unwrap);
export const loadEcs = () => import('@aws-sdk/client-ecs').then(unwrap);
export const loadEc2 = () => import('@aws-sdk/client-ec2').then(unwrap);
export const loadSts = () => import('@aws-sdk/client-sts').then(unwrap);
export const loadIam = () => import('@aws-sdk/client-iam').then(unwrap);
export const loadLogs = () => import('@aws-sdk/client-cloudwatch-logs').then(unwrap);
export const loadCredentialProviders = () => import('@aws-sdk/credential-providers').then(unwrap);
