/**
 * Profiles from the shared AWS config and credentials files (INI). `[profile x]` sections in
 * ~/.aws/config, `[x]` in ~/.aws/credentials, `[default]` in both; `[sso-session s]` sections
 * are not profiles. Pure: the caller reads the files.
 */
export type ProfileInfo = {
	name: string;
	region?: string;
	/** How it gets credentials, for the picker: sso, role, keys, process, web-identity. */
	kind: 'sso' | 'role' | 'keys' | 'process' | 'web-identity' | 'other';
	source: 'config' | 'credentials' | 'both';
};

export function parseIni(text: string): Map<string, Record<string, string>> {
	const sections = new Map<string, Record<string, string>>();
	let current: Record<string, string> | undefined;
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
		const header = /^\[([^\]]+)\]$/.exec(line);
		if (header) {
			const name = header[1]!.trim();
			current = sections.get(name) ?? {};
			sections.set(name, current);
			continue;
		}
		const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
		if (pair && current && !/^\s/.test(raw)) current[pair[1]!.trim().toLowerCase()] = pair[2]!.trim();
	}
	return sections;
}

function kindOf(values: Record<string, string>): ProfileInfo['kind'] {
	if (values.sso_session || values.sso_start_url) return 'sso';
	if (values.role_arn) return 'role';
	if (values.credential_process) return 'process';
	if (values.web_identity_token_file) return 'web-identity';
	if (values.aws_access_key_id) return 'keys';
	return 'other';
}

/** Merges both files into the profile list, sorted with `default` first. */
export function listProfiles(configText: string, credentialsText: string): ProfileInfo[] {
	const profiles = new Map<string, ProfileInfo>();
	for (const [section, values] of parseIni(configText)) {
		let name: string | undefined;
		if (section === 'default') name = 'default';
		else if (section.startsWith('profile ')) name = section.slice(8).trim();
		if (!name) continue;
		profiles.set(name, {name, kind: kindOf(values), source: 'config', ...(values.region ? {region: values.region} : {})});
	}
	for (const [section, values] of parseIni(credentialsText)) {
		const existing = profiles.get(section);
		if (existing) {
			existing.source = 'both';
			if (existing.kind === 'other') existing.kind = kindOf(values);
		} else {
			profiles.set(section, {name: section, kind: kindOf(values), source: 'credentials'});
		}
	}
	return [...profiles.values()].sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
