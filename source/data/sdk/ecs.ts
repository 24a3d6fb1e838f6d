// Only the ECS client parts ecrtui sends (tree-shaken from the SDK's ESM build).
export {
	ECSClient,
	DescribeClustersCommand,
	DescribeServicesCommand,
	DescribeTaskDefinitionCommand,
	DescribeTasksCommand,
	ListClustersCommand,
	ListServicesCommand,
	ListTaskDefinitionFamiliesCommand,
	ListTaskDefinitionsCommand,
	ListTasksCommand,
	StopTaskCommand,
} from '@aws-sdk/client-ecs';
