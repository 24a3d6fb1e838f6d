import {test} from 'node:test';
import assert from 'node:assert/strict';
import {helpText} from '../../source/cli/usage.js';
import {SCENARIOS} from '../../source/sim/scenarios/index.js';

// The help text is written by hand (so --help loads nothing else); this keeps it honest.
test('--help names every simulator scenario', () => {
	const help = helpText().replaceAll(/\s+/g, ' ');
	for (const scenario of SCENARIOS) assert.match(help, new RegExp(`[ (,]${scenario}[,)]`), scenario);
});
