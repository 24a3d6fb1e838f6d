import {test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {ScreenErrorBoundary} from '../../source/components/screen-error-boundary.js';
import {ServicesProvider, type AppServices} from '../../source/app/context.js';
import {pickTheme} from '../../source/app/theme/themes.js';
import {onInternalError} from '../../source/internal-errors.js';

function Broken(): React.ReactNode {
	throw new Error('cannot read properties of undefined (reading \'rules\')');
}

const services = {theme: pickTheme({noColor: true})} as unknown as AppServices;

test('a screen that throws is replaced by a message, not a stack trace, and the error reaches the debug log listeners', async () => {
	const seen: {message: string; context: string}[] = [];
	const stop = onInternalError((error, context) => seen.push({message: (error as Error).message, context}));
	// React reports caught render errors on console.error; keep the test output clean.
	const original = console.error;
	console.error = () => undefined;
	try {
		const app = render(
			<ServicesProvider value={services}>
				<ScreenErrorBoundary name="lifecycle">
					<Broken />
				</ScreenErrorBoundary>
			</ServicesProvider>,
		);
		await new Promise(resolve => setTimeout(resolve, 20));
		const frame = app.lastFrame() ?? '';
		assert.match(frame, /✗ The lifecycle screen failed: cannot read properties of undefined/);
		assert.match(frame, /Esc goes back/);
		assert.doesNotMatch(frame, /at Broken|\.tsx:\d+/, 'no stack trace on screen');
		assert.deepEqual(seen, [{message: 'cannot read properties of undefined (reading \'rules\')', context: 'rendering the lifecycle screen'}]);
		app.unmount();
	} finally {
		console.error = original;
		stop();
	}
});

test('a screen that renders is left alone', () => {
	const app = render(
		<ServicesProvider value={services}>
			<ScreenErrorBoundary name="images">
				<Text>fine</Text>
			</ScreenErrorBoundary>
		</ServicesProvider>,
	);
	assert.equal(app.lastFrame(), 'fine');
	app.unmount();
});
