import { TrackSource, type WebhookEvent } from 'livekit-server-sdk';
import type { AppContext } from '../context';
import { endOpenSession } from '../meetings/session.repository';
import { findParticipantByIdentity, updateParticipant } from '../rooms/participant.repository';
import { findRoomByCode } from '../rooms/room.repository';
import type { RecordingContext } from '../recordings/recording-context';
import { applyEgressInfo, onTrackPublished, stopRecording } from '../recordings/recording.service';
import { onShareGone, onSharePublished, reconcileOnJoin } from '../screen-share/screen-share.service';

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

/** Applies a verified LiveKit webhook once: LiveKit may deliver an event more than once. */
export async function applyWebhook(ctx: AppContext & { recordings?: RecordingContext }, event: WebhookEvent): Promise<WebhookOutcome> {
	const fresh = await ctx.db
		.insertInto('webhook_events')
		.values({ id: event.id, event: event.event })
		.onConflict((oc) => oc.column('id').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!fresh) return 'duplicate';

	const at = event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date();
	switch (event.event) {
		case 'participant_joined':
		case 'participant_left': {
			const participant = event.participant && (await findParticipantByIdentity(ctx.db, event.participant.identity));
			if (!participant) return 'ignored';
			await updateParticipant(
				ctx.db,
				participant.id,
				event.event === 'participant_joined' ? { joined_at: at, left_at: null } : { left_at: at }
			);
			if (event.room) {
				if (event.event === 'participant_left') await onShareGone(ctx, event.room.name, participant.identity);
				else await reconcileOnJoin(ctx, event.room.name);
			}
			return 'handled';
		}
		case 'room_finished': {
			const room = event.room && (await findRoomByCode(ctx.db, event.room.name));
			if (!room) return 'ignored';
			// The meeting ended while recording: stop, and let the pipeline take the run.
			if (ctx.recordings) await stopRecording(ctx.recordings, room.code);
			await endOpenSession(ctx.db, room.id, at);
			return 'handled';
		}
		case 'track_published': {
			if (event.room && event.participant && event.track?.source === TrackSource.SCREEN_SHARE) {
				await onSharePublished(ctx, event.room.name, event.participant.identity);
			}
			if (!ctx.recordings || !event.room || !event.participant || !event.track) return 'ignored';
			await onTrackPublished(ctx.recordings, event.room.name, event.participant.identity, event.track.sid, event.track.source);
			return 'handled';
		}
		case 'track_unpublished': {
			// A reconnect unpublishes briefly: this only starts the release grace period.
			if (!event.room || !event.participant || event.track?.source !== TrackSource.SCREEN_SHARE) return 'ignored';
			return (await onShareGone(ctx, event.room.name, event.participant.identity)) ? 'handled' : 'ignored';
		}
		case 'egress_started':
		case 'egress_updated':
		case 'egress_ended': {
			if (!ctx.recordings || !event.egressInfo) return 'ignored';
			await applyEgressInfo(ctx.recordings, event.egressInfo);
			return 'handled';
		}
		default:
			return 'ignored';
	}
}
