// Recording cost: a 4-person meeting (four rtc-node participants, each speaking into a
// microphone with a 640×360 camera on, one of them sharing a 1280×720 screen) recorded for a
// minute, twice: audio only (microphones and the room mix, as before) and with video
// (cameras and the screen share too, as published). Prints the recorder's CPU (every Egress
// process, from /proc) and the disk written per minute of meeting; then renders the video
// record as one MP4 and prints the export's speed (× real time). Needs the stack (./stoom up).
// The app it talks to must run with RECORDING_VIDEO=false: its own webhook handling and 15 s
// reconciliation would otherwise add the video tracks to the audio-only run (the video run
// starts every track itself).
// Run: DATABASE_URL=… npx jiti bench/recording-cost.ts [seconds=60]   → bench/results/recording-cost.json
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDb } from '../src/lib/server/db/index.ts';
import { egressApi, isTerminal } from '../src/lib/server/livekit/egress.ts';
import { livekitRooms } from '../src/lib/server/livekit/clients.ts';
import { findOpenSession } from '../src/lib/server/meetings/session.repository.ts';
import { applyEgressInfo, startRecording, stopRecording } from '../src/lib/server/recordings/recording.service.ts';
import { findRoomByCode } from '../src/lib/server/rooms/room.repository.ts';
import { findParticipantByIdentity } from '../src/lib/server/rooms/participant.repository.ts';
import { takeOver } from '../src/lib/server/screen-share/screen-share.service.ts';
import { exportRecording } from '../src/lib/server/exports/export-recording.job.ts';
import { insertExportOnce, findExport } from '../src/lib/server/exports/exports.repository.ts';
import { createRoomAsHost } from '../tests/support/app-process.ts';
import { SpeechBot } from '../tests/support/speech-bot.ts';
import { readPcm16, speechWav } from '../tests/support/speech.ts';
import { publishVideo } from '../tests/support/video-bot.ts';

const seconds = Number(process.argv[2] ?? 60);
const url = `http://localhost:${process.env.APP_PORT ?? 3000}`;
const db = createDb(process.env.DATABASE_URL!, 4);
const egress = egressApi();
const recordingsPath = process.env.RECORDINGS_STORAGE_PATH ?? join(process.cwd(), '.data/recordings');
const egressPid = Number(readFileSync('.data/run/egress.pid', 'utf8'));
const TICK = 100; // clock ticks per second (getconf CLK_TCK)

/** CPU seconds used so far by a process and all its descendants (Egress runs a handler process per recording). */
function treeCpuSeconds(root: number): number {
	const children = new Map<number, number[]>();
	const cpu = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICK);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
		} catch {
			// gone meanwhile
		}
	}
	let total = 0;
	const walk = (pid: number) => {
		total += cpu.get(pid) ?? 0;
		for (const child of children.get(pid) ?? []) walk(child);
	};
	walk(root);
	return total;
}

function dirBytes(dir: string): number {
	let total = 0;
	try {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			const s = statSync(path);
			total += s.isDirectory() ? dirBytes(path) : s.size;
		}
	} catch {
		// not there yet
	}
	return total;
}

