import type { ColumnType, Selectable } from 'kysely';

/** PostgreSQL returns bigint as a string; fences are read with Number(). */
type Fence = ColumnType<string, number | undefined, number>;

/** The screen-share lock of one room (see migration 0004). */
export interface ScreenShareLockTable {
	room_id: string;
	holder_id: string | null;
	previous_id: string | null;
	fence: Fence;
	applied_fence: Fence;
	release_pending_at: Date | null;
	updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type ScreenShareLockRow = Selectable<ScreenShareLockTable>;
