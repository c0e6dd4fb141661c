import { createRequire } from 'node:module';
import { Room } from '@livekit/rtc-node';
import type { Page } from '@playwright/test';
import { stoomToken } from './speech-bot.ts';

/** One caption update as LiveKit's transcription text streams carry it. */
export interface CaptionUpdate {
	identity: string;
	segmentId: string;
	trackId: string;
	final: boolean;
	text: string;
	speakerName: string;
	/** Stoom's mark on a final transcribed after live speech (`stoom.late`). */
	late: boolean;
}

/**
 * A plain LiveKit participant (rtc-node, no Stoom code) admitted through Stoom's join flow,
 * that keeps every `lk.transcription` update it receives.
 */
export class CaptionListener {
	readonly room = new Room();
	readonly updates: CaptionUpdate[] = [];

	static async join(baseURL: string, code: string, name = 'Caption Listener'): Promise<CaptionListener> {
		const { token, wsUrl } = await stoomToken(baseURL, code, name);
		const listener = new CaptionListener();
		listener.room.registerTextStreamHandler('lk.transcription', async (reader, info) => {
			const text = await reader.readAll();
			const a = reader.info.attributes ?? {};
			listener.updates.push({
				identity: info.identity,
				segmentId: a['lk.segment_id'] ?? '',
				trackId: a['lk.transcribed_track_id'] ?? '',
				final: a['lk.transcription_final'] === 'true',
				text,
				speakerName: a['stoom.speaker_name'] ?? '',
				late: a['stoom.late'] === 'true'
			});
		});
		await listener.room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
		return listener;
	}

	finals(): CaptionUpdate[] {
		return this.updates.filter((u) => u.final);
	}

	/** The transcriber's status attribute, as everyone in the room sees it. */
	transcriberStatus(): string | undefined {
		return [...this.room.remoteParticipants.values()].find((p) => p.attributes?.['lk.agent_name'] === 'stoom-transcriber')?.attributes?.['stoom.captions'];
	}

	async leave(): Promise<void> {
		await this.room.disconnect();
	}
}

const require = createRequire(import.meta.url);

/**
 * livekit-client itself (its UMD build, no Stoom component) in a blank page, admitted through
 * Stoom's join flow, registering LiveKit's own text-stream handler for `lk.transcription`: what
 * any LiveKit client would see. Its finals are read with `livekitClientFinals`.
 */
export async function livekitClientListener(page: Page, baseURL: string, code: string): Promise<void> {
	const { token, wsUrl } = await stoomToken(baseURL, code, 'Plain LiveKit Client');
	await page.setContent('<!doctype html><title>plain livekit-client</title>');
	// The package's require entry is its UMD build (a global LivekitClient).
	await page.addScriptTag({ path: require.resolve('livekit-client') });
	await page.evaluate(
		async ({ token, wsUrl }) => {
			const LK = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
			const room = new LK.Room();
			const finals: unknown[] = [];
			(window as unknown as { __finals: unknown[] }).__finals = finals;
			room.registerTextStreamHandler('lk.transcription', async (reader, participant) => {
				const text = await reader.readAll();
				const a = reader.info.attributes ?? {};
				if (a['lk.transcription_final'] === 'true') finals.push({ identity: participant.identity, segmentId: a['lk.segment_id'], trackId: a['lk.transcribed_track_id'], text });
			});
			await room.connect(wsUrl, token, { autoSubscribe: false });
		},
		{ token, wsUrl }
	);
}

export function livekitClientFinals(page: Page): Promise<{ identity: string; segmentId: string; trackId: string; text: string }[]> {
	return page.evaluate(() => (window as unknown as { __finals: { identity: string; segmentId: string; trackId: string; text: string }[] }).__finals.slice());
}
