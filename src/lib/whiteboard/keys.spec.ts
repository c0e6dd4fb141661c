import { describe, expect, it } from 'vitest';
import { boardKeyAction, type KeyInput } from './keys';

const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('boardKeyAction', () => {
	it.each([
		['Ctrl+Z', press('z', { ctrlKey: true }), { kind: 'undo' }],
		['⌘+Z', press('z', { metaKey: true }), { kind: 'undo' }],
		['Ctrl+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }), { kind: 'redo' }],
		['⌘+Shift+Z', press('Z', { metaKey: true, shiftKey: true }), { kind: 'redo' }],
		['Ctrl+Y', press('y', { ctrlKey: true }), { kind: 'redo' }],
		['Delete', press('Delete'), { kind: 'delete' }],
		['Backspace', press('Backspace'), { kind: 'delete' }],
		['Escape', press('Escape'), { kind: 'cancel' }],
		['Space', press(' '), { kind: 'hold-to-pan' }],
		['P', press('p'), { kind: 'tool', tool: 'pen' }],
		['R (caps lock)', press('R'), { kind: 'tool', tool: 'rect' }],
		['E', press('e'), { kind: 'tool', tool: 'eraser' }]
	])('%s → %o', (_, e, action) => {
		expect(boardKeyAction(e, true)).toEqual(action);
	});

	it.each([
		['Ctrl+D (the meeting’s microphone)', press('d', { ctrlKey: true })],
		['Ctrl+E (the meeting’s camera)', press('e', { ctrlKey: true })],
		['⌘+E', press('e', { metaKey: true })],
		['Ctrl+Alt+Z', press('z', { ctrlKey: true, altKey: true })],
		['Alt+E', press('e', { altKey: true })],
		['Shift+R', press('R', { shiftKey: true })],
		['⌘+Y (not redo on a Mac)', press('y', { metaKey: true })],
		['X', press('x')],
		['Enter', press('Enter')]
	])('leaves %s alone', (_, e) => {
		expect(boardKeyAction(e, true)).toBeNull();
	});

	it('gives a viewer only the keys that change nothing', () => {
		for (const key of ['z', 'y']) expect(boardKeyAction(press(key, { ctrlKey: true }), false)).toBeNull();
		for (const key of ['Delete', 'Backspace', 'p', 'e']) expect(boardKeyAction(press(key), false)).toBeNull();
		expect(boardKeyAction(press('Escape'), false)).toEqual({ kind: 'cancel' });
	});
});
