import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('shortcutFor', () => {
	it.each([
		['Ctrl+D: microphone', press('KeyD', 'd', { ctrlKey: true }), false, 'mic'],
		['⌘+D on a Mac: microphone', press('KeyD', 'd', { metaKey: true }), false, 'mic'],
		['Ctrl+E: camera', press('KeyE', 'e', { ctrlKey: true }), false, 'camera'],
		['Ctrl+Alt+H: hand', press('KeyH', 'h', { ctrlKey: true, altKey: true }), false, 'hand'],
		['⌘+⌥+H types ˙ on a Mac: still the hand', press('KeyH', '˙', { metaKey: true, altKey: true }), false, 'hand'],
		['Ctrl+Alt+R: reactions', press('KeyR', 'r', { ctrlKey: true, altKey: true }), false, 'reactions'],
		['Ctrl+Alt+C: chat', press('KeyC', 'c', { ctrlKey: true, altKey: true }), false, 'chat'],
		['Ctrl+Alt+P: people', press('KeyP', 'p', { ctrlKey: true, altKey: true }), false, 'people'],
		['Ctrl+Alt+H while typing in the chat: still the hand', press('KeyH', 'h', { ctrlKey: true, altKey: true }), true, 'hand'],
		['?: the list', press('Slash', '?'), false, 'help'],
		['? typed in a text field is a character', press('Slash', '?'), true, null],
		['Ctrl+Alt+D is nothing', press('KeyD', 'd', { ctrlKey: true, altKey: true }), false, null],
		['H alone is nothing', press('KeyH', 'h'), false, null],
		['C alone: captions', press('KeyC', 'c'), false, 'captions'],
		['C on a layout where the key types another letter: still captions', press('KeyC', 'ц'), false, 'captions'],
		['c typed in a text field is a character', press('KeyC', 'c'), true, null],
		['Alt+C is nothing', press('KeyC', 'ç', { altKey: true }), false, null],
		['Ctrl+C is the browser’s copy', press('KeyC', 'c', { ctrlKey: true }), false, null],
		['Ctrl+H is the browser’s', press('KeyH', 'h', { ctrlKey: true }), false, null]
	])('%s', (_name, keyPress, typing, action) => {
		expect(shortcutFor(keyPress, typing)).toBe(action);
	});

	it('every shortcut the list shows is one the keys reach', () => {
		const reachable = new Set(
			[
				press('KeyD', 'd', { ctrlKey: true }),
				press('KeyE', 'e', { ctrlKey: true }),
				...['KeyH', 'KeyR', 'KeyC', 'KeyP'].map((code) => press(code, '', { ctrlKey: true, altKey: true })),
				press('Slash', '?'),
				press('KeyC', 'c')
			].map((p) => shortcutFor(p, false))
		);
		expect(SHORTCUTS.map((s) => s.action).filter((a) => !reachable.has(a))).toEqual([]);
	});
});
