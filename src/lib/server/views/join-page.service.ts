import type { Credentials } from '../access/cookies';
import { liveHostSessionId, passOf } from '../access/room-policy';
import type { AppContext } from '../app-context';
import type { Room } from '../db/schema';
import { openItemsBrief, type OpenItemsBrief } from '../items/items.service';
import { findOpenSession } from '../meetings/session.repository';
import { findLiveRun } from '../recordings/recording.repository';
import { findParticipant } from '../rooms/participant.repository';

/** What the meeting page shows before the call: the pre-join screen's facts. */
export interface JoinPageView {
	code: string;
	isHost: boolean;
	/** A guest will knock and wait to be let in (unless let into this meeting before). */
	asksToJoin: boolean;
	needsPassword: boolean;
	muteOnJoin: boolean;
	cameraOffOnJoin: boolean;
	recording: boolean;
	/** Public (the CSP names it too): the pre-join screen warms the connection to it. */
	livekitUrl: string;
	/** The name this browser joined this meeting with before, to fill in. */
	displayName: string;
	/** Hosts: the room's open action items from earlier meetings (null: none, or not a host). */
	openItems: OpenItemsBrief | null;
}

/** The meeting page's pre-join view for this browser. */
export async function joinPage(ctx: AppContext, room: Room, credentials: Credentials): Promise<JoinPageView> {
	const [hostSession, pass, session, liveRun] = await Promise.all([
		liveHostSessionId(ctx.db, room, credentials),
		passOf(ctx.db, room, credentials),
		findOpenSession(ctx.db, room.id),
		findLiveRun(ctx.db, room.id)
	]);
	const previous = pass ? await findParticipant(ctx.db, pass.participant_id) : undefined;
	const isHost = hostSession !== null;
	return {
		code: room.code,
		isHost,
		asksToJoin: !isHost && (room.admission === 'ask' || session?.lobby_forced_at != null),
		needsPassword: room.password_hash !== null,
		muteOnJoin: room.mute_on_join,
		cameraOffOnJoin: room.camera_off_on_join,
		recording: Boolean(liveRun),
		livekitUrl: ctx.config.LIVEKIT_WS_URL,
		displayName: previous?.display_name ?? '',
		openItems: isHost ? await openItemsBrief(ctx.db, room) : null
	};
}
