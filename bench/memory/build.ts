// Builds the memory bench's meetings (dataset.ts) for real: espeak-ng speaks each line in its
// speaker's voice, each speaker's track (their lines in place, silence between) is transcribed
// by the stack's Whisper through the pipeline's own client, the tracks are merged as the
// pipeline merges them, and the sessions are stored in the database as one room's ended
// meetings with their transcripts (through the app's repositories). Audio and transcripts are
// cached under .data/bench-memory/ (git-ignored); the stored room is reused while the dataset
// is unchanged, and replaced when it changes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { hashToken, randomToken } from '../../src/lib/server/crypto/secrets.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { findSessionById, markSessionEnded, openSession, saveTranscript, setTranscriptStatus } from '../../src/lib/server/meetings/session.repository.ts';
import { insertHostSession } from '../../src/lib/server/rooms/host-session.repository.ts';
import { generateRoomCode } from '../../src/lib/server/rooms/generate-room-code.ts';
import { insertParticipant, updateParticipant } from '../../src/lib/server/rooms/participant.repository.ts';
import { deleteRoom, findRoomById, insertRoom } from '../../src/lib/server/rooms/room.repository.ts';
import { createWhisperClient } from '../../src/lib/server/transcription/whisper-client.ts';
import { mergeSpeakerTranscripts } from '../../src/lib/transcript/merge.ts';
import type { TranscriptLine } from '../../src/lib/transcript/types.ts';
import { ROOM_NAME, SESSIONS, SPEAKERS, type BenchSession } from './dataset.ts';

export const CACHE = '.data/bench-memory';
const RATE = 22050; // espeak-ng's output rate
const GAP_SECONDS = 0.7;
const WORDS_PER_MINUTE = 145;
const FIRST_MEETING = Date.parse('2026-11-02T09:00:00Z');

/** Where each scripted line was said, in seconds since its meeting started. */
export interface TimedLine {
	speaker: string;
	text: string;
	start: number;
	end: number;
}

export interface BuiltSession {
	index: number;
	id: string;
	script: BenchSession;
	timeline: TimedLine[];
	transcript: TranscriptLine[];
	speechSeconds: number;
}

export interface BuiltRoom {
	roomId: string;
	code: string;
	/** The host link's key (the bench room's host can open its meetings in the app). */
	hostKey: string;
	sessions: BuiltSession[];
}

const datasetHash = createHash('sha256').update(JSON.stringify([SESSIONS.map((s) => [s.speakers, s.lines, s.day]), SPEAKERS, WORDS_PER_MINUTE, GAP_SECONDS])).digest('hex').slice(0, 16);

/** One session's audio and per-speaker transcripts (cached), merged into the meeting's transcript. */
async function transcribeSession(index: number, script: BenchSession): Promise<{ timeline: TimedLine[]; transcript: TranscriptLine[]; speechSeconds: number }> {
	const dir = join(CACHE, datasetHash, `session-${index + 1}`);
	const cached = join(dir, 'transcript.json');
	if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8'));
	mkdirSync(dir, { recursive: true });

	// Speak every line; lay them one after another with a short pause.
	const spoken = script.lines.map((line, i) => {
		const voice = SPEAKERS.find((s) => s.name === line.speaker)!.voice;
		const file = join(dir, `line-${i + 1}.wav`);
		execFileSync('espeak-ng', ['-v', voice, '-s', String(WORDS_PER_MINUTE), '-w', file, line.text]);
		return readPcm(file);
	});
	const timeline: TimedLine[] = [];
	let at = 1;
	script.lines.forEach((line, i) => {
		const seconds = spoken[i]!.length / RATE;
		timeline.push({ speaker: line.speaker, text: line.text, start: round(at), end: round(at + seconds) });
		at += seconds + GAP_SECONDS;
	});
	const total = Math.ceil((at + 1) * RATE);

	// Each speaker's own track, as the recorder keeps it: their lines in place, silence elsewhere.
	const whisper = createWhisperClient({
		url: process.env.WHISPER_API_URL ?? 'http://127.0.0.1:9000',
		flavour: (process.env.WHISPER_FLAVOUR as 'asr' | 'openai' | undefined) ?? 'asr',
		model: process.env.WHISPER_MODEL ?? 'base',
		language: process.env.WHISPER_LANGUAGE || undefined,
		timeoutMs: 15 * 60_000,
		vadFilter: true
	});
	const startedAtMs = 0;
	const tracks = [];
	for (const speaker of script.speakers) {
		const track = new Int16Array(total);
		script.lines.forEach((line, i) => {
			if (line.speaker === speaker) track.set(spoken[i]!, Math.round(timeline[i]!.start * RATE));
		});
		const wav = wavFile(track);
		writeFileSync(join(dir, `${speaker}.wav`), wav);
		const result = await whisper.transcribe({ data: wav, filename: `${speaker}.wav`, contentType: 'audio/wav' });
		writeFileSync(join(dir, `${speaker}.whisper.json`), JSON.stringify(result, null, 1));
		tracks.push({ speaker, participantIdentity: identityOf(index, speaker), startedAtMs, segments: result.segments });
	}
	const transcript = mergeSpeakerTranscripts(tracks, startedAtMs);
	const built = { timeline, transcript, speechSeconds: round(spoken.reduce((s, p) => s + p.length / RATE, 0)) };
	writeFileSync(cached, JSON.stringify(built, null, 1));
	return built;
}

