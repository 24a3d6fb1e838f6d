// The standard credential chain only (tree-shaken from the SDK's ESM build).
export {fromNodeProviderChain} from '@aws-sdk/credential-providers';
