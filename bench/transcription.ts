// Transcription benchmark: a real multi-speaker meeting (three speech bots taking turns for
// about five minutes) recorded through LiveKit Egress, then Stoom's pipeline (per-speaker
// Whisper jobs + merge). Prints stop-to-transcript time and real-time factors, with plain
// faster-whisper on the same files and settings side by side. Needs `./stoom up`.
// Run: node bench/transcription.ts [minutes=5]   → bench/results/transcription.json
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDb } from '../src/lib/server/db/index.ts';
import { createRoomAsHost, setRecordingAs } from '../tests/support/app-process.ts';
import { SpeechBot } from '../tests/support/speech-bot.ts';
import { readPcm16, SAMPLE_RATE, speechWav } from '../tests/support/speech.ts';
import { wordErrorRate } from '../tests/support/wer.ts';

const minutes = Number(process.argv[2] ?? 5);
const url = `http://localhost:${process.env.APP_PORT ?? 3000}`;
const db = createDb(process.env.DATABASE_URL!, 2);

const TOPICS = ['budget', 'roadmap', 'hiring', 'launch', 'support', 'pricing', 'design', 'security'];
const TEMPLATES = [
	(t: string) => `I think the ${t} plan needs one more review before Friday.`,
	(t: string) => `Let us move the ${t} discussion to the next meeting.`,
	(t: string) => `The numbers for ${t} look better than last quarter.`,
	(t: string) => `Could you send me the notes about ${t} after this call?`,
	(t: string) => `We agreed that ${t} stays the top priority this month.`
];
const speakers = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'];

const { code, cookie } = await createRoomAsHost(url);
const bots = await Promise.all(speakers.map((name) => SpeechBot.join(url, code, name)));
const { sessionId } = await setRecordingAs(url, code, cookie, 'start');
await new Promise((r) => setTimeout(r, 4000)); // egress pipelines start

const spoken: string[] = [];
const started = Date.now();
for (let turn = 0; Date.now() - started < minutes * 60_000; turn++) {
	const sentence = TEMPLATES[turn % TEMPLATES.length]!(TOPICS[turn % TOPICS.length]!);
	const pcm = readPcm16(speechWav([sentence], 300));
	await bots[turn % bots.length]!.speak(pcm);
	spoken.push(sentence);
}
const meetingSeconds = (Date.now() - started) / 1000;
await new Promise((r) => setTimeout(r, 1000));
const stopAt = Date.now();
await setRecordingAs(url, code, cookie, 'stop');

let session;
for (;;) {
	session = await db.selectFrom('meeting_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
	if (session.transcript_status === 'ready' || session.transcript_status === 'failed') break;
	await new Promise((r) => setTimeout(r, 250));
}
const stopToTranscript = (Date.now() - stopAt) / 1000;
await Promise.all(bots.map((b) => b.leave()));

const files = await db
	.selectFrom('recordings')
	.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
	.select(['recordings.file_path', 'recordings.speaker_name'])
	.where('recording_runs.session_id', '=', sessionId)
	.where('recordings.kind', '=', 'track')
	.execute();
await db.destroy();

const plain = JSON.parse(
	execFileSync('.venv-whisper/bin/python', ['bench/plain_whisper.py', process.env.WHISPER_MODEL ?? 'base', ...files.map((f) => f.file_path)], {
		env: { ...process.env, HF_HUB_OFFLINE: '1' },
		maxBuffer: 64 * 1024 * 1024
	}).toString()
) as { model: string; files: { audioSeconds: number; processingSeconds: number; text: string }[] };
const audioSeconds = plain.files.reduce((sum, f) => sum + f.audioSeconds, 0);
const plainSeconds = plain.files.reduce((sum, f) => sum + f.processingSeconds, 0);
const transcriptText = session.transcript.map((l) => l.text).join(' ');

const result = {
	benchmark: 'transcription',
	date: new Date().toISOString(),
	model: plain.model,
	speakers: speakers.length,
	meetingSeconds: +meetingSeconds.toFixed(1),
	trackAudioSeconds: +audioSeconds.toFixed(1),
	lines: session.transcript.length,
	wordErrorRate: +wordErrorRate(spoken.join(' '), transcriptText).toFixed(3),
	stoom: {
		stopToTranscriptSeconds: +stopToTranscript.toFixed(1),
		realTimeFactor: +(stopToTranscript / audioSeconds).toFixed(3),
		stopToTranscriptPerMeetingSecond: +(stopToTranscript / meetingSeconds).toFixed(3)
	},
	plainFasterWhisper: {
		processingSeconds: +plainSeconds.toFixed(1),
		realTimeFactor: +(plainSeconds / audioSeconds).toFixed(3)
	},
	sampleRate: SAMPLE_RATE
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/transcription.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`meeting: ${result.meetingSeconds} s, ${speakers.length} speakers, ${result.trackAudioSeconds} s of track audio, ${result.lines} transcript lines, WER ${result.wordErrorRate}`);
console.log(`Stoom pipeline: stop → transcript ${result.stoom.stopToTranscriptSeconds} s, RTF ${result.stoom.realTimeFactor} over track audio (${result.stoom.stopToTranscriptPerMeetingSecond} s per meeting second)`);
console.log(`plain faster-whisper (${plain.model}, same files/settings): ${result.plainFasterWhisper.processingSeconds} s, RTF ${result.plainFasterWhisper.realTimeFactor}`);
console.log('written: bench/results/transcription.json');
process.exit(0);
