import { postJson } from './api';

export interface RecordingChange {
	recording: boolean;
	sessionId: string;
	/** Something the host should know (the recorder has not confirmed a stop yet). */
	notice: string | null;
}

/** Host only: starts or stops recording; the server answers 403 to anyone else. */
export function setRecording(code: string, on: boolean): Promise<RecordingChange> {
	return postJson<RecordingChange>(`/api/rooms/${code}/recording`, { action: on ? 'start' : 'stop' });
}
