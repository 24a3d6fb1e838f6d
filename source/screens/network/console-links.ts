import {subnetConsoleUrl, vpcConsoleUrl} from '../../domain/format/console-url.js';

/**
 * The VPC console page of a hop's resource (`b`), chosen by the id's prefix. The fragment
 * names follow the console's own links [INF from console URLs]; anything else opens the VPC.
 */
export function resourceConsoleUrl(region: string, resourceId: string, vpcId: string): string {
	const vpcConsole = `https://${region}.console.aws.amazon.com/vpcconsole/home?region=${region}`;
	const id = encodeURIComponent(resourceId);
	if (resourceId.startsWith('subnet-')) return subnetConsoleUrl(region, resourceId);
	if (resourceId.startsWith('rtb-')) return `${vpcConsole}#RouteTableDetails:RouteTableId=${id}`;
	if (resourceId.startsWith('nat-')) return `${vpcConsole}#NatGatewayDetails:natGatewayId=${id}`;
	if (resourceId.startsWith('igw-')) return `${vpcConsole}#InternetGatewayDetails:internetGatewayId=${id}`;
	if (resourceId.startsWith('vpce-')) return `${vpcConsole}#EndpointDetails:vpcEndpointId=${id}`;
	if (resourceId.startsWith('sg-')) return `${vpcConsole}#SecurityGroup:groupId=${id}`;
	if (resourceId.startsWith('acl-')) return `${vpcConsole}#NetworkAclDetails:networkAclId=${id}`;
	if (resourceId.startsWith('eni-')) return `https://${region}.console.aws.amazon.com/ec2/home?region=${region}#NetworkInterface:networkInterfaceId=${id}`;
	return vpcConsoleUrl(region, vpcId);
}
