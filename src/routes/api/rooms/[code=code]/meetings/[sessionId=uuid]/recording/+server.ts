import { z } from 'zod';
import { requireHost } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { RECORDING_FAILURES } from '#lib/server/recordings/failures';
import { deleteRoomRecord } from '#lib/server/records/record-deletion.service';

/** Host only: delete the meeting's recording (files, transcript, insights). */
export const DELETE = procedure(
	z.object({}),
	async ({ event }) => {
		const ctx = pipelineContext();
		const room = await requireHost(ctx, event.cookies, event.params.code!);
		return deleteRoomRecord(ctx, room, event.params.sessionId!);
	},
	RECORDING_FAILURES
);
