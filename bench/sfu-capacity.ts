// SFU capacity on this machine (issue #11): `@livekit/rtc-node` bots, each publishing a
// microphone (a tone, Opus) and a small camera (320×180 at 15 fps, generated frames, VP8, no
// simulcast) and subscribed to everyone else, as in a real meeting: N publishers, N×(N−1)
// forwarded audio and N×(N−1) forwarded video tracks.
//  1. One room on one node: publishers are added one at a time to a livekit-server this bench
//     starts for itself (the project's livekit.yaml rendered on ports 7580-7582, webhooks off,
//     its own Redis on 56391) until the SFU process uses a full core or packet loss passes 2 %.
//  2. Two nodes sharing rooms: rooms of a fixed size are added to the test cluster
//     (`bash scripts/cluster.sh start test`: nodes on 7680 / 7690, signalling and the API
//     through nginx on 7770; started here, and stopped afterwards, only when it is not running)
//     until either node uses a full core or loss passes 2 %. LiveKit places each room.
// Both also stop when the bots can no longer make the meeting (a publisher cannot join, the
// subscriptions stay incomplete for 30 s, or < 12 of 15 fps are decoded per video stream): on
// 2 cores the clients share the machine with the SFU and may run out first.
// After each step the bench waits for every subscription, lets the streams settle, then
// measures over a window: the SFU's CPU from /proc/<pid>/stat (utime + stime, in cores), the
// machine's busy CPU (/proc/stat) and the bots' own process; loss from the bots' WebRTC stats:
// downstream = packets lost / expected on every inbound RTP stream of every subscriber (the
// SFU → bot leg), upstream = what the SFU's RTCP receiver reports say it lost of each
// publisher's packets (remote-inbound-rtp: LiveKit's own view of the bot → SFU leg).
// Tokens are minted here (AccessToken) and rooms created with RoomServiceClient: the app is
// not involved. Everything shares the machine's cores with the bots, so read the figures as
// "this box, SFU and clients together". The bots run at nice 10 and the SFUs at nice 0.
// Run (under the shared lock, with the env loaded):
//   source scripts/lib.sh && load_env && flock /tmp/stoom-test.lock node bench/sfu-capacity.ts [maxPublishers=24] [maxRooms=8] [roomSize=4]
//   → prints figures, writes bench/results/sfu-capacity.json
// With BENCH_BOTS=pion the bots are bench/pion-bots (built with Go on first use): clients that
// neither encode nor decode, so the SFU can be taken to its own limits on this machine
// (→ bench/results/sfu-capacity-pion.json).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';

// rtc-node logs every connection at debug level unless NODE_ENV is production.
process.env.NODE_ENV ??= 'production';
// The bots yield to the SFU: they run at nice 10 (every thread; threads started later inherit
// it) and the servers this bench starts are put back to nice 0. Clients would be on other
// machines in real life; here the SFU must at least not queue behind them for a core.
const BOTS_NICE = process.getuid?.() === 0 ? Number(process.env.BENCH_BOTS_NICE ?? 10) : 0;
for (const tid of readdirSync('/proc/self/task')) setPriority(Number(tid), BOTS_NICE);
/** A server command at normal priority (nice 0) although this process is niced. */
const atNormalPriority = (command: string, args: string[]): [string, string[]] => (BOTS_NICE ? ['nice', ['-n', String(-BOTS_NICE), command, ...args]] : [command, args]);
const {
	AudioFrame,
	AudioSource,
	dispose,
	LocalAudioTrack,
	LocalVideoTrack,
	Room,
	RoomEvent,
	TrackPublishOptions,
	TrackSource,
	VideoBufferType,
	VideoCodec,
	VideoFrame,
	VideoSource
} = await import('@livekit/rtc-node');

// Every Room adds a listener to rtc-node's shared FFI emitter: dozens of bots are expected here.
EventEmitter.defaultMaxListeners = 500;

const maxPublishers = Number(process.argv[2] ?? 24);
const maxRooms = Number(process.argv[3] ?? 8);
const roomSize = Number(process.argv[4] ?? 4);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 5000);
const FULL_CORE = 1.0; // cores
const LOSS_LIMIT = 2; // %
// Not the SFU's limit but the bots': below this, the load generator no longer produces a meeting.
const MIN_FPS = 12; // of 15
const WIDTH = 320;
const HEIGHT = 180;
const FPS = 15;
const VIDEO_BITRATE = 160_000; // LiveKit's 180p preset
const SAMPLE_RATE = 48_000;

const apiKey = process.env.LIVEKIT_API_KEY;
const apiSecret = process.env.LIVEKIT_API_SECRET;
if (!apiKey || !apiSecret || !process.env.REDIS_PASSWORD) throw new Error('load the env first: source scripts/lib.sh && load_env');

const ROOT = process.cwd();
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (x: number, digits = 2) => +x.toFixed(digits);

// ---------- CPU from /proc ----------

/** CPU seconds (user + system, all threads) a process has used. */
function processCpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime, stime (fields 14, 15)
}

