import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How tracked items answer what they refuse. */
export const ITEM_FAILURES: FailureTable<'no_such_item' | 'not_item_editor' | 'unknown_format'> = {
	no_such_item: [404, () => m.memory_items_no_such_item()],
	not_item_editor: [403, () => m.memory_items_not_editor()],
	unknown_format: [404, () => m.memory_items_unknown_format()]
};
