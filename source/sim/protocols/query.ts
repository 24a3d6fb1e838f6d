/**
 * The AWS query protocol used by EC2, IAM and STS: form-encoded requests with flattened
 * lists (`Filter.1.Value.2`, `ActionNames.member.1`), XML responses.
 */

/** Turns `a.1.b=x` pairs into nested objects and arrays; `member` path segments are skipped. */
export function parseQueryParameters(body: string): Record<string, unknown> {
	const params = new URLSearchParams(body);
	const root: Record<string, unknown> = {};
	for (const [key, value] of params) {
		const parts = key.split('.').filter(part => part !== 'member' && part !== 'item');
		let node: Record<string, unknown> | unknown[] = root;
		for (let index = 0; index < parts.length; index++) {
			const part = parts[index]!;
			const last = index === parts.length - 1;
			const nextIsIndex = !last && /^\d+$/.test(parts[index + 1]!);
			const slot: string | number = /^\d+$/.test(part) ? Number(part) - 1 : part;
			const container = node as Record<string | number, unknown>;
			if (last) {
				container[slot] = value;
			} else {
				container[slot] ??= nextIsIndex ? [] : {};
				node = container[slot] as Record<string, unknown> | unknown[];
			}
		}
	}
	return compactArrays(root) as Record<string, unknown>;
}

function compactArrays(value: unknown): unknown {
	if (Array.isArray(value)) return value.filter(item => item !== undefined).map(compactArrays);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compactArrays(item)]));
	}
	return value;
}

/** Escapes text for an XML element body. */
export function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, char => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;'})[char]!);
}

/** A timestamp field: serialised as ISO 8601, which is what the query protocols carry. */
export class XmlTime {
	constructor(readonly epochMs: number) {}
}

/**
 * Serialises a plain value as XML children. Arrays become repeated `<item>` (EC2) or
 * `<member>` (IAM/STS) elements; `undefined` fields are omitted, as AWS omits unset members.
 */
export function toXml(value: unknown, listItem: 'item' | 'member'): string {
	if (value === undefined || value === null) return '';
	if (value instanceof XmlTime) return new Date(value.epochMs).toISOString();
	if (Array.isArray(value)) return value.map(item => `<${listItem}>${toXml(item, listItem)}</${listItem}>`).join('');
	if (typeof value === 'object') {
		let out = '';
		for (const [key, item] of Object.entries(value)) {
			if (item === undefined || item === null) continue;
			out += `<${key}>${toXml(item, listItem)}</${key}>`;
		}
		return out;
	}
	return escapeXml(String(value));
}
