import { sql } from 'kysely';
import type { Db } from '../db';
import { meetingPassage, type MeetingPassage, type MeetingPassageRow } from './meeting-passage';

/**
 * The transcript passages just before and just after each of `passageIds` in its own meeting:
 * what was said around a hit. Only the hits' sessions are read, so whoever may see a hit may
 * see these.
 */
export async function neighbourPassages(db: Db, passageIds: string[]): Promise<MeetingPassage[]> {
	if (!passageIds.length) return [];
	const { rows } = await sql<MeetingPassageRow>`
		select distinct n.id, n.session_id, r.code, r.name, ms.started_at, n.kind, n.speaker, n.at, n.text
		from memory_passages h
		cross join lateral (
			(select x.* from memory_passages x
			 where x.session_id = h.session_id and x.kind = 'transcript' and x.at < h.at
			 order by x.at desc limit 1)
			union all
			(select x.* from memory_passages x
			 where x.session_id = h.session_id and x.kind = 'transcript' and x.at > h.at
			 order by x.at asc limit 1)
		) n
		join meeting_sessions ms on ms.id = n.session_id
		join rooms r on r.id = n.room_id
		where h.id = any(${passageIds}::bigint[]) and h.kind = 'transcript'
	`.execute(db);
	return rows.map(meetingPassage);
}
