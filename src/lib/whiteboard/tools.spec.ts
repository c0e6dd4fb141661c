import { describe, expect, it } from 'vitest';
import { COLORS, STROKE_WIDTHS } from './shapes';
import { defaultWidth, defaultWidths, DEFAULT_COLOR, PALETTE, TOOLS, toolForKey, toolTitle, widthSlot, WIDTHS } from './tools';

describe('toolForKey', () => {
	it.each([
		['v', 'select'],
		['p', 'pen'],
		['r', 'rect'],
		['o', 'ellipse'],
		['a', 'arrow'],
		['l', 'line'],
		['n', 'note'],
		['t', 'text'],
		['e', 'eraser'],
		['h', 'hand'],
		['R', 'rect'],
		['x', null],
		['Enter', null],
		['', null]
	])('%j → %s', (key, tool) => {
		expect(toolForKey(key)).toBe(tool);
	});
});

describe('TOOLS', () => {
	it('gives every tool its own key', () => {
		expect(new Set(TOOLS.map((t) => t.key)).size).toBe(TOOLS.length);
	});

	it.each([
		['pen', 'pen'],
		['rect', 'rect'],
		['note', 'note'],
		['select', null],
		['eraser', null]
	])('%s draws %s', (id, kind) => {
		expect(TOOLS.find((t) => t.id === id)?.draws).toBe(kind);
	});

	it('titles a tool with its shortcut', () => {
		expect(toolTitle(TOOLS.find((t) => t.id === 'rect')!)).toBe('Rectangle (R)');
	});
});

describe('defaults', () => {
	it('come from the palette and width set that parseShape accepts', () => {
		expect(PALETTE).toEqual(COLORS);
		expect(WIDTHS).toEqual(STROKE_WIDTHS);
		expect(COLORS).toContain(DEFAULT_COLOR);
		for (const tool of TOOLS) expect(STROKE_WIDTHS).toContain(defaultWidth(tool.id));
	});
});

describe('widthSlot', () => {
	it.each([
		['pen', 'pen'],
		['line', 'shape'],
		['rect', 'shape'],
		['note', 'shape'],
		['text', 'shape'],
		['select', 'shape'],
		['eraser', 'shape']
	] as const)('%s uses the %s width', (tool, slot) => {
		expect(widthSlot(tool)).toBe(slot);
	});

	it('starts each slot at the default width of its tools', () => {
		expect(defaultWidths()).toEqual({ pen: defaultWidth('pen'), shape: defaultWidth('rect') });
		expect(defaultWidths()).not.toBe(defaultWidths());
	});
});