/** The machine's busy and total jiffies (all CPUs). */
function machineJiffies(): { busy: number; total: number } {
	const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
	const n = values.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
	const total = n.reduce((a, b) => a + b, 0);
	return { busy: total - n[3]! - n[4]!, total };
}

// ---------- bots ----------

/** 30 frames (2 s) of I420 video: moving stripes plus noise, so VP8 has real work and bitrate. */
const videoFrames = (() => {
	const frames: Uint8Array[] = [];
	let seed = 12345;
	const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
	const ySize = WIDTH * HEIGHT;
	for (let f = 0; f < 30; f++) {
		const data = new Uint8Array(ySize * 1.5);
		for (let y = 0; y < HEIGHT; y++)
			for (let x = 0; x < WIDTH; x++) data[y * WIDTH + x] = (((x + y + f * 6) >> 4) & 1 ? 180 : 60) + Math.floor(random() * 24);
		data.fill(110, ySize, ySize + ySize / 4); // U
		data.fill(150, ySize + ySize / 4); // V
		frames.push(data);
	}
	return frames;
})();

/** 100 ms of a 440 Hz tone: continuous Opus packets (no DTX silence). */
const toneFrame = (() => {
	const samples = SAMPLE_RATE / 10;
	const pcm = new Int16Array(samples);
	for (let i = 0; i < samples; i++) pcm[i] = Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE));
	return new AudioFrame(pcm, SAMPLE_RATE, 1, samples);
})();

/** Cumulative RTP counters of one stream, by SSRC. */
type StreamCounters = { kind: 'in' | 'out'; video: boolean; packets: number; lost: number; frames: number };
type Counters = Map<number, StreamCounters>;

class Bot {
	readonly room = new Room();
	readonly audio = new AudioSource(SAMPLE_RATE, 1);
	readonly video = new VideoSource(WIDTH, HEIGHT);
	subscribed = 0;
	#running = true;
	#frame = 0;
	readonly identity: string;

	constructor(identity: string) {
		this.identity = identity;
	}

	static async join(wsUrl: string, roomName: string, identity: string): Promise<Bot> {
		const bot = new Bot(identity);
		const at = new AccessToken(apiKey, apiSecret, { identity, name: identity, ttl: '1h' });
		at.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true });
		bot.room.on(RoomEvent.TrackSubscribed, () => bot.subscribed++);
		bot.room.on(RoomEvent.TrackUnsubscribed, () => bot.subscribed--);
		try {
			await bot.#publish(wsUrl, await at.toJwt());
		} catch (err) {
			await bot.leave();
			throw err;
		}
		void bot.#speak();
		return bot;
	}

	async #publish(wsUrl: string, token: string) {
		await this.room.connect(wsUrl, token, { autoSubscribe: true, dynacast: false });
		const mic = new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE, dtx: false, red: false });
		await this.room.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('microphone', this.audio), mic);
		const camera = new TrackPublishOptions({
			source: TrackSource.SOURCE_CAMERA,
			simulcast: false,
			videoCodec: VideoCodec.VP8,
			videoEncoding: { maxBitrate: BigInt(VIDEO_BITRATE), maxFramerate: FPS }
		});
		await this.room.localParticipant!.publishTrack(LocalVideoTrack.createVideoTrack('camera', this.video), camera);
	}

	/** captureFrame paces itself (a 1 s queue), so this loop runs in real time. */
	async #speak() {
		while (this.#running) await this.audio.captureFrame(toneFrame).catch(() => (this.#running = false));
	}

	captureVideo() {
		if (this.#running) this.video.captureFrame(new VideoFrame(videoFrames[this.#frame++ % videoFrames.length]!, WIDTH, HEIGHT, VideoBufferType.I420));
	}

	/**
	 * Inbound streams: packets received, lost, video frames decoded. Outbound streams: packets
	 * sent, and lost as the SFU's receiver reports say (remote-inbound-rtp of the same SSRC).
	 */
	async counters(): Promise<Counters> {
		const c: Counters = new Map();
		const stats = await this.room.getRtcStats();
		const remoteLost = new Map<number, number>();
		// One peer connection carries both directions here (rtc-node's single-PC mode): read both lists.
		for (const s of [...stats.publisherStats, ...stats.subscriberStats]) {
			const ssrc = (s.stats.value as { stream?: { ssrc?: number } } | undefined)?.stream?.ssrc;
			if (ssrc === undefined) continue;
			if (s.stats.case === 'inboundRtp') {
				const video = s.stats.value.stream?.kind === 'video';
				c.set(ssrc, {
					kind: 'in',
					video,
					packets: Number(s.stats.value.received?.packetsReceived ?? 0n),
					lost: Number(s.stats.value.received?.packetsLost ?? 0n),
					frames: video ? (s.stats.value.inbound?.framesDecoded ?? 0) : 0
				});
			} else if (s.stats.case === 'outboundRtp') {
				c.set(ssrc, { kind: 'out', video: s.stats.value.stream?.kind === 'video', packets: Number(s.stats.value.sent?.packetsSent ?? 0n), lost: 0, frames: 0 });
			} else if (s.stats.case === 'remoteInboundRtp') remoteLost.set(ssrc, Number(s.stats.value.received?.packetsLost ?? 0n));
		}
		for (const [ssrc, lost] of remoteLost) {
			const out = c.get(ssrc);
			if (out?.kind === 'out') out.lost = lost;
		}
		return c;
	}

	async leave() {
		this.#running = false;
		await Promise.race([this.room.disconnect(), sleep(5000)]).catch(() => undefined);
		await this.audio.close().catch(() => undefined);
		await this.video.close().catch(() => undefined);
	}
}

