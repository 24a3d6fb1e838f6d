// Only the STS client parts ecrtui sends (tree-shaken from the SDK's ESM build).
export {STSClient, GetCallerIdentityCommand} from '@aws-sdk/client-sts';
