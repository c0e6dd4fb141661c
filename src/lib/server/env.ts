import { z } from 'zod';

const schema = z.object({
	DATABASE_URL: z.string().url(),
	LIVEKIT_URL: z.string().url(),
	LIVEKIT_WS_URL: z.string().regex(/^wss?:\/\//, 'must start with ws:// or wss://'),
	LIVEKIT_API_KEY: z.string().min(3),
	LIVEKIT_API_SECRET: z.string().min(32, 'must be at least 32 characters'),
	SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
	/** Lifetime of a browser's LiveKit access token; LiveKit refreshes it while connected. */
	LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600)
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
