import type {ActionSpec} from '../../app/keys/actions.js';
import {LIFECYCLE_ASSUMPTIONS} from '../../domain/lifecycle/index.js';

/**
 * The lifecycle editor's keys. One table for binding, help and footer; what a key does can
 * depend on the mode (rules list, rule form, JSON view, preview focus), as the titles say.
 * While the JSON editor has the keyboard every printable key is text: Esc leaves it, and
 * only Ctrl keys it does not use (Ctrl-S apply, Ctrl-F fix) reach this table.
 */
export const lifecycleActions = [
	{id: 'lifecycle.focus', keys: ['tab'], title: 'Focus (switch between the policy and the dry run)', group: 'Lifecycle', hint: true},
	{id: 'lifecycle.view', keys: ['v'], title: 'Rules/JSON (switch the view)', group: 'Lifecycle', hint: true},
	{id: 'lifecycle.enter', keys: ['enter'], title: 'Edit (the rule under the cursor in a form, or type in the JSON)', group: 'Lifecycle', hint: true},
	{id: 'lifecycle.type', keys: ['i'], title: 'Type in the raw JSON (Esc leaves)', group: 'Lifecycle'},
	{id: 'lifecycle.templates', keys: ['t'], title: 'Templates (replace the policy or add their rules)', group: 'Lifecycle', hint: true},
	{id: 'lifecycle.fix', keys: ['f', 'ctrl+f'], title: 'Fix (apply the suggested fix; Ctrl-F while typing)', group: 'Problems', hint: true},
	{id: 'lifecycle.problem-next', keys: ['n'], title: 'Next problem (the JSON cursor jumps to its line)', group: 'Problems'},
	{id: 'lifecycle.problem-previous', keys: ['N'], title: 'Previous problem', group: 'Problems'},
	{id: 'lifecycle.undo', keys: ['u'], title: 'Undo the last change to the draft', group: 'Lifecycle'},
	{id: 'lifecycle.clear', keys: ['X'], title: 'Clear the draft (to paste a policy; u undoes)', group: 'Lifecycle'},
	{id: 'lifecycle.add', keys: ['a'], title: 'Add a rule after the cursor', group: 'Rules'},
	{id: 'lifecycle.remove', keys: ['x'], title: 'Remove the rule', group: 'Rules'},
	{id: 'lifecycle.rule-up', keys: ['K'], title: 'Move the rule up (priorities renumbered 1..n)', group: 'Rules'},
	{id: 'lifecycle.rule-down', keys: ['J'], title: 'Move the rule down (priorities renumbered 1..n)', group: 'Rules'},
	{id: 'lifecycle.list', keys: ['o'], title: 'Preview list: acted on / changes vs the current policy / in use', group: 'Preview'},
	{id: 'lifecycle.compare', keys: ['w'], title: "Compare with AWS's own preview (Start/GetLifecyclePolicyPreview)", group: 'Preview'},
	{id: 'lifecycle.export', keys: ['e'], title: 'Export (JSON, Terraform, CloudFormation)', group: 'Lifecycle', hint: true},
	{id: 'lifecycle.copy', keys: ['c'], title: 'Copy the draft policy JSON', group: 'Lifecycle'},
	{id: 'lifecycle.apply', keys: ['A', 'ctrl+s'], title: 'Apply (PutLifecyclePolicy after a confirmation)', group: 'Lifecycle', danger: true, hint: true},
	{id: 'lifecycle.delete', keys: ['ctrl+d'], title: 'Delete the policy (DeleteLifecyclePolicy after a confirmation)', group: 'Lifecycle', danger: true},
	{id: 'lifecycle.up', keys: ['up', 'k'], title: 'Up: rule, form field, JSON line or image', group: 'Move'},
	{id: 'lifecycle.down', keys: ['down', 'j'], title: 'Down', group: 'Move'},
	{id: 'lifecycle.left', keys: ['left', 'h'], title: 'Form: previous valid choice (numbers -1)', group: 'Move'},
	{id: 'lifecycle.right', keys: ['right', 'l'], title: 'Form: next valid choice (numbers +1)', group: 'Move'},
	{id: 'lifecycle.page-up', keys: ['pageup', 'ctrl+b'], title: 'Page up', group: 'Move'},
	{id: 'lifecycle.page-down', keys: ['pagedown'], title: 'Page down', group: 'Move'},
	{id: 'lifecycle.home', keys: ['home', 'g'], title: 'First', group: 'Move'},
	{id: 'lifecycle.end', keys: ['end', 'G'], title: 'Last', group: 'Move'},
	{id: 'lifecycle.escape', keys: ['esc'], title: 'Close the form / leave (asks once when the draft is not applied)', group: 'Lifecycle', hidden: true},
] as const satisfies readonly ActionSpec[];

export type LifecycleActionId = (typeof lifecycleActions)[number]['id'];

/** Word-wraps text to `columns` (the help overlay truncates long lines; it is 76 wide at 80 columns). */
export function wrapText(text: string, columns = 76): string {
	return text.split('\n').flatMap(paragraph => {
		const lines: string[] = [];
		let line = '';
		for (const word of paragraph.split(' ')) {
			if (line !== '' && line.length + 1 + word.length > columns) {
				lines.push(line);
				line = paragraph.startsWith('• ') ? `  ${word}` : word;
			} else line = line === '' ? word : `${line} ${word}`;
		}
		lines.push(line);
		return lines;
	}).join('\n');
}

/** The help text: what the screen shows, how sure the numbers are, and the engine's assumptions. */
export const lifecycleAbout = wrapText([
	'The lifecycle policy of one repository: the draft you edit (rules list or raw JSON, validated as you type) and a local dry run of it against every image in the repository, updated on every change: which images expire or move to archive, by which rule and why, the bytes and dollars per month saved, and what changes against the policy AWS has now. ⚠ marks images that running tasks, services or recent task definitions use.',
	'Dollars are an estimate: image sizes summed as DescribeImages reports them (shared layers are stored once) at settings.pricePerGbMonth. The dry run is "as of now": AWS acts within 24 hours of an image qualifying, and last-pull times (sinceImagePulled) can lag up to a day. w asks AWS for its own preview to compare.',
	'Nothing is sent until you apply (A or Ctrl-S) and confirm; an invalid policy is never sent.',
	'',
	'Assumptions where AWS does not document its behaviour:',
	...LIFECYCLE_ASSUMPTIONS.map(assumption => `• ${assumption.text}`),
].join('\n'));
