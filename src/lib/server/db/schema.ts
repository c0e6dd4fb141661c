import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ChatMessageTable } from '../chat/chat.table';
import type { ScreenShareLockTable } from '../screen-share/screen-share.table';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface RoomTable {
	id: Generated<string>;
	code: string;
	name: string | null;
	host_key_hash: string;
	password_hash: string | null;
	mute_on_join: Generated<boolean>;
	camera_off_on_join: Generated<boolean>;
	locked: Generated<boolean>;
	max_participants: Generated<number>;
	created_at: CreatedAt;
}

export type { TranscriptLine } from '../../transcript/types';
import type { TranscriptLine } from '../../transcript/types';

/** Where the meeting's transcript is: none → recording → waiting/transcribing → merging → ready (or failed). */
export type TranscriptStatus = 'none' | 'recording' | 'waiting' | 'transcribing' | 'merging' | 'ready' | 'failed';

export interface MeetingSessionTable {
	id: Generated<string>;
	room_id: string;
	started_at: CreatedAt;
	ended_at: Date | null;
	transcript: ColumnType<TranscriptLine[], string | undefined, string>;
	transcript_status: Generated<TranscriptStatus>;
	transcript_detail: string | null;
}

export type RunStatus = 'recording' | 'stopping' | 'processing' | 'done';

export interface RecordingRunTable {
	id: Generated<string>;
	session_id: string;
	room_id: string;
	status: Generated<RunStatus>;
	started_at: CreatedAt;
	stopped_at: Date | null;
}

export type RecordingKind = 'composite' | 'track';
export type RecordingStatus = 'starting' | 'active' | 'complete' | 'failed';

export interface RecordingTable {
	id: Generated<string>;
	run_id: string;
	kind: RecordingKind;
	egress_id: string | null;
	participant_identity: string | null;
	speaker_name: string | null;
	track_sid: string | null;
	file_path: string;
	status: Generated<RecordingStatus>;
	error: string | null;
	started_at: Date | null;
	ended_at: Date | null;
	created_at: CreatedAt;
}

export type PartStatus = 'pending' | 'done' | 'failed';

export interface TranscriptPartTable {
	recording_id: string;
	status: Generated<PartStatus>;
	segments: ColumnType<unknown, string | undefined, string> | null;
	error: string | null;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ParticipantTable {
	id: Generated<string>;
	room_id: string;
	session_id: string | null;
	identity: string;
	display_name: string;
	is_host: boolean;
	created_at: CreatedAt;
	joined_at: Date | null;
	left_at: Date | null;
}

export interface WebhookEventTable {
	id: string;
	event: string;
	received_at: CreatedAt;
}

export interface Database {
	rooms: RoomTable;
	meeting_sessions: MeetingSessionTable;
	participants: ParticipantTable;
	webhook_events: WebhookEventTable;
	recording_runs: RecordingRunTable;
	recordings: RecordingTable;
	transcript_parts: TranscriptPartTable;
	chat_messages: ChatMessageTable;
	screen_share_locks: ScreenShareLockTable;
}

export type Room = Selectable<RoomTable>;
export type NewRoom = Insertable<RoomTable>;
export type RoomUpdate = Updateable<RoomTable>;
export type MeetingSession = Selectable<MeetingSessionTable>;
export type Participant = Selectable<ParticipantTable>;
export type RecordingRun = Selectable<RecordingRunTable>;
export type Recording = Selectable<RecordingTable>;
