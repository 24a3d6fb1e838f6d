// What a lifecycle policy saves per month.
// GB: AWS storage billing measures byte-hours and converts with 1 GB = 2^30 bytes
// (1,073,741,824), e.g. the S3 pricing FAQ's worked example "Byte-Hours x (1 GB /
// 1,073,741,824 bytes) x (1 month / 744 hours)"; ECR storage (usage type TimedStorage-ByteHrs)
// is billed the same way [INF; DOC S3 FAQ example; 3P pages quote 1 TB-month = $102.40 at
// $0.10/GB]. Assumption `gigabyte`.
// Price: $0.10 per GB-month for private repositories in us-east-1 [3P, several consistent
// pricing pages; official page not read, aws-semantics.md §F]. The archive class is priced
// like standard for the first 150 TB per month, so archiving alone saves nothing at that
// scale [3P]; pass an archive price to model larger registries.

import type {EvaluationResult} from './evaluate.js';

/** Bytes in one billed GB. */
export const BYTES_PER_GB = 2 ** 30;

/** Default private-repository storage price, USD per GB-month (us-east-1). */
export const DEFAULT_PRICE_PER_GB_MONTH = 0.1;

/** Monthly storage cost of `bytes` at `pricePerGbMonth`. */
export function monthlyStorageCost(bytes: number, pricePerGbMonth: number = DEFAULT_PRICE_PER_GB_MONTH): number {
	if (!Number.isFinite(bytes) || bytes <= 0 || !Number.isFinite(pricePerGbMonth) || pricePerGbMonth < 0) return 0;
	return (bytes / BYTES_PER_GB) * pricePerGbMonth;
}

/** Prices for `estimateSavings`. */
export interface SavingsOptions {
	/** Standard storage, USD per GB-month. @default 0.10 */
	readonly pricePerGbMonth?: number;
	/** Archive storage, USD per GB-month. @default same as pricePerGbMonth */
	readonly archivePricePerGbMonth?: number;
}

/** Monthly saving of an evaluation, split by action. */
export interface Savings {
	/** Saving from expired images (their whole storage). */
	readonly expire: number;
	/** Saving from archived images (price difference only; 0 when both prices are equal). */
	readonly transition: number;
	readonly total: number;
}

/**
 * Estimates the monthly saving. Sizes are DescribeImages sizes summed per image; images
 * share layers, which AWS stores once, so the real saving can be smaller.
 */
export function estimateSavings(result: EvaluationResult, options: SavingsOptions = {}): Savings {
	const price = options.pricePerGbMonth ?? DEFAULT_PRICE_PER_GB_MONTH;
	const archivePrice = options.archivePricePerGbMonth ?? price;
	const expire = monthlyStorageCost(result.totals.bytesFreed, price);
	const transition = Math.max(0, monthlyStorageCost(result.totals.bytesTransitioned, price) - monthlyStorageCost(result.totals.bytesTransitioned, archivePrice));
	return {expire, transition, total: expire + transition};
}
