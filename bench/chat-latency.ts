// Chat latency benchmark: six participants (two real browsers, four @livekit/rtc-node bots).
// Browser A sends; we time (1) send click → message rendered in browser B and (2) send click →
// the server's LiveKit data packet arriving at each bot. Needs `./stoom up`.
// Run: node bench/chat-latency.ts [messages=50]   → bench/results/chat-latency.json
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { RoomEvent } from '@livekit/rtc-node';
import { SpeechBot } from '../tests/support/speech-bot.ts';
import { joinInBrowser, launchChromium } from './support.ts';

const messages = Number(process.argv[2] ?? 50);
const baseURL = `http://localhost:${process.env.APP_PORT ?? 3000}`;
// Under the server's limit of 10 messages per 10 s per participant.
const GAP_MS = 1100;

const browser = await launchChromium();

async function person(name: string, code?: string): Promise<{ page: Page; code: string }> {
	const joined = await joinInBrowser(browser, baseURL, name, { code });
	await joined.page.getByTestId('toggle-chat').click();
	return joined;
}

const a = await person('Ann Sender');
const b = await person('Ben Reader', a.code);
const bots = await Promise.all(['Bot 1', 'Bot 2', 'Bot 3', 'Bot 4'].map((n) => SpeechBot.join(baseURL, a.code, n)));
const botArrivals = new Map<string, number[]>();
for (const bot of bots) {
	bot.room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
		if (topic !== 'chat') return;
		const { text } = JSON.parse(new TextDecoder().decode(payload)) as { text: string };
		botArrivals.set(text, [...(botArrivals.get(text) ?? []), Date.now()]);
	});
}

// B notes when each message appears in its panel, by the browser's wall clock.
await b.page.evaluate(() => {
	const seen: Record<string, number> = {};
	(window as unknown as { __seen: Record<string, number> }).__seen = seen;
	new MutationObserver(() => {
		for (const el of document.querySelectorAll('[data-testid="chat-text"]')) {
			const text = el.textContent ?? '';
			if (!(text in seen)) seen[text] = Date.now();
		}
	}).observe(document.body, { subtree: true, childList: true, characterData: true });
});

const sentAt = new Map<string, number>();
for (let i = 0; i < messages; i++) {
	const text = `latency probe ${i} ${Math.random().toString(36).slice(2, 8)}`;
	await a.page.getByTestId('chat-input').fill(text);
	sentAt.set(text, Date.now());
	await a.page.getByTestId('chat-input').press('Enter');
	await new Promise((r) => setTimeout(r, GAP_MS));
}
await new Promise((r) => setTimeout(r, 2000));
const seen = await b.page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);

const render = [...sentAt].flatMap(([text, t]) => (seen[text] ? [seen[text]! - t] : []));
const delivery = [...sentAt].flatMap(([text, t]) => (botArrivals.get(text) ?? []).map((at) => at - t));
const stats = (xs: number[]) => {
	const s = [...xs].sort((x, y) => x - y);
	const p = (q: number) => s[Math.max(0, Math.ceil((q / 100) * s.length) - 1)] ?? NaN;
	return { count: s.length, p50: p(50), p95: p(95), p99: p(99), max: s.at(-1) ?? NaN };
};
const result = {
	benchmark: 'chat-latency',
	date: new Date().toISOString(),
	participants: 2 + bots.length,
	messages,
	sendToRenderInBrowserMs: stats(render),
	sendToBotDeliveryMs: stats(delivery),
	lostInBrowser: messages - render.length,
	lostAtBots: messages * bots.length - delivery.length
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/chat-latency.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`chat, ${result.participants} participants, ${messages} messages`);
console.log(`send → rendered in another browser: p50 ${result.sendToRenderInBrowserMs.p50} ms, p99 ${result.sendToRenderInBrowserMs.p99} ms`);
console.log(`send → delivered to rtc-node bots: p50 ${result.sendToBotDeliveryMs.p50} ms, p99 ${result.sendToBotDeliveryMs.p99} ms (${result.sendToBotDeliveryMs.count} deliveries)`);
console.log(`lost: ${result.lostInBrowser} in the browser, ${result.lostAtBots} at bots; written: bench/results/chat-latency.json`);
await Promise.all(bots.map((bot) => bot.leave()));
await browser.close();
process.exit(0);
