/**
 * What a key press on the board does. The meeting keeps Ctrl/⌘+D and Ctrl/⌘+E (microphone,
 * camera) and the browser keeps every other modified key; the caller skips presses while a
 * text field has focus.
 */
import { toolForKey, type ToolId } from './tools';

export interface KeyInput {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
}

export type KeyAction =
	| { kind: 'undo' | 'redo' | 'delete' | 'cancel' }
	/** Space: the board moves with the pointer while it is held. */
	| { kind: 'hold-to-pan' }
	| { kind: 'tool'; tool: ToolId };

/** The action of a key press, or null: leave it to the meeting and the browser. */
export function boardKeyAction(e: KeyInput, canDraw: boolean): KeyAction | null {
	const key = e.key.toLowerCase();
	if (e.ctrlKey || e.metaKey) {
		if (e.altKey || !canDraw) return null;
		if (key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
		if (key === 'y' && e.ctrlKey && !e.shiftKey) return { kind: 'redo' };
		return null;
	}
	if (e.altKey) return null;
	if (key === ' ') return { kind: 'hold-to-pan' };
	if (key === 'escape') return { kind: 'cancel' };
	if (!canDraw || e.shiftKey) return null;
	if (key === 'delete' || key === 'backspace') return { kind: 'delete' };
	const tool = toolForKey(e.key);
	return tool ? { kind: 'tool', tool } : null;
}
