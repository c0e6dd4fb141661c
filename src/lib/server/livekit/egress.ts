import { DirectFileOutput, EgressClient, EgressStatus, EncodedFileOutput, EncodedFileType, ServerError, type EgressInfo } from 'livekit-server-sdk';
import { env } from '../env';

let client: EgressClient | undefined;

/** Server-side Egress API client (admin credentials). */
export function livekitEgress(): EgressClient {
	const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
	client ??= new EgressClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
	return client;
}

/** The Egress operations recordings need; tests and the service share this shape. */
export interface EgressApi {
	recordTrack(room: string, trackSid: string, filepath: string): Promise<EgressInfo>;
	recordRoom(room: string, filepath: string, video: boolean): Promise<EgressInfo>;
	/** Stops an egress; 'already_ended' when there was nothing to stop. Throws when the recorder did not answer. */
	stop(egressId: string): Promise<'stopped' | 'already_ended'>;
	list(room: string): Promise<EgressInfo[]>;
}

export function egressApi(egress: EgressClient = livekitEgress()): EgressApi {
	return {
		// One microphone track → one OGG/Opus file: the speaker is known exactly.
		recordTrack: (room, trackSid, filepath) => egress.startTrackEgress(room, new DirectFileOutput({ filepath }), trackSid),
		// The room mix, for playback. Audio-only OGG/Opus natively (Debian's GStreamer has no AAC
		// encoder and video composites need the official image's Chrome); a grid-layout MP4 with
		// the official image (RECORDING_COMPOSITE=video).
		recordRoom: (room, filepath, video) =>
			video
				? egress.startRoomCompositeEgress(room, new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath }), { layout: 'grid' })
				: egress.startRoomCompositeEgress(room, new EncodedFileOutput({ fileType: EncodedFileType.OGG, filepath }), { audioOnly: true }),
		async stop(egressId) {
			try {
				await egress.stopEgress(egressId);
				return 'stopped';
			} catch (err) {
				// LiveKit answers failed_precondition for an egress that already ended, not_found for one it forgot.
				if (err instanceof ServerError && (err.code === 'failed_precondition' || err.code === 'not_found' || err.status === 404 || err.status === 412)) return 'already_ended';
				throw err;
			}
		},
		list: (room) => egress.listEgress({ roomName: room })
	};
}

const TERMINAL = new Set([EgressStatus.EGRESS_COMPLETE, EgressStatus.EGRESS_FAILED, EgressStatus.EGRESS_ABORTED, EgressStatus.EGRESS_LIMIT_REACHED]);

export function isTerminal(info: EgressInfo): boolean {
	return TERMINAL.has(info.status);
}

/** Our status for an egress: COMPLETE and LIMIT_REACHED produced a usable file. */
export function recordingStatusOf(info: EgressInfo): 'starting' | 'active' | 'complete' | 'failed' {
	switch (info.status) {
		case EgressStatus.EGRESS_STARTING:
			return 'starting';
		case EgressStatus.EGRESS_ACTIVE:
		case EgressStatus.EGRESS_ENDING:
			return 'active';
		case EgressStatus.EGRESS_COMPLETE:
		case EgressStatus.EGRESS_LIMIT_REACHED:
			return 'complete';
		default:
			return 'failed';
	}
}

/** EgressInfo times are nanoseconds since the epoch (0 when unknown). */
export function egressTime(ns: bigint | undefined): Date | null {
	return ns && ns > 0n ? new Date(Number(ns / 1_000_000n)) : null;
}

/**
 * When the recorded media itself starts and ends, on the wall clock: the file result's span
 * (Egress sets it from its source's first and last samples), not the egress process's own
 * start, which comes earlier by the pipeline's start-up (~1 s here). The file's second 0 is its
 * first sample, so every clock built on these (the transcript's, the stage's, the export's)
 * matches the files. Before the first sample the file's span is unknown: the egress's stands in.
 */
export function mediaSpan(info: Pick<EgressInfo, 'startedAt' | 'endedAt' | 'fileResults'>): { startedAt: Date | null; endedAt: Date | null } {
	const file = info.fileResults?.[0];
	return {
		startedAt: egressTime(file?.startedAt) ?? egressTime(info.startedAt),
		endedAt: egressTime(file?.endedAt) ?? egressTime(info.endedAt)
	};
}
