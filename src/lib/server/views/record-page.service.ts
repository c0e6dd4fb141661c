import type { Credentials } from '../access/cookies';
import { isHost } from '../access/room-policy';
import { sessionChat } from '../chat/chat.service';
import type { Db } from '../db';
import type { MeetingSession, Room } from '../db/schema';
import { latestExport } from '../exports/exports.repository';
import { meetingRecord } from '../records/meeting-record.service';
import { boardShapeCount } from '../whiteboard/whiteboard.service';

/** The record page: the meeting's record, its chat (a long first page: the insights cite messages), its export, its board. */
export async function recordPage(ctx: { db: Db }, room: Room, session: MeetingSession, credentials: Credentials, insightsConfigured: boolean) {
	const [host, record, chat, exported, boardShapes] = await Promise.all([
		isHost(ctx.db, room, credentials),
		meetingRecord(ctx.db, session, insightsConfigured),
		sessionChat(ctx, session.id, { limit: 200 }),
		latestExport(ctx.db, session.id),
		boardShapeCount(ctx.db, session.id)
	]);
	return {
		code: room.code,
		isHost: host,
		record,
		chat,
		exported: exported ? { status: exported.status, progress: exported.progress, error: exported.error } : null,
		boardShapes
	};
}