/**
 * The bench room in `db`, built (or found, when the dataset is unchanged since it was stored).
 * `log` hears each line's transcript, to check that Whisper heard what was scripted.
 */
export async function buildBenchRoom(db: Db, log: (line: string) => void = () => {}): Promise<BuiltRoom> {
	const sessions: Omit<BuiltSession, 'id'>[] = [];
	for (const [index, script] of SESSIONS.entries()) {
		const { timeline, transcript, speechSeconds } = await transcribeSession(index, script);
		sessions.push({ index, script, timeline, transcript, speechSeconds });
	}

	const roomFile = join(CACHE, 'room.json');
	const stored = existsSync(roomFile) ? (JSON.parse(readFileSync(roomFile, 'utf8')) as { datasetHash: string; room: Omit<BuiltRoom, 'sessions'> & { sessionIds: string[] } }) : null;
	if (stored?.datasetHash === datasetHash && (await findRoomById(db, stored.room.roomId))) {
		const ok = await Promise.all(stored.room.sessionIds.map((id) => findSessionById(db, id)));
		if (ok.every((s) => s?.transcript_status === 'ready')) {
			return { roomId: stored.room.roomId, code: stored.room.code, hostKey: stored.room.hostKey, sessions: sessions.map((s, i) => ({ ...s, id: stored.room.sessionIds[i]! })) };
		}
	}
	// Rooms an older dataset (or an interrupted build) left: the bench's own, by its name.
	for (const old of await db.selectFrom('rooms').select('id').where('name', '=', ROOM_NAME).execute()) await deleteRoom(db, old.id);

	const hostKey = randomToken(24);
	const room = await insertRoom(db, { code: generateRoomCode(), name: ROOM_NAME, host_key_hash: hashToken(hostKey) });
	await insertHostSession(db, room.id, room.host_generation);
	const built: BuiltSession[] = [];
	for (const s of sessions) {
		const session = await openSession(db, room.id);
		const startedAt = new Date(FIRST_MEETING + s.script.day * 86_400_000);
		const endedAt = new Date(startedAt.getTime() + (s.timeline.at(-1)!.end + 2) * 1000);
		// No repository function sets a past start: the bench's meetings are dated a week apart.
		await sql`update meeting_sessions set started_at = ${startedAt} where id = ${session.id}`.execute(db);
		for (const speaker of s.script.speakers) {
			const participant = await insertParticipant(db, { room_id: room.id, session_id: session.id, identity: identityOf(s.index, speaker), display_name: speaker });
			await updateParticipant(db, participant.id, { joined_at: startedAt, left_at: endedAt });
		}
		await saveTranscript(db, session.id, s.transcript, 'offline');
		await setTranscriptStatus(db, session.id, 'ready', null);
		await markSessionEnded(db, session.id, endedAt);
		built.push({ ...s, id: session.id });
	}
	writeFileSync(roomFile, JSON.stringify({ datasetHash, room: { roomId: room.id, code: room.code, hostKey, sessionIds: built.map((s) => s.id) } }, null, 1));
	for (const s of built) {
		log(`session ${s.index + 1} (${s.script.title}): ${s.speechSeconds} s of speech, ${s.transcript.length} transcript lines`);
		for (const line of s.transcript) log(`  ${line.timestamp.toFixed(1).padStart(6)} ${line.speaker}: ${line.text}`);
	}
	return { roomId: room.id, code: room.code, hostKey, sessions: built };
}

/** Participant identities are unique across the database: one per dataset, session and speaker. */
function identityOf(session: number, speaker: string): string {
	return `bench-memory-${datasetHash}-${session + 1}-${speaker.toLowerCase()}`;
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

/** The 16-bit mono samples of a WAV file espeak-ng wrote. */
function readPcm(file: string): Int16Array {
	const buf = readFileSync(file);
	let offset = 12;
	while (offset + 8 <= buf.length) {
		const id = buf.toString('ascii', offset, offset + 4);
		let size = buf.readUInt32LE(offset + 4);
		if (id === 'data') {
			size = Math.min(size, buf.length - offset - 8);
			const copy = Buffer.from(buf.subarray(offset + 8, offset + 8 + size - (size % 2)));
			return new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2);
		}
		offset += 8 + size + (size % 2);
	}
	throw new Error(`${file}: no data chunk`);
}

function wavFile(samples: Int16Array): Uint8Array {
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + samples.byteLength, 4);
	header.write('WAVEfmt ', 8, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(RATE, 24);
	header.writeUInt32LE(RATE * 2, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(samples.byteLength, 40);
	return new Uint8Array(Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]));
}
