import { json, type RequestHandler } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { insightsEngine } from '#lib/server/pipeline/pipeline-context';
import { meetingRecord } from '#lib/server/records/meeting-record.service';

/** The meeting's record (stage, transcript, insights) for the in-call panel; read when the server announces a new stage. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const { session } = await requireSessionViewer(ctx, cookies, params.code!, params.sessionId!);
	return json(await meetingRecord(ctx.db, session, insightsEngine() !== null), { headers: { 'cache-control': 'no-store' } });
};
