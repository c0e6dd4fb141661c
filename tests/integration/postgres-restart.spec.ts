import { execFileSync } from 'node:child_process';
import { Room as RtcRoom, RoomEvent } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, createRoomAsHost, joinStep, postJson } from '../support/app-process';
import { SpeechBot } from '../support/speech-bot';

const app = new AppProcess(3208);
beforeAll(() => app.start(), 40_000);
afterAll(() => app.stop());

/** Retries a request until it answers 2xx (or the time is up); returns the last answer. */
async function untilOk(request: () => Promise<Response>, timeoutMs = 30_000): Promise<Response> {
	const deadline = Date.now() + timeoutMs;
	let last: Response | undefined;
	while (Date.now() < deadline) {
		last = await request().catch(() => undefined);
		if (last?.ok) return last;
		await new Promise((r) => setTimeout(r, 250));
	}
	return last ?? Response.error();
}

describe('PostgreSQL restarting mid-meeting', () => {
	it('does not take the app down: chat, tokens and the meeting carry on once it is back', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const bot = await SpeechBot.join(app.url, code, 'Listening Bot');
		const heard: string[] = [];
		bot.room.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => {
			if (topic === 'chat') heard.push(JSON.parse(new TextDecoder().decode(payload)).text);
		});
		const { cookie: guest } = await joinStep(app.url, code, 'Gus', { cookie });
		// Gus is in the call (chat takes being in it, not only a pass).
		const { token, wsUrl } = (await (await postJson(app.url, `/api/rooms/${code}/token`, {}, { cookie: guest })).json()) as { token: string; wsUrl: string };
		const gus = new RtcRoom();
		await gus.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
		expect((await postJson(app.url, `/api/rooms/${code}/chat`, { text: 'before', clientId: 'before-0001' }, { cookie: guest })).status).toBe(200);

		// The app's pools hold idle connections that die here: without an error listener, the process crashed.
		execFileSync('bash', ['scripts/stack.sh', 'restart-postgres'], { stdio: 'ignore' });
		await new Promise((r) => setTimeout(r, 1_000));
		expect(app.alive).toBe(true);

		expect((await untilOk(() => fetch(`${app.url}/api/health`))).status).toBe(200);
		expect((await untilOk(() => postJson(app.url, `/api/rooms/${code}/chat`, { text: 'after', clientId: 'after-00001' }, { cookie: guest }))).status).toBe(200);
		expect((await untilOk(() => postJson(app.url, `/api/rooms/${code}/token`, {}, { cookie: guest }))).status).toBe(200);
		await expect.poll(() => heard, { timeout: 10_000 }).toEqual(['before', 'after']);
		expect(app.alive).toBe(true);
		// The meeting itself never noticed: the bot is still connected.
		expect(bot.room.isConnected).toBe(true);
		await bot.leave();
		await gus.disconnect();
	}, 90_000);
});
