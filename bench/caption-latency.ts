/**
 * Live captions: how long after someone stops speaking their final caption reaches another
 * participant, with 1, 2 and 4 people speaking in turn and with 2 talking over each other; how
 * the live finals compare with the offline pass (the recording's Whisper, beam 5) on the same
 * speech; and what the transcriber and its Whisper cost in CPU per second of speech.
 *
 * Real stack: bots publish espeak-ng speech into a LiveKit room, the stack's transcriber worker
 * is dispatched to it (as the app does), a listener receives the `lk.transcription` text
 * streams. A bot's utterance ends when the frame holding its last loud sample is taken by its
 * audio source (a 20 ms queue, so within ~20 ms of leaving for the network).
 *
 *   ./stoom up; node bench/caption-latency.ts [--rounds 8]
 * Writes bench/results/caption-latency.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { AccessToken, AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import { readPcm16 } from '../tests/support/speech.ts';
import { wordErrorRate } from '../tests/support/wer.ts';

const RATE = 48_000;
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 8);
const httpUrl = process.env.LIVEKIT_URL ?? 'http://127.0.0.1:7880';
const wsUrl = process.env.LIVEKIT_WS_URL ?? 'ws://127.0.0.1:7880';
const key = process.env.LIVEKIT_API_KEY!;
const secret = process.env.LIVEKIT_API_SECRET!;
const offlineWhisper = process.env.WHISPER_API_URL ?? 'http://127.0.0.1:9000';

const SENTENCES = [
	'We should move the launch to March.',
	'The budget for the next quarter is approved.',
	'Grace will send the contract on Friday.',
	'Please update the dashboard before the review.',
	'The Denver office opens in the spring.',
	'I booked the large meeting room for Tuesday.',
	'Our customers asked for better search.',
	'Let us hire two more engineers this year.',
	'The design review is moved to next week.',
	'Can someone check the numbers in the report?',
	'The new release fixed the login problem.',
	'We agreed to keep the price the same.'
];
const VOICES = ['en-us', 'en-gb', 'en-us+f3', 'en-gb+m3'];

interface Utterance { speaker: string; text: string; pcm: Int16Array; speechEndSample: number }
interface Final { identity: string; text: string; at: number; segmentId: string }

function speak(text: string, voice: string): Utterance['pcm'] {
	const dir = mkdtempSync(join(tmpdir(), 'stoom-cap-'));
	execFileSync('espeak-ng', ['-v', voice, '-s', '160', '-w', join(dir, 'raw.wav'), text]);
	execFileSync('sox', [join(dir, 'raw.wav'), '-r', String(RATE), '-c', '1', '-b', '16', join(dir, 'out.wav')]);
	return readPcm16(join(dir, 'out.wav'));
}

function lastLoud(pcm: Int16Array): number {
	for (let i = pcm.length - 1; i >= 0; i--) if (Math.abs(pcm[i]!) > 600) return i;
	return pcm.length - 1;
}

async function token(room: string, identity: string, name: string): Promise<string> {
	const t = new AccessToken(key, secret, { identity, name });
	t.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
	return t.toJwt();
}

class Bot {
	room = new Room();
	source = new AudioSource(RATE, 1, 20);
	identity: string;
	constructor(identity: string) {
		this.identity = identity;
	}
	async join(roomName: string) {
		await this.room.connect(wsUrl, await token(roomName, this.identity, this.identity), { autoSubscribe: false, dynacast: false });
		const options = new TrackPublishOptions();
		options.source = TrackSource.SOURCE_MICROPHONE;
		await this.room.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('microphone', this.source), options);
	}
	/** Plays the utterance in real time; resolves with the wall time its speech ended. */
	async say(u: Utterance, silenceAfterMs = 0): Promise<number> {
		const frame = RATE / 100;
		let ended = 0;
		const total = u.pcm.length + (silenceAfterMs * RATE) / 1000;
		for (let i = 0; i < total; i += frame) {
			const chunk = new Int16Array(frame);
			if (i < u.pcm.length) chunk.set(u.pcm.subarray(i, Math.min(i + frame, u.pcm.length)));
			await this.source.captureFrame(new AudioFrame(chunk, RATE, 1, frame));
			if (!ended && i + frame > u.speechEndSample) ended = Date.now();
		}
		return ended;
	}
	async silence(ms: number) {
		const frame = RATE / 100;
		for (let t = 0; t < ms; t += 10) await this.source.captureFrame(new AudioFrame(new Int16Array(frame), RATE, 1, frame));
	}
	async leave() {
		await this.room.disconnect();
	}
}

