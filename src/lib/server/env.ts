import { resolve } from 'node:path';
import { z } from 'zod';
import { SECRET_HINT, secretProblem } from './env-secrets';

/** A secret: 32+ random characters, never the .env.example placeholder. */
const secret = z.string().superRefine((value, ctx) => {
	const problem = secretProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; ${SECRET_HINT}` });
});

/** `points/seconds`, e.g. `20/600`: at most 20 in any 600 seconds. */
const limit = (fallback: string) =>
	z
		.string()
		.regex(/^\d+\/\d+$/, 'must look like points/seconds, e.g. 20/600')
		.default(fallback)
		.transform((v) => {
			const [points, seconds] = v.split('/').map(Number) as [number, number];
			return { points, seconds };
		});

const schema = z.object({
	DATABASE_URL: z.string().url(),
	LIVEKIT_URL: z.string().url(),
	LIVEKIT_WS_URL: z.string().regex(/^wss?:\/\//, 'must start with ws:// or wss://'),
	LIVEKIT_API_KEY: z
		.string()
		.min(3)
		.refine((v) => !/change[_-]?me/i.test(v), `is a placeholder; set a real key (any name of 3+ characters)`),
	LIVEKIT_API_SECRET: secret,
	SESSION_SECRET: secret,
	/** Lifetime of a browser's LiveKit access token; LiveKit refreshes it while connected. */
	LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
	/** Where Egress writes recordings (absolute: Egress resolves paths from its own cwd). */
	RECORDINGS_STORAGE_PATH: z
		.string()
		.default('.data/recordings')
		.transform((p) => resolve(p)),
	/** Record cameras and screen shares too (the record plays back as a stage); false: audio only. */
	RECORDING_VIDEO: z
		.enum(['true', 'false'])
		.default('true')
		.transform((v) => v === 'true'),
	/** Recordings older than this many days are deleted (files, transcript, insights); 0 keeps them. */
	RECORDINGS_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
	/** Recording stops (and cannot start) when less than this much space is free where recordings go. */
	RECORDINGS_MIN_FREE_MB: z.coerce.number().int().min(0).default(500),
	/** The playback mix: `audio` (works with the native Egress build) or `video` (official image). */
	RECORDING_COMPOSITE: z.enum(['audio', 'video']).default('audio'),
	WHISPER_API_URL: z.string().url().default('http://127.0.0.1:9000'),
	WHISPER_MODEL: z.string().min(1).default('base'),
	/** asr: whisper-asr-webservice (POST /asr); openai: POST /v1/audio/transcriptions. */
	WHISPER_FLAVOUR: z.enum(['asr', 'openai']).default('asr'),
	/**
	 * The meetings' spoken language for Whisper (ISO 639-1). Empty lets Whisper detect it per
	 * speaker, which small models get wrong on tracks that are mostly silence.
	 */
	WHISPER_LANGUAGE: z.string().default('en'),
	/** Gemini (through @google/genai) writes the insights when a key is set. */
	GEMINI_API_KEY: z.string().optional().transform((v) => v || undefined),
	GEMINI_MODEL: z.string().min(1).default('gemini-2.5-flash'),
	/** Only for tests: a local server speaking Gemini's REST shape. */
	GEMINI_BASE_URL: z.string().url().optional(),
	/**
	 * Without a Gemini key: any OpenAI-compatible chat endpoint (ending in /v1) writes them;
	 * ./stoom runs llama.cpp's server here. Neither: insights are off.
	 */
	INSIGHTS_BASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
	INSIGHTS_MODEL: z.string().default('local'),
	INSIGHTS_API_KEY: z.string().optional(),
	/** How many tokens one request to the engine may hold (prompt and answer). */
	INSIGHTS_CONTEXT_TOKENS: z.coerce.number().int().min(1024).optional(),
	INSIGHTS_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(256).max(8192).default(1500),
	INSIGHTS_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(900),
	/** How often the rolling notes of a transcribed meeting are refreshed (when new lines came). */
	LIVE_NOTES_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
	/** Where the live-captions transcriber reaches this app to hand in its finals; default: this process on 127.0.0.1:$PORT. */
	TRANSCRIBER_CALLBACK_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
	/**
	 * Let rooms' item webhooks target loopback, private and link-local addresses (a tracker on
	 * the same network, the tests' local receiver). Off: such URLs are refused at save and at send.
	 */
	ITEM_WEBHOOK_ALLOW_PRIVATE_TARGETS: z
		.enum(['true', 'false'])
		.default('false')
		.transform((v) => v === 'true'),
	/** Per client address: new meetings. */
	RATE_LIMIT_CREATE_ROOM: limit('20/600'),
	/** Per client address: join attempts (the pre-join form). */
	RATE_LIMIT_JOIN: limit('60/60'),
	/** Per join pass: LiveKit tokens. */
	RATE_LIMIT_TOKEN: limit('60/60'),
	/**
	 * Wrong room passwords per client address and room (checked before any hashing), and per
	 * room from everyone (past it, a wrong password is answered "too many attempts" and the
	 * hosts are told; a right one still gets in).
	 */
	RATE_LIMIT_PASSWORD_CLIENT: limit('10/600'),
	RATE_LIMIT_PASSWORD_ROOM: limit('50/600'),
	/** Chat messages per participant, and per client address. */
	RATE_LIMIT_CHAT: limit('10/10'),
	RATE_LIMIT_CHAT_CLIENT: limit('30/10'),
	/** Knocks on a room that asks to join: per client address and room, and per room. */
	RATE_LIMIT_KNOCK_CLIENT: limit('10/600'),
	RATE_LIMIT_KNOCK_ROOM: limit('60/60'),
	/** A declined browser may knock again after this: 1/60 is once a minute. */
	RATE_LIMIT_KNOCK_DENIED: limit('1/60'),
	/** Board changes per participant: requests (a stroke sends ~20 a second), and bytes. */
	RATE_LIMIT_WHITEBOARD: limit('600/30'),
	RATE_LIMIT_WHITEBOARD_BYTES: limit('8000000/60'),
	/** Raising and lowering hands, per participant. */
	RATE_LIMIT_HANDS: limit('30/60'),
	/** Reactions per participant. */
	RATE_LIMIT_REACTIONS: limit('10/10'),
	/** Per client address: Ask your meetings questions (each runs the insights engine). */
	RATE_LIMIT_ASK: limit('20/600')
});

export type Env = z.infer<typeof schema>;
export type RateLimitSetting = Env['RATE_LIMIT_CHAT'];

let parsed: Env | undefined;

/**
 * The validated server configuration, parsed from process.env on first use.
 * Fails with a message naming every missing or malformed variable.
 */
export function env(): Env {
	if (parsed) return parsed;
	const result = schema.safeParse(process.env);
	if (!result.success) {
		const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid server environment (see .env.example):\n${problems.join('\n')}`);
	}
	parsed = result.data;
	return parsed;
}
