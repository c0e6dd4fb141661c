/** Pure grid rules for the video stage. No DOM, no Svelte: table-tested in grid.spec.ts. */

export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

export interface Viewport {
	width: number;
	height: number;
}

export interface GridLayout {
	columns: number;
	/** Rows visible at once; more rows scroll. */
	rows: number;
	/** Rows needed for everyone. */
	totalRows: number;
	scroll: boolean;
	/** Width of one tile as a percentage of the stage. */
	tileWidthPercent: number;
}

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

export function computeGrid(count: number, viewport: Viewport): GridLayout {
	const n = Math.max(1, Math.floor(count));
	const device = deviceClass(viewport);
	const portrait = viewport.height > viewport.width;
	let columns = Math.min(seedColumns(n), MAX_COLUMNS[device]);
	// Two people on a portrait screen stack instead of shrinking side by side.
	if (portrait && n === 2) columns = 1;
	if (portrait && device === 'mobile' && n <= 3) columns = 1;
	const totalRows = Math.ceil(n / columns);
	const maxRows = portrait && device === 'mobile' && n <= 3 ? 3 : MAX_ROWS[device];
	const rows = Math.min(totalRows, maxRows);
	return {
		columns,
		rows,
		totalRows,
		scroll: totalRows > rows,
		tileWidthPercent: Math.round((10000 / columns)) / 100
	};
}
