// What the Meet comparisons share: how each app is driven (its pages, pre-join elements and
// remote video), and starting LiveKit Meet's production build from MEET_DIR.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { openMeeting, recordPeerConnections } from './support.ts';

/**
 * How long the guest stays on the pre-join screen after typing its name, before the click
 * (BENCH_DWELL_MS; 0 by default: the click follows the last key). A person looks at their
 * preview for a few seconds; meanwhile the host has been alone in the call, long enough for
 * LiveKit's dynacast to pause a camera nobody watches (dynacast_pause_delay, 5 s).
 */
export const dwellMs = Number(process.env.BENCH_DWELL_MS ?? 0);

/** How each app is driven: its pages, its pre-join elements, its remote video. */
export interface Side {
	name: 'stoom' | 'meet';
	baseURL: string;
	/** Makes a meeting and puts a host in it with the camera on; returns the room's path. */
	host(browser: Browser): Promise<{ page: Page; path: string; cleanup: () => Promise<void> }>;
	preview: string;
	nameField: string;
	joinButton: string;
	remoteVideo: string;
}

/** Stoom at `stoomURL`, Meet (started by `startMeet`) at `meetURL`, on the same livekit-server. */
export async function sideSupport(stoomURL: string, meetURL: string, meetPort: number) {
	const meetDir = process.env.MEET_DIR;
	const { LIVEKIT_URL, LIVEKIT_WS_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
	if (!meetDir || !LIVEKIT_URL || !LIVEKIT_WS_URL || !LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) {
		console.error('Set MEET_DIR and the LIVEKIT_* variables (cd to the repo, `source scripts/lib.sh && load_env`).');
		process.exit(2);
	}
	const livekit = new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

	const stoom: Side = {
		name: 'stoom',
		baseURL: stoomURL,
		preview: '[data-testid="preview-video"]',
		nameField: '[data-testid="display-name"]',
		joinButton: '[data-testid="join-meeting"]',
		remoteVideo: '[data-testid="tile"][data-local="false"] video',
		async host(browser) {
			const page = await newPage(browser, stoomURL);
			await page.goto('/');
			await page.getByTestId('new-meeting').click();
			await page.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
			await openMeeting(page);
			await joinAs(page, this, 'Host');
			await page.getByTestId('toggle-mic').and(page.locator(':enabled')).waitFor();
			await page.locator('[data-testid="tile"][data-local="true"] video').waitFor();
			return { page, path: new URL(page.url()).pathname, cleanup: async () => {} };
		}
	};

	const meet: Side = {
		name: 'meet',
		baseURL: meetURL,
		preview: '.lk-prejoin video',
		nameField: '.lk-prejoin input#username',
		joinButton: '.lk-prejoin .lk-join-button',
		remoteVideo: '.lk-participant-tile[data-lk-local-participant="false"] video',
		async host(browser) {
			const room = `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
			await livekit.createRoom({ name: room, emptyTimeout: 60, departureTimeout: 20 });
			const page = await newPage(browser, meetURL);
			await page.goto(`/rooms/${room}`);
			await joinAs(page, this, 'Host');
			await page.locator('.lk-participant-tile[data-lk-local-participant="true"] video').waitFor();
			return { page, path: `/rooms/${room}`, cleanup: () => livekit.deleteRoom(room).catch(() => undefined) };
		}
	};

	async function newPage(browser: Browser, baseURL: string): Promise<Page> {
		const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
		await recordPeerConnections(context);
		return context.newPage();
	}

	/**
	 * The guest up to its click: opens the room, waits for its camera preview, types its name at
	 * 10 keys a second as a person would, then stays `dwellMs` on the pre-join.
	 */
	async function guestReadyToJoin(guest: Page, side: Side, path: string): Promise<void> {
		await guest.goto(path);
		await guest.locator(side.preview).waitFor();
		await guest.locator(side.nameField).pressSequentially('Guest', { delay: 100 });
		if (dwellMs) await guest.waitForTimeout(dwellMs);
	}

	async function joinAs(page: Page, side: Side, name: string): Promise<void> {
		await page.locator(side.preview).waitFor();
		await page.locator(side.nameField).fill(name);
		await page.locator(side.joinButton).click();
	}

	async function startMeet(dir: string) {
		const server = spawn(process.execPath, [join(dir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(meetPort), '-H', '127.0.0.1'], {
			cwd: dir,
			env: { ...process.env, LIVEKIT_URL: LIVEKIT_WS_URL, NEXT_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		for (let i = 0; i < 100; i++) {
			if (await fetch(meetURL).then((r) => r.ok, () => false)) return server;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		server.kill();
		throw new Error(`LiveKit Meet did not start on ${meetURL}`);
	}

	return { stoom, meet, newPage, joinAs, guestReadyToJoin, startMeet, meetDir: meetDir! };
}
