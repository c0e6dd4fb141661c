/**
 * The record's playback stage, as a pure function of time: what people saw. A screen share
 * takes the stage while it lasts (the newest one after a takeover); otherwise the camera of
 * whoever spoke last; otherwise any camera; the other cameras sit in a strip.
 */

export interface StageVideo {
	id: string;
	identity: string;
	name: string;
	source: 'camera' | 'screen_share';
	/** Seconds on the recording's clock. */
	startAt: number;
	/** Seconds on the recording's clock; null while unknown (still recording). */
	endAt: number | null;
}

/** Someone speaking, from the transcript (seconds on the same clock). */
export interface SpeechSpan {
	identity: string;
	start: number;
	end: number;
}

export interface StageView {
	main: StageVideo | null;
	reason: 'screen' | 'speaker' | 'camera' | 'none';
	strip: StageVideo[];
}

const covers = (v: StageVideo, t: number) => v.startAt <= t && (v.endAt === null || t < v.endAt);

export function stageAt(t: number, videos: StageVideo[], speech: SpeechSpan[]): StageView {
	const live = videos.filter((v) => covers(v, t));
	const cameras = live.filter((v) => v.source === 'camera').sort((a, b) => a.startAt - b.startAt || a.name.localeCompare(b.name));
	const screens = live.filter((v) => v.source === 'screen_share').sort((a, b) => b.startAt - a.startAt);
	const strip = (main: StageVideo | null) => cameras.filter((c) => c !== main).sort((a, b) => a.name.localeCompare(b.name));

	if (screens[0]) return { main: screens[0], reason: 'screen', strip: strip(null) };
	const lastSpeaker = speech.filter((s) => s.start <= t).sort((a, b) => b.start - a.start)[0];
	const speakerCamera = lastSpeaker && cameras.find((c) => c.identity === lastSpeaker.identity);
	if (speakerCamera) return { main: speakerCamera, reason: 'speaker', strip: strip(speakerCamera) };
	if (cameras[0]) return { main: cameras[0], reason: 'camera', strip: strip(cameras[0]) };
	return { main: null, reason: 'none', strip: [] };
}

export interface StageSegment {
	from: number;
	to: number;
	mainId: string | null;
}

/**
 * The stage over the whole recording as consecutive segments (what the composite export
 * renders): the main picture changes only at a video's start or end or at a new speaker.
 */
export function stageSegments(videos: StageVideo[], speech: SpeechSpan[], duration: number): StageSegment[] {
	const cuts = new Set<number>([0, duration]);
	for (const v of videos) {
		cuts.add(v.startAt);
		if (v.endAt !== null) cuts.add(v.endAt);
	}
	for (const s of speech) cuts.add(s.start);
	const times = [...cuts].filter((t) => t >= 0 && t <= duration).sort((a, b) => a - b);
	const segments: StageSegment[] = [];
	for (let i = 0; i + 1 < times.length; i++) {
		const [from, to] = [times[i]!, times[i + 1]!];
		if (to - from < 1e-6) continue;
		const mainId = stageAt(from, videos, speech).main?.id ?? null;
		const last = segments.at(-1);
		if (last && last.mainId === mainId) last.to = to;
		else segments.push({ from, to, mainId });
	}
	return segments;
}
