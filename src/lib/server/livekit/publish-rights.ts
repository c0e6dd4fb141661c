import { TrackSource, type ParticipantPermission, type VideoGrant } from 'livekit-server-sdk';

/** What the room's rules (access/rights.ts `rightsFor`) grant one browser participant. */
export interface RightsInput {
	/** Holds the room's screen-share lock. */
	present: boolean;
	/** May draw on the whiteboard (board changes go through the server; data carries only cursors). */
	draw: boolean;
}

/**
 * What one browser may do in LiveKit. The ONE rule for both the token's grant and every
 * later permission update (screen-share takeover, the board made view-only): subscribe;
 * publish camera and microphone, plus the screen and its audio for the presenter; data only
 * to whoever may draw on the board, for their cursors (board changes, chat and room events
 * come from the server, and browsers ignore those topics from anyone else); never metadata,
 * never hidden or recorder.
 */
export interface PublishRights {
	canSubscribe: boolean;
	canPublish: boolean;
	canPublishData: boolean;
	canUpdateMetadata: boolean;
	/** Never empty: an empty list means "every source" to LiveKit. */
	sources: TrackSource[];
}

export function publishRights({ present, draw }: RightsInput): PublishRights {
	const sources = [TrackSource.CAMERA, TrackSource.MICROPHONE];
	if (present) sources.push(TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO);
	return { canSubscribe: true, canPublish: true, canPublishData: draw, canUpdateMetadata: false, sources };
}

/** The rights as a token grant for one room (no admin, record, create or list powers). */
export function toVideoGrant(room: string, rights: PublishRights): VideoGrant {
	return {
		room,
		roomJoin: true,
		canSubscribe: rights.canSubscribe,
		canPublish: rights.canPublish,
		canPublishData: rights.canPublishData,
		canUpdateOwnMetadata: rights.canUpdateMetadata,
		canPublishSources: rights.sources
	};
}

/** The permissions LiveKit should hold for one browser participant. */
export type BrowserPermission = Pick<
	ParticipantPermission,
	'canSubscribe' | 'canPublish' | 'canPublishData' | 'canUpdateMetadata' | 'hidden' | 'recorder' | 'canPublishSources'
>;

/** The WHOLE permission object: updateParticipant replaces it, it does not merge. */
export function toPermission(rights: PublishRights): BrowserPermission {
	return {
		canSubscribe: rights.canSubscribe,
		canPublish: rights.canPublish,
		canPublishData: rights.canPublishData,
		canUpdateMetadata: rights.canUpdateMetadata,
		hidden: false,
		recorder: false,
		canPublishSources: [...rights.sources]
	};
}

/** True when LiveKit's current permission already equals the wanted one (sources in any order). */
export function permissionMatches(current: Partial<BrowserPermission> | undefined, wanted: BrowserPermission): boolean {
	if (!current) return false;
	const sameSources =
		(current.canPublishSources ?? []).length === wanted.canPublishSources.length &&
		wanted.canPublishSources.every((s) => current.canPublishSources?.includes(s));
	return (
		sameSources &&
		Boolean(current.canSubscribe) === wanted.canSubscribe &&
		Boolean(current.canPublish) === wanted.canPublish &&
		Boolean(current.canPublishData) === wanted.canPublishData &&
		Boolean(current.canUpdateMetadata) === wanted.canUpdateMetadata &&
		Boolean(current.hidden) === wanted.hidden &&
		Boolean(current.recorder) === wanted.recorder
	);
}
