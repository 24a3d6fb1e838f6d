/**
 * Storage cost estimates. ECR private storage is priced per GB-month (0.10 USD in us-east-1
 * [3P, aws-semantics.md B]); AWS meters storage in binary gigabytes (2^30 bytes) [INF]. Billing
 * counts unique stored layers, not the sum of image sizes, so sums over-estimate: the UI says
 * "estimate" wherever it shows these.
 */
export const BYTES_PER_GB = 1024 ** 3;

export function monthlyStorageCost(bytes: number, pricePerGbMonth: number): number {
	return (bytes / BYTES_PER_GB) * pricePerGbMonth;
}