/** One clock for every bot's camera: a frame each 1/15 s. */
const everyBot = new Set<Bot>();
const videoClock = setInterval(() => everyBot.forEach((bot) => bot.captureVideo()), 1000 / FPS);

// ---------- pion bots (BENCH_BOTS=pion) ----------

/**
 * The same participants from bench/pion-bots (server-sdk-go on pion, one process for all):
 * they send pre-encoded VP8 and Opus (320×180, 15 fps, ~160 kbps; a tone) looped from files
 * made here with ffmpeg, and count what they receive without decoding it — so the clients
 * cost a fraction of rtc-node's, and the SFU can be loaded to its own limits on 2 cores.
 * "Frames" of a received video stream are RTP marker bits (frames arrived, not decoded).
 */
const PION = process.env.BENCH_BOTS === 'pion';

class PionHost {
	readonly child: ChildProcess;
	readonly video: string;
	readonly audio: string;
	#waiting = new Map<string, (answer: PionAnswer) => void>();

	constructor() {
		const binary = join(ROOT, '.data/bin/pion-bots');
		if (!existsSync(binary)) execFileSync('go', ['build', '-o', binary, '.'], { cwd: join(ROOT, 'bench/pion-bots'), stdio: 'inherit', env: { ...process.env, GOFLAGS: '-mod=mod' } });
		const dir = mkdtempSync(join(tmpdir(), 'pion-bots-'));
		this.video = join(dir, 'camera.ivf');
		this.audio = join(dir, 'microphone.ogg');
		const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: 'inherit' });
		ffmpeg('-f', 'lavfi', '-i', `testsrc2=size=${WIDTH}x${HEIGHT}:rate=${FPS}`, '-t', '4', '-c:v', 'libvpx', '-b:v', String(VIDEO_BITRATE), '-g', String(2 * FPS), '-deadline', 'realtime', '-f', 'ivf', this.video);
		ffmpeg('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${SAMPLE_RATE}`, '-t', '4', '-ac', '2', '-c:a', 'libopus', '-b:a', '32k', '-frame_duration', '20', '-page_duration', '20000', this.audio);
		mkdirSync(join(ROOT, '.data/log'), { recursive: true });
		// Their SDK logs every connection: to a file, not the bench's output.
		this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', openSync(join(ROOT, '.data/log/pion-bots.log'), 'w')] });
		let buffered = '';
		this.child.stdout!.on('data', (chunk: Buffer) => {
			buffered += chunk.toString();
			for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
				const answer = JSON.parse(buffered.slice(0, nl)) as PionAnswer;
				buffered = buffered.slice(nl + 1);
				this.#waiting.get(answer.id)?.(answer);
				this.#waiting.delete(answer.id);
			}
		});
	}

	/** One command to one bot; its answer (commands to a bot are answered in order). */
	ask(cmd: Record<string, string>): Promise<PionAnswer> {
		// Answers carry the bot's id: one request per bot is in flight at a time.
		return new Promise((resolve) => {
			this.#waiting.set(cmd.id!, resolve);
			this.child.stdin!.write(JSON.stringify(cmd) + '\n');
		});
	}

	close() {
		this.child.kill();
	}
}

type PionAnswer = { id: string; ok: boolean; error?: string; subscribed: number; streams?: { ssrc: number; kind: 'in' | 'out'; video: boolean; packets: number; lost: number; frames: number }[] };

let pionHost: PionHost | undefined;

class PionBot {
	subscribed = 0;
	readonly identity: string;
	constructor(identity: string) {
		this.identity = identity;
	}

	static async join(wsUrl: string, roomName: string, identity: string): Promise<PionBot> {
		pionHost ??= new PionHost();
		const at = new AccessToken(apiKey, apiSecret, { identity, name: identity, ttl: '1h' });
		at.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true });
		const answer = await pionHost.ask({ cmd: 'join', id: identity, url: wsUrl, token: await at.toJwt(), video: pionHost.video, audio: pionHost.audio });
		if (!answer.ok) throw new Error(answer.error);
		return new PionBot(identity);
	}

	captureVideo() {}

	async refresh() {
		await this.counters();
	}

	async counters(): Promise<Counters> {
		const answer = await pionHost!.ask({ cmd: 'counters', id: this.identity });
		this.subscribed = answer.subscribed;
		return new Map((answer.streams ?? []).map((s) => [s.ssrc, { kind: s.kind, video: s.video, packets: s.packets, lost: s.lost, frames: s.frames }]));
	}

	async leave() {
		await pionHost?.ask({ cmd: 'leave', id: this.identity });
	}
}

