import {test} from 'node:test';
import assert from 'node:assert/strict';
import {contains, parseCidr, parseIpv4, parseIpv6, prefixLength, relate, relateToInternet, NON_PUBLIC_IPV4} from '../../../source/domain/network/cidr.js';

test('parseIpv4 is strict: four decimal octets 0-255, no leading zeros', () => {
	assert.equal(parseIpv4('10.0.1.10'), (10n << 24n) | (1n << 8n) | 10n);
	assert.equal(parseIpv4('255.255.255.255'), 0xffffffffn);
	for (const bad of ['256.0.0.1', '10.0.1', '10.0.1.1.1', '010.0.0.1', '10.0.0.-1', 'a.b.c.d', '']) assert.equal(parseIpv4(bad), undefined, bad);
});

test('parseCidr canonicalises host bits and reads prefix length; bare address is /32', () => {
	assert.equal(parseCidr('100.68.0.18/18')?.text, '100.68.0.0/18');
	assert.equal(prefixLength('10.0.0.0/16'), 16);
	assert.equal(prefixLength('10.0.0.7'), 32);
	assert.equal(parseCidr('10.0.0.0/33'), undefined);
	assert.equal(parseCidr('10.0.0.0/x'), undefined);
});

test('contains handles /0, /32 and boundaries exactly', () => {
	assert.equal(contains('0.0.0.0/0', '203.0.113.9'), true);
	assert.equal(contains('10.0.1.0/24', '10.0.1.255'), true);
	assert.equal(contains('10.0.1.0/24', '10.0.2.0'), false);
	assert.equal(contains('10.0.1.10/32', '10.0.1.10'), true);
	assert.equal(contains('10.0.0.0/16', '10.0.1.0/24'), true);
	assert.equal(contains('10.0.1.0/24', '10.0.0.0/16'), false);
});

test('IPv6 is recognised and never matches IPv4', () => {
	assert.equal(parseIpv6('::1'), 1n);
	assert.equal(parseIpv6('2001:db8::'), 0x20010db8n << 96n);
	assert.equal(parseIpv6('::ffff:10.0.0.1'), (0xffffn << 32n) | (10n << 24n) | 1n);
	assert.equal(parseIpv6('1::2::3'), undefined);
	assert.equal(contains('2001:db8::/32', '2001:db8:1::5'), true);
	assert.equal(contains('::/0', '10.0.0.1'), false);
	assert.equal(contains('0.0.0.0/0', '2001:db8::1'), false);
});

test('relate and relateToInternet separate full, partial and no coverage', () => {
	assert.equal(relate('10.0.0.0/16', '10.0.1.0/24'), 'full');
	assert.equal(relate('10.0.1.0/25', '10.0.1.0/24'), 'partial');
	assert.equal(relate('10.1.0.0/16', '10.0.1.0/24'), 'none');
	assert.equal(relateToInternet('0.0.0.0/0', NON_PUBLIC_IPV4), 'full');
	assert.equal(relateToInternet('10.0.0.0/8', NON_PUBLIC_IPV4), 'none');
	assert.equal(relateToInternet('52.0.0.0/8', NON_PUBLIC_IPV4), 'partial');
});
