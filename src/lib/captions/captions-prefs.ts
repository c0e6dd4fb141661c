/**
 * What one viewer chose for captions (on or off, text size, position), as this browser
 * remembers it, and the transcriber's status as its participant attributes say. Pure.
 */

export const CAPTION_SIZES = ['small', 'medium', 'large'] as const;
export const CAPTION_POSITIONS = ['bottom', 'top'] as const;
export type CaptionSize = (typeof CAPTION_SIZES)[number];
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

export interface CaptionPrefs {
	on: boolean;
	size: CaptionSize;
	position: CaptionPosition;
}

/** The localStorage key the choices are kept under. */
export const CAPTION_PREFS_KEY = 'stoom.captions';

export const DEFAULT_CAPTION_PREFS: CaptionPrefs = { on: false, size: 'medium', position: 'bottom' };

/** The remembered choices; anything missing or malformed falls back to its default. */
export function parseCaptionPrefs(json: string | null | undefined): CaptionPrefs {
	let value: Partial<Record<keyof CaptionPrefs, unknown>> = {};
	try {
		const parsed: unknown = json ? JSON.parse(json) : {};
		if (parsed && typeof parsed === 'object') value = parsed;
	} catch {
		// a malformed entry: the defaults
	}
	const oneOf = <T extends string>(options: readonly T[], v: unknown, fallback: T): T => (options.includes(v as T) ? (v as T) : fallback);
	return {
		on: typeof value.on === 'boolean' ? value.on : DEFAULT_CAPTION_PREFS.on,
		size: oneOf(CAPTION_SIZES, value.size, DEFAULT_CAPTION_PREFS.size),
		position: oneOf(CAPTION_POSITIONS, value.position, DEFAULT_CAPTION_PREFS.position)
	};
}

/** What the transcriber says of itself (participant attribute `stoom.captions`). */
export type TranscriberStatus = 'live' | 'behind' | 'unavailable';
export const TRANSCRIBER_STATUS_ATTRIBUTE = 'stoom.captions';
const RANK: Record<TranscriberStatus, number> = { live: 3, behind: 2, unavailable: 1 };

/**
 * The transcriber's status from the agents in the room, or null when none is transcribing
 * (or it has not said yet). During a handover two may be present: the better one counts.
 */
export function transcriberStatus(agents: Iterable<{ attributes: Readonly<Record<string, string>> }>): TranscriberStatus | null {
	let best: TranscriberStatus | null = null;
	for (const agent of agents) {
		const status = agent.attributes[TRANSCRIBER_STATUS_ATTRIBUTE] as TranscriberStatus | undefined;
		if (status && Object.hasOwn(RANK, status) && (best === null || RANK[status] > RANK[best])) best = status;
	}
	return best;
}
