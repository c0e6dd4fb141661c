import { BlockList, isIP } from 'node:net';

/** Why a webhook URL is refused. */
export type UrlRefusal = 'invalid_url' | 'not_http' | 'has_credentials' | 'private_address' | 'unresolvable';

const MAX_URL_LENGTH = 2048;

/**
 * The URL's shape: http(s), no user or password in it, a host, not too long. Where it points
 * (the resolved address) is `isPrivateAddress`'s to say, at save and again at each send.
 */
export function parseWebhookUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: UrlRefusal } {
	const text = raw.trim();
	if (!text || text.length > MAX_URL_LENGTH || !URL.canParse(text)) return { ok: false, reason: 'invalid_url' };
	const url = new URL(text);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'not_http' };
	if (url.username || url.password) return { ok: false, reason: 'has_credentials' };
	if (!url.hostname) return { ok: false, reason: 'invalid_url' };
	return { ok: true, url };
}

/** The URL's host as a resolver takes it (IPv6 literals without their brackets). */
export function hostOf(url: URL): string {
	return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

// Not reachable on the public internet, or not a unicast host: loopback, private (RFC 1918,
// unique local), carrier-grade NAT, link-local (cloud metadata lives at 169.254.169.254),
// "this network", benchmarking, documentation, multicast and reserved ranges.
const blocked = new BlockList();
for (const [net, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4]
] as const)
	blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
	['::', 127], // :: and ::1
	['100::', 64], // discard
	['2001:db8::', 32], // documentation
	['fc00::', 7], // unique local
	['fe80::', 10], // link-local
	['fec0::', 10], // old site-local
	['ff00::', 8] // multicast
] as const)
	blocked.addSubnet(net, prefix, 'ipv6');

/** True for any address a webhook may not be sent to unless private targets are allowed (and for anything that is not an IP). */
export function isPrivateAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 4) return blocked.check(address, 'ipv4');
	if (family !== 6) return true;
	const embedded = embeddedIpv4(address.toLowerCase());
	if (embedded) return isPrivateAddress(embedded);
	return blocked.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::) IPv6 address. */
function embeddedIpv4(address: string): string | null {
	const match = /^(?:::ffff:(?:0:)?|::|64:ff9b::)([0-9a-f.:]+)$/.exec(address);
	if (!match) return null;
	const tail = match[1]!;
	if (isIP(tail) === 4) return tail;
	const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(tail);
	if (!hex) return null;
	const high = parseInt(hex[1]!, 16);
	const low = parseInt(hex[2]!, 16);
	return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
