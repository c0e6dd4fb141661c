import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Records every RTCPeerConnection the page makes, so tests can read WebRTC stats.
 * With `relay`, also forces ICE through TURN (iceTransportPolicy 'relay').
 */
function trackPeerConnections(relay: boolean) {
	const Native = window.RTCPeerConnection;
	const force = (config?: RTCConfiguration): RTCConfiguration | undefined =>
		relay ? { ...config, iceTransportPolicy: 'relay' } : config;
	class Tracked extends Native {
		constructor(config?: RTCConfiguration) {
			super(force(config));
			((window as any).__pcs ??= []).push(this);
		}
		override setConfiguration(config?: RTCConfiguration) {
			super.setConfiguration(force(config));
		}
	}
	window.RTCPeerConnection = Tracked;
}

export interface ParticipantOptions {
	/** Force ICE through TURN. */
	relay?: boolean;
	/** Connect LiveKit's signalling to this port instead of the one the server handed out (the cluster tests pick a node). */
	signalPort?: number;
}

/** Sends every LiveKit WebSocket to `port` on the same host, and records the URLs used in `window.__ws`. */
function pinSignalPort(port: number | null) {
	const Native = window.WebSocket;
	class Pinned extends Native {
		constructor(url: string | URL, protocols?: string | string[]) {
			const target = new URL(url);
			if (port !== null && target.pathname.startsWith('/rtc')) target.port = String(port);
			super(target, protocols);
			((window as any).__ws ??= []).push(target.href);
		}
	}
	window.WebSocket = Pinned;
}

export async function newParticipantPage(browser: Browser, options: ParticipantOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
	// Pinning a port connects to an address the page's CSP (connect-src) does not name.
	const context = await browser.newContext({ bypassCSP: options.signalPort !== undefined });
	await context.addInitScript(trackPeerConnections, options.relay ?? false);
	if (options.signalPort !== undefined) await context.addInitScript(pinSignalPort, options.signalPort);
	const page = await context.newPage();
	return { context, page };
}

/**
 * Creates a meeting from the home page and returns its code. New meetings ask to join; unless
 * `askToJoin`, the host opens it first (as the People panel's switch does), for the specs
 * that do not test the lobby.
 */
export async function createMeeting(page: Page, { askToJoin = false }: { askToJoin?: boolean } = {}): Promise<string> {
	await page.goto('/');
	await page.getByTestId('new-meeting').click();
	await page.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
	const code = new URL(page.url()).pathname.slice(1);
	if (!askToJoin) await openMeeting(page, code);
	return code;
}

/** As the host in `page`'s browser: guests come straight in (no lobby). */
export async function openMeeting(page: Page, code: string): Promise<void> {
	const origin = new URL(page.url()).origin;
	const response = await page.request.post(`${origin}/api/rooms/${code}/access`, { data: { askToJoin: false }, headers: { origin } });
	if (!response.ok()) throw new Error(`opening the meeting: ${response.status()} ${await response.text()}`);
}

/** Opens a meeting from the home page as a guest would, typing `typed` (a code or a link). */
export async function openWithCode(page: Page, code: string, typed = code): Promise<void> {
	await page.goto('/');
	await page.getByTestId('join-code').fill(typed);
	await page.getByTestId('join-submit').click();
	await page.waitForURL(`/${code}`);
}

export async function joinAs(page: Page, name: string, { camera = true, mic = true } = {}): Promise<void> {
	// The camera preview shows once the page is hydrated: a click before that would post the
	// form without JavaScript.
	await expect(page.getByTestId('preview-video')).toBeVisible();
	if (!camera) await page.getByTestId('prejoin-camera').click();
	if (!mic) await page.getByTestId('prejoin-mic').click();
	await page.getByTestId('display-name').fill(name);
	await page.getByTestId('join-meeting').click();
	await expect(page.getByTestId('toggle-mic')).toBeEnabled();
}

type Participant = Awaited<ReturnType<typeof newParticipantPage>>;

/** The usual pair: Hana Host starts a meeting (open, no lobby) and Gus Guest joins it by its code. */
export async function hostAndGuest(browser: Browser): Promise<{ host: Participant; guest: Participant; code: string }> {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');
	const guest = await newParticipantPage(browser);
	await openWithCode(guest.page, code);
	await joinAs(guest.page, 'Gus Guest');
	return { host, guest, code };
}

export function tileOf(page: Page, name: string) {
	return page.getByTestId('tile').filter({ has: page.getByTestId('tile-name').getByText(name, { exact: true }) });
}

export interface MediaStats {
	framesDecoded: number;
	audioEnergy: number;
	selectedLocalCandidateTypes: string[];
}

/** Sums inbound video frames decoded and audio energy over all of the page's connections. */
export function mediaStats(page: Page): Promise<MediaStats> {
	return page.evaluate(async () => {
		const result = { framesDecoded: 0, audioEnergy: 0, selectedLocalCandidateTypes: [] as string[] };
		for (const pc of ((window as any).__pcs ?? []) as RTCPeerConnection[]) {
			if (pc.connectionState === 'closed') continue;
			const reports = new Map<string, any>();
			(await pc.getStats()).forEach((r: any) => reports.set(r.id, r));
			for (const r of reports.values()) {
				if (r.type === 'inbound-rtp' && r.kind === 'video') result.framesDecoded += r.framesDecoded ?? 0;
				if (r.type === 'inbound-rtp' && r.kind === 'audio') result.audioEnergy += r.totalAudioEnergy ?? 0;
				if (r.type === 'transport' && r.selectedCandidatePairId) {
					const pair = reports.get(r.selectedCandidatePairId);
					const local = pair && reports.get(pair.localCandidateId);
					if (local) result.selectedLocalCandidateTypes.push(local.candidateType);
				}
			}
		}
		return result;
	});
}

/** Waits until the page decodes remote video frames and hears remote audio, both rising. */
export async function expectMediaFlowing(page: Page): Promise<MediaStats> {
	const first = await mediaStats(page);
	let latest = first;
	await expect
		.poll(
			async () => {
				latest = await mediaStats(page);
				return latest.framesDecoded > first.framesDecoded + 10 && latest.audioEnergy > first.audioEnergy;
			},
			{ timeout: 30_000, intervals: [500] }
		)
		.toBe(true);
	return latest;
}
