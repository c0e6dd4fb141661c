import { z } from 'zod';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { ITEM_FAILURES } from '#lib/server/items/failures';
import { editItem } from '#lib/server/items/items.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar day');

const itemEdit = z
	.object({
		status: z.enum(['open', 'done', 'dropped']).optional(),
		owner: z.string().max(80).nullable().optional(),
		dueText: z.string().max(60).nullable().optional(),
		dueDate: day.nullable().optional()
	})
	.strict()
	.refine((edit) => Object.keys(edit).length > 0, 'nothing to change');

/** Ticks an item off (or reopens, drops it), or changes its owner or due date: hosts, and its owner who was there. */
export const PATCH = procedure(
	itemEdit,
	async ({ input, event }) => {
		const ctx = pipelineContext();
		const room = await requireRoom(ctx, event.params.code!);
		return editItem(ctx, room, credentialsFor(event.cookies, room.code), event.params.itemId!, input);
	},
	ITEM_FAILURES
);