/** The bots' CPU: this process, and the pion bots' when they are used. */
function botsCpuSeconds(): number {
	return processCpuSeconds(process.pid) + (pionHost?.child.pid ? processCpuSeconds(pionHost.child.pid) : 0);
}

type AnyBot = Bot | PionBot;

async function addBot(wsUrl: string, roomName: string, identity: string): Promise<AnyBot> {
	if (PION) return PionBot.join(wsUrl, roomName, identity);
	const bot = await Bot.join(wsUrl, roomName, identity);
	everyBot.add(bot);
	return bot;
}

async function removeBots(bots: AnyBot[]) {
	bots.forEach((bot) => bot instanceof Bot && everyBot.delete(bot));
	await Promise.all(bots.map((bot) => bot.leave()));
}

/** Waits until every bot of each room is subscribed to both tracks of everyone else in it. */
const SUBSCRIBE_TIMEOUT_MS = 30_000;
async function waitForSubscriptions(rooms: AnyBot[][], timeoutMs = SUBSCRIBE_TIMEOUT_MS): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		await Promise.all(rooms.flat().map((bot) => (bot instanceof PionBot ? bot.refresh() : undefined)));
		if (rooms.every((bots) => bots.every((bot) => bot.subscribed >= 2 * (bots.length - 1)))) return true;
		await sleep(200);
	}
	return false;
}

// ---------- one measurement window ----------

type Window = {
	sfuCores: number[];
	machineBusyPct: number;
	botsCores: number;
	othersCores: number;
	downLossPct: number;
	upLossPct: number;
	packetsPerSecondIn: number;
	videoFpsPerStream: number;
	lossByRoom: number[];
};

function lossPct(lost: number, received: number): number {
	return lost + received > 0 ? (100 * Math.max(0, lost)) / (lost + received) : 0;
}

async function measure(rooms: AnyBot[][], sfuPids: number[]): Promise<Window> {
	const bots = rooms.flat();
	const before = await Promise.all(bots.map((bot) => bot.counters()));
	const t0 = performance.now();
	const sfu0 = sfuPids.map(processCpuSeconds);
	const m0 = machineJiffies();
	const self0 = botsCpuSeconds();
	await sleep(WINDOW_MS);
	const seconds = (performance.now() - t0) / 1000;
	const sfuCores = sfuPids.map((pid, i) => (processCpuSeconds(pid) - sfu0[i]!) / seconds);
	const m1 = machineJiffies();
	const botsCores = (botsCpuSeconds() - self0) / seconds;
	const after = await Promise.all(bots.map((bot) => bot.counters()));
	// Per bot, over the streams present at both ends of the window (a stream that was
	// re-created in between starts its counters again).
	const delta = after.map((a, i) => {
		const b = before[i]!;
		const d = { received: 0, lost: 0, frames: 0, videoStreams: 0, sent: 0, upLost: 0 };
		for (const [ssrc, x] of a) {
			const y = b.get(ssrc);
			if (!y || y.kind !== x.kind || x.packets < y.packets) continue;
			if (x.kind === 'in') {
				d.received += x.packets - y.packets;
				d.lost += x.lost - y.lost;
				if (x.video) {
					d.frames += x.frames - y.frames;
					d.videoStreams++;
				}
			} else {
				d.sent += x.packets - y.packets;
				d.upLost += x.lost - y.lost;
			}
		}
		return d;
	});
	type Delta = (typeof delta)[number];
	const sum = (xs: Delta[], key: keyof Delta) => xs.reduce((total, x) => total + x[key], 0);
	const videoStreams = sum(delta, 'videoStreams');
	let offset = 0;
	const lossByRoom = rooms.map((r) => {
		const part = delta.slice(offset, (offset += r.length));
		return round(Math.max(lossPct(sum(part, 'lost'), sum(part, 'received')), (100 * Math.max(0, sum(part, 'upLost'))) / Math.max(1, sum(part, 'sent'))));
	});
	const machineCores = ((m1.busy - m0.busy) / (m1.total - m0.total)) * cpus().length;
	return {
		sfuCores: sfuCores.map((c) => round(c)),
		machineBusyPct: round((100 * (m1.busy - m0.busy)) / (m1.total - m0.total), 1),
		botsCores: round(botsCores),
		downLossPct: round(lossPct(sum(delta, 'lost'), sum(delta, 'received')), 3),
		upLossPct: round((100 * Math.max(0, sum(delta, 'upLost'))) / Math.max(1, sum(delta, 'sent')), 3),
		othersCores: round(Math.max(0, machineCores - botsCores - sfuCores.reduce((a, b) => a + b, 0))),
		packetsPerSecondIn: Math.round(sum(delta, 'received') / seconds),
		videoFpsPerStream: round(videoStreams ? sum(delta, 'frames') / seconds / videoStreams : 0, 1),
		lossByRoom
	};
}

