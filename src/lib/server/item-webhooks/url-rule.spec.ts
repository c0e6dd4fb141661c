import { describe, expect, it } from 'vitest';
import { isPrivateAddress, parseWebhookUrl } from './url-rule';

describe('parseWebhookUrl', () => {
	it.each([
		['https://tracker.example.com/hooks/stoom', null],
		['http://tracker.example.com:8080/in?token=abc', null],
		['  https://tracker.example.com/x  ', null],
		['https://[2606:4700::1111]/x', null],
		['ftp://tracker.example.com/x', 'not_http'],
		['file:///etc/passwd', 'not_http'],
		['javascript:alert(1)', 'not_http'],
		['gopher://127.0.0.1:6379/_INFO', 'not_http'],
		['https://user:pass@tracker.example.com/x', 'has_credentials'],
		['https://user@tracker.example.com/x', 'has_credentials'],
		['https://:pass@tracker.example.com/x', 'has_credentials'],
		['tracker.example.com/hooks', 'invalid_url'],
		['', 'invalid_url'],
		[`https://tracker.example.com/${'a'.repeat(2100)}`, 'invalid_url']
	])('%s → %s', (raw, reason) => {
		const result = parseWebhookUrl(raw);
		expect(result.ok ? null : result.reason).toBe(reason);
	});
});

describe('isPrivateAddress', () => {
	it.each([
		// loopback, private, carrier-grade NAT, link-local (cloud metadata), this network, multicast, reserved
		['127.0.0.1', true],
		['127.255.0.9', true],
		['10.1.2.3', true],
		['172.16.0.1', true],
		['172.31.255.255', true],
		['192.168.1.10', true],
		['100.64.0.1', true],
		['169.254.169.254', true],
		['0.0.0.0', true],
		['224.0.0.1', true],
		['255.255.255.255', true],
		['::1', true],
		['::', true],
		['fe80::1', true],
		['fd00::1', true],
		['fc12:3456::1', true],
		['ff02::1', true],
		// IPv4 wrapped in IPv6 is judged by its IPv4 address
		['::ffff:127.0.0.1', true],
		['::ffff:7f00:1', true],
		['::ffff:10.0.0.1', true],
		['64:ff9b::a9fe:a9fe', true],
		['::ffff:8.8.8.8', false],
		// public addresses, including neighbours of the private ranges
		['8.8.8.8', false],
		['1.1.1.1', false],
		['172.32.0.1', false],
		['172.15.255.255', false],
		['100.128.0.1', false],
		['11.0.0.1', false],
		['2606:4700:4700::1111', false],
		['2a00:1450:4007:80e::200e', false],
		// not an address at all
		['localhost', true],
		['', true]
	])('%s → private %s', (address, expected) => {
		expect(isPrivateAddress(address)).toBe(expected);
	});
});
