import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { hostOf, isPrivateAddress, parseWebhookUrl, type UrlRefusal } from './url-rule';

/** Where one delivery goes: the URL and the addresses it was checked at (the only ones connected to). */
export interface WebhookTarget {
	url: URL;
	addresses: { address: string; family: 4 | 6 }[];
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Checks a webhook URL where it really points: every address its host resolves to must be
 * public (unless private targets are allowed). The caller connects to the checked address,
 * so a name that resolves elsewhere a moment later (DNS rebinding) changes nothing.
 */
export async function resolveTarget(
	raw: string,
	allowPrivate: boolean,
	resolver: Resolver = systemResolver
): Promise<{ ok: true; target: WebhookTarget } | { ok: false; reason: UrlRefusal }> {
	const parsed = parseWebhookUrl(raw);
	if (!parsed.ok) return parsed;
	const host = hostOf(parsed.url);
	let addresses: { address: string; family: number }[];
	try {
		addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolver(host);
	} catch {
		return { ok: false, reason: 'unresolvable' };
	}
	if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
	if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) return { ok: false, reason: 'private_address' };
	return { ok: true, target: { url: parsed.url, addresses: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) } };
}