function stopReason(w: Window): string | undefined {
	const worst = w.sfuCores.reduce((a, b) => Math.max(a, b), 0);
	if (worst >= FULL_CORE) return `SFU at ${Math.round(worst * 100)} % of a core`;
	if (w.downLossPct > LOSS_LIMIT) return `downstream loss ${w.downLossPct} % > ${LOSS_LIMIT} %`;
	if (w.upLossPct > LOSS_LIMIT) return `upstream loss ${w.upLossPct} % > ${LOSS_LIMIT} %`;
	if (w.videoFpsPerStream < MIN_FPS) return `bots saturated: ${w.videoFpsPerStream} fps decoded per video stream (< ${MIN_FPS} of ${FPS})`;
	return undefined;
}

/** Least-squares line y = a·x + b through the points, and the x where it reaches `target`. */
function fitReach(points: [number, number][], target: number) {
	const n = points.length;
	if (n < 2) return undefined;
	const mx = points.reduce((t, [x]) => t + x, 0) / n;
	const my = points.reduce((t, [, y]) => t + y, 0) / n;
	const sxx = points.reduce((t, [x]) => t + (x - mx) ** 2, 0);
	if (sxx === 0) return undefined;
	const a = points.reduce((t, [x, y]) => t + (x - mx) * (y - my), 0) / sxx;
	const b = my - a * mx;
	return { perUnit: a, intercept: b, reach: a > 0 ? (target - b) / a : Infinity };
}

/** The machine's busy CPU over `ms` with nothing of this bench running: the background load. */
async function backgroundBusyPct(ms = 3000): Promise<number> {
	const m0 = machineJiffies();
	await sleep(ms);
	const m1 = machineJiffies();
	return round((100 * (m1.busy - m0.busy)) / (m1.total - m0.total), 1);
}

async function waitHttp(url: string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await fetch(url).then((r) => r.ok, () => false)) return;
		await sleep(250);
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// ---------- 1. one room on one node ----------

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

async function startOwnNode() {
	const dir = mkdtempSync(join(tmpdir(), 'sfu-capacity-'));
	const redisPort = Number(process.env.BENCH_REDIS_PORT ?? 56391);
	const sfuPort = Number(process.env.BENCH_SFU_PORT ?? 7580);
	writeFileSync(join(dir, 'redis.conf'), `requirepass ${process.env.REDIS_PASSWORD}\n`, { mode: 0o600 });
	const redis = spawn(...atNormalPriority('redis-server', [join(dir, 'redis.conf'), '--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no', '--dir', dir]), {
		stdio: ['ignore', openSync(join(dir, 'redis.log'), 'a'), 'inherit']
	});
	children.push(redis);
	execFileSync('sh', ['infra/render-config.sh', 'infra/livekit/livekit.yaml', join(dir, 'livekit.yaml')], {
		env: { ...process.env, SFU_PORT: String(sfuPort), SFU_ICE_TCP_PORT: String(sfuPort + 1), SFU_ICE_UDP_PORT: String(sfuPort + 2), REDIS_ADDRESS: `127.0.0.1:${redisPort}`, LIVEKIT_WEBHOOK_URLS: '[]' }
	});
	const redisUp = Date.now() + 15_000;
	const ping = () => {
		try {
			return execFileSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8', env: { ...process.env, REDISCLI_AUTH: process.env.REDIS_PASSWORD }, stdio: ['ignore', 'pipe', 'ignore'] }).includes('PONG');
		} catch {
			return false;
		}
	};
	while (!ping()) {
		if (Date.now() > redisUp) throw new Error(`the bench's Redis did not start on ${redisPort}: see ${dir}/redis.log`);
		await sleep(200);
	}
	// livekit-server reads LIVEKIT_<KEY> variables as config overrides: the webhook list must not reach it.
	const env = { ...process.env };
	delete env.LIVEKIT_WEBHOOK_URLS;
	const log = join(dir, 'livekit.log');
	// `nice` execs the server: the child's pid is the server's.
	const sfu = spawn(...atNormalPriority(join(ROOT, '.bin/livekit-server'), ['--config', join(dir, 'livekit.yaml')]), { env, stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')] });
	children.push(sfu);
	await waitHttp(`http://127.0.0.1:${sfuPort}`, 30_000).catch((err) => {
		throw new Error(`${err.message}; see ${log}`);
	});
	if (!readFileSync(`/proc/${sfu.pid}/comm`, 'utf8').startsWith('livekit')) throw new Error(`pid ${sfu.pid} is not livekit-server`);
	const stop = async () => {
		for (const child of [sfu, redis]) {
			if (child.exitCode !== null) continue;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, sleep(10_000)]);
		}
		// Its config and Redis password file hold the secrets.
		rmSync(dir, { recursive: true, force: true });
	};
	return { pid: sfu.pid!, url: `http://127.0.0.1:${sfuPort}`, ws: `ws://127.0.0.1:${sfuPort}`, log, stop };
}

