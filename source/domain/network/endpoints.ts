// Finding the VPC endpoints a Fargate task uses and whether they can carry its traffic:
// interface endpoints work only through private DNS (the task dials the public hostname), the
// S3 gateway endpoint only for route tables it is associated with [DOC ECR vpc-endpoints; D.2].
import type {PolicyRequest} from './endpoint-policy.js';
import type {Dependency, Route, RouteTable, TaskNetwork, Vpc, VpcEndpoint, VpcModel} from './types.js';

/** The service-name suffix of each interface-endpoint dependency. */
export const INTERFACE_SUFFIX: Record<Exclude<Dependency, 's3'>, string> = {
	'ecr-api': 'ecr.api',
	'ecr-dkr': 'ecr.dkr',
	logs: 'logs',
	secretsmanager: 'secretsmanager',
	ssm: 'ssm',
	kms: 'kms',
};

/** `com.amazonaws.<region>.<suffix>`; endpoints are Region-local [DOC]. */
export function endpointServiceName(region: string, suffix: string): string {
	return `com.amazonaws.${region}.${suffix}`;
}

/** The bucket that holds ECR image layers in a Region [DOC ECR vpc-endpoints]. */
export function layerBucket(region: string): string {
	return `prod-${region}-starport-layer-bucket`;
}

/** Endpoint states come back lowercase from the API and capitalised in the model enum. */
export function isAvailable(state: string): boolean {
	return state.toLowerCase() === 'available';
}

function inVpc(endpoint: VpcEndpoint, vpcId: string | undefined): boolean {
	return vpcId === undefined || endpoint.vpcId === undefined || endpoint.vpcId === vpcId;
}

/**
 * The interface endpoint for a service, preferring one that is available with private DNS
 * (only one per VPC can own the private DNS name [INF]).
 */
export function findInterfaceEndpoint(endpoints: readonly VpcEndpoint[], region: string, suffix: string, vpcId?: string): VpcEndpoint | undefined {
	const name = endpointServiceName(region, suffix);
	const found = endpoints.filter(e => e.serviceName === name && e.vpcEndpointType === 'Interface' && inVpc(e, vpcId));
	const score = (e: VpcEndpoint) => (isAvailable(e.state) ? 2 : 0) + (e.privateDnsEnabled ? 1 : 0);
	return [...found].sort((a, b) => score(b) - score(a))[0];
}

/** Why an interface endpoint's private DNS name does or does not take effect. */
export type PrivateDnsState =
	| {inEffect: true; customDns: boolean}
	| {inEffect: false; problem: 'private-dns-off' | 'dns-support-off' | 'dns-hostnames-off'};

/**
 * Private DNS needs the endpoint flag and both VPC attributes enableDnsSupport and
 * enableDnsHostnames [MODEL CreateVpcEndpoint]. Custom DHCP DNS servers need conditional
 * forwarding, which we cannot see [DOC]; that is reported, not failed.
 */
export function privateDnsState(vpc: Vpc, endpoint: VpcEndpoint): PrivateDnsState {
	if (!endpoint.privateDnsEnabled) return {inEffect: false, problem: 'private-dns-off'};
	if (!vpc.enableDnsSupport) return {inEffect: false, problem: 'dns-support-off'};
	if (!vpc.enableDnsHostnames) return {inEffect: false, problem: 'dns-hostnames-off'};
	return {inEffect: true, customDns: vpc.dhcpUsesAmazonDns === false};
}

/** The S3 gateway endpoint as seen from one route table. */
export type S3GatewayLookup = {
	/** The endpoint serving this table (by its prefix-list route or its routeTableIds). */
	onTable?: VpcEndpoint;
	/** The prefix-list route it installed here, when present. */
	route?: Route;
	/** S3 gateway endpoints that exist in the VPC but are not associated with this table. */
	elsewhere: VpcEndpoint[];
};

