/**
 * How browsers put board updates into LiveKit data packets. A reliable packet carries at most
 * about 15 KiB, and an update can be larger (an undo that brings back hundreds of shapes), so
 * each update travels as frames: one kind byte, then up to MAX_FRAME_BYTES of the update.
 * Reliable packets from one sender arrive in order, so parts need no numbering. The server's
 * own messages on the topic (a clear by the host) are bare updates, never framed.
 */
import { BOARD_LIMITS } from './board-updates';

export const MAX_FRAME_BYTES = 14_000;

const WHOLE = 0;
const PART = 1;
const LAST = 2;

/** The frames that carry `update`: one when it fits, else parts ending with a LAST frame. */
export function toFrames(update: Uint8Array, maxBytes = MAX_FRAME_BYTES): Uint8Array[] {
	const frame = (kind: number, body: Uint8Array) => {
		const bytes = new Uint8Array(body.byteLength + 1);
		bytes[0] = kind;
		bytes.set(body, 1);
		return bytes;
	};
	if (update.byteLength <= maxBytes) return [frame(WHOLE, update)];
	const frames: Uint8Array[] = [];
	for (let start = 0; start < update.byteLength; start += maxBytes) {
		const end = Math.min(start + maxBytes, update.byteLength);
		frames.push(frame(end === update.byteLength ? LAST : PART, update.subarray(start, end)));
	}
	return frames;
}

/**
 * Puts the frames of each sender back together. `push` answers a whole update once its last
 * frame is in, else null; garbage and oversized sequences are dropped.
 */
export class FrameAssembler {
	#parts = new Map<string, { chunks: Uint8Array[]; bytes: number }>();

	constructor(private readonly maxBytes = BOARD_LIMITS.maxUpdateBytes) {}

	push(sender: string, frame: Uint8Array): Uint8Array | null {
		const kind = frame[0];
		const body = frame.subarray(1);
		if (kind === WHOLE) {
			this.#parts.delete(sender);
			return body;
		}
		if (kind !== PART && kind !== LAST) return null;
		const pending = this.#parts.get(sender) ?? { chunks: [], bytes: 0 };
		pending.chunks.push(body);
		pending.bytes += body.byteLength;
		if (pending.bytes > this.maxBytes) {
			this.#parts.delete(sender);
			return null;
		}
		if (kind === PART) {
			this.#parts.set(sender, pending);
			return null;
		}
		this.#parts.delete(sender);
		const whole = new Uint8Array(pending.bytes);
		let offset = 0;
		for (const chunk of pending.chunks) {
			whole.set(chunk, offset);
			offset += chunk.byteLength;
		}
		return whole;
	}

	/** Forgets a sender's unfinished update (they left mid-way). */
	drop(sender: string): void {
		this.#parts.delete(sender);
	}
}
