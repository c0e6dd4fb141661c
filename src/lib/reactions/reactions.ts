/**
 * Reactions: a few emoji anyone in the call sends; they float over the sender's tile and pass in
 * a short stream for everyone. The server checks the room allows them and limits each person,
 * then broadcasts them; they are not kept. Pure.
 */
import { m } from '#lib/paraglide/messages';

/** The LiveKit data topic the server broadcasts reactions on. */
export const REACTIONS_TOPIC = 'reaction';

/** What can be sent, in the order the picker shows them. */
export const REACTION_EMOJI = ['👍', '👏', '🎉', '❤️', '😂', '😮', '🤔', '👎'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJI)[number];

const REACTION_NAMES: Record<ReactionEmoji, () => string> = {
	'👍': m.panel_reaction_thumbs_up,
	'👏': m.panel_reaction_clapping,
	'🎉': m.panel_reaction_celebrate,
	'❤️': m.panel_reaction_love,
	'😂': m.panel_reaction_laughing,
	'😮': m.panel_reaction_surprised,
	'🤔': m.panel_reaction_thinking,
	'👎': m.panel_reaction_thumbs_down
};

/** What a reaction is called ("Thumbs up"), in the reader's language. */
export function reactionName(emoji: ReactionEmoji): string {
	return REACTION_NAMES[emoji]();
}

export interface Reaction {
	/** Unique per reaction (the browser shows each once). */
	id: string;
	identity: string;
	name: string;
	emoji: ReactionEmoji;
}

/** How long a reaction floats and stays in the stream. */
export const REACTION_SHOW_MS = 4_000;

/** At most this many in the stream at once; the oldest give way. */
export const REACTION_STREAM_MAX = 6;

export function isReactionEmoji(value: unknown): value is ReactionEmoji {
	return typeof value === 'string' && (REACTION_EMOJI as readonly string[]).includes(value);
}

/** A reaction as it came over the wire, or null. */
export function parseReaction(value: unknown): Reaction | null {
	if (typeof value !== 'object' || value === null) return null;
	const r = value as Record<string, unknown>;
	if (typeof r.id !== 'string' || typeof r.identity !== 'string' || typeof r.name !== 'string' || !isReactionEmoji(r.emoji)) return null;
	return { id: r.id, identity: r.identity, name: r.name, emoji: r.emoji };
}

/** The stream after `reaction` arrives: newest last, at most `max`. */
export function addToStream(stream: readonly Reaction[], reaction: Reaction, max = REACTION_STREAM_MAX): Reaction[] {
	if (stream.some((r) => r.id === reaction.id)) return [...stream];
	return [...stream, reaction].slice(-max);
}
