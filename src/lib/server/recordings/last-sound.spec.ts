import { describe, expect, it } from 'vitest';
import { lastSoundIndex } from './last-sound';

describe('lastSoundIndex', () => {
	it.each([
		{ name: 'empty', samples: [], index: -1 },
		{ name: 'digital silence (what Egress fills in)', samples: [0, 0, 0, 0], index: -1 },
		{ name: 'decoder dither is still silence', samples: [0, 1, -3, 8, -8, 0], index: -1 },
		{ name: 'the last loud sample', samples: [300, -2000, 0, 0, 0], index: 1 },
		{ name: 'quiet noise above the floor counts', samples: [0, 0, 9, 0], index: 2 },
		{ name: 'negative peaks count', samples: [0, -9, 0], index: 1 }
	])('$name', ({ samples, index }) => {
		expect(lastSoundIndex(Int16Array.from(samples))).toBe(index);
	});
});
