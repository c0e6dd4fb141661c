import { expect, type Page } from '@playwright/test';

/** How many peer connections the page has made so far (tests/e2e/support.ts records them). */
export function connectionCount(page: Page): Promise<number> {
	return page.evaluate(() => ((window as any).__pcs ?? []).length);
}

/** Video frames decoded on the page's connections made after the first `since` of them. */
export function framesDecodedSince(page: Page, since: number): Promise<number> {
	return page.evaluate(async (since) => {
		let frames = 0;
		for (const pc of (((window as any).__pcs ?? []) as RTCPeerConnection[]).slice(since)) {
			if (pc.connectionState === 'closed') continue;
			(await pc.getStats()).forEach((r: any) => {
				if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded ?? 0;
			});
		}
		return frames;
	}, since);
}

/**
 * Waits until the page decodes remote video on a connection made after the first `since`
 * (a reconnection makes new ones) and returns when that happened, in ms since the epoch.
 */
export async function remoteVideoAgainAt(page: Page, since: number, timeoutMs: number): Promise<number> {
	let at = 0;
	await expect
		.poll(
			async () => {
				if ((await framesDecodedSince(page, since)) > 0) at ||= Date.now();
				return at > 0;
			},
			{ timeout: timeoutMs, intervals: [100] }
		)
		.toBe(true);
	return at;
}
