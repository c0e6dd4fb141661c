/**
 * How the call's chrome fits the screen: on a phone the dock keeps only the essential controls
 * (the rest behind "More") and the side panels (people, chat, transcript) open one at a time as
 * a bottom sheet over the stage; tablets and desktops keep the full dock and a side column.
 * Pure: the component feeds it the window's size. The stage's grid has its own rules (grid.ts).
 */
import type { Viewport } from './grid';

export type SidePanelMode = 'side' | 'sheet';
export type DockMode = 'full' | 'compact';

export interface CallLayout {
	sidePanel: SidePanelMode;
	dock: DockMode;
}

/** Tailwind's `md` breakpoint: narrower than this is a phone held upright. */
export const PHONE_MAX_WIDTH = 768;
/** Lower than this is a phone on its side: a side column or a wrapped dock would leave no stage. */
export const PHONE_MAX_HEIGHT = 480;

/** A phone's layout below `md` or on a landscape phone; otherwise (or before the size is known) the desktop one. */
export function callLayout(viewport: Viewport | null): CallLayout {
	const phone = viewport !== null && (viewport.width < PHONE_MAX_WIDTH || viewport.height < PHONE_MAX_HEIGHT);
	return phone ? { sidePanel: 'sheet', dock: 'compact' } : { sidePanel: 'side', dock: 'full' };
}
