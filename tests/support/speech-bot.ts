import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { SAMPLE_RATE } from './speech.ts';

/**
 * A non-browser participant that joins through Stoom's own join step and token endpoint,
 * exactly as a browser does, then publishes a microphone track it can speak PCM into.
 */
export class SpeechBot {
	readonly room = new Room();
	#source = new AudioSource(SAMPLE_RATE, 1);

	static async join(baseURL: string, code: string, name: string): Promise<SpeechBot> {
		const { token, wsUrl } = await stoomToken(baseURL, code, name);
		const bot = new SpeechBot();
		await bot.room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
		const track = LocalAudioTrack.createAudioTrack('microphone', bot.#source);
		const options = new TrackPublishOptions();
		options.source = TrackSource.SOURCE_MICROPHONE;
		await bot.room.localParticipant!.publishTrack(track, options);
		return bot;
	}

	/** The sid of the microphone track as published now (a full reconnect republishes it under a new one). */
	micTrackSid(): string | undefined {
		return [...(this.room.localParticipant?.trackPublications.values() ?? [])].find((p) => p.source === TrackSource.SOURCE_MICROPHONE)?.sid;
	}

	/** Plays PCM in real time (10 ms frames; captureFrame paces itself), then silence. */
	async speak(pcm: Int16Array): Promise<void> {
		const frame = SAMPLE_RATE / 100;
		for (let i = 0; i < pcm.length; i += frame) {
			const chunk = new Int16Array(frame);
			chunk.set(pcm.subarray(i, Math.min(i + frame, pcm.length)));
			await this.#source.captureFrame(new AudioFrame(chunk, SAMPLE_RATE, 1, frame));
		}
		await this.#source.waitForPlayout();
	}

	async leave(): Promise<void> {
		await this.room.disconnect();
		await this.#source.close();
	}
}

/**
 * Joins a Stoom meeting exactly as a browser does (the join step, then the token endpoint) and
 * returns the LiveKit token and address: for bots and for plain LiveKit clients in tests.
 */
export async function stoomToken(baseURL: string, code: string, name: string): Promise<{ token: string; wsUrl: string }> {
	const origin = new URL(baseURL).origin;
	const joined = await fetch(`${origin}/${code}?/join`, {
		method: 'POST',
		headers: { origin, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ displayName: name, password: '' })
	});
	const cookies = joined.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	if (!cookies) throw new Error(`join step refused ${name}: ${joined.status} ${await joined.text()}`);
	const tokenResponse = await fetch(`${origin}/api/rooms/${code}/token`, {
		method: 'POST',
		headers: { origin, cookie: cookies, 'content-type': 'application/json' },
		body: '{}'
	});
	if (!tokenResponse.ok) throw new Error(`token refused: ${tokenResponse.status}`);
	return (await tokenResponse.json()) as { token: string; wsUrl: string };
}
