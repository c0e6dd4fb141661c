import type { PersonView } from '../../access/people';
import type { Db } from '../db';
import type { MeetingSession, Room } from '../db/schema';
import { participantsWithLivePass, waitingKnocks } from './pass.repository';
import { sessionRoles } from './role.repository';
import { inCallFrom } from './room-rules';

/**
 * Everyone who holds a way into the meeting now: in the call (LiveKit has them), connecting
 * (let in, with a good pass, not in the call — or someone who took a pass and never came),
 * and waiting in the lobby. The hosts see them all, so nobody holds a way in unseen.
 */
export async function meetingPeople(db: Db, sessionId: string, now = new Date()): Promise<PersonView[]> {
	const [people, withPass, knocks] = await Promise.all([sessionRoles(db, sessionId), participantsWithLivePass(db, sessionId), waitingKnocks(db, sessionId)]);
	const knockOf = new Map(knocks.map((k) => [k.participantId, k.passId]));
	const views: PersonView[] = [];
	for (const p of people) {
		if (p.removed_at) continue;
		const base = { identity: p.identity, name: p.display_name, role: p.role };
		if (inCallFrom(p, now) && p.left_at === null) views.push({ ...base, state: 'in_call' });
		else if (withPass.has(p.id)) views.push({ ...base, state: 'connecting' });
		else if (knockOf.has(p.id)) views.push({ ...base, state: 'waiting', knockId: knockOf.get(p.id) });
	}
	return views;
}

/** The hosts' People panel: everyone holding a way in, and the room's access switches. */
export async function peopleView(db: Db, room: Room, session: Pick<MeetingSession, 'id' | 'lobby_forced_at'> | null) {
	return {
		people: session ? await meetingPeople(db, session.id) : [],
		locked: room.locked,
		askToJoin: room.admission === 'ask' || session?.lobby_forced_at != null,
		reactions: room.reactions
	};
}
