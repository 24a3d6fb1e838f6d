import React from 'react';
import {Box, Text} from 'ink';
import {reportInternalError} from '../internal-errors.js';
import {safe} from '../domain/format/text.js';
import {useTheme} from '../app/context.js';

type Props = {readonly name: string; readonly children: React.ReactNode};
type State = {readonly error?: Error};

/**
 * A screen that throws while rendering is replaced by a short message instead of taking the
 * whole app down (Ink would print the stack and exit). Esc still goes back: the global keys
 * live outside the screen. Keyed by route, so the next screen starts clean.
 */
export class ScreenErrorBoundary extends React.Component<Props, State> {
	override state: State = {};

	static getDerivedStateFromError(error: unknown): State {
		return {error: error instanceof Error ? error : new Error(String(error))};
	}

	override componentDidCatch(error: unknown): void {
		reportInternalError(error, `rendering the ${this.props.name} screen`);
	}

	override render(): React.ReactNode {
		const {error} = this.state;
		if (error === undefined) return this.props.children;
		return <ScreenFailure name={this.props.name} message={error.message} />;
	}
}

function ScreenFailure({name, message}: {readonly name: string; readonly message: string}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Text color={theme.color('status.error')} wrap="wrap">
				✗ The {name} screen failed: {safe(message, 300)}
			</Text>
			<Text wrap="wrap">This is a bug in ecrtui, not a problem with your AWS account. Esc goes back; the rest of the app works.</Text>
			<Text color={theme.color('text.muted')} wrap="wrap">
				Run with --debug to write the details to a log, and please report it.
			</Text>
		</Box>
	);
}
