import React, {useEffect, useMemo, useRef, useState} from 'react';
import {randomUUID} from 'node:crypto';
import {Box, Text, useStdout} from 'ink';
import {useServices} from '../../app/context.js';
import {useFlash} from '../../app/ui-state.js';
import {useKeymap} from '../../app/keys/use-keymap.js';
import {copyToClipboard} from '../../app/clipboard.js';
import {ErrorPanel} from '../../components/error-panel.js';
import {Loading} from '../../components/loading.js';
import {deleteLifecyclePolicy, putLifecyclePolicy} from '../../data/lifecycle.js';
import {toProblem} from '../../data/problems.js';
import {evaluateLifecycle, parseJson, validatePolicyText} from '../../domain/lifecycle/index.js';
import {EXPORT_FORMATS, exportSnippet} from '../../domain/lifecycle-export/index.js';
import {isoTime} from '../../domain/format/units.js';
import {safe} from '../../domain/format/text.js';
import {lifecycleAbout, lifecycleActions, type LifecycleActionId} from './keymap.js';
import {useLifecycleScreen} from './use-lifecycle-screen.js';
import {useCompare} from './use-compare.js';
import {PolicyPane, rulesViewHeight} from './policy-pane.js';
import {PreviewPane} from './preview-pane.js';
import {PICKER_HEIGHT, TemplatePicker} from './template-picker.js';
import {ApplyDialog, DeletePolicyDialog} from './confirm-dialogs.js';
import {ExportView} from './export-view.js';
import {CompareView} from './compare-view.js';
import {EMPTY_POLICY_TEXT, type ScreenAction} from './state.js';
import {ruleRows} from './rule-edit.js';

/** Terminals at least this wide show the policy and the preview side by side. */
export const WIDE_COLUMNS = 140;

/** Why the draft cannot be sent, or undefined when it can. */
function refusal(text: string, source: string | null | undefined): string | undefined {
	const validation = validatePolicyText(text);
	const error = validation.problems.find(problem => problem.severity === 'error');
	if (error) return `the draft is invalid (${error.line === undefined ? '' : `line ${error.line}, `}${error.path}): ${error.message}`;
	const rows = ruleRows(validation.value);
	if (!('rows' in rows) || rows.rows.length === 0) return 'the policy has no rules (t: templates, a: add a rule; Ctrl-D deletes the policy instead)';
	if (text === source) return 'the draft is the policy AWS already has';
	return undefined;
}

