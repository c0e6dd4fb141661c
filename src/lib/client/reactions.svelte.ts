import { RoomEvent, type Room } from 'livekit-client';
import { addToStream, parseReaction, REACTION_SHOW_MS, REACTIONS_TOPIC, type Reaction, type ReactionEmoji } from '#lib/reactions/reactions';
import { m } from '#lib/paraglide/messages';
import { parseRoomMetadata } from '#lib/room-metadata';
import { api, ApiError } from './api';
import { onRoomEvents } from './room-events';
import { onServerData } from './server-data';

/**
 * Reactions in the call: the ones showing now (each for a few seconds, over its sender's tile
 * and in the stream), sending one through the server, and whether the room allows them (the
 * room's metadata, which only the server writes).
 */
export class ReactionsState {
	#showing = $state.raw<Reaction[]>([]);
	#enabled = $state(true);
	#error = $state<string | null>(null);
	#timers = new Set<ReturnType<typeof setTimeout>>();

	constructor(
		readonly code: string,
		private readonly room: Room
	) {}

	/** Reactions showing now, oldest first. */
	get showing() {
		return this.#showing;
	}
	get enabled() {
		return this.#enabled;
	}
	get error() {
		return this.#error;
	}

	async send(emoji: ReactionEmoji): Promise<void> {
		this.#error = null;
		try {
			this.#show(await api.react(this.code, emoji));
		} catch (err) {
			this.#error = err instanceof ApiError ? err.message : m.panel_reaction_not_sent();
			setTimeout(() => (this.#error = null), REACTION_SHOW_MS);
		}
	}

	listen(): () => void {
		const onSettings = () => (this.#enabled = parseRoomMetadata(this.room.metadata).reactions);
		const onReaction = (message: unknown) => {
			const reaction = parseReaction(message);
			if (reaction) this.#show(reaction);
		};
		const stops = [onServerData(this.room, REACTIONS_TOPIC, onReaction), onRoomEvents(this.room, [RoomEvent.RoomMetadataChanged, RoomEvent.Connected], onSettings)];
		onSettings();
		return () => {
			stops.forEach((stop) => stop());
			for (const timer of this.#timers) clearTimeout(timer);
		};
	}

	#show(reaction: Reaction) {
		if (this.#showing.some((r) => r.id === reaction.id)) return;
		this.#showing = addToStream(this.#showing, reaction);
		const timer = setTimeout(() => {
			this.#timers.delete(timer);
			this.#showing = this.#showing.filter((r) => r.id !== reaction.id);
		}, REACTION_SHOW_MS);
		this.#timers.add(timer);
	}
}
