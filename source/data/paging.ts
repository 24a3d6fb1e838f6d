/** One page of a list call: its items and the token of the next page, if any. */
export type Page<T> = {items: T[]; next?: string};

/** Follows the next-page token to the end; each caller asks for its API's maximum page size. */
export async function allPages<T>(fetch: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
	const items: T[] = [];
	let token: string | undefined;
	do {
		const page = await fetch(token);
		items.push(...page.items);
		token = page.next;
	} while (token);
	return items;
}

/** Splits `items` into batches of at most `size`, for the APIs that take 10 or 100 ids per call. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let offset = 0; offset < items.length; offset += size) out.push(items.slice(offset, offset + size));
	return out;
}