function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks of 10 ms
}

function pidsOf(name: string): number[] {
	try {
		return execFileSync('pgrep', ['-f', name]).toString().trim().split('\n').map(Number).filter(Boolean);
	} catch {
		return [];
	}
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function offlineText(pcm: Int16Array): Promise<string> {
	// The recording's engine (beam 5) on the same speech: 48 kHz PCM in a WAV container.
	const header = Buffer.alloc(44);
	const bytes = pcm.length * 2;
	header.write('RIFF', 0); header.writeUInt32LE(36 + bytes, 4); header.write('WAVEfmt ', 8);
	header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
	header.writeUInt32LE(RATE, 24); header.writeUInt32LE(RATE * 2, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
	header.write('data', 36); header.writeUInt32LE(bytes, 40);
	const form = new FormData();
	form.append('audio_file', new Blob([new Uint8Array(header), Uint8Array.from(new Uint8Array(pcm.buffer, pcm.byteOffset, bytes))]), 'u.wav');
	const res = await fetch(`${offlineWhisper}/asr?task=transcribe&language=en&output=json`, { method: 'POST', body: form });
	return String(((await res.json()) as { text?: string }).text ?? '').trim();
}

async function scenario(name: string, speakers: number, overlap: boolean): Promise<Record<string, unknown>> {
	const roomName = `bench-captions-${name}-${Date.now()}`;
	await new RoomServiceClient(httpUrl, key, secret).createRoom({ name: roomName, emptyTimeout: 60 });
	const finals: Final[] = [];
	const listener = new Room();
	listener.registerTextStreamHandler('lk.transcription', async (reader, info) => {
		const text = await reader.readAll();
		const a = reader.info.attributes ?? {};
		if (a['lk.transcription_final'] === 'true') finals.push({ identity: info.identity, text, at: Date.now(), segmentId: a['lk.segment_id'] ?? '' });
	});
	await listener.connect(wsUrl, await token(roomName, 'listener', 'Listener'), { autoSubscribe: false, dynacast: false });
	const bots = Array.from({ length: speakers }, (_, i) => new Bot(`speaker-${i + 1}`));
	for (const bot of bots) await bot.join(roomName);
	await new AgentDispatchClient(httpUrl, key, secret).createDispatch(roomName, 'stoom-transcriber', { metadata: '{}' });
	// Wait for the transcriber to be in and subscribed.
	for (let i = 0; i < 100 && ![...listener.remoteParticipants.values()].some((p) => p.attributes['stoom.captions'] === 'live'); i++) await new Promise((r) => setTimeout(r, 100));
	await new Promise((r) => setTimeout(r, 1500));

	const utterances: (Utterance & { endedAt: number })[] = [];
	const pids = [...pidsOf('infra/transcriber/transcriber.py'), ...pidsOf(`--port ${process.env.WHISPER_LIVE_PORT ?? 9001}`)];
	const cpuBefore = pids.reduce((s, p) => s + cpuSeconds(p), 0);
	let speechSeconds = 0;
	const count = overlap ? rounds : rounds * Math.max(1, speakers === 1 ? 1 : 1);
	for (let i = 0; i < count; i++) {
		if (overlap) {
			// Two people at once: the second starts 0.7 s into the first.
			const a = { speaker: bots[0]!.identity, text: SENTENCES[(2 * i) % SENTENCES.length]!, pcm: speak(SENTENCES[(2 * i) % SENTENCES.length]!, VOICES[0]!), speechEndSample: 0 };
			const b = { speaker: bots[1]!.identity, text: SENTENCES[(2 * i + 1) % SENTENCES.length]!, pcm: speak(SENTENCES[(2 * i + 1) % SENTENCES.length]!, VOICES[1]!), speechEndSample: 0 };
			a.speechEndSample = lastLoud(a.pcm); b.speechEndSample = lastLoud(b.pcm);
			const [endA, endB] = await Promise.all([bots[0]!.say(a, 1500), bots[1]!.silence(700).then(() => bots[1]!.say(b, 1500))]);
			utterances.push({ ...a, endedAt: endA }, { ...b, endedAt: endB });
			speechSeconds += (a.speechEndSample + b.speechEndSample) / RATE;
		} else {
			const bot = bots[i % speakers]!;
			const text = SENTENCES[i % SENTENCES.length]!;
			const u = { speaker: bot.identity, text, pcm: speak(text, VOICES[i % speakers]!), speechEndSample: 0 };
			u.speechEndSample = lastLoud(u.pcm);
			utterances.push({ ...u, endedAt: await bot.say(u, 1800) });
			speechSeconds += u.speechEndSample / RATE;
		}
	}
	await new Promise((r) => setTimeout(r, 4000));
	const cpuAfter = pids.reduce((s, p) => s + cpuSeconds(p), 0);

	// Each utterance's final: the speaker's first final arriving after its speech ended, in order.
	const used = new Set<Final>();
	const latencies: number[] = [];
	const rows = [];
	for (const u of utterances) {
		const final = finals.find((f) => !used.has(f) && f.identity === u.speaker && f.at >= u.endedAt - 500);
		if (final) used.add(final);
		const latency = final ? final.at - u.endedAt : null;
		if (latency !== null) latencies.push(latency);
		rows.push({ speaker: u.speaker, said: u.text, live: final?.text ?? null, latencyMs: latency, pcm: u.pcm });
	}
	const offline = await Promise.all(rows.map((r) => offlineText(r.pcm)));
	const said = rows.map((r) => r.said).join(' ');
	const live = rows.map((r) => r.live ?? '').join(' ');
	const off = offline.join(' ');
	for (const bot of bots) await bot.leave();
	await listener.disconnect();
	const result = {
		scenario: name,
		speakers,
		overlap,
		utterances: utterances.length,
		captioned: latencies.length,
		extraFinals: finals.length - used.size,
		p50Ms: percentile(latencies, 50),
		p95Ms: percentile(latencies, 95),
		maxMs: Math.max(...latencies),
		werLiveVsScript: wordErrorRate(said, live),
		werOfflineVsScript: wordErrorRate(said, off),
		werLiveVsOffline: wordErrorRate(off, live),
		cpuPerSpeechSecond: (cpuAfter - cpuBefore) / speechSeconds,
		rows: rows.map(({ pcm: _pcm, ...r }, i) => ({ ...r, offline: offline[i] }))
	};
	console.log(
		`${name.padEnd(12)} captioned ${result.captioned}/${result.utterances}  p50 ${result.p50Ms} ms  p95 ${result.p95Ms} ms  max ${result.maxMs} ms  ` +
			`WER live ${(result.werLiveVsScript * 100).toFixed(1)}% offline ${(result.werOfflineVsScript * 100).toFixed(1)}% live-vs-offline ${(result.werLiveVsOffline * 100).toFixed(1)}%  ` +
			`CPU ${result.cpuPerSpeechSecond.toFixed(2)} core-s per speech-s`
	);
	return result;
}

const results = [];
for (const [name, speakers, overlap] of [
	['1-speaker', 1, false],
	['2-in-turn', 2, false],
	['4-in-turn', 4, false],
	['2-overlap', 2, true]
] as const) {
	results.push(await scenario(name, speakers, overlap));
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/caption-latency.json', JSON.stringify({ date: new Date().toISOString(), rounds, results }, null, 2));
process.exit(0);
