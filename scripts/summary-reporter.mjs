// A reporter that prints one plain last line, `N passed, N failed, N skipped`, which CI
// and people can read at a glance. Suites are not counted, only the tests inside them.
export default async function* summaryReporter(source) {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const skipReasons = new Map();
	for await (const event of source) {
		if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
		const {data} = event;
		if (data.details?.type === 'suite') continue;
		if (data.skip !== undefined || data.todo !== undefined) {
			skipped++;
			const reason = typeof data.skip === 'string' ? data.skip : typeof data.todo === 'string' ? data.todo : 'skipped';
			skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
		} else if (event.type === 'test:pass') {
			passed++;
		} else {
			failed++;
		}
	}
	for (const [reason, count] of skipReasons) yield `skipped (${count}): ${reason}\n`;
	yield `${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
