/**
 * What the video stage shows: tile order, grid or pinned view, and who is emphasized.
 * Pure: the component feeds it participants, the debounced active speaker and its size.
 */
import { computeGrid, computePinned, type GridLayout, type PinnedGeometry, type Viewport } from './grid';

export interface StageTile {
	id: string;
	/** Milliseconds since epoch; with `id`, the only thing that orders tiles. */
	joinedAt: number;
	/** Accepted so participant views can be passed as they are; the local tile is not moved. */
	isLocal: boolean;
	/** Raw speaking flag; layout follows the debounced `activeSpeakerId` instead, to avoid flicker. */
	speaking: boolean;
	pinned: boolean;
}

export interface StageInput {
	tiles: StageTile[];
	/** The debounced active speaker (see active-speaker.ts); ignored when not among the tiles. */
	activeSpeakerId: string | null;
	/** The area the stage fills, in CSS px. */
	viewport: Viewport;
}

export type Emphasis = 'active' | 'dimmed' | 'normal';

interface StageCommon {
	/** The active speaker, or null when nobody (known) is. */
	activeSpeakerId: string | null;
	emphasis: Record<string, Emphasis>;
}

export type GridStage = StageCommon & GridLayout & { mode: 'grid'; order: string[] };
export type PinnedStage = StageCommon & PinnedGeometry & { mode: 'pinned'; stage: string; strip: string[] };
export type StageLayout = GridStage | PinnedStage;

/**
 * Join order: by `joinedAt`, then `id`, so a join or leave never reshuffles the others.
 * Duplicate ids keep their first occurrence.
 */
export function stableOrder<T extends Pick<StageTile, 'id' | 'joinedAt'>>(tiles: readonly T[]): T[] {
	const seen = new Set<string>();
	const unique = tiles.filter((t) => !seen.has(t.id) && Boolean(seen.add(t.id)));
	return unique.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Brings `id` into the first `pageSize` places by swapping it with the last unpinned tile of that
 * page: at most two tiles move. A pinned tile is never moved, nor is a tile already on the page.
 */
export function bringIntoView<T extends Pick<StageTile, 'id' | 'pinned'>>(order: readonly T[], id: string | null, pageSize: number): T[] {
	const result = [...order];
	const from = result.findIndex((t) => t.id === id);
	if (from < pageSize || result[from].pinned) return result;
	for (let to = Math.min(pageSize, result.length) - 1; to >= 0; to--) {
		if (result[to].pinned) continue;
		[result[to], result[from]] = [result[from], result[to]];
		break;
	}
	return result;
}

/** 'active' for the active speaker; the others 'dimmed' while someone is active and there are ≥ 2 tiles. */
function emphasize(tiles: readonly StageTile[], active: string | null): Record<string, Emphasis> {
	const dim = active !== null && tiles.length >= 2;
	return Object.fromEntries(tiles.map((t) => [t.id, t.id === active ? 'active' : dim ? 'dimmed' : 'normal']));
}

/**
 * Lays out the stage. With two or more tiles and a pin, the first pinned tile (join order) takes
 * the stage and the rest form a strip; otherwise a grid per the seed rules (see grid.ts). When the
 * grid or strip scrolls, the active speaker is swapped into the first visible page.
 */
export function computeStage(input: StageInput): StageLayout {
	const tiles = stableOrder(input.tiles);
	const active = tiles.some((t) => t.id === input.activeSpeakerId) ? input.activeSpeakerId : null;
	const common: StageCommon = { activeSpeakerId: active, emphasis: emphasize(tiles, active) };
	const pinned = tiles.length >= 2 ? tiles.find((t) => t.pinned) : undefined;
	if (pinned) {
		const rest = tiles.filter((t) => t !== pinned);
		const geometry = computePinned(rest.length, input.viewport);
		const strip = geometry.stripScroll ? bringIntoView(rest, active, Math.max(1, geometry.stripVisible)) : rest;
		return { mode: 'pinned', stage: pinned.id, strip: strip.map((t) => t.id), ...geometry, ...common };
	}
	const grid = computeGrid(tiles.length, input.viewport);
	const order = grid.scroll ? bringIntoView(tiles, active, grid.columns * grid.rows) : tiles;
	return { mode: 'grid', order: order.map((t) => t.id), ...grid, ...common };
}
