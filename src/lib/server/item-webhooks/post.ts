import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AttemptResult } from './attempt-outcome';
import type { WebhookTarget } from './target';

/**
 * POSTs `body` to the checked target, connecting only to its checked addresses (TLS still verifies
 * the URL's host name). Redirects are not followed; the answer's body is not read.
 * Whatever happens, it resolves with how the attempt ended.
 */
export function postWebhook(target: WebhookTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<AttemptResult> {
	const { url, addresses } = target;
	// Node asks for every address when it races them (happy eyeballs, on by default since Node 20).
	const pinned: LookupFunction = (_host, options, callback) => {
		if (options.all) callback(null, addresses);
		else callback(null, addresses[0]!.address, addresses[0]!.family);
	};
	const transport = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		let settled = false;
		const settle = (result: AttemptResult) => {
			if (settled) return;
			settled = true;
			clearTimeout(deadline);
			resolve(result);
		};
		const request = transport.request(
			url,
			{
				method: 'POST',
				lookup: pinned,
				agent: false,
				headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Stoom-Webhooks/1' }
			},
			(response) => {
				// The status is the answer; the body is not read (a receiver cannot keep us reading).
				settle({ kind: 'response', status: response.statusCode ?? 0 });
				response.destroy();
			}
		);
		// One deadline for connecting, sending and the answer's head, however slowly they trickle.
		const deadline = setTimeout(() => {
			settle({ kind: 'timeout' });
			request.destroy();
		}, timeoutMs);
		request.on('error', (err: NodeJS.ErrnoException) => settle({ kind: 'network', error: err.code ?? err.message }));
		request.end(body);
	});
}
