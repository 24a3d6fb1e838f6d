import {test} from 'node:test';
import assert from 'node:assert/strict';
import {drawPath, lineText, wrapText, type LabelContext} from '../../../source/screens/network/draw.js';
import {fitHopDetails, verdictLine} from '../../../source/screens/network/details.js';
import {initialCursor, nextProblem} from '../../../source/screens/network/use-hop-cursor.js';
import {networkVerdict, resolveTaskPaths} from '../../../source/domain/network/index.js';
import type {DependencyPath} from '../../../source/domain/network/types.js';
import {aTask, aVpc, addInterfaceEndpoints, setDefaultRoute} from '../../domain/network/builders.js';

const context: LabelContext = {subnetNames: new Map([['subnet-priv-a', 'private-a']]), taskSubnetId: 'subnet-priv-a', taskSubnetClass: 'private'};

function blackholed() {
	const model = aVpc();
	setDefaultRoute(model, 'rtb-priv', {natGatewayId: 'nat-0dead', state: 'blackhole'});
	const paths = resolveTaskPaths({task: aTask(), model});
	return {paths, verdict: networkVerdict(paths)};
}

const path = (paths: ReturnType<typeof blackholed>['paths'], dependency: DependencyPath['dependency']) => paths.paths.find(p => p.dependency === dependency)!;

test('wrapText breaks at spaces, cuts words longer than a line, keeps every word', () => {
	assert.deepEqual(wrapText('cannot pull: the NAT route in rtb-1 is a blackhole', 20), ['cannot pull: the NAT', 'route in rtb-1 is a', 'blackhole']);
	assert.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	assert.equal(wrapText('a b c d e f g h', 3).join(' '), 'a b c d e f g h');
});

test('drawPath: hop symbols, names for subnets, the blackholed NAT named, arrows leading wrapped lines', () => {
	const {paths} = blackholed();
	const drawn = drawPath({path: path(paths, 's3'), context, width: 200, selectedHop: 3});
	assert.equal(drawn.lines.length, 1);
	const text = lineText(drawn.lines[0]!);
	assert.match(text, /^✗ S3 {6}task ENI ✓ → private-a \(private\) ✓ → rtb-priv ✓ → 0\.0\.0\.0\/0 → nat-0dead ✗ → /);
	const selected = drawn.lines[0]!.filter(segment => segment.inverse);
	assert.deepEqual(selected.map(segment => segment.text), ['0.0.0.0/0 → nat-0dead ✗']);
	assert.equal(selected[0]?.role, 'status.error');

	const narrow = drawPath({path: path(paths, 's3'), context, width: 40, selectedHop: 6});
	assert.ok(narrow.lines.length > 2);
	for (const line of narrow.lines.slice(1)) assert.match(lineText(line), /^ {10}→ /);
	for (const line of narrow.lines) assert.ok([...lineText(line)].length <= 40, lineText(line));
	assert.equal(narrow.selectedLine, narrow.lines.findIndex(line => line.some(segment => segment.inverse)));
});

test('fitHopDetails keeps the header and the CLI command when space is short', () => {
	const {paths} = blackholed();
	const hop = path(paths, 's3').hops[3]!;
	const full = fitHopDetails(hop, path(paths, 's3'), 80, 50);
	assert.equal(full.cut, false);
	assert.deepEqual(full.lines.filter(line => !line.text.startsWith(' ')).map(line => line.text.split(' ')[0]), ['✗', 'the', 'evidence:', 'fix:', '$']);
	const tight = fitHopDetails(hop, path(paths, 's3'), 80, 4);
	assert.equal(tight.cut, true);
	assert.equal(tight.lines.length, 4);
	assert.match(tight.lines[0]!.text, /^✗ route rtb-priv 0\.0\.0\.0\/0/);
	assert.match(tight.lines.map(line => line.text).join('\n'), /\$ aws ec2 replace-route --route-table-id rtb-priv/);
});

test('verdictLine: a failure is said as the engine says it; warnings are not called "unverified"', () => {
	assert.deepEqual(verdictLine(blackholed()), {status: 'fail', text: '✗ cannot pull: the NAT route in rtb-priv is a blackhole'});
	const model = aVpc();
	addInterfaceEndpoints(model, ['ecr.api'], {subnetIds: ['subnet-priv-b']});
	const paths = resolveTaskPaths({task: aTask(), model});
	const line = verdictLine({paths, verdict: networkVerdict(paths)});
	assert.equal(line.status, 'warn');
	assert.match(line.text, /^! no blocking problem found; check: vpce-ecrapi has no subnet in us-east-1a; traffic crosses AZs/);
});

test('the cursor starts on the deciding hop; Tab walks the problems and wraps', () => {
	const {paths, verdict} = blackholed();
	const start = initialCursor(paths.paths, verdict);
	assert.equal(paths.paths[start.path]?.hops[start.hop]?.id, verdict.hop?.id);
	const seen = new Set<string>();
	let cursor = start;
	for (let step = 0; step < 10; step++) {
		cursor = nextProblem(paths.paths, cursor);
		const hop = paths.paths[cursor.path]?.hops[cursor.hop];
		assert.notEqual(hop?.status, 'pass');
		seen.add(hop?.id ?? '');
	}
	assert.ok(seen.has(verdict.hop?.id ?? ''), 'wraps back to the first problem');
});
