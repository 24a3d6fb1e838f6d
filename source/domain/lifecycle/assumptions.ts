// The engine's choices on points AWS does not document (aws-semantics.md §F), as data so
// the help screen can list them. Each id is cited in a comment next to the code that
// implements it and pinned by a test in test/domain/lifecycle/assumptions.test.ts.

/** One documented choice of the engine. */
export interface LifecycleAssumption {
	/** Stable id, cited in code comments. */
	readonly id: string;
	/** One or two sentences for the help screen. */
	readonly text: string;
}

/** Every choice the engine makes where AWS's behaviour is unknown or only inferred. */
export const LIFECYCLE_ASSUMPTIONS: readonly LifecycleAssumption[] = [
	{
		id: 'push-time-ties',
		text: 'Images with the same push (or restore) time are ordered by digest: the larger digest counts as newer. AWS\'s order for ties is unknown, so an image acted on only because of such a tie at a keep-count boundary is flagged "tie at boundary".',
	},
	{
		id: 'day-arithmetic',
		text: 'N days means N x 24 hours, counted from the exact timestamp (no calendar days, time zones or daylight saving). The comparison is strict: an image exactly N days old is not acted on yet.',
	},
	{
		id: 'restored-reference-time',
		text: 'For a restored image, lastActivatedAt replaces the push time for ordering and for sinceImagePushed (AWS docs). sinceImagePulled uses the later of the last recorded pull and that time; never pulled and never restored means the push time.',
	},
	{
		id: 'index-children',
		text: 'A manifest listed by an image index that is present is never acted on, even if the index itself is expired in the same run; it becomes eligible in a later run. Such children still match rules like any other (usually untagged) image and take up count slots.',
	},
	{
		id: 'activating-images',
		text: 'Images being restored (status ACTIVATING) are seen by no rule: they take no count slot, are never acted on, and are listed as protected.',
	},
	{
		id: 'referrers',
		text: 'Referrer artifacts (signatures, SBOMs: images with a subject digest) are matched and counted by rules like any other image. When their subject is expired or archived they are listed as followers, which AWS removes or archives within 24 hours; followers are not in the preview results or the expiring count.',
	},
	{
		id: 'case-sensitive-tags',
		text: 'Tag prefixes and patterns match case-sensitively: "prod*" does not match "Prod-1".',
	},
	{
		id: 'exact-pattern',
		text: 'A tagPatternList entry without "*" matches only the identical tag ("latest" does not match "latest-2"), while the same text as a tagPrefixList entry matches every tag starting with it.',
	},
	{
		id: 'unique-tag-lists',
		text: '"The set of tag prefixes must be unique per storage class" is read as: two tagged rules of the same storage class may not use the same list (same kind, same entries in any order); that is an error. Lists that only overlap get a warning.',
	},
	{
		id: 'archived-without-time',
		text: 'An archived image without lastArchivedAt is never expired by sinceImageTransitioned, since its time in archive is unknown.',
	},
	{
		id: 'archive-minimum-days',
		text: 'A sinceImageTransitioned rule with fewer than 90 days is reported as an error, because AWS docs say policies cannot be configured to delete images archived for less than 90 days.',
	},
	{
		id: 'duplicate-keys',
		text: 'When a key appears twice in an object, the last value counts (as AWS\'s JSON parser does by default); the duplicate is reported as a warning.',
	},
	{
		id: 'gigabyte',
		text: 'Costs use 1 GB = 2^30 bytes (1,073,741,824), as AWS storage billing converts byte-hours to GB-months, and sum image sizes as DescribeImages reports them; shared layers are stored once, so real savings can be smaller.',
	},
];
