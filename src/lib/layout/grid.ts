/** Pure grid rules for the video stage. No DOM, no Svelte: table-tested in grid.spec.ts. */

export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

export interface Viewport {
	width: number;
	height: number;
}

/** A tile's size in CSS px: the largest 16:9 box that fits its cell. */
export interface TileSize {
	tileWidthPx: number;
	tileHeightPx: number;
}

export interface GridLayout extends TileSize {
	columns: number;
	/** Rows visible at once; more rows scroll. */
	rows: number;
	/** Rows needed for everyone. */
	totalRows: number;
	scroll: boolean;
	/** Width of one tile as a percentage of the stage. */
	tileWidthPercent: number;
}

/** Geometry of the pinned view: one big stage tile plus a scrollable strip of the others. */
export interface PinnedGeometry {
	/** Landscape screens put the strip on the right, portrait ones below the stage. */
	stripPosition: 'right' | 'bottom';
	stageWidthPx: number;
	stageHeightPx: number;
	stripTileWidthPx: number;
	stripTileHeightPx: number;
	/** Strip tiles visible without scrolling. */
	stripVisible: number;
	stripScroll: boolean;
}

/** Space between tiles in CSS px (Tailwind `gap-3`). */
export const GAP_PX = 12;
const ASPECT = 16 / 9;
/** The seed's largest page: 4×4. */
const SEED_PAGE = 16;

export function deviceClass({ width }: Viewport): DeviceClass {
	if (width < 640) return 'mobile';
	if (width < 1024) return 'tablet';
	return 'desktop';
}

/** The seed's columns for a count on a wide screen: 1 → 1, 2 → 2, 3–4 → 2, 5–9 → 3, 10+ → 4. */
function seedColumns(count: number): number {
	if (count <= 1) return 1;
	if (count <= 4) return 2;
	if (count <= 9) return 3;
	return 4;
}

const MAX_COLUMNS: Record<DeviceClass, number> = { mobile: 2, tablet: 3, desktop: 4 };
/** Rows that fit before the grid scrolls. */
const MAX_ROWS: Record<DeviceClass, number> = { mobile: 3, tablet: 3, desktop: 4 };

/** The largest 16:9 box, in whole px, inside a width × height cell. */
export function fitTile(width: number, height: number): TileSize {
	const w = Math.floor(Math.max(0, Math.min(width, height * ASPECT)));
	return { tileWidthPx: w, tileHeightPx: Math.max(0, Math.min(Math.floor(w / ASPECT), Math.floor(height))) };
}

/** Tile size when `columns` × `rows` cells share the viewport with GAP_PX between them. */
function cellTile({ width, height }: Viewport, columns: number, rows: number): TileSize {
	return fitTile((width - (columns - 1) * GAP_PX) / columns, (height - (rows - 1) * GAP_PX) / rows);
}

/** How many rows of full-width 16:9 tiles fit the height. */
function rowsThatFit(viewport: Viewport, columns: number): number {
	const { tileHeightPx } = cellTile(viewport, columns, 1);
	return tileHeightPx > 0 ? Math.floor((viewport.height + GAP_PX) / (tileHeightPx + GAP_PX)) : 1;
}

/** Columns, visible rows and tile size for `count` tiles; the viewport is the area the grid fills. */
export function computeGrid(count: number, viewport: Viewport): GridLayout {
	const n = Math.max(1, Math.floor(count));
	const device = deviceClass(viewport);
	const portrait = viewport.height > viewport.width;
	let columns = Math.min(seedColumns(n), MAX_COLUMNS[device]);
	// Two people on a portrait screen stack instead of shrinking side by side.
	if (portrait && n === 2) columns = 1;
	if (portrait && device === 'mobile' && n <= 3) columns = 1;
	const totalRows = Math.ceil(n / columns);
	let maxRows = portrait && device === 'mobile' && n <= 3 ? 3 : MAX_ROWS[device];
	// A portrait screen with capped columns has height to spare: use it, up to the seed's 4×4 page.
	if (portrait) maxRows = Math.max(maxRows, Math.min(rowsThatFit(viewport, columns), Math.floor(SEED_PAGE / columns)));
	const rows = Math.min(totalRows, maxRows);
	return {
		columns,
		rows,
		totalRows,
		scroll: totalRows > rows,
		tileWidthPercent: Math.round(10000 / columns) / 100,
		...cellTile(viewport, columns, rows)
	};
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Stage and strip sizes for the pinned view with `stripCount` tiles in the strip. */
export function computePinned(stripCount: number, viewport: Viewport): PinnedGeometry {
	const { width, height } = viewport;
	const landscape = width >= height;
	const strip = landscape
		? fitTile(Math.min(clamp(Math.round(width / 5), 120, 240), width / 3), Infinity)
		: fitTile(Infinity, Math.min(clamp(Math.round(height / 8), 68, 135), height / 3));
	const stage = landscape
		? fitTile(width - strip.tileWidthPx - GAP_PX, height)
		: fitTile(width, height - strip.tileHeightPx - GAP_PX);
	const room = landscape ? height : width;
	const step = (landscape ? strip.tileHeightPx : strip.tileWidthPx) + GAP_PX;
	const stripVisible = step > GAP_PX ? Math.floor((room + GAP_PX) / step) : 0;
	return {
		stripPosition: landscape ? 'right' : 'bottom',
		stageWidthPx: stage.tileWidthPx,
		stageHeightPx: stage.tileHeightPx,
		stripTileWidthPx: strip.tileWidthPx,
		stripTileHeightPx: strip.tileHeightPx,
		stripVisible,
		stripScroll: stripCount > stripVisible
	};
}