async function settle(code: string, runId: string) {
	for (let i = 0; i < 120; i++) {
		const infos = await egress.list(code);
		for (const info of infos) await applyEgressInfo(ctx(true), info);
		const rows = await db.selectFrom('recordings').select('status').where('run_id', '=', runId).execute();
		if (rows.every((r) => r.status === 'complete' || r.status === 'failed') && infos.every(isTerminal)) return rows;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error('egresses did not end');
}

function ctx(recordVideo: boolean) {
	return {
		db,
		livekit: livekitRooms(),
		limits: undefined as never,
		config: undefined as never,
		egress,
		jobs: { enqueue: async () => undefined },
		recordingsPath,
		compositeVideo: false,
		recordVideo,
		minFreeBytes: 0,
		retentionDays: 0
	};
}

async function meeting(recordVideo: boolean) {
	const { code } = await createRoomAsHost(url);
	const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'];
	const bots = await Promise.all(names.map((n) => SpeechBot.join(url, code, n)));
	const videos = await Promise.all(bots.map((b, i) => publishVideo(b.room, 'camera', { width: 640, height: 360, hue: i * 60 })));
	const room = (await findRoomByCode(db, code))!;
	// Ada presents: the server's screen-share lock gives her the right to publish a screen.
	const presenter = (await findParticipantByIdentity(db, bots[0]!.room.localParticipant!.identity))!;
	const taken = await takeOver(ctx(recordVideo), { room, participant: presenter });
	if (!taken.ok) throw new Error(`screen share refused: ${taken.reason}`);
	await new Promise((r) => setTimeout(r, 1000));
	videos.push(await publishVideo(bots[0]!.room, 'screen', { width: 1280, height: 720 }));
	await new Promise((r) => setTimeout(r, 3000));
	const session = (await findOpenSession(db, room.id))!;
	const started = await startRecording(ctx(recordVideo), room, session);
	if (!started.ok) throw new Error(started.reason);
	await new Promise((r) => setTimeout(r, 5000)); // every egress starts writing
	const cpu0 = treeCpuSeconds(egressPid);
	const t0 = Date.now();
	const talk = (async () => {
		for (let turn = 0; Date.now() - t0 < seconds * 1000; turn++) {
			await bots[turn % bots.length]!.speak(readPcm16(speechWav([`This is turn ${turn} of the recording cost meeting.`], 400)));
		}
	})();
	await talk;
	const elapsed = (Date.now() - t0) / 1000;
	const cpu = treeCpuSeconds(egressPid) - cpu0;
	await stopRecording(ctx(recordVideo), room);
	const rows = await settle(code, started.run.id);
	const bytes = dirBytes(join(recordingsPath, session.id, started.run.id));
	await Promise.all(videos.map((v) => v.stop()));
	await Promise.all(bots.map((b) => b.leave()));
	return { code, sessionId: session.id, runId: started.run.id, elapsed, cpu, bytes, recordings: rows.length, failed: rows.filter((r) => r.status === 'failed').length };
}

const audio = await meeting(false);
const video = await meeting(true);
const perMinute = (m: typeof audio) => ({
	recorderCpuCores: Math.round((m.cpu / m.elapsed) * 100) / 100,
	cpuSecondsPerMinute: Math.round((m.cpu / m.elapsed) * 60 * 10) / 10,
	diskMBPerMinute: Math.round((m.bytes / 1e6 / m.elapsed) * 60 * 10) / 10,
	recordings: m.recordings,
	failed: m.failed
});

// The export of the video meeting (the stage over the mix).
const made = (await insertExportOnce(db, video.sessionId))!;
const exportStarted = Date.now();
await exportRecording({ db }, made.id, { retryCount: 0, lastAttempt: true });
const exportSeconds = (Date.now() - exportStarted) / 1000;
const exported = await findExport(db, made.id);

const results = {
	date: new Date().toISOString(),
	meetingSeconds: seconds,
	participants: 4,
	audioOnly: perMinute(audio),
	withVideo: perMinute(video),
	export: { status: exported?.status, seconds: Math.round(exportSeconds * 10) / 10, speed: Math.round((video.elapsed / exportSeconds) * 10) / 10 }
};
console.log(`audio only: ${results.audioOnly.recorderCpuCores} cores (${results.audioOnly.cpuSecondsPerMinute} CPU-s/min), ${results.audioOnly.diskMBPerMinute} MB/min, ${audio.recordings} recordings (${audio.failed} failed)`);
console.log(`with video: ${results.withVideo.recorderCpuCores} cores (${results.withVideo.cpuSecondsPerMinute} CPU-s/min), ${results.withVideo.diskMBPerMinute} MB/min, ${video.recordings} recordings (${video.failed} failed)`);
console.log(`export: ${results.export.status} in ${results.export.seconds} s for ${Math.round(video.elapsed)} s of meeting: ${results.export.speed}× real time`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/recording-cost.json', JSON.stringify(results, null, 2));
await db.destroy();
process.exit(0);
