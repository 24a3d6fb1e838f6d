import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {listProfiles, type ProfileInfo} from '../domain/aws-config/profiles.js';

/** Reads the profiles of the shared AWS config and credentials files (AWS_CONFIG_FILE etc. honoured). */
export async function readProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileInfo[]> {
	const read = (path: string) => readFile(path, 'utf8').catch(() => '');
	const config = await read(env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config'));
	const credentials = await read(env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'));
	return listProfiles(config, credentials);
}

/** Commercial regions where ECR, ECS and Fargate run (the region picker's list). */
export const REGIONS: readonly string[] = [
	'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-south-2',
	'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-northeast-1', 'ap-northeast-2',
	'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2',
	'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
];
