import { EgressStatus, TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { egressApi, isTerminal, type EgressApi } from '../../src/lib/server/livekit/egress';
import { findOpenSession } from '../../src/lib/server/meetings/session.repository';
import { findRun, runRecordings, setRunStatus } from '../../src/lib/server/recordings/recording.repository';
import { applyEgressInfo, recordTrack, retryStop, startRecording, stopRecording } from '../../src/lib/server/recordings/recording.service';
import { findRoomByCode } from '../../src/lib/server/rooms/room.repository';
import { createRoomAsHost } from '../support/app-process';
import { SpeechBot } from '../support/speech-bot';
import { appWithBots, pipelineOf } from './support';

const { ctx, app, bots } = appWithBots(3209);

/** The real recorder, failing the first `failures` stop requests (as an unreachable recorder would). */
function flakyStops(failures: number): EgressApi {
	const real = egressApi();
	let left = failures;
	return { ...real, stop: (id) => (left-- > 0 ? Promise.reject(new Error('egress: no response from servers')) : real.stop(id)) };
}

async function meetingWithSpeaker(name: string) {
	const { code } = await createRoomAsHost(app.url);
	const bot = await SpeechBot.join(app.url, code, name);
	bots.push(bot);
	const room = (await findRoomByCode(ctx.db, code))!;
	return { code, room, bot, session: (await findOpenSession(ctx.db, room.id))! };
}

async function egressesEnded(code: string, ids: string[], timeoutMs = 30_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const infos = await egressApi().list(code);
		if (ids.every((id) => infos.some((i) => i.egressId === id && isTerminal(i)))) return true;
		await new Promise((r) => setTimeout(r, 500));
	}
	return false;
}

describe('stopping a recording', () => {
	it('reports a stop the recorder did not confirm, retries it, and every egress ends', async () => {
		const { code, room, session } = await meetingWithSpeaker('Stella Stop');
		const queued: string[] = [];
		const ctxFlaky = { ...pipelineOf(ctx, { enqueue: async (name) => void queued.push(name) }), egress: flakyStops(2) };
		const started = await startRecording(ctxFlaky, room, session);
		if (!started.ok) throw new Error(started.reason);
		const egressIds = (await runRecordings(ctx.db, started.run.id)).map((r) => r.egress_id!).filter(Boolean);
		expect(egressIds).toHaveLength(2); // the speaker's microphone and the room mix

		const stopped = await stopRecording(ctxFlaky, room);
		if (!stopped.ok) throw new Error(stopped.reason);
		expect(stopped.unstopped).toBe(2);
		expect((await findRun(ctx.db, started.run.id))?.stop_error).toMatch(/has not confirmed the stop of 2 of 2 recordings/);
		expect(queued).toEqual(expect.arrayContaining(['recording.stop', 'recording.finalize']));

		// The retry job, with the recorder answering again.
		await retryStop(ctxFlaky, started.run.id);
		expect((await findRun(ctx.db, started.run.id))?.stop_error).toBeNull();
		expect(await egressesEnded(code, egressIds)).toBe(true);
	}, 90_000);

	it('stops an egress that started while the stop was being pressed', async () => {
		const { code, room, session } = await meetingWithSpeaker('Rita Race');
		const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
		const started = await startRecording(pipeline, room, session);
		if (!started.ok) throw new Error(started.reason);
		const late = await SpeechBot.join(app.url, code, 'Late Larry');
		bots.push(late);
		// The stop commits first; the late joiner's microphone egress starts right after.
		await setRunStatus(ctx.db, started.run.id, 'stopping', 'recording');
		const larryIdentity = late.room.localParticipant!.identity;
		const larryMic = async () =>
			(await ctx.livekit.listParticipants(code))
				.filter((p) => p.identity === larryIdentity)
				.flatMap((p) => p.tracks.map((t) => ({ identity: p.identity, t })))
				.find(({ t }) => t.source === TrackSource.MICROPHONE);
		await expect.poll(larryMic, { timeout: 10_000 }).toBeDefined();
		const mic = await larryMic();
		expect(mic).toBeDefined();
		await recordTrack(pipeline, started.run, code, { identity: mic!.identity, sid: mic!.t.sid, source: mic!.t.source, mimeType: mic!.t.mimeType });
		const larry = (await runRecordings(ctx.db, started.run.id)).find((r) => r.track_sid === mic!.t.sid);
		expect(larry?.egress_id).toBeTruthy();
		expect(await egressesEnded(code, [larry!.egress_id!])).toBe(true);
		await stopRecording(pipeline, room).catch(() => undefined);
	}, 90_000);

	it('keeps a finished recording finished when LiveKit delivers its last egress_updated after egress_ended', async () => {
		const { code, room, session } = await meetingWithSpeaker('Otto Order');
		const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
		const started = await startRecording(pipeline, room, session);
		if (!started.ok) throw new Error(started.reason);
		const egressIds = (await runRecordings(ctx.db, started.run.id)).map((r) => r.egress_id!).filter(Boolean);
		await stopRecording(pipeline, room);
		expect(await egressesEnded(code, egressIds)).toBe(true);

		const ended = (await egressApi().list(code)).filter((i) => egressIds.includes(i.egressId));
		for (const info of ended) await applyEgressInfo(pipeline, info);
		const finished = (await runRecordings(ctx.db, started.run.id)).map((r) => r.status);
		expect(finished.length).toBe(egressIds.length);
		expect(finished.every((s) => s === 'complete' || s === 'failed')).toBe(true);
		for (const info of ended) {
			const late = info.clone();
			late.status = EgressStatus.EGRESS_ENDING;
			late.endedAt = BigInt(0);
			await applyEgressInfo(pipeline, late);
		}
		expect((await runRecordings(ctx.db, started.run.id)).map((r) => r.status)).toEqual(finished);
	}, 90_000);
});
