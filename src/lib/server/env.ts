import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
	DATABASE_URL: z.string().url(),
	LIVEKIT_URL: z.string().url(),
	LIVEKIT_WS_URL: z.string().regex(/^wss?:\/\//, 'must start with ws:// or wss://'),
	LIVEKIT_API_KEY: z.string().min(3),
	LIVEKIT_API_SECRET: z.string().min(32, 'must be at least 32 characters'),
	SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
	/** Lifetime of a browser's LiveKit access token; LiveKit refreshes it while connected. */
	LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
	/** Where Egress writes recordings (absolute: Egress resolves paths from its own cwd). */
	RECORDINGS_STORAGE_PATH: z
		.string()
		.default('.data/recordings')
		.transform((p) => resolve(p)),
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
	WHISPER_LANGUAGE: z.string().default('en')
});

export type Env = z.infer<typeof schema>;

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
