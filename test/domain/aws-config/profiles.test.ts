import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {listProfiles, parseIni, type ProfileInfo} from '../../../source/domain/aws-config/profiles.js';

const CONFIG = `
# ~/.aws/config
[default]
region = us-east-1
output = json

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile legacy-sso]
sso_start_url = https://old.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = Admin

[profile deploy]
role_arn = arn:aws:iam::777788889999:role/Deploy
source_profile = default
region = us-west-2

[profile vault]
credential_process = /usr/local/bin/vault-creds --account dev

[profile k8s]
web_identity_token_file = /var/run/secrets/token
role_arn = arn:aws:iam::111122223333:role/Pod

[profile tuned]
region = ap-northeast-1
s3 =
    max_concurrent_requests = 20
    region = should-not-leak

[services local]
ecr =
  endpoint_url = http://localhost:4566

[not-a-profile]
region = sa-east-1
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLEDEFAULT
aws_secret_access_key = secret

; a keys-only profile
[ci]
aws_access_key_id = AKIAEXAMPLECI
aws_secret_access_key = secret
aws_session_token = token

[tuned]
aws_access_key_id = AKIAEXAMPLETUNED
aws_secret_access_key = secret

[deploy]
aws_access_key_id = AKIAEXAMPLEDEPLOY
aws_secret_access_key = secret
`;

describe('parseIni', () => {
	test('sections, lower-cased keys, trimmed values; comments and blank lines skipped', () => {
		const sections = parseIni('# c\n[a]\n Key = Value \n;c\n\n[ b ]\nx=1\ny = a = b\n');
		assert.deepEqual([...sections.keys()], ['a', 'b']);
		assert.deepEqual(sections.get('b'), {x: '1', y: 'a = b'});
	});

	test('indented sub-settings are not keys of the section', () => {
		const sections = parseIni('[profile p]\ns3 =\n    region = nope\nregion = eu-north-1\n');
		assert.deepEqual(sections.get('profile p'), {s3: '', region: 'eu-north-1'});
	});

	test('Windows line endings', () => {
		assert.deepEqual(parseIni('[default]\r\nregion = us-east-2\r\n').get('default'), {region: 'us-east-2'});
	});

	test('keys before any section are ignored', () => {
		assert.deepEqual([...parseIni('region = x\n[a]\nk = v\n')], [['a', {k: 'v'}]]);
	});

	test('a repeated section merges', () => {
		assert.deepEqual(parseIni('[a]\nx = 1\n[b]\n[a]\ny = 2\n').get('a'), {x: '1', y: '2'});
	});
});

describe('listProfiles', () => {
	const profiles = listProfiles(CONFIG, CREDENTIALS);
	const byName = new Map(profiles.map(profile => [profile.name, profile]));

	test('default first, then by name; sso-session, services and bare config sections are not profiles', () => {
		assert.deepEqual(profiles.map(profile => profile.name), ['default', 'ci', 'deploy', 'k8s', 'legacy-sso', 'prod', 'tuned', 'vault']);
	});

	const cases: [string, ProfileInfo][] = [
		['default', {name: 'default', kind: 'keys', source: 'both', region: 'us-east-1'}],
		['prod', {name: 'prod', kind: 'sso', source: 'config', region: 'eu-west-1'}],
		['legacy-sso', {name: 'legacy-sso', kind: 'sso', source: 'config'}],
		['deploy', {name: 'deploy', kind: 'role', source: 'both', region: 'us-west-2'}],
		['vault', {name: 'vault', kind: 'process', source: 'config'}],
		['k8s', {name: 'k8s', kind: 'role', source: 'config'}],
		['tuned', {name: 'tuned', kind: 'keys', source: 'both', region: 'ap-northeast-1'}],
		['ci', {name: 'ci', kind: 'keys', source: 'credentials'}],
	];
	for (const [name, expected] of cases) {
		test(name, () => assert.deepEqual(byName.get(name), expected));
	}

	test('the region of a profile never comes from a nested section', () => {
		assert.equal(byName.get('tuned')?.region, 'ap-northeast-1');
	});

	test('kinds from a single key each', () => {
		const kinds: [string, ProfileInfo['kind']][] = [
			['sso_session = corp', 'sso'],
			['sso_start_url = https://x.awsapps.com/start', 'sso'],
			['role_arn = arn:aws:iam::111122223333:role/R', 'role'],
			['credential_process = creds', 'process'],
			['web_identity_token_file = /t', 'web-identity'],
			['aws_access_key_id = AKIA', 'keys'],
			['region = us-east-1', 'other'],
		];
		for (const [line, kind] of kinds) {
			assert.equal(listProfiles(`[profile p]\n${line}\n`, '')[0]?.kind, kind, line);
		}
	});

	test('[profile default] in config is the default profile', () => {
		assert.deepEqual(listProfiles('[profile default]\nregion = eu-west-3\n', ''), [{name: 'default', kind: 'other', source: 'config', region: 'eu-west-3'}]);
	});

	test('extra spaces in a profile header', () => {
		assert.deepEqual(listProfiles('[profile   spaced  ]\nregion = us-east-1\n', '').map(profile => profile.name), ['spaced']);
	});

	test('credentials only, or nothing at all', () => {
		assert.deepEqual(listProfiles('', '[default]\naws_access_key_id = A\n[b]\naws_access_key_id = B\n'), [
			{name: 'default', kind: 'keys', source: 'credentials'},
			{name: 'b', kind: 'keys', source: 'credentials'},
		]);
		assert.deepEqual(listProfiles('', ''), []);
	});

	test('a config kind is not overridden by keys in credentials', () => {
		const [profile] = listProfiles('[profile r]\nrole_arn = arn:aws:iam::1:role/R\n', '[r]\naws_access_key_id = A\n');
		assert.deepEqual(profile, {name: 'r', kind: 'role', source: 'both'});
	});

	test('default sorts first even when it is only in credentials and other names sort before it', () => {
		const names = listProfiles('[profile alpha]\n[profile Zed]\n', '[default]\naws_access_key_id = A\n').map(profile => profile.name);
		assert.equal(names[0], 'default');
		assert.deepEqual(names.slice(1).sort((a, b) => a.localeCompare(b)), names.slice(1));
	});
});
