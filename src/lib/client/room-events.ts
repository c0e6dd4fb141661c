import type { Room, RoomEventCallbacks } from 'livekit-client';

/** Calls `handler` on each of `events` of the room; returns the cleanup that stops it. */
export function onRoomEvents<E extends keyof RoomEventCallbacks>(room: Room, events: readonly E[], handler: RoomEventCallbacks[E]): () => void {
	for (const event of events) room.on(event, handler);
	return () => {
		for (const event of events) room.off(event, handler);
	};
}
