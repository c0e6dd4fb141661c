import { expect, test } from '@playwright/test';
import { CaptionListener } from '../support/captions.ts';
import { createRoomAsHost } from '../support/app-process.ts';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';
import { wordErrorRate } from '../support/wer.ts';
import { cluster, transcriberWith } from './cluster';

test.afterEach(() => cluster('start'));

const BEFORE = 'We should move the launch to March.';
const AFTER = 'I booked the large meeting room for Tuesday.';

test('killing the transcriber worker mid-meeting hands the meeting to the other worker, and captions resume', async ({ baseURL }) => {
	test.setTimeout(180_000);
	const { code } = await createRoomAsHost(baseURL!);
	const bot = await SpeechBot.join(baseURL!, code, 'Ada Lovelace');
	const listener = await CaptionListener.join(baseURL!, code);
	try {
		const transcriber = () => [...listener.room.remoteParticipants.values()].find((p) => p.attributes?.['lk.agent_name'] === 'stoom-transcriber');
		await expect.poll(() => transcriber()?.attributes?.['stoom.captions'], { timeout: 30_000 }).toBe('live');
		await bot.speak(readPcm16(speechWav([BEFORE], 300)));
		await expect.poll(() => listener.finals().map((f) => f.text).join(' '), { timeout: 20_000 }).toMatch(/march/i);

		const first = transcriber()!.identity; // captions-<job id>
		const worker = transcriberWith(first.replace(/^captions-/, ''));
		expect(worker, 'the job is in one worker\'s log').not.toBeNull();
		cluster('kill', worker!);

		// The app sees the transcriber leave and dispatches the meeting again: the other worker takes it.
		await expect.poll(() => { const t = transcriber(); return t && t.identity !== first ? t.attributes?.['stoom.captions'] : null; }, { timeout: 45_000 }).toBe('live');
		const second = transcriber()!.identity;
		const other = worker === 'transcriber-1' ? 'transcriber-2' : 'transcriber-1';
		expect(transcriberWith(second.replace(/^captions-/, ''))).toBe(other);

		const before = listener.finals().length;
		await bot.speak(readPcm16(speechWav([AFTER], 300)));
		await expect.poll(() => listener.finals().slice(before).map((f) => f.text).join(' '), { timeout: 20_000 }).toMatch(/tuesday/i);
		const resumed = listener.finals().slice(before);
		expect(wordErrorRate(AFTER, resumed.map((f) => f.text).join(' '))).toBeLessThanOrEqual(0.35);
		// Still the speaker's own name, and on the speaker's own track.
		expect(resumed.every((f) => f.speakerName === 'Ada Lovelace' && f.trackId === bot.micTrackSid())).toBe(true);
	} finally {
		await listener.leave();
		await bot.leave();
	}
});
