import { describe, expect, it } from 'vitest';
import { compositeArgs, progressOf } from './composite-command';

describe('compositeArgs', () => {
	const args = compositeArgs({
		audioPath: '/r/room.ogg',
		durationSeconds: 60,
		videos: [
			{ id: 'cam-ada', path: '/r/ada.webm', startAt: 0 },
			{ id: 'screen-bo', path: '/r/bo-screen.webm', startAt: 12.5 },
			{ id: 'cam-cy', path: '/r/cy.webm', startAt: 3 } // never on the stage: not an input
		],
		segments: [
			{ from: 0, to: 12.5, mainId: 'cam-ada' },
			{ from: 12.5, to: 40, mainId: 'screen-bo' },
			{ from: 40, to: 60, mainId: 'cam-ada' }
		],
		outputPath: '/r/export.mp4'
	});
	const filter = args[args.indexOf('-filter_complex') + 1]!;

	it('takes the mix and only the videos that hold the stage', () => {
		expect(args.filter((a, i) => args[i - 1] === '-i')).toEqual(['/r/room.ogg', '/r/ada.webm', '/r/bo-screen.webm']);
	});

	it('places each video on the recording clock and shows it exactly while it holds the stage', () => {
		expect(filter).toContain('[1:v]setpts=PTS-STARTPTS+0/TB');
		expect(filter).toContain('[2:v]setpts=PTS-STARTPTS+12.5/TB');
		expect(filter).toContain("enable='between(t,0,12.5)+between(t,40,60)'");
		expect(filter).toContain("enable='between(t,12.5,40)'");
		expect(filter).toContain('color=c=black:s=1280x720:r=15:d=60');
	});

	it('renders the canvas as long as the meeting, with the mixed audio, to H.264 and AAC', () => {
		expect(args.slice(args.indexOf('-map'), args.indexOf('-map') + 4)).toEqual(['-map', '[base2]', '-map', '0:a?']);
		expect(args).toEqual(expect.arrayContaining(['-t', '60', '-c:v', 'libx264', '-c:a', 'aac', '/r/export.mp4']));
	});

	it('with no video at all, a black picture over the audio', () => {
		const bare = compositeArgs({ audioPath: '/a.ogg', durationSeconds: 5, videos: [], segments: [{ from: 0, to: 5, mainId: null }], outputPath: '/o.mp4' });
		expect(bare[bare.indexOf('-filter_complex') + 1]).toBe('color=c=black:s=1280x720:r=15:d=5[base0]');
		expect(bare).toContain('[base0]');
	});
});

describe('progressOf', () => {
	it.each([
		['out_time_us=30000000', 60, 0.5],
		['out_time_ms=60000000', 60, 1],
		['out_time_us=90000000', 60, 1],
		['frame=12', 60, null],
		['out_time_us=5', 0, null]
	])('%s of %i s → %s', (line, duration, expected) => {
		expect(progressOf(line, duration)).toBe(expected);
	});
});
