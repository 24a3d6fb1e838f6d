import type {ActionSpec} from '../../app/keys/actions.js';

/** The diagnosis screen's keys. */
export const diagnosisActions = [
	{id: 'diagnosis.network', keys: ['n'], title: 'Network path of the task (hop by hop)', group: 'Diagnosis', hint: true},
	{id: 'diagnosis.logs', keys: ['l'], title: 'CloudWatch logs of the task (or why there are none)', group: 'Diagnosis', hint: true},
	{id: 'diagnosis.rerun', keys: ['r'], title: 'Run the checks again', group: 'Diagnosis', hint: true},
	{id: 'diagnosis.copy-fix', keys: ['c'], title: 'Copy the fix', group: 'Diagnosis', hint: true},
	{id: 'diagnosis.raw', keys: ['y'], title: 'Raw JSON (as ecrtui diagnose --json)', group: 'Diagnosis'},
	{id: 'diagnosis.copy-arn', keys: ['C'], title: 'Copy the task ARN', group: 'Diagnosis'},
	{id: 'diagnosis.console', keys: ['b'], title: 'AWS console URL of the task', group: 'Diagnosis'},
] as const satisfies readonly ActionSpec[];

export type DiagnosisActionId = (typeof diagnosisActions)[number]['id'];
