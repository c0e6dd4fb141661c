import { m } from '#lib/paraglide/messages';
import { currentSession } from '../access/meeting-session.service';
import type { Room } from '../db/schema';
import type { Failure } from '../http/failures';
import type { RecordingContext } from './recording-context';
import { startRecording, stopRecording } from './recording.service';

/** What the host's Record button shows after a start or a stop. */
export interface RecordingChange {
	recording: boolean;
	sessionId: string;
	/** Said to the host when the recorder has not confirmed a stop yet. */
	notice: string | null;
}

/** The host's Record button: starts recording the meeting now, or stops it (the transcript pipeline follows). */
export async function setRecording(
	ctx: RecordingContext,
	room: Room,
	on: boolean
): Promise<RecordingChange | Failure<'already_recording' | 'egress_unavailable' | 'disk_full' | 'not_recording'>> {
	if (on) {
		const started = await startRecording(ctx, room, await currentSession(ctx, room));
		return started.ok ? { recording: true, sessionId: started.run.session_id, notice: null } : started;
	}
	const stopped = await stopRecording(ctx, room);
	if (!stopped.ok) return stopped;
	const notice = stopped.unstopped ? m.server_stop_unconfirmed({ count: stopped.unstopped }) : null;
	return { recording: false, sessionId: stopped.run.session_id, notice };
}
