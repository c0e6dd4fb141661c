import { RoomEvent, type Room } from 'livekit-client';
import { CHAT_MAX_LENGTH, CHAT_TOPIC, type ChatMessage } from '#lib/chat/message';
import { m } from '#lib/paraglide/messages';
import { api, ApiError } from './api';
import { joinSettled } from './join-settled';
import { onServerData } from './server-data';

/** A live broadcast really is a chat message (only its shape is checked: the server already sent it). */
function isChatMessage(value: unknown): value is ChatMessage {
	const m = value as Partial<ChatMessage> | null;
	return (
		typeof m === 'object' &&
		m !== null &&
		Number.isSafeInteger(m.seq) &&
		typeof m.senderIdentity === 'string' &&
		typeof m.senderName === 'string' &&
		typeof m.text === 'string' &&
		typeof m.sentAt === 'string'
	);
}

/** Pages fetched at most to close the gap after a long disconnect. */
const CATCH_UP_PAGES = 10;

/**
 * The meeting's chat: history from the server, live messages from the server's LiveKit
 * broadcasts, merged by server sequence so reconnects and reloads never duplicate or reorder.
 */
export class ChatState {
	#messages = $state.raw<ChatMessage[]>([]);
	#unread = $state(0);
	#panelOpen = $state(false);
	#error = $state<string | null>(null);
	#sending = $state(false);
	#hasEarlier = $state(false);
	#loadingEarlier = $state(false);
	#live = $state.raw<ChatMessage | null>(null);
	/** The last failed send: sending the same text again reuses its id, so the server stores it once. */
	#retry: { text: string; clientId: string } | null = null;

	constructor(
		readonly code: string,
		private readonly room: Room
	) {}

	/** Messages in server order, each once. */
	get messages() {
		return this.#messages;
	}
	/** Messages from others that arrived while the panel was closed. */
	get unread() {
		return this.#unread;
	}
	get panelOpen() {
		return this.#panelOpen;
	}
	set panelOpen(open: boolean) {
		this.#panelOpen = open;
		if (open) this.#unread = 0;
	}
	get error() {
		return this.#error;
	}
	get sending() {
		return this.#sending;
	}
	/** Older messages than those shown exist on the server ("Load earlier messages"). */
	get hasEarlier() {
		return this.#hasEarlier;
	}
	get loadingEarlier() {
		return this.#loadingEarlier;
	}
	/** The newest message that came in live (not from a history load): what a screen reader is told. */
	get live() {
		return this.#live;
	}

	/**
	 * Loads the newest page of the session's history; `countUnread` when it may hold messages
	 * missed while away. After a long disconnect it pages back until it meets what it holds.
	 */
	async load(countUnread = false): Promise<void> {
		try {
			const newestKnown = this.#messages.at(-1)?.seq;
			let page = await api.chat.page(this.code);
			const first = !this.#messages.length;
			this.#merge(page.messages, countUnread);
			if (first) this.#hasEarlier = page.hasMore;
			for (let i = 0; newestKnown !== undefined && page.hasMore && page.messages.length && page.messages[0]!.seq > newestKnown + 1 && i < CATCH_UP_PAGES; i++) {
				page = await api.chat.page(this.code, page.messages[0]!.seq);
				this.#merge(page.messages, countUnread);
			}
		} catch (err) {
			this.#error = m.panel_chat_load_failed({ reason: (err as Error).message });
		}
	}

	/** The page before the oldest message shown. */
	async loadEarlier(): Promise<void> {
		const oldest = this.#messages[0]?.seq;
		if (oldest === undefined || this.#loadingEarlier) return;
		this.#loadingEarlier = true;
		try {
			const page = await api.chat.page(this.code, oldest);
			this.#merge(page.messages, false);
			this.#hasEarlier = page.hasMore;
		} catch (err) {
			this.#error = m.panel_chat_load_earlier_failed({ reason: (err as Error).message });
		} finally {
			this.#loadingEarlier = false;
		}
	}

	/** Sends through the server; resolves true once stored. On failure the error says why. */
	async send(input: string): Promise<boolean> {
		const text = input.trim();
		if (!text) return false;
		if (text.length > CHAT_MAX_LENGTH) {
			this.#error = m.panel_chat_too_long({ max: CHAT_MAX_LENGTH });
			return false;
		}
		const clientId = this.#retry?.text === text ? this.#retry.clientId : crypto.randomUUID();
		this.#sending = true;
		this.#error = null;
		try {
			const message = await api.chat.send(this.code, { text, clientId });
			this.#retry = null;
			this.#merge([message], false);
			return true;
		} catch (err) {
			this.#retry = { text, clientId };
			this.#error = err instanceof ApiError ? err.message : m.panel_chat_not_sent();
			return false;
		} finally {
			this.#sending = false;
		}
	}

	/**
	 * Loads the history once connected, follows the server's broadcasts, and catches up after
	 * a reconnect (merging by sequence); returns the cleanup.
	 */
	listen(): () => void {
		// Only the server speaks on this topic (a board editor may publish data: its cursors).
		const stopData = onServerData(this.room, CHAT_TOPIC, (message) => {
			if (!isChatMessage(message)) return;
			this.#merge([message], true);
			this.#live = message;
		});
		// A first connection loads the history quietly (once the join has settled); later ones
		// count what was missed as unread.
		const onConnected = () => void joinSettled(this.room).then(() => this.load(this.#messages.length > 0));
		const onReconnected = () => void this.load(true);
		this.room.on(RoomEvent.Connected, onConnected).on(RoomEvent.Reconnected, onReconnected);
		if (this.room.state === 'connected') onConnected();
		return () => {
			stopData();
			this.room.off(RoomEvent.Connected, onConnected).off(RoomEvent.Reconnected, onReconnected);
		};
	}

	#merge(incoming: ChatMessage[], countUnread: boolean) {
		const bySeq = new Map(this.#messages.map((m) => [m.seq, m]));
		const self = this.room.localParticipant.identity;
		let fresh = 0;
		for (const message of incoming) {
			if (bySeq.has(message.seq)) continue;
			bySeq.set(message.seq, message);
			if (message.senderIdentity !== self) fresh++;
		}
		if (bySeq.size === this.#messages.length) return;
		this.#messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
		if (countUnread && !this.#panelOpen) this.#unread += fresh;
	}
}
