import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { HAND_FAILURES } from '#lib/server/hands/failures';
import { changeHands, currentHands } from '#lib/server/hands/hands.service';
import { procedure, query } from '#lib/server/http/procedure';

const handChange = z.union([
	z.object({ action: z.literal('raise') }),
	z.object({ action: z.literal('lower'), identity: z.string().min(1).max(200) }),
	z.object({ action: z.literal('lower'), reason: z.enum(['self', 'spoke']).optional() }),
	z.object({ action: z.literal('lower_all') })
]);

/** Raises or lowers your hand; hosts and co-hosts lower anyone's, or all. Answers the queue. */
export const POST = procedure(
	handChange,
	async ({ input, event }) => {
		const ctx = appContext();
		const member = await requireInCall(ctx, event.cookies, event.params.code!);
		return changeHands(ctx, member, input);
	},
	HAND_FAILURES
);

/** The queue of raised hands, for a browser that (re)connects. */
export const GET = query(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, event.cookies, event.params.code!);
	return currentHands(ctx, member);
});
