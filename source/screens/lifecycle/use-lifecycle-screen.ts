import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {useServices} from '../../app/context.js';
import {useResource} from '../../hooks/use-resource.js';
import {useNow} from '../../hooks/use-now.js';
import {imagesResource, indexManifestsResource, lifecyclePolicyResource} from '../../data/resources.js';
import {usageResource} from '../../data/usage.js';
import {toLifecycleImages} from '../../data/lifecycle.js';
import {
	diffOutcomes, estimateSavings, evaluateLifecycle, validatePolicyText,
	type EvaluationResult, type LifecycleImage, type LifecyclePolicy, type ValidationResult,
} from '../../domain/lifecycle/index.js';
import {repositoryUsage, type Consumer} from '../../domain/registry/usage.js';
import type {ImageRecord} from '../../domain/registry/types.js';
import {editorText} from '../../components/text-editor-model.js';
import {initialState, reduce} from './state.js';
import {pickerText} from './templates.js';
import {diffCounts, indexOutcomes, inUseWarnings, previewRows} from './preview-model.js';

/**
 * Above this many images the preview waits for a pause in typing. Up to ECR's default quota of
 * 100,000 images a keystroke re-evaluates at once (p95 ~75 ms, `npm run bench -- editor`), so
 * only repositories past the quota wait.
 */
export const DEBOUNCE_ABOVE_IMAGES = 200_000;
/** The pause, in ms. */
export const DEBOUNCE_MS = 40;

const noUsage: ReadonlyMap<string, readonly Consumer[]> = new Map();

/** `value`, or with `delayMs` > 0, the value it had `delayMs` after it last changed. */
function useDebounced<T>(value: T, delayMs: number): T {
	const [settled, setSettled] = useState(value);
	useEffect(() => {
		if (delayMs <= 0) return;
		const timer = setTimeout(() => setSettled(value), delayMs);
		return () => clearTimeout(timer);
	}, [value, delayMs]);
	return delayMs > 0 ? settled : value;
}

function evaluate(policy: LifecyclePolicy | undefined, images: readonly LifecycleImage[] | undefined, now: number): EvaluationResult | undefined {
	return policy && images ? evaluateLifecycle({policy, images, now}) : undefined;
}

/**
 * The lifecycle editor's view model: the AWS policy, the repository's images (with index
 * children, so protected platform images are right), what uses them, the draft, its
 * validation, and the dry run of the draft against the current policy's outcome.
 */
