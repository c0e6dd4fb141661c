import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireHost } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { findRoomSession } from '#lib/server/meetings/session.repository';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { deleteRecord } from '#lib/server/records/record-deletion.service';

/** Host only: delete the meeting's recording (files, transcript, insights). */
export const DELETE = procedure(z.object({}), async ({ event }) => {
	const ctx = pipelineContext();
	const room = await requireHost(ctx, event.cookies, event.params.code!);
	const session = await findRoomSession(ctx.db, room.id, event.params.sessionId!);
	if (!session) error(404, 'No such meeting record');
	const result = await deleteRecord(ctx, session.id);
	if (!result.ok) error(result.reason === 'recording' ? 409 : 404, result.reason === 'recording' ? 'Stop the recording first.' : 'This meeting has no recording (it may have been deleted already).');
	return { deleted: true, files: result.files };
});
