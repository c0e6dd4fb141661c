import { randomUUID } from 'node:crypto';
import { WebhookEvent } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db';
import { findOpenSession } from '../../src/lib/server/meetings/session.repository';
import { findParticipant } from '../../src/lib/server/rooms/participant.repository';
import { applyWebhook } from '../../src/lib/server/webhooks/webhook.service';
import { joined, newBrowser, newRoom, pipelineOf, testContext } from './support';

const ctx = testContext();
const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
afterAll(() => ctx.close());

/** Builds an event the way WebhookReceiver does: from LiveKit's JSON. */
function event(fields: Record<string, unknown>, at = Math.floor(Date.now() / 1000)): WebhookEvent {
	return WebhookEvent.fromJson({ id: `EV_${randomUUID()}`, createdAt: String(at), ...fields } as never);
}

async function person() {
	const { room } = await newRoom(ctx);
	const { participant } = await joined(ctx, room, newBrowser(), 'Ada');
	const presence = (type: 'participant_joined' | 'participant_left', sid: string) =>
		event({ event: type, room: { name: room.code }, participant: { identity: participant.identity, sid } });
	const present = async () => {
		const p = await findParticipant(ctx.db, participant.id);
		return p!.joined_at !== null && p!.left_at === null;
	};
	return { room, participant, presence, present };
}

describe('applyWebhook', () => {
	it('tracks presence and ends the session when LiveKit closes the room, once per event id', async () => {
		const { room, presence, present } = await person();
		const joinedEvent = presence('participant_joined', 'PA_1');
		expect(await applyWebhook(pipeline, joinedEvent)).toBe('handled');
		expect(await present()).toBe(true);
		expect(await applyWebhook(pipeline, joinedEvent)).toBe('duplicate');

		expect(await applyWebhook(pipeline, presence('participant_left', 'PA_1'))).toBe('handled');
		expect(await present()).toBe(false);

		expect(await applyWebhook(pipeline, event({ event: 'room_finished', room: { name: room.code } }))).toBe('handled');
		expect(await findOpenSession(ctx.db, room.id)).toBeUndefined();
	});

	it('applies join and leave by connection, whatever order they arrive in', async () => {
		const late = await person();
		await applyWebhook(pipeline, late.presence('participant_left', 'PA_1'));
		await applyWebhook(pipeline, late.presence('participant_joined', 'PA_1'));
		expect(await late.present()).toBe(false);

		const rejoined = await person();
		await applyWebhook(pipeline, rejoined.presence('participant_joined', 'PA_1'));
		await applyWebhook(pipeline, rejoined.presence('participant_joined', 'PA_2'));
		await applyWebhook(pipeline, rejoined.presence('participant_left', 'PA_1'));
		expect(await rejoined.present()).toBe(true);
	});

	it('records nothing when its handler fails, so LiveKit’s retry applies the event', async () => {
		const { room, presence, present } = await person();
		const joinedEvent = presence('participant_joined', 'PA_1');
		// The database is unreachable: nothing is applied and the event is not marked seen.
		const unreachable = createDb('postgres://stoom:x@127.0.0.1:1/stoom', 1);
		await expect(applyWebhook({ ...pipeline, db: unreachable }, joinedEvent)).rejects.toThrow();
		await unreachable.destroy();
		expect(await ctx.db.selectFrom('webhook_events').select('id').where('id', '=', joinedEvent.id).executeTakeFirst()).toBeUndefined();

		// A handler that fails after the event id was inserted: rolled back with it.
		const roomFinished = event({ event: 'room_finished', room: { name: room.code } });
		const throwing = { ...pipeline, jobs: { enqueue: () => Promise.reject(new Error('queue down')) } };
		await ctx.db.insertInto('recording_runs').values({ session_id: (await findOpenSession(ctx.db, room.id))!.id, room_id: room.id }).execute();
		await expect(applyWebhook(throwing, roomFinished)).rejects.toThrow('queue down');
		expect(await ctx.db.selectFrom('webhook_events').select('id').where('id', '=', roomFinished.id).executeTakeFirst()).toBeUndefined();
		expect(await findOpenSession(ctx.db, room.id)).toBeDefined();

		// The retry, with everything up, is applied, not called a duplicate.
		expect(await applyWebhook(pipeline, joinedEvent)).toBe('handled');
		expect(await present()).toBe(true);
		expect(await applyWebhook(pipeline, roomFinished)).toBe('handled');
		expect(await findOpenSession(ctx.db, room.id)).toBeUndefined();
	});

	it('ignores events about rooms and people it does not know', async () => {
		expect(await applyWebhook(pipeline, event({ event: 'participant_left', participant: { identity: 'p_unknown', sid: 'PA_x' } }))).toBe('ignored');
		expect(await applyWebhook(pipeline, event({ event: 'room_finished', room: { name: 'not-a-room' } }))).toBe('ignored');
	});
});