export function useLifecycleScreen(repository: string) {
	const {session, settings} = useServices();
	const {inUseRevisions, pricePerGbMonth, typeToConfirmAbove} = settings.get();
	const policyEntry = useResource(useMemo(() => lifecyclePolicyResource(session, repository), [session, repository]));
	const imagesEntry = useResource(useMemo(() => imagesResource(session, repository), [session, repository]));
	// Only complete listings: a refresh publishes pages as they arrive, and a dry run of half a
	// repository would be wrong. Until the next one is complete, the last one stays.
	const complete = useRef<ImageRecord[] | undefined>(undefined);
	if (imagesEntry.status === 'ok' && !imagesEntry.refreshing && imagesEntry.data) complete.current = imagesEntry.data;
	const records = complete.current;
	const manifests = useResource(useMemo(() => (records ? indexManifestsResource(session, repository, records) : undefined), [session, repository, records]));
	const usageInput = useResource(useMemo(() => usageResource(session, inUseRevisions), [session, inUseRevisions]));
	const [state, dispatch] = useReducer(reduce, undefined, initialState);
	const now = useNow(60_000);

	// Every new read of the policy (first load, reload after apply) goes to the reducer.
	const policyData = policyEntry.data;
	useEffect(() => {
		if (policyData !== undefined) dispatch({type: 'loaded', text: policyData?.text ?? null});
	}, [policyData]);
	// Denied the policy but not the images: drafting and the dry run still work, so the editor
	// opens on an empty draft instead of an error (a throttle or an outage keeps the error panel).
	const denied = policyData === undefined && policyEntry.problem?.kind === 'access-denied' ? policyEntry.problem : undefined;
	const deniedText = denied ? `access denied to ${denied.action ?? 'ecr:GetLifecyclePolicy'}${denied.resource ? ` on ${denied.resource}` : ''}` : undefined;
	useEffect(() => {
		if (deniedText !== undefined) dispatch({type: 'loaded', text: null, unreadable: deniedText});
	}, [deniedText]);

	// Index children come from the manifests: without them platform images would look expirable.
	const fresh = useMemo(() => (records && manifests.data ? toLifecycleImages(records, manifests.data) : undefined), [records, manifests.data]);
	const lastImages = useRef<LifecycleImage[] | undefined>(undefined);
	if (fresh) lastImages.current = fresh;
	const images = fresh ?? lastImages.current;
	const pushedAt = useMemo(() => new Map((images ?? []).map(image => [image.digest, image.pushedAt])), [images]);
	const usage = useMemo(
		() => (usageInput.data && records ? repositoryUsage(usageInput.data, {name: repository, registryId: session.accountId, region: session.region}, records).byDigest : noUsage),
		[usageInput.data, records, repository, session],
	);

	const editor = state.editor;
	const text = useMemo(() => editorText(editor), [editor]);
	const validation = useMemo(() => validatePolicyText(text), [text]);
	// While the template picker is open, the preview shows what the template would insert.
	const draftValue = state.picker?.mode === 'add' ? validation.value : undefined;
	const previewText = useMemo(
		() => (state.picker ? pickerText(state.picker, draftValue) : text),
		[state.picker, draftValue, text],
	);
	const previewValidation: ValidationResult = useMemo(() => (previewText === text ? validation : validatePolicyText(previewText)), [previewText, text, validation]);
	// Keyed by the policy's canonical JSON: whitespace typed in the editor does not re-evaluate.
	const canonical = previewValidation.policy ? JSON.stringify(previewValidation.policy) : undefined;
	const settled = useDebounced(canonical, (images?.length ?? 0) > DEBOUNCE_ABOVE_IMAGES ? DEBOUNCE_MS : 0);
	const evaluation = useMemo(() => evaluate(settled === undefined ? undefined : (JSON.parse(settled) as LifecyclePolicy), images, now), [settled, images, now]);
	// When the draft does not validate, the last valid draft's preview stays on screen, marked.
	const lastGood = useRef<EvaluationResult | undefined>(undefined);
	if (evaluation) lastGood.current = evaluation;
	const shown = evaluation ?? lastGood.current;
	const stale = shown !== undefined && (canonical === undefined || canonical !== settled);

	const source = state.source;
	const baseline = useMemo(() => {
		if (source === undefined || !images || state.sourceUnreadable !== undefined) return undefined;
		const current = source === null ? {rules: []} : validatePolicyText(source).policy;
		return current ? evaluateLifecycle({policy: current, images, now}) : undefined;
	}, [source, images, now, state.sourceUnreadable]);
	const baselineIndex = useMemo(() => (baseline ? indexOutcomes(baseline) : undefined), [baseline]);
	const changes = useMemo(() => (shown && baselineIndex ? diffCounts(baselineIndex, shown) : undefined), [shown, baselineIndex]);
	// The full diff (lists of images) only when the list shows it.
	const diff = useMemo(() => (state.listMode === 'changes' && shown && baseline ? diffOutcomes(baseline, shown) : undefined), [state.listMode, shown, baseline]);
	const savings = useMemo(() => (shown ? estimateSavings(shown, {pricePerGbMonth}) : undefined), [shown, pricePerGbMonth]);
	const baselineSavings = useMemo(() => (baseline ? estimateSavings(baseline, {pricePerGbMonth}) : undefined), [baseline, pricePerGbMonth]);
	const inUse = useMemo(() => (shown ? inUseWarnings(shown, usage) : []), [shown, usage]);
	const rows = useMemo(() => (shown ? previewRows(state.listMode, shown, diff, usage, pushedAt) : []), [shown, state.listMode, diff, usage, pushedAt]);

	return {
		state, dispatch, text, validation, previewValidation, images, imagesEntry, manifests, policyEntry, usageInput, usage,
		evaluation: shown, stale, baseline, changes, savings, baselineSavings, inUse, rows, now, pricePerGbMonth, typeToConfirmAbove,
	};
}

export type LifecycleScreenModel = ReturnType<typeof useLifecycleScreen>;
