import * as Y from 'yjs';
import { readShapes } from '../../whiteboard/board-read';
import type { Db } from '../db';
import { env } from '../env';
import { boardState } from '../whiteboard/whiteboard.service';
import { meetingPassages, type MeetingMaterial } from './passages';
import { searchConfigFor } from './search-query';
import { replacePassages, sessionsToIndex } from './passage.repository';

/** The texts on a session's board (notes and free text), with who wrote them and when. */
async function boardTexts(db: Db, sessionId: string): Promise<MeetingMaterial['board']> {
	const state = await boardState(db, sessionId);
	if (!state.byteLength) return [];
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	const texts = readShapes(doc).flatMap((s) => (s.kind === 'note' || s.kind === 'text' ? [{ id: s.id, author: s.author, text: s.text, createdAt: s.createdAt }] : []));
	doc.destroy();
	return texts;
}

/**
 * Rebuilds one session's passages from what is stored now: its transcript, chat, ready
 * insights and board. Idempotent: the session's passages are replaced in one transaction.
 */
export async function indexSession(db: Db, sessionId: string): Promise<number> {
	const session = await db
		.selectFrom('meeting_sessions as ms')
		.innerJoin('rooms as r', 'r.id', 'ms.room_id')
		.select(['ms.id', 'ms.room_id', 'ms.started_at', 'ms.transcript', 'r.transcription_language'])
		.where('ms.id', '=', sessionId)
		.executeTakeFirst();
	if (!session) return 0;
	const [chat, insights, board, people] = await Promise.all([
		db.selectFrom('chat_messages').select(['id', 'sender_name', 'text', 'created_at']).where('session_id', '=', sessionId).orderBy('id').execute(),
		db
			.selectFrom('meeting_insights')
			.select('insights')
			.where('session_id', '=', sessionId)
			.where('status', '=', 'ready')
			.orderBy('updated_at', 'desc')
			.limit(1)
			.executeTakeFirst(),
		boardTexts(db, sessionId),
		db.selectFrom('participants').select(['identity', 'display_name']).where('session_id', '=', sessionId).execute()
	]);
	const passages = meetingPassages({
		startedAt: session.started_at,
		transcript: Array.isArray(session.transcript) ? session.transcript : [],
		chat: chat.map((c) => ({ id: c.id, senderName: c.sender_name, text: c.text, createdAt: c.created_at })),
		insights: insights?.insights ?? null,
		board,
		names: new Map(people.map((p) => [p.identity, p.display_name]))
	});
	const config = searchConfigFor(session.transcription_language, env().WHISPER_LANGUAGE);
	await replacePassages(db, { sessionId, roomId: session.room_id, config }, passages);
	return passages.length;
}

/** Ended sessions never indexed (meetings held before search existed): at most `limit`, oldest first. */
export async function unindexedSessions(db: Db, limit: number): Promise<string[]> {
	return sessionsToIndex(db, limit);
}