type SingleStep = { subscriptionsComplete: boolean; publishers: number; forwardedTracks: number; sfuCpuPct: number; machineBusyPct: number; botsCores: number; othersCores: number; downLossPct: number; upLossPct: number; packetsPerSecondIn: number; videoFpsPerStream: number };

async function singleNode() {
	const node = await startOwnNode();
	console.log(`single node: livekit-server pid ${node.pid} on ${node.url}`);
	const api = new RoomServiceClient(node.url, apiKey, apiSecret);
	const roomName = `bench-capacity-${Date.now().toString(36)}`;
	await api.createRoom({ name: roomName, emptyTimeout: 60 });
	const idle = processCpuSeconds(node.pid);
	const background = await backgroundBusyPct();
	const idleCores = (processCpuSeconds(node.pid) - idle) / 3;
	console.log(`  before any bot: machine ${background} % busy (others' load), SFU ${Math.round(idleCores * 100)} % of a core`);
	const bots: AnyBot[] = [];
	const steps: SingleStep[] = [];
	let stop = `reached the cap of ${maxPublishers} publishers`;
	let limitStep: SingleStep | undefined;
	try {
		for (let n = 1; n <= maxPublishers; n++) {
			try {
				bots.push(await addBot(node.ws, roomName, `bot-${n}`));
			} catch (err) {
				stop = `bots saturated: publisher ${n} could not join (${(err as Error).message})`;
				break;
			}
			if (n < 2) continue;
			const subscribed = await waitForSubscriptions([bots]);
			await sleep(SETTLE_MS);
			const w = await measure([bots], [node.pid]);
			const step: SingleStep = {
				subscriptionsComplete: subscribed,
				publishers: n,
				forwardedTracks: 2 * n * (n - 1),
				sfuCpuPct: Math.round(w.sfuCores[0]! * 100),
				machineBusyPct: w.machineBusyPct,
				botsCores: w.botsCores,
				othersCores: w.othersCores,
				downLossPct: w.downLossPct,
				upLossPct: w.upLossPct,
				packetsPerSecondIn: w.packetsPerSecondIn,
				videoFpsPerStream: w.videoFpsPerStream
			};
			steps.push(step);
			console.log(
				`  ${String(n).padStart(2)} publishers (${step.forwardedTracks} forwarded tracks): SFU ${step.sfuCpuPct} % of a core, machine ${step.machineBusyPct} % busy (bots ${step.botsCores} cores, everything else ${step.othersCores}), loss down ${step.downLossPct} % / up ${step.upLossPct} %, ${step.videoFpsPerStream} fps per video stream${subscribed ? '' : ' (subscriptions incomplete)'}`
			);
			const reason = stopReason(w) ?? (subscribed ? undefined : `bots saturated: subscriptions still incomplete ${SUBSCRIBE_TIMEOUT_MS / 1000} s after publisher ${n} joined`);
			if (reason) {
				stop = reason;
				limitStep = step;
				break;
			}
		}
	} finally {
		await removeBots(bots);
		await api.deleteRoom(roomName).catch(() => undefined);
		await node.stop();
	}
	const lastGood = steps.filter((s) => s !== limitStep).at(-1);
	console.log(`  stop: ${stop}; capacity = ${lastGood?.publishers ?? 0} publishers within the limits`);
	// Where the SFU alone would reach a full core if it had one to itself: a straight line
	// through SFU CPU against forwarded tracks (an extrapolation, not a measurement).
	const fit = fitReach(steps.map((s) => [s.forwardedTracks, s.sfuCpuPct / 100]), FULL_CORE);
	const extrapolation = fit && {
		sfuCpuPctPer100ForwardedTracks: round(fit.perUnit * 100 * 100, 1),
		forwardedTracksAtFullCore: Math.round(fit.reach),
		publishersAtFullCore: Math.floor((1 + Math.sqrt(1 + 2 * fit.reach)) / 2)
	};
	if (extrapolation)
		console.log(
			`  SFU cost ≈ ${extrapolation.sfuCpuPctPer100ForwardedTracks} % of a core per 100 forwarded tracks → a full core at ≈ ${extrapolation.forwardedTracksAtFullCore} tracks ≈ ${extrapolation.publishersAtFullCore} publishers (extrapolated)`
		);
	return { backgroundBusyPct: background, idleSfuCpuPct: Math.round(idleCores * 100), steps, stop, capacityPublishers: lastGood?.publishers ?? 0, extrapolation };
}

// ---------- 2. two nodes, rooms of roomSize ----------

const CLUSTER_RUN = join(ROOT, '.data/run/cluster-test');

