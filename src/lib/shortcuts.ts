/**
 * The call's keyboard shortcuts, in the order the list (`?`) shows them. Letters are matched by
 * their key's position (`code`), so Alt combinations work on every layout and on macOS, where
 * Alt changes the character typed. Pure; the labels are read when shown, in the reader's language.
 */

import { m } from '#lib/paraglide/messages';

export type ShortcutAction = 'mic' | 'camera' | 'hand' | 'reactions' | 'chat' | 'people' | 'captions' | 'help';

export interface Shortcut {
	action: ShortcutAction;
	/** As the list shows it. */
	keys: string;
	label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
	{ action: 'mic', keys: 'Ctrl + D', get label() { return m.call_shortcut_mic(); } },
	{ action: 'camera', keys: 'Ctrl + E', get label() { return m.call_shortcut_camera(); } },
	{ action: 'hand', keys: 'Ctrl + Alt + H', get label() { return m.call_shortcut_hand(); } },
	{ action: 'reactions', keys: 'Ctrl + Alt + R', get label() { return m.call_shortcut_reactions(); } },
	{ action: 'chat', keys: 'Ctrl + Alt + C', get label() { return m.call_shortcut_chat(); } },
	{ action: 'people', keys: 'Ctrl + Alt + P', get label() { return m.call_shortcut_people(); } },
	{ action: 'captions', keys: 'C', get label() { return m.call_shortcut_captions(); } },
	{ action: 'help', keys: '?', get label() { return m.call_shortcut_help(); } }
];

export interface KeyPress {
	key: string;
	code: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
}

const CTRL: Partial<Record<string, ShortcutAction>> = { KeyD: 'mic', KeyE: 'camera' };
const CTRL_ALT: Partial<Record<string, ShortcutAction>> = { KeyH: 'hand', KeyR: 'reactions', KeyC: 'chat', KeyP: 'people' };

/**
 * The action a key press asks for, or null. `typing`: the focus is in a text field, where `?` is
 * a character (the modified shortcuts still work there, as in Google Meet).
 */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutAction | null {
	const ctrl = press.ctrlKey || press.metaKey;
	if (ctrl && press.altKey) return CTRL_ALT[press.code] ?? null;
	if (ctrl) return CTRL[press.code] ?? null;
	if (press.key === '?' && !press.altKey && !typing) return 'help';
	// A letter alone, as in Google Meet and YouTube: only outside text fields.
	if (press.code === 'KeyC' && !press.altKey && !typing) return 'captions';
	return null;
}
