import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { InsightsStatus, MeetingInsights } from '../../insights/types';
import type { TranscriptStatus } from '../../transcript/status';
import type { TranscriptLine } from '../../transcript/types';

export type { InsightsStatus, MeetingInsights, TranscriptLine, TranscriptStatus };

/**
 * Every table's columns, in one place: domain folders import these, so db/ never imports
 * a domain (no folder cycles).
 */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** PostgreSQL returns bigint as a string. */
type BigIntColumn = ColumnType<string, number | undefined, number>;

export interface RoomTable {
	id: Generated<string>;
	code: string;
	name: string | null;
	host_key_hash: string;
	/** Bumped by each new host link: host sessions of older generations stop working. */
	host_generation: Generated<number>;
	password_hash: string | null;
	mute_on_join: Generated<boolean>;
	camera_off_on_join: Generated<boolean>;
	locked: Generated<boolean>;
	max_participants: Generated<number>;
	whiteboard_view_only: Generated<boolean>;
	/** open: anyone with the link comes in; ask: everyone but hosts knocks and waits in the lobby. */
	admission: Generated<Admission>;
	/** Whether people in the call may send reactions (the server refuses them when off). */
	reactions: Generated<boolean>;
	/** The meetings' spoken language: null the server's default, 'auto' detected, or a Whisper language code. */
	transcription_language: string | null;
	/** Live captions: the transcriber joins the room's meetings while on. */
	captions: Generated<boolean>;
	created_at: CreatedAt;
}

export type Admission = 'open' | 'ask';

export interface HostSessionTable {
	id: Generated<string>;
	room_id: string;
	generation: number;
	created_at: CreatedAt;
	expires_at: Date;
	revoked_at: Date | null;
}


export interface MeetingSessionTable {
	id: Generated<string>;
	room_id: string;
	started_at: CreatedAt;
	ended_at: Date | null;
	livekit_room_sid: string | null;
	transcript: ColumnType<TranscriptLine[], string | undefined, string>;
	transcript_status: Generated<TranscriptStatus>;
	transcript_detail: string | null;
	insights_status: Generated<InsightsStatus>;
	insights_detail: string | null;
	/** A removal made the rest of this meeting ask to join. */
	lobby_forced_at: Date | null;
	/** Since when the host keeps the captions as the transcript (a recording keeps them too). */
	transcribing_at: Date | null;
	/** Where `transcript` came from: the live captions, or the offline pass over the recordings. */
	transcript_source: TranscriptSource | null;
	/** Counts the record's stage changes: announcements and reads are ordered by it. */
	stage_seq: Generated<number>;
}

export type TranscriptSource = 'live' | 'offline';

/** One final caption of a meeting (see migration 0015). `id` (int8, a string) is the arrival order. */
export interface LiveSegmentTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	segment_id: string;
	participant_identity: string;
	speaker_name: string;
	track_sid: string;
	text: string;
	language: string | null;
	started_at: Date;
	ended_at: Date;
	created_at: CreatedAt;
}

/** One refresh of a meeting's rolling notes: the new part's notes and the summary so far (model output, cited by short ids). */
export interface LiveNotesTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	lines_upto: number;
	chat_upto: number;
	part: ColumnType<unknown, string, string>;
	summary: ColumnType<unknown, string, string>;
	engine: string;
	model: string;
	ms: number;
	created_at: CreatedAt;
}

export type InsightsRowStatus = 'pending' | 'running' | 'ready' | 'failed';

