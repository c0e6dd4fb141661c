/**
 * The call's keyboard shortcuts, in the order the list (`?`) shows them. Letters are matched by
 * their key's position (`code`), so Alt combinations work on every layout and on macOS, where
 * Alt changes the character typed. Pure.
 */

export type ShortcutAction = 'mic' | 'camera' | 'hand' | 'reactions' | 'chat' | 'people' | 'help';

export interface Shortcut {
	action: ShortcutAction;
	/** As the list shows it. */
	keys: string;
	label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
	{ action: 'mic', keys: 'Ctrl + D', label: 'Turn the microphone on or off' },
	{ action: 'camera', keys: 'Ctrl + E', label: 'Turn the camera on or off' },
	{ action: 'hand', keys: 'Ctrl + Alt + H', label: 'Raise or lower your hand' },
	{ action: 'reactions', keys: 'Ctrl + Alt + R', label: 'Open the reactions' },
	{ action: 'chat', keys: 'Ctrl + Alt + C', label: 'Open or close the chat' },
	{ action: 'people', keys: 'Ctrl + Alt + P', label: 'Open or close the people list' },
	{ action: 'help', keys: '?', label: 'Show this list' }
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
	return null;
}
