import { sql } from 'kysely';
import type { Db } from '../db';

/** A passage with the meeting it belongs to, as Ask labels it. */
export interface ContextPassage {
	passageId: string;
	sessionId: string;
	roomCode: string;
	roomName: string | null;
	meetingStartedAt: string;
	kind: 'transcript' | 'chat' | 'insight' | 'board';
	speaker: string | null;
	at: number;
	text: string;
}

/**
 * The transcript passages just before and just after each of `passageIds` in its own meeting:
 * what was said around a hit. Only the hits' sessions are read, so whoever may see a hit may
 * see these.
 */
export async function neighbourPassages(db: Db, passageIds: string[]): Promise<ContextPassage[]> {
	if (!passageIds.length) return [];
	const { rows } = await sql<{
		id: string;
		session_id: string;
		code: string;
		name: string | null;
		started_at: Date;
		kind: ContextPassage['kind'];
		speaker: string | null;
		at: number;
		text: string;
	}>`
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
	return rows.map((row) => ({
		passageId: String(row.id),
		sessionId: row.session_id,
		roomCode: row.code,
		roomName: row.name,
		meetingStartedAt: row.started_at.toISOString(),
		kind: row.kind,
		speaker: row.speaker,
		at: Number(row.at),
		text: row.text
	}));
}
