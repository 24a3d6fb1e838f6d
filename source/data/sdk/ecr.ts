// Only the ECR client parts ecrtui sends. Imported by name from the SDK's ESM build, so the
// bundle keeps these commands and drops the rest of the client (see scripts/build.mjs).
export {
	ECRClient,
	BatchDeleteImageCommand,
	BatchGetImageCommand,
	DeleteLifecyclePolicyCommand,
	DescribeImageScanFindingsCommand,
	DescribeImagesCommand,
	DescribeRepositoriesCommand,
	GetLifecyclePolicyCommand,
	GetLifecyclePolicyPreviewCommand,
	GetRepositoryPolicyCommand,
	PutLifecyclePolicyCommand,
	StartLifecyclePolicyPreviewCommand,
	UpdateImageStorageClassCommand,
} from '@aws-sdk/client-ecr';
