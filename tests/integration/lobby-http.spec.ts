import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnockState } from '../../src/lib/access/lobby';
import { AppProcess, createRoomAsHost, joinStep, postJson } from '../support/app-process';

// Two processes of the built app on one database, as the cluster runs them.
const apps = [new AppProcess(3213), new AppProcess(3214)];
beforeAll(() => Promise.all(apps.map((a) => a.start())), 60_000);
afterAll(() => Promise.all(apps.map((a) => a.stop())));

/** Reads a server-sent event stream, answering each event's data as it comes. */
async function* events(response: Response): AsyncGenerator<KnockState> {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffered = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) return;
		buffered += decoder.decode(value, { stream: true });
		let end: number;
		while ((end = buffered.indexOf('\n\n')) >= 0) {
			const block = buffered.slice(0, end);
			buffered = buffered.slice(end + 2);
			const data = block.split('\n').find((line) => line.startsWith('data: '));
			if (data) yield JSON.parse(data.slice(6)) as KnockState;
		}
	}
}

const outcome = (body: string) => JSON.parse(body) as { type: string; status: number; data?: string };

describe('the lobby over HTTP, across two app processes', () => {
	it('a knock waiting on one process hears at once that a host on the other admitted it, with its token', async () => {
		const [a, b] = apps as [AppProcess, AppProcess];
		const { code, cookie: host } = await createRoomAsHost(a.url, { askToJoin: true });
		const hostJoin = await joinStep(a.url, code, 'Hana Host', { cookie: host });
		expect(outcome(hostJoin.body).type).toBe('success');

		const knock = await joinStep(b.url, code, 'Gus Guest');
		expect(outcome(knock.body)).toMatchObject({ type: 'success', status: 200 });
		expect(knock.body).toContain('knocking');
		// Not let in yet: no token.
		expect((await postJson(b.url, `/api/rooms/${code}/token`, {}, { cookie: knock.cookie })).status).toBe(403);

		const stream = await fetch(`${b.url}/api/rooms/${code}/lobby/events`, { headers: { cookie: knock.cookie } });
		expect(stream.headers.get('content-type')).toBe('text/event-stream');
		const states = events(stream);
		expect((await states.next()).value).toEqual({ state: 'waiting', hostPresent: false });

		// The host (on the other process) sees the knock and admits everyone waiting.
		const lobby = await fetch(`${a.url}/api/rooms/${code}/lobby`, { headers: { cookie: hostJoin.cookie } });
		const waiting = (await lobby.json()) as { waiting: { id: string; name: string }[] };
		expect(waiting.waiting.map((k) => k.name)).toEqual(['Gus Guest']);
		const started = performance.now();
		const admitted = await postJson(a.url, `/api/rooms/${code}/lobby`, { action: 'admit', ids: [waiting.waiting[0]!.id] }, { cookie: hostJoin.cookie });
		expect(await admitted.json()).toEqual({ ok: true, admitted: 1, denied: 0, full: 0 });
		const next = (await states.next()).value!;
		const waited = performance.now() - started;
		expect(next.state).toBe('admitted');
		if (next.state !== 'admitted' || !next.token) throw new Error('admitted without a token');
		expect(next.token.wsUrl).toMatch(/^wss?:\/\//);
		// Woken by NOTIFY, not by the 5 s look.
		expect(waited).toBeLessThan(2_500);
		// The stream ends with the answer.
		expect((await states.next()).done).toBe(true);
	});

	it('a guest may not see the lobby, admit anyone or change who comes in; the knocker may only cancel', async () => {
		const [a] = apps as [AppProcess];
		const { code, cookie: host } = await createRoomAsHost(a.url, { askToJoin: true });
		await joinStep(a.url, code, 'Hana Host', { cookie: host });
		const knock = await joinStep(a.url, code, 'Gus Guest');
		expect((await fetch(`${a.url}/api/rooms/${code}/lobby`, { headers: { cookie: knock.cookie } })).status).toBe(403);
		expect((await postJson(a.url, `/api/rooms/${code}/lobby`, { action: 'admit' }, { cookie: knock.cookie })).status).toBe(403);
		expect((await postJson(a.url, `/api/rooms/${code}/access`, { askToJoin: false }, { cookie: knock.cookie })).status).toBe(403);
		expect((await fetch(`${a.url}/api/rooms/${code}/people`, { headers: { cookie: knock.cookie } })).status).toBe(403);
		expect((await postJson(a.url, `/api/rooms/${code}/lobby/cancel`, {}, { cookie: knock.cookie })).status).toBe(200);
		const stream = await fetch(`${a.url}/api/rooms/${code}/lobby/events`, { headers: { cookie: knock.cookie } });
		expect((await events(stream).next()).value).toMatchObject({ state: 'cancelled' });
		// Without any pass, no stream at all.
		expect((await fetch(`${a.url}/api/rooms/${code}/lobby/events`)).status).toBe(403);
	});
});
