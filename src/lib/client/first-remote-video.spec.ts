import { EventEmitter } from 'node:events';
import { Room, RoomEvent, Track, TrackEvent, type RemoteParticipant, type RemoteTrack } from 'livekit-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstRemoteVideo, remoteVideoExpected } from './first-remote-video';

type Publication = { kind: Track.Kind; isMuted: boolean; track?: RemoteTrack };

/** A remote track: livekit-client's tracks are event emitters with a kind. */
function remoteTrack(kind: Track.Kind): RemoteTrack {
	return Object.assign(new EventEmitter(), { kind }) as unknown as RemoteTrack;
}

function participant(...publications: Publication[]): RemoteParticipant {
	const all = new Map(publications.map((p, i) => [`TR_${i}`, p]));
	const video = new Map([...all].filter(([, p]) => p.kind === Track.Kind.Video));
	return { trackPublications: all, videoTrackPublications: video } as unknown as RemoteParticipant;
}

/** A real livekit-client Room with these remote participants in it. */
function roomWith(...participants: RemoteParticipant[]): Room {
	const room = new Room();
	participants.forEach((p, i) => room.remoteParticipants.set(`PA_${i}`, p));
	return room;
}

const video = (isMuted = false, track?: RemoteTrack): Publication => ({ kind: Track.Kind.Video, isMuted, track });
const audio = (): Publication => ({ kind: Track.Kind.Audio, isMuted: false });

describe('remoteVideoExpected', () => {
	it.each([
		{ case: 'nobody else in the room', participants: [], expected: false },
		{ case: 'others with microphones only', participants: [participant(audio()), participant(audio())], expected: false },
		{ case: 'a camera turned off (muted)', participants: [participant(audio(), video(true))], expected: false },
		{ case: 'a camera on', participants: [participant(audio(), video())], expected: true },
		{ case: 'one camera on among several people', participants: [participant(audio()), participant(video(true)), participant(video())], expected: true }
	])('$case: $expected', ({ participants, expected }) => {
		expect(remoteVideoExpected(participants)).toBe(expected);
	});
});

describe('firstRemoteVideo', () => {
	afterEach(() => vi.useRealTimers());

	it('answers at once when nobody sends video (the joiner publishes without waiting)', async () => {
		expect(await firstRemoteVideo(roomWith(participant(audio())), 800)).toBe('none expected');
	});

	it('ends when a subscribed camera plays its first frame, and lets go of every listener', async () => {
		const track = remoteTrack(Track.Kind.Video);
		const room = roomWith(participant(video(false, track)));
		const before = room.listenerCount(RoomEvent.TrackSubscribed);
		const outcome = firstRemoteVideo(room, 60_000);
		expect(track.listenerCount(TrackEvent.VideoPlaybackStarted)).toBe(1);
		track.emit(TrackEvent.VideoPlaybackStarted);
		expect(await outcome).toBe('played');
		expect(track.listenerCount(TrackEvent.VideoPlaybackStarted)).toBe(0);
		expect(room.listenerCount(RoomEvent.TrackSubscribed)).toBe(before);
	});

	it('also ends on a video subscribed after it was asked (the track arrives after the connect)', async () => {
		const room = roomWith(participant(video()));
		const outcome = firstRemoteVideo(room, 60_000);
		const late = remoteTrack(Track.Kind.Video);
		room.emit(RoomEvent.TrackSubscribed, late, {} as never, {} as never);
		late.emit(TrackEvent.VideoPlaybackStarted);
		expect(await outcome).toBe('played');
	});

	it('does not end on audio starting, nor on a video that never plays: the cap ends it', async () => {
		vi.useFakeTimers();
		const sound = remoteTrack(Track.Kind.Audio);
		const room = roomWith(participant(video()));
		let outcome: string | undefined;
		void firstRemoteVideo(room, 800).then((o) => (outcome = o));
		room.emit(RoomEvent.TrackSubscribed, sound, {} as never, {} as never);
		sound.emit(TrackEvent.VideoPlaybackStarted);
		sound.emit(TrackEvent.AudioPlaybackStarted);
		await vi.advanceTimersByTimeAsync(799);
		expect(outcome).toBeUndefined();
		await vi.advanceTimersByTimeAsync(1);
		expect(outcome).toBe('cap');
	});
});
