// The lobby's cost, against a direct join, interleaved on the same app and livekit-server:
//   knock → the host's notice shows;  Admit → the knocker's first remote video frame;
//   and, for comparison, Join (an open meeting) → the guest's first remote video frame.
// Goal (issue #21): the admitted guest is in the call no later than a direct join plus 300 ms.
//
//   node bench/lobby.ts [rounds=15]          (the app on http://localhost:3000, started as the README says)
// Writes bench/results/lobby.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { clickAt, clickToFirstRemoteFrame, firstRemoteFrameAt, joinInBrowser, launchChromium } from './support.ts';

const rounds = Number(process.argv[2] ?? 15);
const baseURL = process.env.STOOM_URL ?? 'http://localhost:3000';
const REMOTE_VIDEO = '[data-testid="tile"][data-local="false"] video';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
	return context.newPage();
}

/** A host in a new meeting (asking to join unless `open`). */
async function hostMeeting(browser: Browser, open: boolean): Promise<{ host: Page; code: string }> {
	const { page, code } = await joinInBrowser(browser, baseURL, 'Host', { askToJoin: !open });
	return { host: page, code };
}

/** A guest on the pre-join screen of `code`, name typed. */
async function guestAtPrejoin(browser: Browser, code: string): Promise<Page> {
	const guest = await newPage(browser);
	await guest.goto(`/${code}`);
	await guest.getByTestId('preview-video').waitFor();
	await guest.getByTestId('display-name').fill('Guest');
	return guest;
}

async function directJoin(browser: Browser): Promise<number> {
	const { host, code } = await hostMeeting(browser, true);
	const guest = await guestAtPrejoin(browser, code);
	const ms = await clickToFirstRemoteFrame(guest, { joinButton: '[data-testid="join-meeting"]', remoteVideo: REMOTE_VIDEO });
	await guest.context().close();
	await host.context().close();
	return ms;
}

async function admission(browser: Browser): Promise<{ notice: number; admit: number }> {
	const { host, code } = await hostMeeting(browser, false);
	const guest = await guestAtPrejoin(browser, code);
	// The host's page notes when the notice appears.
	const noticeAt = host.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const look = () => (document.querySelector('[data-testid="lobby-notice-name"]') ? resolve(performance.timeOrigin + performance.now()) : requestAnimationFrame(look));
				look();
			})
	);
	const notice = (await noticeAt) - (await clickAt(guest, '[data-testid="join-meeting"]'));
	// The knocker's page notes its first remote frame; the host clicks Admit.
	const frameAt = firstRemoteFrameAt(guest, REMOTE_VIDEO);
	const admit = (await frameAt) - (await clickAt(host, '[data-testid="lobby-admit"]'));
	await guest.context().close();
	await host.context().close();
	return { notice, admit };
}

function stats(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
	return { n: sorted.length, p50: Math.round(at(50)), p95: Math.round(at(95)), min: Math.round(sorted[0]!), max: Math.round(sorted.at(-1)!) };
}

const browser = await launchChromium();
const notices: number[] = [];
const admits: number[] = [];
const directs: number[] = [];
try {
	for (let i = 0; i < rounds; i++) {
		// Interleaved, the lobby first and the direct join second in even rounds, the other way in odd ones.
		const order = i % 2 === 0 ? ['lobby', 'direct'] : ['direct', 'lobby'];
		for (const kind of order) {
			if (kind === 'lobby') {
				const { notice, admit } = await admission(browser);
				notices.push(notice);
				admits.push(admit);
			} else directs.push(await directJoin(browser));
		}
		process.stdout.write(`round ${i + 1}/${rounds}: knock→notice ${notices.at(-1)!.toFixed(0)} ms, admit→frame ${admits.at(-1)!.toFixed(0)} ms, direct join ${directs.at(-1)!.toFixed(0)} ms\n`);
	}
} finally {
	await browser.close();
}

const result = {
	date: new Date().toISOString(),
	rounds,
	knockToNoticeMs: stats(notices),
	admitToFirstFrameMs: stats(admits),
	directJoinToFirstFrameMs: stats(directs),
	samples: { notices, admits, directs },
	goal: 'admit → first frame ≤ direct join + 300 ms (p50 and p95)'
};
const met = result.admitToFirstFrameMs.p50 <= result.directJoinToFirstFrameMs.p50 + 300 && result.admitToFirstFrameMs.p95 <= result.directJoinToFirstFrameMs.p95 + 300;
console.log(JSON.stringify({ ...result, samples: undefined, met }, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/lobby.json', JSON.stringify({ ...result, met }, null, 2));
