import { describe, expect, it } from 'vitest';
import { FrameAssembler, toFrames } from './update-frames';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('toFrames', () => {
	it.each([
		[0, 10, [1]],
		[10, 10, [11]],
		[11, 10, [11, 2]],
		[25, 10, [11, 11, 6]]
	])('an update of %d bytes with frames of %d carries %j bytes per frame', (size, max, lengths) => {
		expect(toFrames(bytes(size), max).map((f) => f.byteLength)).toEqual(lengths);
	});

	it('marks a lone frame whole, and parts as parts until the last', () => {
		expect(toFrames(bytes(5), 10).map((f) => f[0])).toEqual([0]);
		expect(toFrames(bytes(25), 10).map((f) => f[0])).toEqual([1, 1, 2]);
	});
});

describe('FrameAssembler', () => {
	it.each([0, 1, 9, 10, 11, 99, 100, 101])('gives back an update of %d bytes exactly', (size) => {
		const assembler = new FrameAssembler();
		const update = bytes(size);
		const out = toFrames(update, 10).map((frame) => assembler.push('ada', frame));
		expect(out.slice(0, -1).every((o) => o === null)).toBe(true);
		expect(out.at(-1)).toEqual(update);
	});

	it('keeps senders apart when their frames interleave', () => {
		const assembler = new FrameAssembler();
		const [a, b] = [bytes(25), bytes(15).reverse()];
		const fa = toFrames(a, 10);
		const fb = toFrames(b, 10);
		const got = [
			assembler.push('ada', fa[0]),
			assembler.push('bo', fb[0]),
			assembler.push('ada', fa[1]),
			assembler.push('bo', fb[1]),
			assembler.push('ada', fa[2])
		];
		expect(got[3]).toEqual(b);
		expect(got[4]).toEqual(a);
	});

	it('forgets a dropped sender’s parts, and drops sequences over the limit or of unknown kind', () => {
		const assembler = new FrameAssembler(20);
		const frames = toFrames(bytes(25), 10);
		assembler.push('ada', frames[0]);
		assembler.drop('ada');
		expect(assembler.push('ada', frames[2])).toEqual(bytes(25).subarray(20));
		expect(toFrames(bytes(25), 10).map((f) => assembler.push('bo', f))).toEqual([null, null, null]);
		expect(assembler.push('cy', Uint8Array.of(7, 1, 2))).toBeNull();
	});
});
