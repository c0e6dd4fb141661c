/**
 * A record ready when the meeting ends: how long after the host ends a transcribed meeting its
 * transcript and its insights are ready, for meetings of several lengths; and how long
 * "Catch me up" takes to answer during the meeting.
 *
 * Real stack and app (./stoom up on APP_URL): the host creates the room and turns Transcribe on;
 * two bots speak a scripted meeting in turn (espeak-ng), the stack's transcriber captions it,
 * the app keeps the finals and refreshes the rolling notes in the background; a participant asks
 * to catch up now and then; the host ends the meeting; the database says when each was ready.
 *
 *   node bench/record-at-stop.ts --minutes 5
 * Writes bench/results/record-at-stop-<minutes>min.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { createRoomAsHost, joinStep, postJson } from '../tests/support/app-process.ts';
import { SpeechBot } from '../tests/support/speech-bot.ts';
import { readPcm16, speechWav } from '../tests/support/speech.ts';

const args = process.argv.slice(2);
const minutes = Number(args[args.indexOf('--minutes') + 1] || 5);
const url = process.env.APP_URL ?? `http://127.0.0.1:${process.env.APP_PORT ?? 3000}`;

// A budget meeting that keeps deciding, assigning and asking (said in turn by two people).
const SCRIPT = [
	['Ada Lovelace', 'Good morning. Today we review the budget for the next quarter.'],
	['Grace Hopper', 'The marketing spend went up by ten percent last month.'],
	['Ada Lovelace', 'We agreed to keep the travel budget the same as this year.'],
	['Grace Hopper', 'I will send the revised contract to the supplier on Friday.'],
	['Ada Lovelace', 'Please update the sales dashboard before the review on Tuesday.'],
	['Grace Hopper', 'We decided to hire two more engineers for the platform team.'],
	['Ada Lovelace', 'Can someone book the large meeting room for Maria next week?'],
	['Grace Hopper', 'The Denver office opens in the spring, so the launch moves to March.'],
	['Ada Lovelace', 'Our customers keep asking for a better search in the product.'],
	['Grace Hopper', 'I will write the hiring plan and share it by Monday.']
] as const;

async function main() {
	const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await db.connect();
	const { code, cookie } = await createRoomAsHost(url);
	const ada = await SpeechBot.join(url, code, 'Ada Lovelace');
	const grace = await SpeechBot.join(url, code, 'Grace Hopper');
	const reader = (await joinStep(url, code, 'Late Reader')).cookie;
	const on = await postJson(url, `/api/rooms/${code}/transcribe`, { on: true }, { cookie });
	if (!on.ok) throw new Error(`transcribe: ${on.status} ${await on.text()}`);
	const pcm = new Map(SCRIPT.map(([, text]) => [text, readPcm16(speechWav([text], 200))]));
	await new Promise((r) => setTimeout(r, 3000)); // the transcriber is in

	// Catch me up, every 15 s: answers with notes are timed (the first notes come one refresh
	// interval, LIVE_NOTES_INTERVAL_SECONDS, plus one engine pass after the first line).
	const catchUps: number[] = [];
	let catchUpsWithoutNotes = 0;
	const deadline = Date.now() + minutes * 60_000;
	let said = 0;
	let nextCatchUp = Date.now() + 15_000;
	while (Date.now() < deadline) {
		const [who, text] = SCRIPT[said % SCRIPT.length]!;
		await (who === 'Ada Lovelace' ? ada : grace).speak(pcm.get(text)!);
		said++;
		await new Promise((r) => setTimeout(r, 800));
		if (Date.now() > nextCatchUp) {
			nextCatchUp = Date.now() + 15_000;
			const t = performance.now();
			const res = await fetch(`${url}/api/rooms/${code}/catch-up`, { headers: { cookie: reader, origin: url } });
			const body = (await res.json()) as { notes?: unknown };
			if (!res.ok) throw new Error(`catch-up: ${res.status} ${JSON.stringify(body)}`);
			if (body.notes) catchUps.push(performance.now() - t);
			else catchUpsWithoutNotes++;
		}
	}
	await new Promise((r) => setTimeout(r, 2500)); // the last caption is final
	const sessionId = (await db.query<{ id: string }>(`SELECT s.id FROM meeting_sessions s JOIN rooms r ON r.id = s.room_id WHERE r.code = $1 ORDER BY s.started_at DESC LIMIT 1`, [code])).rows[0]!.id;
	const kept = Number((await db.query(`SELECT count(*) FROM live_segments WHERE session_id = $1`, [sessionId])).rows[0].count);

	const stop = Date.now();
	const ended = await postJson(url, `/api/rooms/${code}/end`, {}, { cookie });
	if (!ended.ok) throw new Error(`end: ${ended.status} ${await ended.text()}`);
	let transcriptMs: number | null = null;
	let insightsMs: number | null = null;
	let row: { transcript_status: string; insights_status: string; lines: number } | undefined;
	while (Date.now() - stop < 15 * 60_000 && insightsMs === null) {
		row = (await db.query(`SELECT transcript_status, insights_status, jsonb_array_length(transcript::jsonb) AS lines FROM meeting_sessions WHERE id = $1`, [sessionId])).rows[0];
		if (transcriptMs === null && row?.transcript_status === 'ready') transcriptMs = Date.now() - stop;
		if (row && ['ready', 'failed', 'off'].includes(row.insights_status)) insightsMs = Date.now() - stop;
		await new Promise((r) => setTimeout(r, 200));
	}
	await ada.leave();
	await grace.leave();
	await db.end();

	const sorted = [...catchUps].sort((a, b) => a - b);
	const result = {
		date: new Date().toISOString(),
		minutes,
		utterances: said,
		keptLines: kept,
		transcriptLines: row?.lines ?? null,
		stopToTranscriptMs: transcriptMs,
		stopToInsightsMs: insightsMs,
		insightsStatus: row?.insights_status,
		catchUpP50Ms: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : null,
		catchUps: sorted.map(Math.round),
		catchUpsBeforeFirstNotes: catchUpsWithoutNotes
	};
	console.log(
		`${minutes} min meeting: ${said} utterances, ${kept} kept lines; stop → transcript ${transcriptMs} ms, stop → insights ${insightsMs} ms (${row?.insights_status}); ` +
			`catch me up p50 ${result.catchUpP50Ms} ms over ${sorted.length} (${catchUpsWithoutNotes} asked before the first notes)`
	);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(`bench/results/record-at-stop-${minutes}min.json`, JSON.stringify(result, null, 2));
	process.exit(0);
}

await main();
