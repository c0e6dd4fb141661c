import { DisconnectReason } from '@livekit/protocol';
import { ServerError, TrackSource, type WebhookEvent } from 'livekit-server-sdk';
import { notifyLobby } from '../access/lobby-events';
import { mayStay } from '../access/room-policy';
import type { Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { endSessionOfLivekitRoom } from '../access/meeting-session.service';
import { closeMeeting } from '../pipeline/meeting-end.service';
import type { PipelineContext } from '../pipeline/pipeline-context';
import { noteRoomStarted } from '../recordings/media-restart.service';
import { applyEgressInfo, onTrackPublished } from '../recordings/recording.service';
import { findParticipantByIdentity, updateParticipant } from '../rooms/participant.repository';
import { applyPresence } from '../rooms/presence-rules';
import { findRoomByCode } from '../rooms/room.repository';
import { onParticipantReturned, onShareGone, onSharePublished, reconcileOnJoin } from '../screen-share/screen-share.service';
import { recordEvent } from './webhook-event.repository';
import { isTranscriber, superviseTranscriber } from '../captions/transcriber.service';
import { isStandardParticipant } from '../livekit/participant-kind';
import { livekitWebhooks } from '../livekit/clients';
import type { Failure } from '../http/failures';

/** Leaves after which nobody reconnects: the person left, or the host removed them. */
const LEFT_FOR_GOOD = new Set([DisconnectReason.CLIENT_INITIATED, DisconnectReason.PARTICIPANT_REMOVED]);

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

/** A webhook request from LiveKit: verified against its raw body and signature, then applied once (see applyWebhook). */
export async function receiveWebhook(ctx: PipelineContext, body: string, authorization: string | undefined): Promise<{ outcome: WebhookOutcome } | Failure<'bad_signature'>> {
	let event: WebhookEvent;
	try {
		event = await livekitWebhooks().receive(body, authorization);
	} catch {
		return { ok: false, reason: 'bad_signature' };
	}
	return { outcome: await applyWebhook(ctx, event) };
}

type AfterCommit = () => Promise<unknown>;

/**
 * Applies a verified LiveKit webhook once. The event id is recorded in the same transaction
 * as the handler's database effects: if the handler fails, nothing is recorded, the answer is
 * a 500, and LiveKit's retry applies it. A concurrent duplicate waits on the id's row and
 * then finds it. Calls that only nudge LiveKit (a permission sync, removing someone who may
 * not stay) run after the commit; the reconciliation poll repeats them if they fail.
 */
export async function applyWebhook(ctx: PipelineContext, event: WebhookEvent): Promise<WebhookOutcome> {
	const after: AfterCommit[] = [];
	const outcome = await inTransaction(ctx.db, async (trx) => {
		if (!(await recordEvent(trx, event.id, event.event))) return 'duplicate' as const;
		return handle({ ...ctx, db: trx }, ctx, event, after);
	});
	for (const task of after) {
		await task().catch((err: unknown) => console.error(`webhook ${event.event}: follow-up failed`, err));
	}
	return outcome;
}

/** `ctx` runs inside the event's transaction; `root` (outside it) is for follow-ups after the commit. */
async function handle(ctx: PipelineContext, root: PipelineContext, event: WebhookEvent, after: AfterCommit[]): Promise<WebhookOutcome> {
	const at = event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date();
	const room = event.room ? await findRoomByCode(ctx.db, event.room.name) : undefined;
	switch (event.event) {
		case 'participant_joined':
		case 'participant_left': {
			// The transcriber leaving a meeting (its worker died, its job failed): another takes over.
			if (room && event.event === 'participant_left' && event.participant && isTranscriber(event.participant)) {
				after.push(() => superviseTranscriber(root, room));
				return 'handled';
			}
			// Egress recorders, agents and other non-browser participants are LiveKit's own.
			if (!event.participant || !isStandardParticipant(event.participant)) return 'ignored';
			const participant = await findParticipantByIdentity(ctx.db, event.participant.identity);
			if (!room || !participant || participant.room_id !== room.id) {
				// Nobody we admitted: LiveKit should not have let them in; remove them.
				if (room && event.event === 'participant_joined') after.push(() => kick(root, room, event.participant!.identity));
				return 'ignored';
			}
			if (event.event === 'participant_joined') {
				const verdict = await mayStay(ctx.db, room, participant.identity);
				if (!verdict.ok) {
					// A removed guest (or one from an ended meeting) reconnecting with a token they still hold.
					after.push(() => kick(root, room, participant.identity));
					return 'handled';
				}
			}
			const change = applyPresence(
				{ livekitSid: participant.livekit_sid, leftSid: participant.left_sid },
				{ type: event.event === 'participant_joined' ? 'joined' : 'left', sid: event.participant!.sid, at }
			);
			if (change) await updateParticipant(ctx.db, participant.id, change);
			// Knockers are told whether a host is there to let them in.
			await notifyLobby(ctx.db, room.id);
			if (event.event === 'participant_left') {
				const leftForGood = LEFT_FOR_GOOD.has(event.participant.disconnectReason);
				after.push(() => onShareGone(root, room, participant.identity, { leftForGood }));
			} else {
				after.push(() => onParticipantReturned(root, room, participant.identity));
				after.push(() => reconcileOnJoin(root, room));
				after.push(() => superviseTranscriber(root, room));
			}
			return 'handled';
		}
		case 'room_started': {
			// Only a room re-created on another node (its node died) during a recording matters.
			if (!room || !(await noteRoomStarted(ctx.db, room, event.room?.sid, at))) return 'ignored';
			return 'handled';
		}
		case 'room_finished': {
			if (!room) return 'ignored';
			// Only the session that lived in THIS LiveKit room: a late event never ends a newer meeting.
			const ended = await endSessionOfLivekitRoom(ctx.db, room, event.room?.sid, at);
			if (ended) await closeMeeting(ctx, room, ended.id, at);
			return 'handled';
		}
		case 'track_published': {
			if (!room || !event.participant || !event.track) return 'ignored';
			if (event.track.source === TrackSource.SCREEN_SHARE) await onSharePublished(ctx, room, event.participant.identity);
			await onTrackPublished(ctx, room, { identity: event.participant.identity, sid: event.track.sid, source: event.track.source, mimeType: event.track.mimeType });
			return 'handled';
		}
		case 'track_unpublished': {
			// A reconnect unpublishes briefly: this only starts the release grace period.
			if (!room || !event.participant || event.track?.source !== TrackSource.SCREEN_SHARE) return 'ignored';
			const identity = event.participant.identity;
			after.push(() => onShareGone(root, room, identity));
			return 'handled';
		}
		case 'egress_started':
		case 'egress_updated':
		case 'egress_ended': {
			if (!event.egressInfo) return 'ignored';
			await applyEgressInfo(ctx, event.egressInfo);
			return 'handled';
		}
		default:
			return 'ignored';
	}
}


async function kick(ctx: PipelineContext, room: Room, identity: string): Promise<void> {
	try {
		await ctx.livekit.removeParticipant(room.code, identity);
	} catch (err) {
		// Already gone (a webhook delivered late): nothing to do.
		if (!(err instanceof ServerError && err.status === 404)) throw err;
	}
}