/** Finds the `com.amazonaws.<region>.s3` Gateway endpoint for a route table [DOC D.2]. */
export function findS3GatewayEndpoint(endpoints: readonly VpcEndpoint[], table: RouteTable | undefined, region: string, vpcId?: string): S3GatewayLookup {
	const name = endpointServiceName(region, 's3');
	const gateways = endpoints.filter(e => e.serviceName === name && e.vpcEndpointType === 'Gateway' && inVpc(e, vpcId));
	if (table === undefined) return {elsewhere: gateways};
	const route = table.routes.find(r => r.destinationPrefixListId !== undefined && gateways.some(g => g.vpcEndpointId === r.gatewayId));
	const onTable = gateways.find(g => g.vpcEndpointId === route?.gatewayId) ?? gateways.find(g => g.routeTableIds.includes(table.routeTableId));
	return {onTable, route, elsewhere: gateways.filter(g => g !== onTable)};
}

/** One endpoint ENI (or, when the ENI is unknown, the subnet it sits in). */
export type EndpointTarget = {
	subnetId: string;
	availabilityZone?: string;
	/** `ip/32` when the ENI is known, else the subnet CIDR. */
	cidr: string;
	ip?: string;
};

/** Where the endpoint's private DNS name resolves to: one ENI per endpoint subnet. */
export function endpointTargets(model: VpcModel, endpoint: VpcEndpoint): EndpointTarget[] {
	return endpoint.subnetIds.map(subnetId => {
		const subnet = model.subnets.find(s => s.subnetId === subnetId);
		const eni = model.networkInterfaces.find(n => n.subnetId === subnetId && (endpoint.networkInterfaceIds?.includes(n.networkInterfaceId) ?? false));
		const cidr = eni !== undefined ? `${eni.privateIpAddress}/32` : subnet?.cidrBlock ?? '0.0.0.0/32';
		return {subnetId, availabilityZone: subnet?.availabilityZone, cidr, ip: eni?.privateIpAddress};
	});
}

/** The requests the task makes through a dependency, for endpoint-policy checks. */
export type PolicyNeeds = {
	requests: PolicyRequest[];
	/** False when resources are placeholders, so a non-match is "cannot verify", not "denied". */
	exact: boolean;
};

/**
 * ECR pull = GetAuthorizationToken (not resource-scopable) + BatchGetImage + GetDownloadUrlForLayer
 * on the repositories [DOC E]; the same set is checked on ecr.api and ecr.dkr. S3 needs
 * s3:GetObject on the layer bucket [DOC D.2].
 */
export function policyNeeds(dependency: Dependency, task: TaskNetwork): PolicyNeeds {
	const {region, accountId} = task;
	switch (dependency) {
		case 'ecr-api':
		case 'ecr-dkr': {
			const repositories = task.repositoryArns ?? [`arn:aws:ecr:${region}:${accountId}:repository/*`];
			return {
				requests: [
					{action: 'ecr:GetAuthorizationToken', resource: '*'},
					...repositories.flatMap(resource => [
						{action: 'ecr:BatchGetImage', resource},
						{action: 'ecr:GetDownloadUrlForLayer', resource},
					]),
				],
				exact: task.repositoryArns !== undefined,
			};
		}
		case 's3':
			return {requests: [{action: 's3:GetObject', resource: `arn:aws:s3:::${layerBucket(region)}/*`}], exact: true};
		case 'logs':
			return {requests: [{action: 'logs:CreateLogStream', resource: '*'}, {action: 'logs:PutLogEvents', resource: '*'}], exact: false};
		case 'secretsmanager':
			return {requests: [{action: 'secretsmanager:GetSecretValue', resource: '*'}], exact: false};
		case 'ssm':
			return {requests: [{action: 'ssm:GetParameters', resource: '*'}], exact: false};
		case 'kms':
			return {requests: [{action: 'kms:Decrypt', resource: '*'}], exact: false};
	}
}

/** Is this interface endpoint fully usable by tasks (available, private DNS in effect)? */
export function isInterfaceEndpointUsable(vpc: Vpc, endpoint: VpcEndpoint | undefined): boolean {
	return endpoint !== undefined && isAvailable(endpoint.state) && privateDnsState(vpc, endpoint).inEffect;
}
