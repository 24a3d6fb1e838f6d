// Only the IAM client parts ecrtui sends (tree-shaken from the SDK's ESM build).
export {
	IAMClient,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRoleCommand,
	GetRolePolicyCommand,
	ListAttachedRolePoliciesCommand,
	ListRolePoliciesCommand,
	SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
