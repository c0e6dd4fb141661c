import { describe, expect, it } from 'vitest';
import { GAP_PX } from './grid';
import { bringIntoView, computeStage, stableOrder, type StageTile } from './stage';

const g = (n: number) => n * GAP_PX;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Expected columns for 1..25 participants: the seed's, capped by device width, stacked when 2 on portrait. */
const devices = [
	{ name: 'mobile 390×844', viewport: { width: 390, height: 844 }, columns: [1, 1, 1, ...Array(22).fill(2)] },
	{ name: 'tablet portrait 820×1180', viewport: { width: 820, height: 1180 }, columns: [1, 1, 2, 2, ...Array(21).fill(3)] },
	// 1180 px wide is desktop-class: columns follow the width, not the hardware.
	{ name: 'tablet landscape 1180×820', viewport: { width: 1180, height: 820 }, columns: [1, 2, 2, 2, 3, 3, 3, 3, 3, ...Array(16).fill(4)] },
	{ name: 'desktop 1440×900', viewport: { width: 1440, height: 900 }, columns: [1, 2, 2, 2, 3, 3, 3, 3, 3, ...Array(16).fill(4)] }
];
const cases = devices.flatMap((d) => range(1, 25).map((count) => ({ ...d, count, expected: d.columns[count - 1] })));

/** Participants p01..pNN joined in that order; handed over in reverse to prove the sort. */
function tiles(count: number, extra: (i: number) => Partial<StageTile> = () => ({})): StageTile[] {
	return range(1, count)
		.map((i) => ({ id: `p${String(i).padStart(2, '0')}`, joinedAt: 1000 + i, isLocal: i === 1, speaking: false, pinned: false, ...extra(i) }))
		.reverse();
}
const ids = (count: number) => stableOrder(tiles(count)).map((t) => t.id);
const moved = (a: string[], b: string[]) => a.filter((id, i) => b[i] !== id).length;

describe('computeStage grid on every device for 1..25 participants', () => {
	it.each(cases)('$name, $count → $expected columns', ({ viewport, count, expected }) => {
		const s = computeStage({ tiles: tiles(count), activeSpeakerId: null, viewport });
		if (s.mode !== 'grid') throw new Error('expected grid');
		expect(s.columns).toBe(expected);
		expect(s.tileWidthPercent).toBe(Math.round(10000 / expected) / 100);
		expect(s.totalRows).toBe(Math.ceil(count / expected));
		expect(s.scroll).toBe(count > s.columns * s.rows);
		// Everyone exactly once, in join order.
		expect(s.order).toEqual(ids(count));
		// The visible page never spills out of the viewport; past it the grid scrolls.
		expect(s.columns * s.tileWidthPx + g(s.columns - 1)).toBeLessThanOrEqual(viewport.width);
		expect(s.rows * s.tileHeightPx + g(s.rows - 1)).toBeLessThanOrEqual(viewport.height);
		expect(Math.abs(s.tileWidthPx / s.tileHeightPx - 16 / 9)).toBeLessThan(0.02);
		expect(Object.values(s.emphasis).every((e) => e === 'normal')).toBe(true);
	});
});

describe('the active speaker is on the first page when the grid scrolls', () => {
	const speakerCases = devices.flatMap((d) => range(10, 25).flatMap((count) => range(0, count - 1).map((at) => ({ ...d, count, at }))));
	it.each(speakerCases)('$name, $count people, speaker #$at', ({ viewport, count, at }) => {
		const stable = ids(count);
		const s = computeStage({ tiles: tiles(count), activeSpeakerId: stable[at], viewport });
		if (s.mode !== 'grid') throw new Error('expected grid');
		expect(s.order.indexOf(stable[at])).toBeLessThan(s.columns * s.rows);
		expect([...s.order].sort()).toEqual(stable);
		expect(moved(s.order, stable)).toBe(at < s.columns * s.rows ? 0 : 2);
		expect(Object.values(s.emphasis).filter((e) => e === 'active')).toHaveLength(1);
		expect(Object.values(s.emphasis).filter((e) => e === 'dimmed')).toHaveLength(count - 1);
	});
});

