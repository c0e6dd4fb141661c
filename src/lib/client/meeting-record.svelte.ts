import { RoomEvent, type Room } from 'livekit-client';
import type { MeetingRecord } from '../records/meeting-record';
import { isNewerStage, isStageAhead, RECORD_STAGE_TOPIC, type RecordStage } from '../records/stage';
import { api } from './api';
import { joinSettled } from './join-settled';
import { onServerData } from './server-data';
import { recordNote } from '../records/record-notes';

/** Stages in which the pipeline is still working on the record. */
export function isProcessing(status: MeetingRecord['transcriptStatus']): boolean {
	return ['recording', 'waiting', 'transcribing', 'merging'].includes(status);
}

/**
 * The meeting's record as the in-call panel shows it. The server announces every change of
 * stage on the `record-stage` topic; the record (transcript, insights) is read once per
 * announcement, never polled.
 */
export class MeetingRecordState {
	#record = $state.raw<MeetingRecord | null>(null);
	#stage = $state.raw<RecordStage | null>(null);
	#recorded = $state(false);
	/** What the server last said about a live recording run (null: nothing yet). */
	#live = $state<boolean | null>(null);
	/** LiveKit's flag (an egress of the room is active), until the server has spoken. */
	#livekitRecording = $state(false);
	#error = $state<string | null>(null);
	#loading: Promise<void> | null = null;
	#again = false;

	constructor(
		readonly code: string,
		private readonly room: Room,
		private readonly sessionId: () => string | null
	) {}

	get record() {
		return this.#record;
	}
	/** The latest stage the server announced, while it is ahead of the record read (null once the record says as much). */
	get stage() {
		return this.#stage && isStageAhead(this.#stage, this.#record) ? this.#stage : null;
	}
	/** This meeting has been recorded (or is being): the panel has something to show. */
	get available() {
		return this.#recorded || this.recording || (this.#record !== null && this.#record.transcriptStatus !== 'none');
	}
	/**
	 * Whether the meeting is being recorded: the indicator everyone sees and the host's toggle.
	 * The server's run decides, not LiveKit's flag: after a media node's failover the room is
	 * re-created on another node, which may not know of the recorders still writing.
	 */
	get recording() {
		return this.#live ?? this.#livekitRecording;
	}
	/** The host's own start or stop, as the server answered it (ahead of the announcement). */
	set recording(live: boolean) {
		this.#live = live;
	}
	get error() {
		return this.#error;
	}
	/** Something everyone should read now (the recording stopped because the disk filled up). */
	get notice(): string | null {
		const detail = this.#stage?.transcriptDetail ?? null;
		return detail?.startsWith('Recording stopped:') ? recordNote(detail) : null;
	}

	/** Reads the record now (once at a time; a request during a read reads again after it). */
	async load(): Promise<void> {
		if (this.#loading) {
			this.#again = true;
			return this.#loading;
		}
		const id = this.#stage?.sessionId ?? this.sessionId();
		if (!id) return;
		this.#loading = (async () => {
			try {
				this.#record = await api.record.state(this.code, id);
				// A read older than the stage last heard does not say whether it is recording.
				if (!this.stage) this.#live = this.#record.transcriptStatus === 'recording';
				this.#error = null;
			} catch (err) {
				this.#error = (err as Error).message;
			} finally {
				this.#loading = null;
			}
			if (this.#again) {
				this.#again = false;
				await this.load();
			}
		})();
		return this.#loading;
	}

	/** Follows the server's announcements and the room's recording flag; returns the cleanup. */
	listen(): () => void {
		// Only the server speaks on this topic (a board editor may publish data: its cursors).
		const stopData = onServerData(this.room, RECORD_STAGE_TOPIC, (data) => {
			const stage = data as RecordStage;
			// Two jobs' announcements may cross on the way: one read before the held one is stale.
			if (!isNewerStage(this.#stage, stage)) return;
			this.#stage = stage;
			this.#live = this.#stage.transcriptStatus === 'recording';
			this.#recorded = true;
			void this.load();
		});
		const onRecording = (recording: boolean) => {
			this.#livekitRecording = recording;
			if (recording) this.#recorded = true;
		};
		// After a reconnect (a media node's failover) announcements may have been missed.
		const onReconnected = () => {
			this.#livekitRecording = this.room.isRecording;
			void this.load();
		};
		// LiveKit's word on recording shows at once; the record's state once the join has settled.
		const onConnected = () => {
			this.#livekitRecording = this.room.isRecording;
			void joinSettled(this.room).then(() => this.load());
		};
		this.room
			.on(RoomEvent.RecordingStatusChanged, onRecording)
			.on(RoomEvent.Connected, onConnected)
			.on(RoomEvent.Reconnected, onReconnected);
		if (this.room.state === 'connected') onConnected();
		return () => {
			stopData();
			this.room
				.off(RoomEvent.RecordingStatusChanged, onRecording)
				.off(RoomEvent.Connected, onConnected)
				.off(RoomEvent.Reconnected, onReconnected);
		};
	}
}
