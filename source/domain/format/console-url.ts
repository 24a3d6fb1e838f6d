/** AWS console addresses for resources (`b`), so a user can jump from the terminal to the console. */
const base = (region: string) => `https://${region}.console.aws.amazon.com`;

export function repositoryConsoleUrl(region: string, account: string, repository: string): string {
	return `${base(region)}/ecr/repositories/private/${account}/${repository}?region=${region}`;
}

export function imageConsoleUrl(region: string, account: string, repository: string, digest: string): string {
	return `${base(region)}/ecr/repositories/private/${account}/${repository}/_/image/${digest}/details?region=${region}`;
}

export function clusterConsoleUrl(region: string, cluster: string): string {
	return `${base(region)}/ecs/v2/clusters/${cluster}/services?region=${region}`;
}

export function serviceConsoleUrl(region: string, cluster: string, service: string): string {
	return `${base(region)}/ecs/v2/clusters/${cluster}/services/${service}/health?region=${region}`;
}

export function taskConsoleUrl(region: string, cluster: string, taskId: string): string {
	return `${base(region)}/ecs/v2/clusters/${cluster}/tasks/${taskId}/configuration?region=${region}`;
}

export function subnetConsoleUrl(region: string, subnetId: string): string {
	return `${base(region)}/vpcconsole/home?region=${region}#SubnetDetails:subnetId=${subnetId}`;
}

export function vpcConsoleUrl(region: string, vpcId: string): string {
	return `${base(region)}/vpcconsole/home?region=${region}#VpcDetails:VpcId=${vpcId}`;
}
