import { randomUUID } from 'node:crypto';
import { WebhookEvent } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { applyWebhook } from '../../src/lib/server/livekit/webhook.service';
import { findOpenSession, openSession } from '../../src/lib/server/meetings/session.repository';
import { findParticipant } from '../../src/lib/server/rooms/participant.repository';
import { joinRoom } from '../../src/lib/server/rooms/join.service';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { testContext } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

/** Builds an event the way WebhookReceiver does: from LiveKit's JSON. */
function event(fields: Record<string, unknown>): WebhookEvent {
	return WebhookEvent.fromJson({ id: `EV_${randomUUID()}`, createdAt: String(Math.floor(Date.now() / 1000)), ...fields } as never);
}

describe('applyWebhook', () => {
	it('tracks presence and ends the session when LiveKit closes the room, once per event id', async () => {
		const created = await createRoom(ctx);
		if (!created.ok) throw new Error(created.reason);
		const { room } = created;
		const joined = await joinRoom(ctx, { code: room.code, displayName: 'Ada', isHost: true });
		if (!joined.ok) throw new Error(joined.reason);
		await openSession(ctx.db, room.id);

		const joinedEvent = event({ event: 'participant_joined', participant: { identity: joined.participant.identity } });
		expect(await applyWebhook(ctx, joinedEvent)).toBe('handled');
		expect((await findParticipant(ctx.db, joined.participant.id))?.joined_at).toBeInstanceOf(Date);
		expect(await applyWebhook(ctx, joinedEvent)).toBe('duplicate');

		expect(await applyWebhook(ctx, event({ event: 'participant_left', participant: { identity: joined.participant.identity } }))).toBe('handled');
		expect((await findParticipant(ctx.db, joined.participant.id))?.left_at).toBeInstanceOf(Date);

		expect(await applyWebhook(ctx, event({ event: 'room_finished', room: { name: room.code } }))).toBe('handled');
		expect(await findOpenSession(ctx.db, room.id)).toBeUndefined();
	});

	it('ignores events about rooms and people it does not know', async () => {
		expect(await applyWebhook(ctx, event({ event: 'participant_joined', participant: { identity: 'p_unknown' } }))).toBe('ignored');
		expect(await applyWebhook(ctx, event({ event: 'room_finished', room: { name: 'not-a-room' } }))).toBe('ignored');
	});
});
