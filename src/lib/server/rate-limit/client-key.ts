import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client address counts under in every per-address limit: an IPv4 address as it
 * is, an IPv6 address by its /64 (one home or one server gets a whole /64 and could rotate
 * through it), an IPv4-mapped IPv6 address as its IPv4 address.
 */
export function clientKey(address: string): string {
	const bare = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	if (isIPv4(bare)) return bare;
	if (!isIPv6(bare)) return bare;
	const groups = expandIPv6(bare);
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
		return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
	}
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail included). */
function expandIPv6(address: string): number[] {
	let text = address.toLowerCase();
	const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	if (v4) {
		const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
		text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
	const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
	const left = parse(head);
	const right = parse(tail);
	const fill = tail === undefined ? [] : new Array(8 - left.length - right.length).fill(0);
	return [...left, ...fill, ...right];
}
