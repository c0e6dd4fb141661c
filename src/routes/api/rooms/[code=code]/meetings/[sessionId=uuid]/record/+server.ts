import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { query } from '#lib/server/http/procedure';
import { insightsEngine } from '#lib/server/pipeline/pipeline-context';
import { meetingRecord } from '#lib/server/records/meeting-record.service';

/** The meeting's record (stage, transcript, insights) for the in-call panel; read when the server announces a new stage. */
export const GET = query(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const { session } = await requireSessionViewer(ctx, event.cookies, event.params.code!, event.params.sessionId!);
	return meetingRecord(ctx.db, session, insightsEngine() !== null);
});
