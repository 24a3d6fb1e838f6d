import type {ServiceDefinition} from '../service.js';

/** STS: who am I. The app calls GetCallerIdentity at start to show the account in the header. */
export const stsService: ServiceDefinition = {
	name: 'sts',
	protocol: 'query',
	version: '2011-06-15',
	xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
	handlers: {
		GetCallerIdentity: (_input, {principal, accountId}) => ({
			UserId: principal.userId,
			Account: accountId,
			Arn: principal.arn,
		}),
	},
};
