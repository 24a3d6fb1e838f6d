import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {age, bytes, duration, isoTime, shortDigest, usd} from '../../../source/domain/format/units.js';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('bytes (binary units)', () => {
	const cases: [number, string][] = [
		[0, '0 B'],
		[1, '1 B'],
		[1023, '1023 B'],
		[KB, '1.00 KB'],
		[1536, '1.50 KB'],
		[10 * KB, '10.0 KB'],
		[99.94 * KB, '99.9 KB'],
		[100 * KB, '100 KB'],
		[MB, '1.00 MB'],
		[123.4 * MB, '123 MB'],
		[1.5 * GB, '1.50 GB'],
		[2 * 1024 ** 4, '2.00 TB'],
		[1024 ** 5, '1.00 PB'],
		[1024 ** 6, '1024 PB'],
		[1e9, '954 MB'],
		[-1, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [value, expected] of cases) {
		test(`${value} -> ${expected}`, () => assert.equal(bytes(value), expected));
	}
});

describe('duration', () => {
	const cases: [number, string][] = [
		[0, '0s'],
		[999, '0s'],
		[S, '1s'],
		[59 * S + 999, '59s'],
		[M, '1m'],
		[M + S, '1m1s'],
		[9 * M + 59 * S, '9m59s'],
		[10 * M, '10m'],
		[10 * M + 10 * S, '10m'],
		[59 * M + 59 * S, '59m'],
		[H, '1h'],
		[H + M, '1h1m'],
		[9 * H + 59 * M, '9h59m'],
		[10 * H + 30 * M, '10h'],
		[47 * H + 59 * M, '47h'],
		[48 * H, '2d'],
		[729 * D, '729d'],
		[730 * D, '2y'],
		[3 * 365 * D, '3y'],
		[-5 * S, '0s'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [ms, expected] of cases) {
		test(`${ms} ms -> ${expected}`, () => assert.equal(duration(ms), expected));
	}
});

describe('age', () => {
	const cases: [number | undefined, string][] = [
		[undefined, '-'],
		[NOW, '0s'],
		[NOW - 90 * S, '1m30s'],
		[NOW - 3 * D, '3d'],
		[NOW + 10 * M, '0s'], // clock skew: a time in the future is not a negative age
	];
	for (const [time, expected] of cases) {
		test(`${time === undefined ? 'unknown' : (NOW - time) / 1000 + 's ago'} -> ${expected}`, () => assert.equal(age(time, NOW), expected));
	}
});

describe('usd', () => {
	const cases: [number, string][] = [
		[0, '$0.00'],
		[0.004, '$0.00'],
		[0.424, '$0.42'],
		[0.1, '$0.10'],
		[12.3, '$12.30'],
		[999.5, '$999.50'],
		[1000, '$1,000'],
		[1234.5, '$1,235'],
		[1_234_567.4, '$1,234,567'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [value, expected] of cases) {
		test(`${value} -> ${expected}`, () => assert.equal(usd(value), expected));
	}
});

describe('shortDigest', () => {
	const cases: [string, string][] = [
		[`sha256:${'0123456789abcdef'.repeat(4)}`, '0123456789ab'],
		[`sha512:${'f'.repeat(128)}`, 'ffffffffffff'],
		['0123456789abcdef', '0123456789ab'],
		['sha256:abc', 'abc'],
		['', ''],
	];
	for (const [digest, expected] of cases) {
		test(`${digest.slice(0, 20)} -> ${expected}`, () => assert.equal(shortDigest(digest), expected));
	}
});

describe('isoTime', () => {
	const cases: [number | undefined, string][] = [
		[undefined, '-'],
		[NOW, '2026-11-29T12:00:00Z'],
		[NOW + 123, '2026-11-29T12:00:00Z'],
		[0, '1970-01-01T00:00:00Z'],
		[Date.UTC(2026, 0, 1, 23, 59, 59, 999), '2026-01-01T23:59:59Z'],
	];
	for (const [time, expected] of cases) {
		test(`${time} -> ${expected}`, () => assert.equal(isoTime(time), expected));
	}
});

test('usd rounds before choosing the format', () => {
	assert.equal(usd(999.999), '$1,000');
	assert.equal(usd(999.994), '$999.99');
});
