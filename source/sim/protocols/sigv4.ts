/**
 * Reads the credential scope of a SigV4 Authorization header. The simulator does not check
 * signatures (neither does moto), but the scope tells it which service and region the SDK
 * meant, and the access key tells it which simulated principal is calling.
 */
export type CredentialScope = {accessKeyId: string; region: string; service: string};

const scopePattern = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseCredentialScope(authorization: string | undefined): CredentialScope | undefined {
	if (!authorization) return undefined;
	const match = scopePattern.exec(authorization);
	if (!match) return undefined;
	return {accessKeyId: match[1]!, region: match[3]!, service: match[4]!};
}
