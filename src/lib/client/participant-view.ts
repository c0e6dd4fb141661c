import { ConnectionQuality, Track, type Participant } from 'livekit-client';
import { roleFromMetadata, type ParticipantRole } from '#lib/access/roles';

/** A snapshot of one participant, as the meeting UI renders it. */
export interface ParticipantView {
	identity: string;
	name: string;
	isLocal: boolean;
	/** From the metadata only the server sets: host, cohost or guest. */
	role: ParticipantRole;
	isSpeaking: boolean;
	audioLevel: number;
	micOn: boolean;
	cameraOn: boolean;
	connectionQuality: ConnectionQuality;
	videoTrack: Track | undefined;
	audioTrack: Track | undefined;
	/** The microphone's track, this browser's own too (the statistics panel reads it). */
	micTrack: Track | undefined;
	/** Milliseconds since epoch when this participant joined; keeps tile order stable. */
	joinedAt: number;
}

/**
 * Whether a participant is a person. Agents (the captions transcriber) are in the room but not
 * in the meeting: no tile, no row, no count, never the active speaker.
 */
export function isPerson(p: Pick<Participant, 'isAgent'>): boolean {
	return !p.isAgent;
}

export function toParticipantView(p: Participant): ParticipantView {
	const mic = p.getTrackPublication(Track.Source.Microphone);
	const camera = p.getTrackPublication(Track.Source.Camera);
	return {
		identity: p.identity,
		name: p.name || 'Guest',
		isLocal: p.isLocal,
		role: roleFromMetadata(p.metadata),
		isSpeaking: p.isSpeaking,
		audioLevel: p.audioLevel,
		micOn: Boolean(mic && !mic.isMuted),
		cameraOn: Boolean(camera && !camera.isMuted && camera.track),
		connectionQuality: p.connectionQuality,
		videoTrack: camera && !camera.isMuted ? camera.track : undefined,
		audioTrack: p.isLocal ? undefined : mic?.track,
		micTrack: mic?.track,
		joinedAt: p.joinedAt?.getTime() ?? 0
	};
}