function cluster(...args: string[]): string {
	return execFileSync(...atNormalPriority('bash', ['scripts/cluster.sh', ...args]), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The livekit-server process under node n's supervisor. */
function nodePid(n: number): number {
	const supervisor = readFileSync(join(CLUSTER_RUN, `livekit-${n}.pid`), 'utf8').trim();
	const kids = readFileSync(`/proc/${supervisor}/task/${supervisor}/children`, 'utf8').trim().split(/\s+/).map(Number);
	const pid = kids.find((kid) => existsSync(`/proc/${kid}/comm`) && readFileSync(`/proc/${kid}/comm`, 'utf8').trim().startsWith('livekit'));
	if (!pid) throw new Error(`no livekit-server under supervisor ${supervisor} (node ${n})`);
	return pid;
}

type ClusterStep = {
	subscriptionsComplete: boolean;
	rooms: number;
	publishers: number;
	roomsPerNode: [number, number];
	publishersPerNode: [number, number];
	sfuCpuPct: [number, number];
	machineBusyPct: number;
	botsCores: number;
	othersCores: number;
	downLossPct: number;
	upLossPct: number;
	worstRoomLossPct: number;
	videoFpsPerStream: number;
};

async function twoNodes() {
	const status = cluster('status', 'test');
	const running = ['redis', 'livekit-1', 'livekit-2', 'nginx'].every((s) => new RegExp(`^${s}: running`, 'm').test(status));
	let startedHere = false;
	if (!running) {
		console.log('two nodes: starting the test cluster (bash scripts/cluster.sh start test)');
		cluster('start', 'test');
		startedHere = true;
	}
	const pids = [nodePid(1), nodePid(2)];
	console.log(`two nodes: livekit-1 pid ${pids[0]}, livekit-2 pid ${pids[1]}, through nginx on 7770 (${roomSize} publishers a room)`);
	const idle0 = pids.map(processCpuSeconds);
	const background = await backgroundBusyPct();
	const idle = pids.map((pid, i) => (processCpuSeconds(pid) - idle0[i]!) / 3);
	console.log(`  before any bot: machine ${background} % busy (others' load), SFU ${idle.map((c) => Math.round(c * 100)).join(' % / ')} % of a core`);
	const api = new RoomServiceClient('http://127.0.0.1:7770', apiKey, apiSecret);
	const rooms: { name: string; node: number; bots: AnyBot[] }[] = [];
	const steps: ClusterStep[] = [];
	let stop = `reached the cap of ${maxRooms} rooms`;
	let limitStep: ClusterStep | undefined;
	const tag = Date.now().toString(36);
	try {
		for (let r = 1; r <= maxRooms; r++) {
			const name = `bench-capacity-${tag}-${r}`;
			await api.createRoom({ name, emptyTimeout: 60 });
			const bots: AnyBot[] = [];
			const entry = { name, node: 0, bots };
			rooms.push(entry);
			try {
				for (let i = 1; i <= roomSize; i++) bots.push(await addBot('ws://127.0.0.1:7770', name, `bot-${r}-${i}`));
			} catch (err) {
				stop = `bots saturated: a publisher of room ${r} could not join (${(err as Error).message})`;
				rooms.pop();
				await removeBots(bots);
				await api.deleteRoom(name).catch(() => undefined);
				break;
			}
			entry.node = cluster('node-of', name, 'test') === 'livekit-2' ? 2 : 1;
			const subscribed = await waitForSubscriptions(rooms.map((x) => x.bots));
			await sleep(SETTLE_MS);
			const w = await measure(rooms.map((x) => x.bots), pids);
			const perNode = (n: number) => rooms.filter((x) => x.node === n).length;
			const step: ClusterStep = {
				subscriptionsComplete: subscribed,
				rooms: r,
				publishers: r * roomSize,
				roomsPerNode: [perNode(1), perNode(2)],
				publishersPerNode: [perNode(1) * roomSize, perNode(2) * roomSize],
				sfuCpuPct: [Math.round(w.sfuCores[0]! * 100), Math.round(w.sfuCores[1]! * 100)],
				machineBusyPct: w.machineBusyPct,
				botsCores: w.botsCores,
				othersCores: w.othersCores,
				downLossPct: w.downLossPct,
				upLossPct: w.upLossPct,
				worstRoomLossPct: Math.max(...w.lossByRoom),
				videoFpsPerStream: w.videoFpsPerStream
			};
			steps.push(step);
			console.log(
				`  ${r} rooms, ${step.publishers} publishers (node 1: ${step.roomsPerNode[0]} rooms, node 2: ${step.roomsPerNode[1]}): SFU ${step.sfuCpuPct[0]} % / ${step.sfuCpuPct[1]} % of a core, machine ${step.machineBusyPct} % busy (bots ${step.botsCores} cores, everything else ${step.othersCores}), loss down ${step.downLossPct} % / up ${step.upLossPct} % (worst room ${step.worstRoomLossPct} %), ${step.videoFpsPerStream} fps per video stream${subscribed ? '' : ' (subscriptions incomplete)'}`
			);
			const reason =
				stopReason(w) ??
				(step.worstRoomLossPct > LOSS_LIMIT ? `room loss ${step.worstRoomLossPct} % > ${LOSS_LIMIT} %` : undefined) ??
				(subscribed ? undefined : `bots saturated: subscriptions still incomplete ${SUBSCRIBE_TIMEOUT_MS / 1000} s after room ${r} filled`);
			if (reason) {
				stop = reason;
				limitStep = step;
				break;
			}
		}
	} finally {
		await removeBots(rooms.flatMap((x) => x.bots));
		await Promise.all(rooms.map((x) => api.deleteRoom(x.name).catch(() => undefined)));
		if (startedHere) {
			console.log('two nodes: stopping the test cluster this bench started');
			cluster('stop', 'test');
		}
	}
	const lastGood = steps.filter((s) => s !== limitStep).at(-1);
	console.log(`  stop: ${stop}; capacity = ${lastGood?.publishers ?? 0} publishers over both nodes within the limits`);
	// Per node: SFU CPU against the tracks that node forwards; both nodes at a full core (extrapolated).
	const perRoomTracks = 2 * roomSize * (roomSize - 1);
	const fit = fitReach(
		steps.flatMap((s) => [0, 1].map((i) => [s.roomsPerNode[i]! * perRoomTracks, s.sfuCpuPct[i]! / 100] as [number, number])),
		FULL_CORE
	);
	const extrapolation = fit && {
		sfuCpuPctPer100ForwardedTracks: round(fit.perUnit * 100 * 100, 1),
		roomsPerNodeAtFullCore: round(fit.reach / perRoomTracks, 1),
		publishersOnTwoNodesAtFullCore: Math.floor(fit.reach / perRoomTracks) * roomSize * 2
	};
	if (extrapolation)
		console.log(
			`  SFU cost ≈ ${extrapolation.sfuCpuPctPer100ForwardedTracks} % of a core per 100 forwarded tracks → both nodes at a full core ≈ ${extrapolation.publishersOnTwoNodesAtFullCore} publishers (extrapolated)`
		);
	return { roomSize, clusterStartedByBench: startedHere, backgroundBusyPct: background, idleSfuCpuPct: idle.map((c) => Math.round(c * 100)), steps, stop, capacityPublishers: lastGood?.publishers ?? 0, extrapolation };
}

// ---------- run ----------

const uptimeBefore = execFileSync('uptime', { encoding: 'utf8' }).trim();
console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model}); ${uptimeBefore}`);
const started = Date.now();
// BENCH_ONLY=single|cluster runs one half (for trying the script out).
const only = process.env.BENCH_ONLY;
let single, two;
try {
	single = only === 'cluster' ? undefined : await singleNode();
	two = only === 'single' ? undefined : await twoNodes();
} finally {
	clearInterval(videoClock);
	pionHost?.close();
}
const threadNice = [...new Set(readdirSync('/proc/self/task').map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])))];
const result = {
	benchmark: 'sfu-capacity',
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, model: cpus()[0]?.model, uptimeBefore, uptimeAfter: execFileSync('uptime', { encoding: 'utf8' }).trim(), loadavg: loadavg() },
	setup: {
		bots: PION
			? `bench/pion-bots (server-sdk-go on pion) in one process; each publishes pre-encoded Opus (440 Hz tone, 20 ms frames, no DTX) + VP8 ${WIDTH}x${HEIGHT} at ${FPS} fps (~${VIDEO_BITRATE / 1000} kbps, a keyframe every 2 s, no simulcast) looped from files, and subscribes to everyone else without decoding (frames = RTP marker bits)`
			: `@livekit/rtc-node in one Node process; each publishes Opus (440 Hz tone, no DTX) + VP8 ${WIDTH}x${HEIGHT} at ${FPS} fps (max ${VIDEO_BITRATE / 1000} kbps, no simulcast) and subscribes to everyone else (autoSubscribe, no dynacast)`,
		stopWhen: `an SFU process uses >= ${FULL_CORE * 100} % of one core, or packet loss > ${LOSS_LIMIT} % (downstream: subscribers' inbound-rtp lost/expected; upstream: the SFU's receiver reports, remote-inbound-rtp lost / packets sent), or the bots decode < ${MIN_FPS} of ${FPS} fps per video stream (the load generator is saturated)`,
		botsNice: `the bots' threads at nice ${threadNice.join(', ')}; the SFU processes at nice 0`,
		settleMs: SETTLE_MS,
		windowMs: WINDOW_MS
	},
	singleNode: single,
	twoNodes: two,
	runSeconds: Math.round((Date.now() - started) / 1000)
};
mkdirSync('bench/results', { recursive: true });
const resultFile = `bench/results/sfu-capacity${PION ? '-pion' : ''}.json`;
writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
if (single) console.log(`single node: ${single.capacityPublishers} publishers in one room (stop: ${single.stop})`);
if (two) console.log(`two nodes: ${two.capacityPublishers} publishers in rooms of ${roomSize} (stop: ${two.stop})`);
console.log(`run time ${result.runSeconds} s; written: ${resultFile}`);
await dispose().catch(() => undefined);
process.exit(0);
