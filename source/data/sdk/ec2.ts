// Only the EC2 client parts ecrtui sends (tree-shaken from the SDK's ESM build: the whole EC2
// client is over a megabyte and takes about a second to load).
export {
	EC2Client,
	DescribeInternetGatewaysCommand,
	DescribeNatGatewaysCommand,
	DescribeNetworkAclsCommand,
	DescribeNetworkInterfacesCommand,
	DescribePrefixListsCommand,
	DescribeRouteTablesCommand,
	DescribeSecurityGroupsCommand,
	DescribeSubnetsCommand,
	DescribeVpcAttributeCommand,
	DescribeVpcEndpointsCommand,
	DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