describe('pinned view on every device', () => {
	const pinCases = devices.flatMap((d) => range(2, 25).flatMap((count) => [0, count >> 1, count - 1].map((pin) => ({ ...d, count, pin }))));
	it.each(pinCases)('$name, $count people, #$pin pinned', ({ viewport, count, pin }) => {
		const stable = ids(count);
		const s = computeStage({ tiles: tiles(count, (i) => ({ pinned: i === pin + 1 })), activeSpeakerId: stable[count - 1], viewport });
		if (s.mode !== 'pinned') throw new Error('expected pinned');
		expect(s.stage).toBe(stable[pin]);
		expect([s.stage, ...s.strip].sort()).toEqual(stable);
		expect(s.stripScroll).toBe(s.strip.length > s.stripVisible);
		const active = s.strip.indexOf(stable[count - 1]);
		if (active >= 0) expect(active).toBeLessThan(s.stripVisible);
		const landscape = s.stripPosition === 'right';
		const [main, cross] = landscape ? [viewport.width, viewport.height] : [viewport.height, viewport.width];
		const [stageMain, stageCross] = landscape ? [s.stageWidthPx, s.stageHeightPx] : [s.stageHeightPx, s.stageWidthPx];
		const [stripMain, stripCross] = landscape ? [s.stripTileWidthPx, s.stripTileHeightPx] : [s.stripTileHeightPx, s.stripTileWidthPx];
		expect(stageMain + GAP_PX + stripMain).toBeLessThanOrEqual(main);
		expect(stageCross).toBeLessThanOrEqual(cross);
		expect(s.stripVisible * stripCross + g(s.stripVisible - 1)).toBeLessThanOrEqual(cross);
		expect(s.stripVisible).toBeGreaterThanOrEqual(1);
	});
});

describe('computeStage rules', () => {
	const desktop = { width: 1440, height: 900 };
	const phone = { width: 390, height: 844 };

	it.each([
		['a late joiner goes last', tiles(4), ['p01', 'p02', 'p03', 'p04']],
		['a leaver closes the gap without reshuffling', tiles(5).filter((t) => t.id !== 'p02'), ['p01', 'p03', 'p04', 'p05']],
		['the local tile keeps its join place', tiles(3, (i) => ({ isLocal: i === 3 })), ['p01', 'p02', 'p03']],
		['equal joinedAt falls back to id', tiles(3, () => ({ joinedAt: 5 })), ['p01', 'p02', 'p03']],
		['duplicate ids appear once', [...tiles(2), ...tiles(2)], ['p01', 'p02']]
	])('%s', (_, input, order) => {
		expect(computeStage({ tiles: input, activeSpeakerId: null, viewport: desktop })).toMatchObject({ mode: 'grid', order });
	});

	it.each([
		['one speaking alone is active', 1, 'p01', { p01: 'active' }],
		['an unknown speaker emphasizes nobody', 2, 'ghost', { p01: 'normal', p02: 'normal' }],
		['nobody active, nobody dimmed', 2, null, { p01: 'normal', p02: 'normal' }],
		['others dimmed', 3, 'p02', { p01: 'dimmed', p02: 'active', p03: 'dimmed' }]
	] as const)('%s', (_, count, activeSpeakerId, emphasis) => {
		expect(computeStage({ tiles: tiles(count), activeSpeakerId, viewport: desktop }).emphasis).toEqual(emphasis);
	});

	it('a pin with nobody else is just the full-screen grid', () => {
		expect(computeStage({ tiles: tiles(1, () => ({ pinned: true })), activeSpeakerId: null, viewport: desktop })).toMatchObject({ mode: 'grid', columns: 1, tileWidthPercent: 100 });
	});

	it('the first pinned in join order takes the stage; the other pin keeps its strip place', () => {
		const s = computeStage({ tiles: tiles(12, (i) => ({ pinned: i === 4 || i === 2 })), activeSpeakerId: 'p12', viewport: phone });
		expect(s).toMatchObject({ mode: 'pinned', stage: 'p02', stripVisible: 2 });
		// Strip p01 p03 | p04(pinned) …: p12 swaps with p03, since p04 may not move.
		if (s.mode === 'pinned') expect(s.strip.slice(0, 3)).toEqual(['p01', 'p12', 'p04']);
	});

	it.each([
		['already visible', ['a', 'b', 'c', 'd'], 'b', 2, ['a', 'b', 'c', 'd']],
		['swaps with the last of the page', ['a', 'b', 'c', 'd'], 'd', 2, ['a', 'd', 'c', 'b']],
		['skips pinned tiles', ['a', 'B', 'c', 'd'], 'd', 2, ['d', 'B', 'c', 'a']],
		['a pinned target stays', ['a', 'b', 'c', 'D'], 'D', 2, ['a', 'b', 'c', 'D']],
		['an all-pinned page stays', ['A', 'B', 'c'], 'c', 2, ['A', 'B', 'c']],
		['unknown id', ['a', 'b', 'c'], 'x', 1, ['a', 'b', 'c']],
		['null id', ['a', 'b', 'c'], null, 1, ['a', 'b', 'c']]
	])('bringIntoView: %s', (_, order, id, pageSize, expected) => {
		// Upper-case ids are pinned.
		const input = order.map((o) => ({ id: o, pinned: o !== o.toLowerCase() }));
		expect(bringIntoView(input, id, pageSize).map((t) => t.id)).toEqual(expected);
	});
});