/** The lifecycle policy editor: draft (rules or JSON), validation as you type, instant dry run, compare, apply. */
export function LifecycleScreen({repository, height, width}: {readonly repository: string; readonly height: number; readonly width: number}) {
	const {session, theme, audit, now: clock} = useServices();
	const flash = useFlash();
	const {stdout} = useStdout();
	const model = useLifecycleScreen(repository);
	const {state, dispatch, text, validation} = model;
	const compare = useCompare(session, repository);
	const [busy, setBusy] = useState<string>();
	const wide = width >= WIDE_COLUMNS;
	// Denied the current policy: one warning that names the permission stays above both panes.
	const unreadableBanner = state.sourceUnreadable === undefined ? undefined : `⚠ Cannot read the current policy (${state.sourceUnreadable}). Drafts and dry runs work; applying replaces the policy unseen.`;
	const bannerLines = unreadableBanner === undefined ? 0 : Math.min(3, Math.ceil(unreadableBanner.length / Math.max(1, width)));
	const bodyHeight = Math.max(6, height - 1 - bannerLines);
	const big = Math.ceil(bodyHeight * 0.6);
	// The validator has parsed the draft already; its value is the draft whenever it is JSON.
	const parsedDraft = validation.value;
	const draftRules = useMemo(() => {
		const rows = ruleRows(parsedDraft);
		return 'rows' in rows ? rows.rows.length : 0;
	}, [parsedDraft]);
	// AWS's policy changes rarely; counting its rules re-parses it, so not on every keystroke.
	const sourceRules = useMemo(() => (typeof state.source === 'string' ? policyRuleCount(state.source) : 0), [state.source]);
	// The rules list takes only the lines it needs; the rest goes to the dry run.
	const rulesOnly = state.view === 'rules' && !state.form && !state.picker && parsedDraft !== undefined;
	const need = state.picker ? PICKER_HEIGHT : rulesOnly ? rulesViewHeight(draftRules, validation.problems.length, state.notice !== undefined) : bodyHeight;
	const stacked = Math.min(state.focus === 'policy' || state.picker ? big : bodyHeight - big, need);
	const policyHeight = wide ? bodyHeight : Math.max(4, stacked);
	const previewHeight = wide ? bodyHeight : bodyHeight - policyHeight;
	const policyWidth = wide ? Math.floor(width * 0.46) : width;
	const previewWidth = wide ? width - policyWidth - 1 : width;
	const pageSize = Math.max(1, (state.focus === 'preview' ? previewHeight : policyHeight) - 6);

	// Esc leaves the screen, but asks once when the draft was never applied.
	const leaveArmed = useRef(false);
	useEffect(() => {
		leaveArmed.current = false;
	}, [text]);
	const dirty = state.source !== undefined && text !== (state.source ?? EMPTY_POLICY_TEXT);

	const exportFormat = EXPORT_FORMATS[state.exportFormat] ?? 'json';

	const refuse = (verb: string, reason: string) => {
		flash.warn(`Not ${verb}: ${reason}.`);
		dispatch({type: 'notice', notice: {kind: 'warn', text: `Not ${verb}: ${reason}.`}});
	};
	const send = (what: 'put' | 'delete') => {
		const sent = text;
		dispatch({type: 'panel', panel: 'main'});
		// Checked again at the moment of sending: an invalid policy is never sent.
		const reason = what === 'put' ? refusal(sent, state.source) : undefined;
		if (reason) return refuse('applied', reason);
		setBusy(what === 'put' ? 'applying the policy (PutLifecyclePolicy)…' : 'deleting the policy (DeleteLifecyclePolicy)…');
		const call = what === 'put' ? putLifecyclePolicy(session, repository, sent, audit, randomUUID()) : deleteLifecyclePolicy(session, repository, audit, randomUUID());
		call.then(
			() => {
				dispatch({type: 'applied', text: what === 'put' ? sent : null});
				flash.info(what === 'put' ? `Lifecycle policy of ${repository} applied; AWS acts within 24 hours.` : `Lifecycle policy of ${repository} deleted.`);
			},
			(error: unknown) => flash.error(toProblem(error, {what: what === 'put' ? `PutLifecyclePolicy on ${repository}` : `DeleteLifecyclePolicy on ${repository}`})),
		).finally(() => setBusy(undefined));
	};
	const startCompare = () => {
		const reason = validation.ok ? undefined : 'the draft is invalid; AWS would reject it';
		if (reason || !validation.policy || !model.images) return refuse('compared', reason ?? 'the images are still loading');
		// The local side is evaluated at the moment AWS starts, so both see the same images and time.
		compare.start(text, evaluateLifecycle({policy: validation.policy, images: model.images, now: clock()}));
		dispatch({type: 'panel', panel: 'compare'});
	};
	const go = (action: ScreenAction) => () => dispatch(action);
	const nav = (move: Extract<ScreenAction, {type: 'nav'}>['move']) => () => dispatch({type: 'nav', move, page: pageSize, previewCount: model.rows.length});

	const handlers: Record<LifecycleActionId, () => void | boolean> = {
		'lifecycle.focus': go({type: 'toggle-focus'}),
		'lifecycle.view': go({type: 'toggle-view'}),
		'lifecycle.enter': go({type: 'enter'}),
		'lifecycle.type': go({type: 'typing', on: true}),
		'lifecycle.templates': go({type: 'picker-open'}),
		'lifecycle.fix': go({type: 'fix'}),
		'lifecycle.problem-next': go({type: 'problem-next', step: 1}),
		'lifecycle.problem-previous': go({type: 'problem-next', step: -1}),
		'lifecycle.undo': go({type: 'undo'}),
		'lifecycle.clear': go({type: 'replace', text: '', notice: {kind: 'info', text: 'Draft cleared: i to type or paste a policy (u undoes).'}}),
		'lifecycle.add': go({type: 'rule-op', op: 'add'}),
		'lifecycle.remove': go({type: 'rule-op', op: 'delete'}),
		'lifecycle.rule-up': go({type: 'rule-op', op: 'up'}),
		'lifecycle.rule-down': go({type: 'rule-op', op: 'down'}),
		'lifecycle.list': go({type: 'list-mode'}),
		'lifecycle.compare': startCompare,
		'lifecycle.export': go({type: 'panel', panel: 'export'}),
		'lifecycle.copy': () => {
			copyToClipboard(stdout, text);
			flash.info(`copied the draft policy (${text.length} characters)`);
		},
		'lifecycle.apply': () => {
			if (busy) return refuse('applied', `busy ${busy}`);
			const reason = refusal(text, state.source);
			if (reason) return refuse('applied', reason);
			dispatch({type: 'typing', on: false});
			dispatch({type: 'panel', panel: 'apply'});
		},
		'lifecycle.delete': () => {
			if (busy) return refuse('deleted', `busy ${busy}`);
			if (state.source === null && state.sourceUnreadable === undefined) return refuse('deleted', `${repository} has no lifecycle policy`);
			dispatch({type: 'panel', panel: 'delete'});
		},
		'lifecycle.up': nav('up'),
		'lifecycle.down': nav('down'),
		'lifecycle.left': nav('left'),
		'lifecycle.right': nav('right'),
		'lifecycle.page-up': nav('page-up'),
		'lifecycle.page-down': nav('page-down'),
		'lifecycle.home': nav('home'),
		'lifecycle.end': nav('end'),
		'lifecycle.escape': () => {
			if (state.form || state.focus === 'preview') {
				dispatch({type: 'escape'});
				return true;
			}
			if (dirty && !leaveArmed.current) {
				leaveArmed.current = true;
				dispatch({type: 'notice', notice: {kind: 'warn', text: 'The draft is not applied: Esc again leaves and drops it (A applies, u undoes).'}});
				return true;
			}
			return false;
		},
	};
	useKeymap(lifecycleActions, handlers, {
		isActive: state.panel === 'main' && !state.picker && state.form?.editing === undefined,
		publish: {title: `Lifecycle policy of ${repository}`, about: lifecycleAbout},
		onBlocked: action => flash.warn(`read-only mode: ${action.title.split(' (')[0]!.toLowerCase()} is disabled`),
	});

	const {policyEntry} = model;
	if (policyEntry.problem && policyEntry.data === undefined && state.sourceUnreadable === undefined) return <ErrorPanel problem={policyEntry.problem} />;
	if (state.source === undefined) return <Loading label={`Reading the lifecycle policy of ${repository}`} />;

	if (state.panel === 'apply') {
		return (
			<ApplyDialog
				repository={repository} evaluation={model.evaluation} savings={model.savings} changes={model.changes} inUse={model.inUse} replacing={state.source !== null || state.sourceUnreadable !== undefined} {...(state.sourceUnreadable === undefined ? {} : {unreadable: state.sourceUnreadable})}
				usageChecked={model.usageInput.data !== undefined}
				typeToConfirmAbove={model.typeToConfirmAbove} height={height} width={width}
				onConfirm={() => send('put')} onCancel={go({type: 'panel', panel: 'main'})}
			/>
		);
	}
	if (state.panel === 'delete') {
		return <DeletePolicyDialog repository={repository} baseline={model.baseline} baselineSavings={model.baselineSavings} width={width} onConfirm={() => send('delete')} onCancel={go({type: 'panel', panel: 'main'})} />;
	}
	if (state.panel === 'export') {
		// Built only here: a Terraform or CloudFormation rendering is not needed per keystroke.
		const exportText = parsedDraft === undefined ? text : exportSnippet(exportFormat, {repository, policy: parsedDraft, registryId: session.accountId});
		return (
			<ExportView
				repository={repository} format={exportFormat} text={exportText} dispatch={dispatch} height={height} width={width}
				{...(validation.ok ? {} : {warning: parsedDraft === undefined ? 'The draft is not valid JSON; shown as typed.' : 'The draft has errors: AWS would reject this policy.'})}
				onCopy={() => {
					copyToClipboard(stdout, exportText);
					flash.info(`copied the ${exportFormat} export (${exportText.split('\n').length} lines)`);
				}}
			/>
		);
	}

	const policyPane = state.picker ? (
		<TemplatePicker picker={state.picker} dispatch={dispatch} height={policyHeight} width={policyWidth} />
	) : (
		<PolicyPane state={state} dispatch={dispatch} validation={validation} height={policyHeight} width={policyWidth} covered={state.panel !== 'main'} />
	);
	const previewPane = state.panel === 'compare' ? (
		<CompareView state={compare.state} height={previewHeight} width={previewWidth} onCancel={() => { compare.cancel(); dispatch({type: 'panel', panel: 'main'}); }} onClose={go({type: 'panel', panel: 'main'})} onRerun={startCompare} />
	) : (
		<PreviewPane model={model} height={previewHeight} width={previewWidth} focused={state.focus === 'preview'} source={state.source} unreadable={state.sourceUnreadable !== undefined} />
	);
	const lastRun = policyEntry.data?.lastEvaluatedAt ? `, ran ${isoTime(policyEntry.data.lastEvaluatedAt).slice(0, 10)}` : '';
	const policyNote = state.sourceUnreadable !== undefined ? 'current policy unreadable' : state.source === null ? 'no policy (keeps every image)' : `${sourceRules}-rule policy${lastRun}`;
	const draftNote = draftRules === 0 && parsedDraft !== undefined ? '○ draft empty' : validation.ok ? (dirty ? '✓ draft valid, not applied' : '✓ draft = AWS policy') : '✖ draft invalid';
	const status = busy ? `⟳ ${busy}` : `${draftNote} · ${repository} · AWS: ${policyNote} · ${model.images ? `${model.images.length.toLocaleString('en-US')} images` : 'images loading'}${session.readOnly ? ' · read-only' : ''}`;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text wrap="truncate" color={busy ? theme.color('status.pending') : validation.ok ? theme.color('text.secondary') : theme.color('status.error')}>
				{safe(status, width)}
			</Text>
			{unreadableBanner === undefined ? null : (
				<Box height={bannerLines} overflow="hidden">
					<Text wrap="wrap" color={theme.color('status.warn')}>
						{safe(unreadableBanner)}
					</Text>
				</Box>
			)}
			<Box flexDirection={wide ? 'row' : 'column'} height={bodyHeight}>
				<Box height={policyHeight} width={policyWidth} overflow="hidden">
					{policyPane}
				</Box>
				<Box height={previewHeight} width={previewWidth} marginLeft={wide ? 1 : 0} overflow="hidden">
					{previewPane}
				</Box>
			</Box>
		</Box>
	);
}

function policyRuleCount(text: string): number {
	const parsed = parseJson(text, {positions: false});
	const rows = ruleRows(parsed.ok ? parsed.value : undefined);
	return 'rows' in rows ? rows.rows.length : 0;
}
