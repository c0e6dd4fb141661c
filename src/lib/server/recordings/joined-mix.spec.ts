import { describe, expect, it } from 'vitest';
import { joinMixArgs, mixPieces } from './joined-mix';

const at = (s: number) => new Date(1_000_000 + s * 1000);
const mix = (file: string, startS: number | null, more: Partial<{ segment: number; status: 'complete' | 'failed'; kind: 'composite' | 'track' }> = {}) => ({
	kind: more.kind ?? ('composite' as const),
	segment: more.segment ?? 1,
	status: more.status ?? ('complete' as const),
	file_path: file,
	started_at: startS === null ? null : at(startS)
});

describe('mixPieces', () => {
	it.each([
		{ name: 'nothing recorded', recordings: [], pieces: [] },
		{ name: 'one mix from the origin', recordings: [mix('a/room.ogg', 0)], pieces: [{ path: 'a/room.ogg', offsetMs: 0, maxMs: null }] },
		{
			name: "a lost recorder's mix and its second segment, in order, the first cut where the second begins",
			recordings: [mix('a/room.s2.ogg', 40, { segment: 2 }), mix('a/room.ogg', 0)],
			pieces: [
				{ path: 'a/room.ogg', offsetMs: 0, maxMs: 40_000 },
				{ path: 'a/room.s2.ogg', offsetMs: 40_000, maxMs: null }
			]
		},
		{
			name: 'a second run of the session, later on the same clock',
			recordings: [mix('r1/room.ogg', 0), mix('r2/room.ogg', 300)],
			pieces: [
				{ path: 'r1/room.ogg', offsetMs: 0, maxMs: 300_000 },
				{ path: 'r2/room.ogg', offsetMs: 300_000, maxMs: null }
			]
		},
		{
			name: 'the joined mix itself, failed and unstarted mixes, video mixes and speakers are left out',
			recordings: [
				mix('a/room.ogg', 0),
				mix('a/room.joined.ogg', 0, { segment: 0 }),
				mix('a/room.s2.ogg', 20, { segment: 2, status: 'failed' }),
				mix('a/room.s3.ogg', null, { segment: 3 }),
				mix('b/room.mp4', 5),
				mix('a/p-TR.ogg', 1, { kind: 'track' })
			],
			pieces: [{ path: 'a/room.ogg', offsetMs: 0, maxMs: null }]
		},
		{ name: 'a mix starting before the origin is placed at 0', recordings: [mix('a/room.ogg', -2)], pieces: [{ path: 'a/room.ogg', offsetMs: 0, maxMs: null }] }
	])('$name', ({ recordings, pieces }) => {
		expect(mixPieces(recordings, at(0).getTime())).toEqual(pieces);
	});
});

describe('joinMixArgs', () => {
	it('delays each piece to its offset, cuts the one that runs into the next, and mixes without halving', () => {
		const args = joinMixArgs(
			[
				{ path: 'a.ogg', offsetMs: 0, maxMs: 40_000 },
				{ path: 'b.ogg', offsetMs: 40_000, maxMs: null }
			],
			'out.ogg'
		);
		expect(args.filter((_, i) => args[i - 1] === '-i')).toEqual(['a.ogg', 'b.ogg']);
		expect(args[args.indexOf('-filter_complex') + 1]).toBe(
			'[0:a]aresample=48000,atrim=end=40.000,adelay=0:all=1[a0];[1:a]aresample=48000,adelay=40000:all=1[a1];[a0][a1]amix=inputs=2:normalize=0:duration=longest[mix]'
		);
		expect(args.at(-1)).toBe('out.ogg');
	});
});
