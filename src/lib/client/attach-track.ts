import type { Track } from 'livekit-client';

/**
 * `{@attach attachTrack(track)}`: plays a LiveKit track in a media element while it is mounted.
 * Svelte runs an attachment when it builds the element, which may be before the element is
 * in the page; LiveKit's adaptive stream reads visibility at `attach` and an element not yet
 * laid out reads as hidden: the SFU pauses the track, and the resume a frame later waits for
 * the sender's next keyframe (up to a second). So a detached element is attached a microtask
 * later, once Svelte has put it in the page.
 */
export function attachTrack(track: Track | undefined) {
	return (element: HTMLMediaElement) => {
		if (!track) return;
		let attached = false;
		let cancelled = false;
		const attach = () => {
			if (cancelled) return;
			track.attach(element);
			attached = true;
		};
		if (element.isConnected) attach();
		else queueMicrotask(attach);
		return () => {
			cancelled = true;
			if (attached) track.detach(element);
		};
	};
}
