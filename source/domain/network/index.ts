// Public surface of the network domain: trace a task's paths, summarise them, classify subnets.
export type * from './types.js';
export {resolveTaskPaths, requiredDependencies, needsEcrApi} from './paths.js';
export {networkVerdict, networkChecks, pathVerdictText, type NetworkVerdict} from './verdict.js';
export {classifySubnets, type SubnetOverview, type SubnetClass, type CanPull, type SubnetEndpoint} from './subnet-class.js';
export {routeTableForSubnet, findRoute, classifyTarget, routePriority, type RouteMatch, type RouteDestination, type RouteTarget} from './routes.js';
export {evaluateNacl, naclForSubnet, type NaclDecision, type NaclQuery} from './nacls.js';
export {evaluateSecurityGroups, type SgDecision, type SgPeer} from './security-groups.js';
export {evaluateEndpointPolicy, type PolicyEvaluation, type PolicyRequest} from './endpoint-policy.js';
export {endpointServiceName, layerBucket} from './endpoints.js';
export {hostFor} from './path-parts.js';
export * as fixes from './fixes.js';
