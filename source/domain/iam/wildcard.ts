/**
 * IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly
 * one. Actions compare case-insensitively, resources case-sensitively.
 * [DOC IAM reference_policies_elements_action / _resource]
 */

const compiled = new Map<string, RegExp>();

function toRegExp(pattern: string, caseInsensitive: boolean): RegExp {
	const key = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
	let regexp = compiled.get(key);
	if (regexp === undefined) {
		const body = pattern
			.split('')
			.map(char => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
			.join('');
		regexp = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
		compiled.set(key, regexp);
	}
	return regexp;
}

/** True when `value` matches the IAM wildcard `pattern`. */
export function matchesWildcard(pattern: string, value: string, options: {caseInsensitive: boolean}): boolean {
	if (pattern === '*') return true;
	if (!pattern.includes('*') && !pattern.includes('?')) {
		return options.caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
	}
	return toRegExp(pattern, options.caseInsensitive).test(value);
}

/** Action match: `ecr:Get*` matches `ecr:GetAuthorizationToken`, case-insensitively. */
export function matchesAction(pattern: string, action: string): boolean {
	return matchesWildcard(pattern, action, {caseInsensitive: true});
}

/** Resource match: case-sensitive ARN wildcard. */
export function matchesResource(pattern: string, resource: string): boolean {
	return matchesWildcard(pattern, resource, {caseInsensitive: false});
}
