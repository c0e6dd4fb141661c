import { describe, expect, it } from 'vitest';
import { clientKey } from './client-key';

describe('clientKey: what a client address counts under', () => {
	it.each([
		['an IPv4 address', '203.0.113.7', '203.0.113.7'],
		['loopback', '127.0.0.1', '127.0.0.1'],
		['an IPv6 address, by its /64', '2001:db8:85a3:1:8a2e:370:7334:1', '2001:db8:85a3:1::/64'],
		['another address of the same /64', '2001:db8:85a3:1:ffff:ffff:ffff:ffff', '2001:db8:85a3:1::/64'],
		['a compressed IPv6 address', '2001:db8::1', '2001:db8:0:0::/64'],
		['uppercase and leading zeros', '2001:0DB8:0000:0002::1', '2001:db8:0:2::/64'],
		['an IPv4-mapped IPv6 address, as IPv4', '::ffff:198.51.100.4', '198.51.100.4'],
		['IPv6 loopback', '::1', '0:0:0:0::/64'],
		['a zone id is dropped', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
		['brackets are dropped', '[2001:db8:1:2::5]', '2001:db8:1:2::/64'],
		['not an address at all: kept as it is', 'unknown', 'unknown']
	])('%s', (_name, address, key) => {
		expect(clientKey(address)).toBe(key);
	});

	it('two addresses of different /64s never share a key', () => {
		expect(clientKey('2001:db8:0:1::1')).not.toBe(clientKey('2001:db8:0:2::1'));
	});
});
