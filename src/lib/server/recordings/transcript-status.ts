import type { Db } from '../db';
import type { TranscriptStatus } from '../db/schema';

/** Records where a session's transcript is, with a line the transcript panel shows. */
export async function setTranscriptStatus(db: Db, sessionId: string, status: TranscriptStatus, detail: string | null): Promise<void> {
	await db.updateTable('meeting_sessions').set({ transcript_status: status, transcript_detail: detail }).where('id', '=', sessionId).execute();
}
