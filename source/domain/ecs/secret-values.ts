import type {TaskDefinitionRecord} from './types.js';

/**
 * Values in a task definition that must not be shown by default. ECS `secrets` are references
 * (a Secrets Manager or SSM ARN in `valueFrom`): the reference is shown, the value never
 * exists here. Plain `environment` variables and log-driver options often hold secrets anyway
 * (DB_PASSWORD, API_TOKEN, splunk-token): those whose name looks secret are masked, and so are
 * values that look like a credential whatever their name (an AWS access key, a private key, a
 * password inside a URL). Masking is for display; `reveal` shows them on request. Pure.
 */

export const MASK = '••••••••';

// Anywhere in the name: DBPASSWORD, GITHUB_TOKEN, CLIENT_SECRET, PRIVATE_KEY, AWS_ACCESS_KEY_ID.
const secretInName = /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY/;
// As a whole word of the name (split at _ - .): STRIPE_KEY, DB_PASS, PWD, AUTH, DSN, SALT.
const secretWords = new Set(['KEY', 'KEYS', 'PASS', 'PWD', 'AUTH', 'DSN', 'SALT', 'COOKIE', 'SIGNATURE', 'CERT', 'PEM', 'JWT', 'OTP', 'PIN', 'SESSION']);

/** Whether a variable (or option) name looks like it holds a secret. */
export function looksSecret(name: string): boolean {
	const upper = name.toUpperCase();
	if (secretInName.test(upper)) return true;
	return upper.split(/[^A-Z0-9]+/).some(word => secretWords.has(word));
}

const credentialValue = [
	/\b(AKIA|ASIA)[A-Z0-9]{16}\b/, // an AWS access key id
	/-----BEGIN [A-Z ]*PRIVATE KEY-----/,
	/\b(sk|rk)_live_[A-Za-z0-9]{8,}/, // payment-provider live keys
	/\bgh[pousr]_[A-Za-z0-9]{20,}/, // GitHub tokens
	/\bxox[abpr]-[A-Za-z0-9-]{10,}/, // Slack tokens
	/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, // a JWT
];
// scheme://user:password@host — the password part.
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)([^@\s]+)(@)/gi;

/** A value shown masked: wholly when its name or its shape says secret, else only URL passwords. */
export function maskValue(name: string, value: string): string {
	if (value === '') return value;
	if (looksSecret(name) || credentialValue.some(pattern => pattern.test(value))) return MASK;
	return value.replace(urlPassword, `$1${MASK}$3`);
}

/** Whether a value would be shown differently masked (the panel says how many are hidden). */
export function isMasked(name: string, value: string): boolean {
	return maskValue(name, value) !== value;
}

/** The task definition as it may be displayed: secret-looking values masked unless revealed. */
export function maskTaskDefinition(definition: TaskDefinitionRecord, options: {reveal: boolean}): TaskDefinitionRecord {
	if (options.reveal) return definition;
	return {
		...definition,
		containers: definition.containers.map(container => ({
			...container,
			environment: container.environment.map(variable => ({name: variable.name, value: maskValue(variable.name, variable.value)})),
			...(container.logConfiguration
				? {logConfiguration: {...container.logConfiguration, options: Object.fromEntries(Object.entries(container.logConfiguration.options).map(([key, value]) => [key, maskValue(key, value)]))}}
				: {}),
		})),
	};
}

/** How many values {@link maskTaskDefinition} hides. */
export function maskedCount(definition: TaskDefinitionRecord): number {
	let count = 0;
	for (const container of definition.containers) {
		for (const variable of container.environment) if (isMasked(variable.name, variable.value)) count++;
		for (const [key, value] of Object.entries(container.logConfiguration?.options ?? {})) if (isMasked(key, value)) count++;
	}
	return count;
}
