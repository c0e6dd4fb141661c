import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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

/** One line of MeetingSession.transcript (the seed's shape, extended only). */
export interface TranscriptLine {
	speaker: string;
	text: string;
	timestamp: number;
	isActive: boolean;
	end?: number;
	participantIdentity?: string;
	segmentId?: string;
}

export interface MeetingSessionTable {
	id: Generated<string>;
	room_id: string;
	started_at: CreatedAt;
	ended_at: Date | null;
	transcript: ColumnType<TranscriptLine[], string | undefined, string>;
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
}

export type Room = Selectable<RoomTable>;
export type NewRoom = Insertable<RoomTable>;
export type RoomUpdate = Updateable<RoomTable>;
export type MeetingSession = Selectable<MeetingSessionTable>;
export type Participant = Selectable<ParticipantTable>;