export interface MeetingInsightsTable {
	id: Generated<string>;
	session_id: string;
	transcript_hash: string;
	prompt_version: string;
	engine: string;
	model: string;
	status: Generated<InsightsRowStatus>;
	insights: ColumnType<MeetingInsights | null, string | null | undefined, string | null>;
	dropped: Generated<number>;
	flagged: Generated<number>;
	citations_written: Generated<number>;
	citations_kept: Generated<number>;
	usage: ColumnType<{ inputTokens: number; outputTokens: number; requests: number; parts: number; ms: number } | null, string | null | undefined, string | null>;
	error: string | null;
	created_at: CreatedAt;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ParticipantTable {
	id: Generated<string>;
	room_id: string;
	session_id: string | null;
	identity: string;
	display_name: string;
	/** A co-host of this meeting since then; null for everyone else (the host is whoever holds a live host session). */
	cohost_at: Date | null;
	created_at: CreatedAt;
	joined_at: Date | null;
	left_at: Date | null;
	removed_at: Date | null;
	admitted_at: Date | null;
	livekit_sid: string | null;
	left_sid: string | null;
}

/** removed: by a host; ended: the meeting ended; denied: a knock refused; cancelled: a knock withdrawn. */
export type PassRevocation = 'removed' | 'ended' | 'denied' | 'cancelled';

export interface JoinPassTable {
	id: Generated<string>;
	room_id: string;
	session_id: string;
	participant_id: string;
	browser_id: string;
	created_at: CreatedAt;
	expires_at: Date;
	revoked_at: Date | null;
	revoked_reason: PassRevocation | null;
	/** Null while the holder waits in the lobby. */
	admitted_at: Date | null;
	/** The host session the browser presented at its last join or token. */
	host_session_id: string | null;
	/** The client's address (IPv6 to its /64) when the pass was issued. */
	client_key: string | null;
}

export interface SessionRemovedAddressTable {
	session_id: string;
	client_key: string;
	created_at: CreatedAt;
}

export interface SessionBanTable {
	session_id: string;
	browser_id: string;
	created_at: CreatedAt;
}

export interface WebhookEventTable {
	id: string;
	event: string;
	received_at: CreatedAt;
}

export type RunStatus = 'recording' | 'stopping' | 'processing' | 'done';

export interface RecordingRunTable {
	id: Generated<string>;
	session_id: string;
	room_id: string;
	status: Generated<RunStatus>;
	started_at: CreatedAt;
	stopped_at: Date | null;
	stop_error: string | null;
	stop_reason: string | null;
}

/** The room of a live recording re-created on another media node; the gap is set once the run stopped. */
export interface MediaRestartTable {
	id: Generated<string>;
	run_id: string;
	restarted_at: Date;
	gap_start: Date | null;
	gap_end: Date | null;
}

/** composite: the room's mix; track: one microphone (transcribed); video: one camera or screen share. */
export type RecordingKind = 'composite' | 'track' | 'video';
export type RecordingSource = 'mix' | 'microphone' | 'camera' | 'screen_share';
export type RecordingStatus = 'starting' | 'active' | 'complete' | 'failed';

export interface RecordingTable {
	id: Generated<string>;
	run_id: string;
	kind: RecordingKind;
	egress_id: string | null;
	participant_identity: string | null;
	speaker_name: string | null;
	track_sid: string | null;
	source: Generated<RecordingSource>;
	mime_type: string | null;
	file_path: string;
	status: Generated<RecordingStatus>;
	error: string | null;
	started_at: Date | null;
	ended_at: Date | null;
	/** How many times the recorder was asked to record this (a busy or stuck one is asked again). */
	attempts: Generated<number>;
	attempted_at: Generated<Date>;
	/** 1, then 2… when a lost recorder's track (or the mix) goes on in a new file. */
	segment: Generated<number>;
	created_at: CreatedAt;
}

export type PartStatus = 'pending' | 'done' | 'failed';

export interface TranscriptPartTable {
	recording_id: string;
	status: Generated<PartStatus>;
	segments: ColumnType<unknown, string | undefined, string> | null;
	error: string | null;
	attempts: Generated<number>;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** One chat message, kept with its meeting session. `id` is the server sequence. */
export interface ChatMessageTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	participant_id: string;
	sender_identity: string;
	sender_name: string;
	text: string;
	client_id: string;
	/** host, cohost or guest when the message was sent. */
	sender_role: Generated<string>;
	created_at: CreatedAt;
}

/** A hand raised in a meeting (see migration 0013): up while `lowered_at` is null. */
export interface RaisedHandTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	participant_id: string;
	raised_at: CreatedAt;
	lowered_at: Date | null;
	lowered_by: HandLoweredBy | null;
	/** From one sequence, set again at every change: the newest queue wins. */
	version: ColumnType<string, never, never>;
}

export type HandLoweredBy = 'self' | 'moderator' | 'spoke' | 'left';

