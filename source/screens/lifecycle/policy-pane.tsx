import React, {useCallback, useMemo} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../app/context.js';
import {TextEditor} from '../../components/text-editor.js';
import type {EditorAction} from '../../components/text-editor-model.js';
import type {ValidationResult} from '../../domain/lifecycle/index.js';
import {safe} from '../../domain/format/text.js';
import {lineMarkers, ProblemsView} from './problems-view.js';
import {RuleForm} from './rule-form.js';
import {FIELD_IDS, ruleFields} from './rule-fields.js';
import {ruleRows} from './rule-edit.js';
import {RulesList} from './rules-list.js';
import type {ScreenAction, ScreenState} from './state.js';

export type PolicyPaneProps = {
	readonly state: ScreenState;
	readonly dispatch: (action: ScreenAction) => void;
	readonly validation: ValidationResult;
	readonly height: number;
	readonly width: number;
	/** Whether a dialog or panel above the pane has the keyboard. */
	readonly covered: boolean;
};

/** Lines the rules view needs for `rules` rules: title, header, rows, problems, notice. */
export function rulesViewHeight(rules: number, problems: number, notice: boolean): number {
	return 2 + Math.max(1, rules) + (problems === 0 ? 1 : 4) + (notice ? 1 : 0);
}

/** The draft policy: rules list, rule form or raw JSON editor, then the problems and a notice line. */
export function PolicyPane({state, dispatch, validation, height, width, covered}: PolicyPaneProps) {
	const theme = useTheme();
	const focused = state.focus === 'policy';
	const {value} = validation;
	const rows = useMemo(() => (value === undefined ? undefined : ruleRows(value)), [value]);
	const problemLines = validation.problems.length === 0 ? 1 : height >= 12 ? 4 : height >= 9 ? 3 : 2;
	const noticeLines = state.notice ? 1 : 0;
	const fill = Math.max(2, height - 1 - problemLines - noticeLines);
	// The JSON editor fills the pane; the rules list and the form take what they need, so the
	// problems stay right under them on tall terminals.
	const need = state.view === 'json' ? fill : state.form ? FIELD_IDS.length + 2 : rows && 'rows' in rows ? Math.max(2, rows.rows.length + 1) : 4;
	const contentHeight = Math.min(fill, need);
	const editDispatch = useCallback((action: EditorAction) => dispatch({type: 'edit', action}), [dispatch]);
	const leaveEditor = useCallback(() => dispatch({type: 'typing', on: false}), [dispatch]);
	const typing = state.view === 'json' && state.typing && focused && !covered;
	const selectedProblem = validation.problems[state.problem];

	const title = state.view === 'json'
		? `Policy JSON${typing ? ' · typing: Esc leaves · Ctrl-S apply · Ctrl-F fix' : ' · Enter/i type · X clear · v rules'}`
		: state.form
			? 'Policy rule form'
			: 'Policy rules · Enter edit · a add · x remove · K/J move · v JSON';

	let content: React.ReactNode;
	if (state.view === 'json') {
		content = (
			<TextEditor
				state={state.editor}
				dispatch={editDispatch}
				height={contentHeight}
				width={width}
				isActive={typing}
				onEscape={leaveEditor}
				markers={lineMarkers(validation.problems)}
				{...(selectedProblem?.line === undefined ? {} : {highlightLine: selectedProblem.line})}
			/>
		);
	} else if (!rows || !('rows' in rows)) {
		content = (
			<Box flexDirection="column" height={contentHeight}>
				<Text color={theme.color('status.error')} wrap="wrap">
					✖ {rows && 'reason' in rows ? rows.reason : 'The draft is not valid JSON'}; the rules cannot be listed. Press v to fix it in the JSON view
					{validation.problems[0]?.line === undefined ? '' : ` (line ${validation.problems[0].line})`}, or t for a template.
				</Text>
			</Box>
		);
	} else if (state.form) {
		const fields = ruleFields(value, state.ruleCursor) ?? [];
		const row = rows.rows[state.ruleCursor];
		content = <RuleForm fields={fields} form={state.form} dispatch={dispatch} height={contentHeight} width={width} title={`Rule ${row?.priority ?? '?'}${row?.description ? `: ${row.description}` : ''}`} />;
	} else {
		content = <RulesList rows={rows.rows} cursor={state.ruleCursor} problems={validation.problems} height={contentHeight} width={width} isFocused={focused} />;
	}

	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold={focused} color={focused ? theme.color('border.focus') : theme.color('text.secondary')} wrap="truncate">
				{focused ? '▍' : ' '}
				{safe(title, width - 1)}
			</Text>
			{content}
			<ProblemsView validation={validation} selected={state.problem} lines={problemLines} width={width} />
			{state.notice ? (
				<Text wrap="truncate" color={theme.color(state.notice.kind === 'error' ? 'status.error' : state.notice.kind === 'warn' ? 'status.warn' : 'status.info')}>
					{state.notice.kind === 'error' ? '✖ ' : state.notice.kind === 'warn' ? '⚠ ' : 'ⓘ '}
					{safe(state.notice.text, width - 2)}
				</Text>
			) : null}
		</Box>
	);
}
