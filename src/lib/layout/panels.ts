/**
 * Which meeting panels are visible. At most two at once; opening a third hides the one the user
 * did not mark to keep, or else the one opened longest ago. Pure: every function returns a new
 * state (or the same one when nothing changes).
 */

export const PANELS = ['screenShare', 'whiteboard', 'videoFeeds'] as const;
export type Panel = (typeof PANELS)[number];

export interface PanelState {
	/** Visible panels in the order they were opened, oldest first; never more than two, never empty. */
	visible: Panel[];
	/** The panel the user marked to keep when a third one opens. */
	keep: Panel | null;
}

export const MAX_VISIBLE = 2;

/** A fresh meeting shows only the video feeds. */
export function defaultPanels(): PanelState {
	return { visible: ['videoFeeds'], keep: null };
}

/** Shows `panel`; if two are already visible, hides the unkept one, else the least recently opened. */
export function openPanel(state: PanelState, panel: Panel): PanelState {
	if (state.visible.includes(panel)) return state;
	let visible = state.visible;
	if (visible.length >= MAX_VISIBLE) {
		const hide = visible.find((p) => p !== state.keep) ?? visible[0];
		visible = visible.filter((p) => p !== hide);
	}
	return { ...state, visible: [...visible, panel] };
}

/** Hides `panel`. The stage is never empty: closing the last panel brings back the video feeds. */
export function closePanel(state: PanelState, panel: Panel): PanelState {
	if (!state.visible.includes(panel)) return state;
	const visible = state.visible.filter((p) => p !== panel);
	if (visible.length === 0 && panel === 'videoFeeds') return state;
	return { ...state, visible: visible.length > 0 ? visible : ['videoFeeds'] };
}

/** Closes `panel` when visible, opens it otherwise. */
export function togglePanel(state: PanelState, panel: Panel): PanelState {
	return state.visible.includes(panel) ? closePanel(state, panel) : openPanel(state, panel);
}

/** Marks `panel` as the one to keep when a third opens (null clears the mark). */
export function setKeepPreference(state: PanelState, panel: Panel | null): PanelState {
	return state.keep === panel ? state : { ...state, keep: panel };
}

/** A screen share started: show it, by the same rule as any other panel. */
export function onScreenShareStarted(state: PanelState): PanelState {
	return openPanel(state, 'screenShare');
}

/** The screen share ended: hide its panel. */
export function onScreenShareEnded(state: PanelState): PanelState {
	return closePanel(state, 'screenShare');
}

/** A compact string for localStorage. */
export function serializePanels(state: PanelState): string {
	return JSON.stringify({ visible: state.visible, keep: state.keep });
}

const isPanel = (value: unknown): value is Panel => PANELS.includes(value as Panel);

/**
 * Reads what serializePanels wrote. Anything malformed gives the default state; unknown or
 * repeated panel names are dropped, and only the last two opened are kept.
 */
export function parsePanels(raw: string | null): PanelState {
	let data: unknown;
	try {
		data = JSON.parse(raw ?? '');
	} catch {
		return defaultPanels();
	}
	if (typeof data !== 'object' || data === null || !Array.isArray((data as { visible?: unknown }).visible)) {
		return defaultPanels();
	}
	const { visible: list, keep } = data as { visible: unknown[]; keep?: unknown };
	const visible = [...new Set(list.filter(isPanel))].slice(-MAX_VISIBLE);
	if (visible.length === 0) return defaultPanels();
	return { visible, keep: isPanel(keep) ? keep : null };
}
