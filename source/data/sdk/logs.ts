// Only the CloudWatch Logs client parts ecrtui sends (tree-shaken from the SDK's ESM build).
export {CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
