import { describe, expect, it } from 'vitest';
import { stageAt, stageSegments, type SpeechSpan, type StageVideo } from './stage-timeline';

const cam = (identity: string, startAt: number, endAt: number | null = null): StageVideo => ({ id: `cam-${identity}`, identity, name: identity, source: 'camera', startAt, endAt });
const screen = (identity: string, startAt: number, endAt: number | null): StageVideo => ({ id: `screen-${identity}-${startAt}`, identity, name: identity, source: 'screen_share', startAt, endAt });
const said = (identity: string, start: number, end = start + 2): SpeechSpan => ({ identity, start, end });

// Ada shares 10–30 s, Bo takes over 30–50 s; cameras: Ada from 0, Bo from 5, Cy 20–40.
const videos = [cam('Ada', 0), cam('Bo', 5), cam('Cy', 20, 40), screen('Ada', 10, 30), screen('Bo', 30, 50)];
const speech = [said('Ada', 1), said('Bo', 6), said('Cy', 22), said('Ada', 52), said('Cy', 55)];

describe('stageAt', () => {
	it.each<[number, string | null, string, string[]]>([
		[0.5, 'cam-Ada', 'camera', []],
		[2, 'cam-Ada', 'speaker', []],
		[7, 'cam-Bo', 'speaker', ['Ada']],
		[12, 'screen-Ada-10', 'screen', ['Ada', 'Bo']],
		[25, 'screen-Ada-10', 'screen', ['Ada', 'Bo', 'Cy']],
		[30, 'screen-Bo-30', 'screen', ['Ada', 'Bo', 'Cy']],
		[45, 'screen-Bo-30', 'screen', ['Ada', 'Bo']],
		// The shares are over; Cy spoke last but Cy's camera ended at 40: any camera.
		[50, 'cam-Ada', 'camera', ['Bo']],
		[53, 'cam-Ada', 'speaker', ['Bo']],
		[56, 'cam-Ada', 'camera', ['Bo']]
	])('at %s s → %s (%s), strip %j', (t, main, reason, strip) => {
		const view = stageAt(t, videos, speech);
		expect(view.main?.id ?? null).toBe(main);
		expect(view.reason).toBe(reason);
		expect(view.strip.map((v) => v.name)).toEqual(strip);
	});

	it('nothing to show without video', () => {
		expect(stageAt(3, [], speech)).toEqual({ main: null, reason: 'none', strip: [] });
	});
});

describe('stageSegments', () => {
	it('covers the whole recording with consecutive segments that change only when the main picture does', () => {
		const segments = stageSegments(videos, speech, 60);
		expect(segments[0]!.from).toBe(0);
		expect(segments.at(-1)!.to).toBe(60);
		for (let i = 1; i < segments.length; i++) {
			expect(segments[i]!.from).toBe(segments[i - 1]!.to);
			expect(segments[i]!.mainId).not.toBe(segments[i - 1]!.mainId);
		}
		expect(segments.map((s) => [s.from, s.mainId])).toEqual([
			[0, 'cam-Ada'],
			[6, 'cam-Bo'],
			[10, 'screen-Ada-10'],
			[30, 'screen-Bo-30'],
			[50, 'cam-Ada']
		]);
	});

	it('agrees with stageAt inside every segment', () => {
		for (const s of stageSegments(videos, speech, 60)) {
			expect(stageAt((s.from + s.to) / 2, videos, speech).main?.id ?? null).toBe(s.mainId);
		}
	});
});