/** The screen-share lock of one room (see migration 0004). */
export interface ScreenShareLockTable {
	room_id: string;
	holder_id: string | null;
	previous_id: string | null;
	fence: BigIntColumn;
	applied_fence: BigIntColumn;
	release_pending_at: Date | null;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A meeting's board: its compacted Yjs state. */
export interface WhiteboardTable {
	session_id: string;
	state: Uint8Array;
	state_bytes: Generated<number>;
	shapes: Generated<number>;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A Yjs update received since the last compaction; `id` (int8, a string) keeps their order. */
export interface WhiteboardUpdateTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	participant_id: string | null;
	update: Uint8Array;
	created_at: CreatedAt;
}

/** Shapes one participant added to a meeting's board. */
export interface WhiteboardContributorTable {
	session_id: string;
	participant_id: string;
	shapes_added: Generated<number>;
}

export type ExportStatus = 'pending' | 'running' | 'ready' | 'failed';

export interface RecordingExportTable {
	id: Generated<string>;
	session_id: string;
	status: Generated<ExportStatus>;
	progress: Generated<number>;
	file_path: string | null;
	error: string | null;
	created_at: CreatedAt;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface Database {
	rooms: RoomTable;
	host_sessions: HostSessionTable;
	meeting_sessions: MeetingSessionTable;
	participants: ParticipantTable;
	join_passes: JoinPassTable;
	session_bans: SessionBanTable;
	session_removed_addresses: SessionRemovedAddressTable;
	webhook_events: WebhookEventTable;
	recording_runs: RecordingRunTable;
	recordings: RecordingTable;
	media_restarts: MediaRestartTable;
	transcript_parts: TranscriptPartTable;
	chat_messages: ChatMessageTable;
	raised_hands: RaisedHandTable;
	screen_share_locks: ScreenShareLockTable;
	meeting_insights: MeetingInsightsTable;
	whiteboards: WhiteboardTable;
	whiteboard_updates: WhiteboardUpdateTable;
	whiteboard_contributors: WhiteboardContributorTable;
	recording_exports: RecordingExportTable;
	live_segments: LiveSegmentTable;
	live_notes: LiveNotesTable;
	memory_passages: MemoryPassageTable;
	memory_indexed_sessions: MemoryIndexedSessionTable;
	tracked_items: TrackedItemTable;
	item_mentions: ItemMentionTable;
	item_webhooks: ItemWebhookTable;
	item_webhook_deliveries: ItemWebhookDeliveryTable;
}

export type Room = Selectable<RoomTable>;
export type NewRoom = Insertable<RoomTable>;
export type RoomUpdate = Updateable<RoomTable>;
export type HostSession = Selectable<HostSessionTable>;
export type MeetingSession = Selectable<MeetingSessionTable>;
export type Participant = Selectable<ParticipantTable>;
export type JoinPass = Selectable<JoinPassTable>;
export type RecordingRun = Selectable<RecordingRunTable>;
export type Recording = Selectable<RecordingTable>;
export type MediaRestart = Selectable<MediaRestartTable>;
export type TranscriptPart = Selectable<TranscriptPartTable>;
export type ChatMessageRow = Selectable<ChatMessageTable>;
export type NewChatMessage = Insertable<ChatMessageTable>;
export type ScreenShareLockRow = Selectable<ScreenShareLockTable>;
export type MeetingInsightsRow = Selectable<MeetingInsightsTable>;
export type RecordingExport = Selectable<RecordingExportTable>;
export type LiveSegment = Selectable<LiveSegmentTable>;
export type LiveNotesRow = Selectable<LiveNotesTable>;

/** A room's outgoing webhook for tracked items; the secret is sealed (crypto/sealed.ts). */
export interface ItemWebhookTable {
	room_id: string;
	url: string;
	secret_sealed: string;
	enabled: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type ItemWebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** The webhook's delivery log. payload: the JSON body sent (a `json` column: key order kept). */
export interface ItemWebhookDeliveryTable {
	id: Generated<string>;
	room_id: string;
	event_type: string;
	payload: ColumnType<unknown, string, never>;
	status: Generated<ItemWebhookDeliveryStatus>;
	attempts: Generated<number>;
	last_http_status: number | null;
	last_error: string | null;
	next_attempt_at: Date | null;
	delivered_at: Date | null;
	created_at: CreatedAt;
}

/** A room's tracked action item (migration 0017). due_date: YYYY-MM-DD as text. */
export interface TrackedItemTable {
	id: Generated<string>;
	room_id: string;
	text: string;
	owner: string | null;
	due_text: string | null;
	due_date: string | null;
	status: Generated<'open' | 'done' | 'dropped'>;
	merge_key: string;
	created_at: CreatedAt;
	updated_at: ColumnType<Date, Date | undefined, Date>;
	done_at: Date | null;
}

/** One meeting where a tracked item was said, and what its insights said then. */
export interface ItemMentionTable {
	id: Generated<string>;
	item_id: string;
	session_id: string;
	at: number;
	speaker: string;
	ref: string;
	kind: 'line' | 'chat';
	text: string;
	owner: string | null;
	due_text: string | null;
	created_at: CreatedAt;
}

export type TrackedItemRow = Selectable<TrackedItemTable>;
export type ItemMentionRow = Selectable<ItemMentionTable>;

/** One searchable passage of a meeting (see migration 0016); `id` (int8, a string). `tsv` is generated. */
export interface MemoryPassageTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	room_id: string;
	kind: 'transcript' | 'chat' | 'insight' | 'board';
	speaker: string | null;
	/** Seconds since the meeting started. */
	at: number;
	ref: string | null;
	text: string;
	/** The text-search configuration (regconfig) of the meeting's language. */
	config: string;
	tsv: ColumnType<string, never, never>;
}

/** A session whose passages were built (see migration 0016). */
export interface MemoryIndexedSessionTable {
	session_id: string;
	indexed_at: ColumnType<Date, Date | undefined, Date>;
}
